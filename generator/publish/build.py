"""The pipeline: content → validated Site → Markdown in `build/docs` → MkDocs → `site/`.

MkDocs is imported only in `run_mkdocs`, the last step, so the generated Markdown stays a plain
folder any compatible engine can build. The site is built into a temporary folder next to the
target and swapped in only when the whole build succeeded: a failed build never leaves a
half-written site over a good one.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator import cores, thai
from generator.checks.validate import cross_file_problems, forget_reused, load_or_raise, raise_on_errors
from generator.content.site import Site
from generator.content.urls import year_path
from generator.problems import Problem, Problems, StrictFailed
from generator.publish import claims as claims_mod
from generator.publish import opendata, uptodate
from generator.publish.admin.site import site_files as admin_files
from generator.publish.alongside import PagesAlongside
from generator.publish.audit import Audit, audit
from generator.publish.branding import FAVICON_PATH, NEUTRAL_SEAL, Branding, branding
from generator.publish.helpers import FILES_PREFIX, FileSet
from generator.publish.pages import (
    ACCESSIBILITY_PATH,
    CONTACT_PATH,
    ENGLISH_PATH,
    GENERAL_PATH,
    OIT_PATH,
    PRIVACY_PATH,
    SECURITY_POLICY_PATH,
    SITEMAP_PATH,
    TITLES,
    WEBSITE_POLICY_PATH,
    build_pages,
    readiness_page,
    site_updated,
)
from generator.publish.project import Project
from generator.publish.render import TEMPLATE_DIR, front_matter, make_env, render
from generator.publish.search import write_index
from generator.publish.write import WriteStats, can_share, sync_tree, write_text_if_changed, write_text_status


@dataclass
class Generated:
    site: Site | None  # None when nothing changed since the last run (`unchanged`)
    problems: Problems
    pages: int
    documents: int
    stats: WriteStats
    seconds: float
    notes: list[str] = field(default_factory=list)  # for maintainers (provisional catalogues …)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase, for benchmarks
    unchanged: bool = False  # answered from build/.oit-state.json: no input changed, nothing written
    config_changed: bool = False  # build/mkdocs.yml (navigation, site settings) was rewritten
    early: list[str] = field(default_factory=list)  # pages written ahead of the others (`Early`)
    claims: dict | None = None  # what the site will show, for its audit (claims.py); None when unchanged
    audit: Audit | None = None  # the audit of the built site (`build` only)


class AuditFailed(StrictFailed):
    """`--strict`: the audit of the newly built site found errors; the previous site is kept."""

    def __init__(self, result: Audit) -> None:
        super().__init__(result.problems)
        self.audit = result

    def __reduce__(self) -> tuple:
        return (type(self), (self.audit,), self.__dict__)


@dataclass
class Early:
    """For the preview: some pages (those a browser is showing) are rendered and written before
    the others, and `ready` is told which of them changed, so that they can be shown while the
    rest is rendered. Only when the navigation and site settings (build/mkdocs.yml) stay as they
    are: otherwise every page changes. `cancelled` is asked between pages: when it answers True
    (another edit arrived), `generate` stops with `Superseded` before writing the rest."""

    paths: Callable[[], Iterable[str]]
    ready: Callable[[list[str]], None]
    cancelled: Callable[[], bool] = lambda: False


class Superseded(Exception):
    """`generate` stopped early: a newer edit makes the rest of this run useless."""


class MkDocsFailed(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def maintainer_notes(site: Site) -> list[str]:
    return [note for year in site.published_years() if (note := site.catalogues[year].provisional_note())]


def _url(docs_path: str, directory_urls: bool) -> str:
    """The site-relative address of a generated page ('sitemap/index.md' → 'sitemap/')."""
    return docs_path.removesuffix("index.md") if directory_urls else docs_path.removesuffix(".md") + ".html"


def theme_extra(project: Project, site: Site, brand: Branding, updated: date | None) -> dict:
    """`extra.oit`: what the theme's header, footer, utility bar and 404 page show (theme/)."""
    org = site.org
    directory_urls = project.directory_urls

    def link(path: str, title: str | None = None, **more: str) -> dict:
        return {"title": title or TITLES[path], "url": _url(path, directory_urls), **more}

    footer = [link(p) for p in (SITEMAP_PATH, WEBSITE_POLICY_PATH, PRIVACY_PATH, SECURITY_POLICY_PATH,
                                ACCESSIBILITY_PATH, opendata.PAGE_PATH)]
    quick = [link(CONTACT_PATH), link(SITEMAP_PATH)]
    if org.site.english:
        quick.append(link(ENGLISH_PATH, "English", lang="en"))
        footer.append(link(ENGLISH_PATH, "English summary", lang="en"))
    newest = site.published_years()[-1] if site.published_years() else None
    not_found = [link(GENERAL_PATH), link(CONTACT_PATH), link(OIT_PATH), link(SITEMAP_PATH)]
    if newest:
        not_found.insert(2, {"title": f"การเปิดเผยข้อมูลสาธารณะ (OIT) ปี {newest}",
                             "url": _url(year_path(newest), directory_urls)})
    return {
        "name": org.name,
        "short_name": org.short_name or org.name,
        "place": f"อำเภอ{org.district} จังหวัด{org.province}",
        "address": f"{org.address} {org.postcode or ''}".strip(),
        "phone": [{"text": p, "href": "".join(ch for ch in thai.to_arabic(p.split("ต่อ")[0]) if ch.isdigit() or ch == "+")}
                  for p in org.phone],
        "email": list(org.email),
        "office_hours": org.office_hours,
        "links": footer,
        "quick_links": quick,
        "not_found_links": not_found,
        "touch_icon": brand.touch_icon,
        "updated": thai.format_date(updated, site.digits) if updated else None,
    }


def derived_config(project: Project, site: Site, nav: list, brand: Branding | None = None,
                   updated: date | None = None) -> str:
    """build/mkdocs.yml: inherits the base config, adds what comes from content/."""
    org = site.org
    brand = brand or Branding(NEUTRAL_SEAL, FAVICON_PATH, None)
    cfg: dict = {
        "INHERIT": os.path.relpath(project.base_config, project.build_dir),
        "site_name": org.short_name or org.name,  # page titles, the menu; the header shows the full name
        "docs_dir": "docs",
        "theme": {"custom_dir": os.path.relpath(project.theme_dir, project.build_dir),
                  "logo": brand.logo, "favicon": brand.favicon},
        "copyright": f"{org.name} อำเภอ{org.district} จังหวัด{org.province}",
        "extra": {"oit": theme_extra(project, site, brand, updated)},
        "nav": nav,
    }
    if org.site.readiness_page:
        cfg["not_in_nav"] = "/readiness/index.md\n"
    if org.site.site_url:
        cfg["site_url"] = org.site.site_url
    if org.site.description:
        cfg["site_description"] = org.site.description
    if project.file_system:
        # Opened from a folder or a USB stick: no server to turn /oit/2569/o1/ into index.html.
        # (The search loads its files as scripts, which a page opened from a folder may do.)
        cfg["use_directory_urls"] = False
        cfg.pop("site_url", None)
    return "# Generated by oit from content/ — do not edit; edit mkdocs.yml or content/ instead.\n" + yaml.safe_dump(
        cfg, allow_unicode=True, sort_keys=False, width=1000
    )


CACHE_DIR = ".oit-cache"  # in the build folder: resized seals, kept between runs

_ENV: tuple[list, jinja2.Environment] | None = None  # (the templates' files, sizes and times; the environment)


def _env() -> jinja2.Environment:
    """One Jinja environment per process: templates compile once (a third of a second), not once
    per LAO of a province. A new one when a template's file changed (`oit serve`): looked at once
    per run, where Jinja would look at the file at each of a build's 30,000 includes."""
    global _ENV
    templates = uptodate.tree(TEMPLATE_DIR)
    if _ENV is None or _ENV[0] != templates:
        env = make_env()
        env.auto_reload = False
        _ENV = (templates, env)
    return _ENV[1]


def _strict(problems: Problems, strict: bool, ignore: Iterable[str]) -> Problems:
    """The problems without the ignored codes; raises StrictFailed when `strict` and any remain."""
    kept = Problems(ignore)
    kept.extend(problems)
    if strict and kept.warnings:
        raise StrictFailed(kept)
    return kept


@contextmanager
def _no_full_collections() -> Iterator[None]:
    """Loading and rendering make a million objects that all live until the step ends. Each time
    the heap grows by a quarter, the cyclic collector walks all of it: 16 walks of a ten-year
    site cost a second and found nothing to free. The young generations are still collected;
    the old one waits for the next collection after the step."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], max(thresholds[2], 1_000_000))
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def generate(project: Project, *, force: bool = False, strict: bool = False,
             ignore: Iterable[str] = (), early: Early | None = None) -> Generated:
    """Validate content and write the Markdown tree. Raises UserError on content errors, and
    StrictFailed when `strict` and the content has warnings (nothing is written then).

    When no input changed since the last run and the generated files are as it left them, the
    answer (problems, counts) comes from that run and nothing is read or written
    (generator/uptodate.py); `force` skips that check. `early`: the preview's pages first.
    """
    with _no_full_collections():
        return _generate(project, force=force, strict=strict, ignore=ignore, early=early)


def _generate(project: Project, *, force: bool, strict: bool, ignore: Iterable[str],
              early: Early | None) -> Generated:
    start = time.perf_counter()
    inputs = uptodate.inputs_key(project)
    last = uptodate.read(project.build_dir) or {}
    if not force and uptodate.unchanged(project, inputs, last):
        generated = _from_state(last, time.perf_counter() - start)
        generated.problems = _strict(generated.problems, strict, ignore)
        return generated
    uptodate.forget(project.build_dir)
    timings: dict[str, float] = {}
    lap = start

    def phase(name: str) -> None:
        nonlocal lap
        now = time.perf_counter()
        timings[name] = now - lap
        lap = now

    phase("check")
    site, problems = load_or_raise(project.root, project.content_dir)
    if project.site_url:
        site.org.site.site_url = project.site_url.rstrip("/") + "/"
    # What needs the content but not the pages runs beside their rendering (on a second core where
    # there is one): nothing is written before the checks across files have passed.
    aside = cores.beside(_beside_rendering, site, not project.file_system)
    later = Problems()

    def checked() -> Problems:
        """The problems shown, once the cross-file checks are in. Raises UserError on an error,
        and StrictFailed when `strict` and there is a warning."""
        problems.extend(aside().cross_file)
        raise_on_errors(problems)
        problems.extend(later.in_order())
        return _strict(problems, strict, ignore)

    # The preview writes its first pages before the others are rendered: checked first.
    shown = checked() if early is not None else None
    try:
        phase("load")
        files = FileSet(site.content_dir)
        tables = opendata.tables(site)
        pages, nav = build_pages(site, files, preview=project.preview, tables=tables)
        if site.org.site.readiness_page:
            pages.append(readiness_page(site, files))
        brand = branding(site, project.build_dir / CACHE_DIR / "branding", later)
        phase("pages")
        env = _env()
        config_text = derived_config(project, site, nav, brand, site_updated(pages))
        texts: dict[str, str] = {}
        written_early: list[str] = []
        if early is not None and _current(project.config_file, config_text):
            wanted = set(early.paths())
            for p in pages:
                if p.path in wanted:
                    texts[p.path] = front_matter(p.meta) + render(env, p.templates, p.context)
                    if write_text_status(project.docs_dir / p.path, texts[p.path]):
                        written_early.append(p.path)
            if written_early:
                early.ready(written_early)
        for p in pages:
            if p.path not in texts:
                if early is not None and early.cancelled():
                    raise Superseded
                texts[p.path] = front_matter(p.meta) + render(env, p.templates, p.context)
    except Exception:
        if shown is None:
            checked()  # content the checks refuse: their errors are the answer, not what they broke
        raise
    if shown is None:
        shown = checked()
    phase("render")
    copies = {dest: site.content_dir / ref for ref, dest in files.dest.items()}
    documents = len(copies)
    done_aside = aside()
    texts.update(done_aside.open_data)
    texts.update(done_aside.admin_texts)
    copies.update(done_aside.admin_copies)
    copies.update(brand.copies)
    stats = sync_tree(project.docs_dir, texts, copies)
    config_changed = write_text_if_changed(project.config_file, config_text)
    if config_changed:
        stats.written += 1
    phase("write")
    claims = claims_mod.make(project, site, pages, files, done_aside.items)
    phase("claims")
    notes = maintainer_notes(site)
    outputs = uptodate.outputs_key(project)
    claims_key = claims_mod.key(claims)
    same_site = last.get("site") and last.get("outputs") == outputs
    uptodate.write(project.build_dir, {
        "inputs": inputs, "outputs": outputs, "claims_key": claims_key, "pages": len(pages),
        "documents": documents, "files": len(texts) + len(copies) + 1, "notes": notes,
        "problems": [p.as_dict() for p in problems.sorted()],
        # the site built from identical Markdown is still current, and so is its audit when the
        # build claims the same of it
        **({"site": last["site"]} if same_site else {}),
        **({"audit": last["audit"]} if same_site and last.get("audit") and last.get("claims_key") == claims_key
           else {}),
    })
    timings["write"] += time.perf_counter() - lap
    return Generated(site, shown, len(pages), documents, stats, time.perf_counter() - start, notes, timings,
                     claims=claims, config_changed=config_changed, early=written_early)


@dataclass
class _Aside:
    """What a build works out from the content beside the rendering of its pages."""

    cross_file: list[Problem]  # the checks across files
    items: list[dict]  # the ITAS sheet and readiness of every year, for the audit (claims)
    open_data: dict[str, str]  # the CSV and JSON files of the tables the pages show
    admin_texts: dict[str, str]  # the back office inside the site, when it has one
    admin_copies: dict[str, Path]


def _beside_rendering(site: Site, back_office: bool) -> _Aside:
    cross_file = cross_file_problems(site)
    if any(p.is_error for p in cross_file):  # the build stops there: the rest is for content that passes
        return _Aside(cross_file, [], {}, {}, {})
    # A site opened from a folder has no GitHub to save to, so no back office. The back office's
    # readiness report lists the content's errors: a site that is built has none.
    admin_texts, admin_copies = admin_files(site, Problems()) if back_office else ({}, {})
    return _Aside(cross_file, claims_mod.items(site), dict(opendata.files(site, opendata.tables(site))),
                  admin_texts, admin_copies)


def _current(path: Path, text: str) -> bool:
    """Whether the file at `path` holds `text` already."""
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


class _LinkDocuments:
    """A MkDocs plugin, added in-process: each published document goes into the site as a hard
    link to its copy in build/docs, so a big document is stored twice (content/ and build/), not
    three times. build/docs holds a copy, not a link to content/: a clerk saving over a document
    in content/ must not change the published site before the next build has succeeded. MkDocs'
    own copy then finds the same file and leaves it (it lets plugins write into the site this
    way); where linking fails, MkDocs copies as usual."""

    def __init__(self, docs_dir: Path) -> None:
        self.documents = (docs_dir / FILES_PREFIX).resolve()

    def on_files(self, files: Any, *, config: Any) -> Any:  # mkdocs' Files and config, imported late
        for f in files.media_files():
            src = Path(f.abs_src_path or "")
            if self.documents not in src.parents or not can_share(src):
                continue
            dest = Path(f.abs_dest_path)
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.link(os.path.realpath(src), dest)
            except OSError:
                pass  # MkDocs copies it
        return files


class _HandOverPages:
    """A MkDocs plugin, added in-process and last: each page's content as soon as its Markdown is
    HTML, then the whole page as it will be written, handed to `helper` (site-relative path,
    HTML). MkDocs turns the Markdown of every page into HTML before it renders any page."""

    def __init__(self, helper: PagesAlongside) -> None:
        self.helper = helper

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        self.helper.content(page.file.dest_uri, html)
        return html

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        self.helper.page(page.file.dest_uri, output)
        return output


def run_mkdocs(config_file: Path, site_dir: Path, helper: PagesAlongside | None = None) -> None:
    """`mkdocs build --strict` into `site_dir`; raises MkDocsFailed with MkDocs' messages.
    `helper` is handed each page as MkDocs makes it (see `_HandOverPages`)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins["oit/link-documents"] = _LinkDocuments(Path(config.docs_dir))  # type: ignore[assignment]
        if helper is not None:
            config.plugins["oit/hand-over-pages"] = _HandOverPages(helper)  # type: ignore[assignment]
        mkdocs_build(config)
    except MkDocsException as exc:
        raise MkDocsFailed(collector.messages or [str(exc)]) from None
    except jinja2.TemplateError as exc:  # a theme override in theme/ is broken
        where = getattr(exc, "filename", None) or getattr(exc, "name", None) or "theme"
        line = getattr(exc, "lineno", None)
        raise MkDocsFailed([f"theme template {where}{':' + str(line) if line else ''}: {exc}"]) from None
    finally:
        logger.removeHandler(collector)


def postprocess(site_dir: Path, project: Project) -> None:
    """Steps after MkDocs, on the not-yet-published folder: the site's search index (see
    generator/publish/search.py), with the pages already cut into words kept in the build folder."""
    write_index(site_dir, project.build_dir, directory_urls=project.directory_urls)


def _from_state(state: dict, seconds: float) -> Generated:
    generated = Generated(None, uptodate.problems_from(state["problems"]), state["pages"], state["documents"],
                          WriteStats(unchanged=state["files"]), seconds, state["notes"], {"check": seconds},
                          unchanged=True)
    if state.get("audit"):
        a = state["audit"]
        generated.audit = Audit(uptodate.problems_from(a["problems"]), {}, a["pages"], a["items"], a["elements"])
    return generated


def up_to_date(project: Project) -> Generated | None:
    """The last build, when neither its inputs, its Markdown, the theme nor the site changed since."""
    start = time.perf_counter()
    state = uptodate.read(project.build_dir) or {}
    # "audit": the site was audited against this very content (a change that leaves the pages as
    # they were, such as a manual confirmation, still changes what the ITAS sheet claims)
    if (uptodate.unchanged(project, uptodate.inputs_key(project), state) and state.get("audit")
            and state.get("site") == uptodate.site_key(project, state["outputs"])):
        return _from_state(state, time.perf_counter() - start)
    return None


def build(project: Project, *, force: bool = False, strict: bool = False,
          ignore: Iterable[str] = (), keep_site: bool = True) -> tuple[Generated, float]:
    """Generate, build into a temporary folder, then swap it in. Returns timing.

    Nothing is run when nothing changed since the last build (`up_to_date`); `force` rebuilds
    everything. With `strict`, content with warnings raises StrictFailed and nothing is built.
    `keep_site=False`: the loaded content (`Generated.site`) is let go before MkDocs runs, which
    then reuses its memory (`oit build` needs nothing of it afterwards).
    """
    current = None if force else up_to_date(project)
    if current is not None:
        current.problems = _strict(current.problems, strict, ignore)
        if current.audit is not None:
            current.audit.problems = _kept(current.audit.problems, ignore)
            if strict and current.audit.problems.errors:
                raise AuditFailed(current.audit)
        return current, 0.0
    # The search index and the audit read each page beside MkDocs as it writes them (on a second
    # core where there is one), in a helper started now, while this process holds little.
    alongside = PagesAlongside.start(project)
    try:
        if keep_site:
            generated = generate(project, force=force, strict=strict, ignore=ignore)
        else:
            generated = cores.apart(_generate_apart, project, force, strict, tuple(ignore))
    except BaseException:
        if alongside is not None:
            alongside.close()
        raise
    start = time.perf_counter()
    state = uptodate.read(project.build_dir) or {}
    claims = generated.claims or claims_mod.read(project.build_dir)
    project.site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-new-", dir=project.site_dir.parent))
    # A build runs once: what loading kept for a next run is only memory now. What is left lives
    # until the end of the build, so the cyclic collector need not walk it again and again while
    # MkDocs, the index and the audit make their millions of objects (a tenth of MkDocs' time).
    # No collection first: loading and rendering leave no cycles behind (a full collection here
    # found nothing in a ten-year site, in 0.1 s), and what is freed above is freed at once.
    # (Where the content was generated apart, this process never held it.)
    forget_reused()
    if not keep_site:  # the content was let go by `_generate_apart`, wherever it ran
        _trim()  # what it held goes back to the system: MkDocs needs less than it took
    gc.freeze()
    # The audit reads the new site before it replaces the old one: with --strict, a site the
    # audit finds wrong never goes live.
    if alongside is not None and not alongside.building(tmp, claims, tuple(ignore)):
        alongside = None
    try:
        run_mkdocs(project.config_file, tmp, alongside)
        lap = time.perf_counter()
        generated.timings["mkdocs"] = lap - start
        if not (alongside and alongside.index(_give_back_memory)):
            postprocess(tmp, project)
        generated.timings["search"] = time.perf_counter() - lap  # what the build waited for it
        # While the helper audits, the up-to-date record's look at the new site (as it will be
        # once swapped in: file names, sizes and times).
        site_tree: list[tuple[str, int, int]] = []
        audited = alongside.audit(lambda: site_tree.extend(uptodate.tree(tmp))) if alongside else None
        generated.audit = audited or audit(project, tmp, claims, ignore=tuple(ignore))
        generated.timings["audit"] = generated.audit.seconds  # what the build waited for it
        if strict and generated.audit.problems.errors:
            raise AuditFailed(generated.audit)
        _swap(tmp, project.site_dir)
    except BaseException:
        if alongside is not None:
            alongside.close()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        gc.unfreeze()
    if claims is not None:
        claims_mod.write(project.build_dir, claims)
    if state.get("outputs"):
        kept = generated.audit
        uptodate.write(project.build_dir, {
            **state, "site": uptodate.site_key(project, state["outputs"], site_tree or None),
            "audit": {"problems": [p.as_dict() for p in kept.problems.sorted()], "pages": kept.pages,
                      "items": kept.items, "elements": kept.elements},
        })
    return generated, time.perf_counter() - start


def _generate_apart(project: Project, force: bool, strict: bool, ignore: tuple[str, ...]) -> Generated:
    """`generate` for a build that needs nothing of the content afterwards: run apart from the build
    (`cores.apart`), the content is loaded and rendered in a process of its own, and MkDocs then
    runs in one that holds as little as plain MkDocs' (this one would keep the memory the content
    had for reuse: 85 MB of a ten-year site)."""
    generated = generate(project, force=force, strict=strict, ignore=ignore)
    generated.site = None
    return generated


def _give_back_memory() -> None:
    """While this process only waits for the pages' helper: what MkDocs left goes, and the memory
    freed goes back to the system. glibc keeps freed memory for reuse otherwise (60 MB of a
    ten-year site), counted in the build's peak beside the helper's."""
    gc.collect()  # MkDocs' pages and menu refer to one another: only the collector frees them
    _trim()


def _trim() -> None:
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _glibc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
        return libc
    except (OSError, AttributeError):  # not glibc (musl)
        return None


_LIBC = _glibc()


def _kept(problems: Problems, ignore: Iterable[str]) -> Problems:
    kept = Problems(ignore)
    kept.extend(problems)
    return kept


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    os.replace(new, target)
    os.chmod(target, 0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
