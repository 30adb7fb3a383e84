"""The Decap CMS configuration (`/admin/config.yml`), generated from the models and content/.

Two backends, one set of collections:

- local (`oit serve`): Decap's proxy backend talking to `oit serve` itself at `/api/v1`. The forms
  exchange JSON with it (`format: json`); the server writes YAML, keeping the clerk's comments.
- github (a site published on GitHub Pages with `site.repo_url` on github.com): Decap commits to
  the repository through GitHub's API; the Pages workflow checks and publishes each commit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import thai
from generator.content import models as m
from generator.content.catalogue import Catalogue
from generator.content.topics import TOPICS
from generator.publish.admin import forms
from generator.publish.admin.files import ContentFile, content_years, persistent_files, year_files

MEDIA_FOLDER = "files"  # inside content/; file fields store "files/<name>", relative to content/
MAX_PDF_MB = 15  # a scanned PDF beyond this is usually a 600 dpi colour scan; GitHub Pages holds 1 GB in all
MAX_FILE_MB = 20  # any other upload


@dataclass(frozen=True)
class GitHubRepo:
    owner: str
    name: str
    branch: str = "main"
    subdir: str = ""  # the project's folder inside the repository (a province repository)

    @property
    def repo(self) -> str:
        return f"{self.owner}/{self.name}"


_GITHUB = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")


def github_repo(org: m.Organisation) -> GitHubRepo | None:
    """The repository a hosted back office commits to, from `site.repo_url` (None: not on GitHub)."""
    url = org.site.repo_url or ""
    hit = _GITHUB.match(url.strip())
    if not hit:
        return None
    return GitHubRepo(hit.group(1), hit.group(2), org.site.edit_branch, org.site.repo_subdir.strip("/"))


def collection_name(year: int | None) -> str:
    return f"fy{year}" if year is not None else "lao"


def file_name(cf: ContentFile) -> str:
    return cf.stem


def _catalogues_for(cf: ContentFile, catalogues: dict[int, Catalogue]) -> list[Catalogue]:
    if cf.year is None:
        return [catalogues[max(catalogues)]] if catalogues else []
    # the ITA year fy shows this folder as "current"; ITA fy+1 shows it as "previous"
    return [c for y, c in sorted(catalogues.items()) if y in (cf.year, cf.year + 1)]


def uses_hint(topic: str, fy: int | None, cats: list[Catalogue]) -> str:
    """The scaffold's guidance for a topic (which ITA items use it, with their required
    elements), as a hint: '**ใช้ใน ITA 2569 ข้อ O11 …** ต้องมี: …; …'."""
    out = []
    for c in cats:
        for item, elements in c.uses(topic, fy):
            out.append(f"**ใช้ใน ITA {c.year} ข้อ {item.code} {item.title}**"
                       + (" ต้องมี: " + "; ".join(elements) if elements else ""))
    return " ".join(out)


def file_fields(cf: ContentFile, catalogues: dict[int, Catalogue], shared: dict | None = None) -> list[dict] | None:
    """Decap fields of one content file; None when the file has nothing to edit (items.yml of a
    year without a catalogue)."""
    cats = _catalogues_for(cf, catalogues)
    if cf.model is None:  # items.yml: one group per O-code of that ITA year
        cat = catalogues.get(cf.year) if cf.year is not None else None
        if cat is None:
            return None
        return [forms.decap_field(ff, required_here=False, shared=shared) for ff in forms.items_fields(cat)]
    out = []
    sections = cf.sections
    whole = "" if sections else uses_hint(cf.stem, cf.year, cats)
    for ff in forms.form_fields(cf.model):
        extra = uses_hint(f"{cf.stem}.{ff.name}", cf.year, cats) if sections else ""
        field = forms.decap_field(ff, required_here=True, extra_hint=extra, shared=shared)
        if sections:  # a topic of its own: its title as the site shows it
            field["label"] = TOPICS[f"{cf.stem}.{ff.name}"].title
            field["collapsed"] = True
        out.append(field)
    if whole and out:
        out[0]["hint"] = (out[0].get("hint", "") + " — " + whole).strip(" —")
    return out


def _year_label(fy: int) -> str:
    start, end = thai.fiscal_year_bounds(fy)
    return f"ปีงบประมาณ พ.ศ. {fy} ({thai.format_range(start, end).replace(thai.NBSP, ' ')})"


def _collection(name: str, label: str, description: str, files: list[ContentFile], catalogues: dict,
                prefix: str, fmt: str, shared: dict) -> dict:
    entries = []
    for cf in files:
        fields = file_fields(cf, catalogues, shared)
        if fields is None:
            continue
        entries.append({"name": file_name(cf), "label": cf.title, "file": prefix + cf.path, "fields": fields})
    return {
        "name": name, "label": label, "description": description, "format": fmt,
        "editor": {"preview": False}, "files": entries,
    }


def build_config(content_dir: Path, catalogues: dict[int, Catalogue], *, repo: GitHubRepo | None = None,
                 site_url: str | None = None) -> dict:
    """The whole configuration: `repo` None → local (`oit serve`), else the GitHub backend."""
    prefix = f"{repo.subdir}/" if repo and repo.subdir else ""
    fmt = "yml" if repo else "json"
    if repo:
        backend = {"name": "github", "repo": repo.repo, "branch": repo.branch,
                   "commit_messages": {"update": "หลังบ้าน: แก้ไข {{path}}", "create": "หลังบ้าน: สร้าง {{path}}",
                                       "uploadMedia": "หลังบ้าน: อัปโหลด {{path}}",
                                       "deleteMedia": "หลังบ้าน: ลบ {{path}}"}}
    else:
        backend = {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}
    shared: dict = {}  # the fields of each object made once: YAML anchors in config_text
    collections = [_collection(
        "lao", "ข้อมูลหน่วยงานและข้อมูลถาวร",
        "ข้อมูลที่ใช้ทุกปี: หน่วยงาน โครงสร้าง ผู้บริหาร อำนาจหน้าที่ ช่องทางติดต่อ",
        persistent_files(), catalogues, prefix, fmt, shared)]
    for fy in content_years(content_dir):
        collections.append(_collection(
            collection_name(fy), _year_label(fy), f"ข้อมูลของปีงบประมาณ พ.ศ. {fy} (โฟลเดอร์ content/{fy}/)",
            year_files(fy), catalogues, prefix, fmt, shared))
    config: dict = {
        "backend": backend,
        "locale": "th",
        "publish_mode": "simple",
        "media_folder": f"{prefix}content/{MEDIA_FOLDER}",
        "public_folder": MEDIA_FOLDER,
        "slug": {"encoding": "unicode", "clean_accents": False, "sanitize_replacement": "-"},
        "collections": collections,
    }
    if repo:
        _process_images_in_browser(collections)
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config


# Photos published through GitHub have no server to resize them: Decap re-encodes them in the
# browser instead (EXIF, GPS included, dropped). It scales to a width, never to a box, so only
# portraits of executives, which are always larger, get one.
PHOTO_WIDTH = 800


def _process_images_in_browser(fields: list) -> None:
    seen: set[int] = set()

    def walk(items: list) -> None:
        for f in items:
            if not isinstance(f, dict) or id(f) in seen:
                continue
            seen.add(id(f))
            if f.get("widget") == "image":
                f["media_processing"] = {"enabled": True, "strip_metadata": True, "quality": 85,
                                         **({"width": PHOTO_WIDTH} if f["name"] == "photo" else {})}
            for key in ("fields", "files", "collections"):
                if isinstance(f.get(key), list):
                    walk(f[key])
            if isinstance(f.get("field"), dict):
                walk([f["field"]])

    walk(fields)


def mode_script(config: dict) -> str:
    """admin/mode.js: which backend the page talks to, for our script (oit-admin.js)."""
    backend = "local" if config["backend"]["name"] == "proxy" else config["backend"]["name"]
    return f"window.OIT_ADMIN = {{ backend: '{backend}' }}\n"


def config_text(config: dict) -> str:
    return ("# สร้างโดย oit จากแบบข้อมูลและ content/ — อย่าแก้ไฟล์นี้ (generated by oit; do not edit)\n"
            # libyaml when PyYAML has it: the pure-Python dumper takes over half a second here
            + yaml.dump(config, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                        sort_keys=False, width=1000))


