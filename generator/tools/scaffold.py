"""`oit new` and `oit new-year`: content files a clerk can start filling in.

Every file is written with every topic present, a Thai comment saying what belongs there (and,
when the year's catalogue is shipped, which O-items use it and their required elements), and a
commented example. The scaffold validates as it is: `oit check` only warns about what is empty.
Existing files are never overwritten.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator import thai
from generator.content import topics
from generator.content.catalogue import Catalogue, load_catalogues
from generator.content.examples import EXAMPLES
from generator.problems import Problems
from generator.tools.schema import SCHEMA_DIR, schema_name_for, write_all

# Year sections that usually stay in force: `new-year` carries them over for the clerk to confirm.
CARRY_OVER = {"manuals": ["staff", "service"], "ethics": ["code", "dos_donts"], "hr": ["criteria"]}


@dataclass
class Scaffolded:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _comment(text: str, indent: int = 0) -> str:
    pad = " " * indent
    return "".join(f"{pad}# {line}".rstrip() + "\n" for line in text.rstrip("\n").split("\n"))


def _example(model: type, fy: int | None, indent: int = 0) -> str:
    ex = EXAMPLES.get(model.__name__)
    if ex is None:
        for base in model.__mro__[1:]:
            ex = EXAMPLES.get(base.__name__)
            if ex:
                break
    if ex is None:
        return ""
    fy = fy or 2570
    body = ex.format(fy=fy, fy_start=fy - 1)
    return _comment("ตัวอย่าง:", indent) + _comment(body, indent)


def _uses(cat: Catalogue | None, topic: str, fy: int | None) -> str:
    """'ใช้ใน ITA 2569: O6 (องค์ประกอบ …)' for the catalogue items that show this topic."""
    if cat is None:
        return ""
    lines = []
    for item, els in cat.uses(topic, fy):
        lines.append(f"ใช้ใน ITA {cat.year} ข้อ {item.code} {item.title}")
        lines.extend(f"  - {t}" for t in els)
    return "\n".join(lines)


def _schema_line(content_file: Path, root: Path) -> str:
    name = schema_name_for(content_file.relative_to(root).as_posix())
    rel = Path("../" * (len(content_file.relative_to(root).parts) - 1)) / SCHEMA_DIR / f"{name}.schema.json"
    return f"# yaml-language-server: $schema={rel.as_posix()}\n"


def _catalogue_for(root: Path, year: int) -> Catalogue | None:
    cats = load_catalogues(root, root / "content", Problems())
    return cats.get(year)


def persistent_file(stem: str, cat: Catalogue | None) -> str:
    model, title = topics.PERSISTENT_FILES[stem], topics.TOPICS[stem].title
    out = f"# {title}\n"
    uses = _uses(cat, stem, None)
    if uses:
        out += "#\n" + _comment(uses)
    out += "#\n" + _example(model, cat.year if cat else None)
    return out + "{}\n"


def year_file(stem: str, fy: int, cats: list[Catalogue]) -> str:
    model = topics.YEAR_FILES[stem]
    start, end = thai.fiscal_year_bounds(fy)
    span = thai.format_range(start, end).replace(thai.NBSP, " ")
    out = f"# {topics.TOPICS[stem].title} — ปีงบประมาณ พ.ศ. {fy} ({span})\n" if stem in topics.SINGLE_TOPIC_YEAR_FILES \
        else f"# ข้อมูลปีงบประมาณ พ.ศ. {fy} ({span})\n"
    if stem in topics.SINGLE_TOPIC_YEAR_FILES:
        uses = "\n".join(u for c in cats for u in [_uses(c, stem, fy)] if u)
        if uses:
            out += "#\n" + _comment(uses)
        out += "#\n" + _example(model, fy)
        return out + "{}\n"
    out += "# แต่ละหัวข้อด้านล่างยังว่าง: ลบ null แล้วกรอกตามตัวอย่าง (each section is empty: replace null)\n"
    for name, _f in model.model_fields.items():
        key = f"{stem}.{name}"
        out += "\n" + _comment(topics.TOPICS[key].title)
        uses = "\n".join(u for c in cats for u in [_uses(c, key, fy)] if u)
        if uses:
            out += _comment(uses)
        out += _example(topics.TOPICS[key].model, fy)
        out += f"{name}: null\n"
    return out




def items_file(fy: int, cat: Catalogue | None) -> str:
    out = f"# หมายเหตุรายข้อของ ITA {fy} และองค์ประกอบที่ต้องตรวจด้วยตนเอง (ตรวจด้วยตนเอง)\n"
    if cat is None:
        return out + "#\n# ยังไม่มีรายการ OIT ของปีนี้ จึงยังไม่มีองค์ประกอบให้ยืนยัน\n{}\n"
    out += "# เมื่อตรวจแล้วว่ามีครบ ให้ลบ # หน้าบรรทัด แล้วใส่ confirmed: true และบอกว่าหลักฐานอยู่ที่หัวข้อใด\n#\n"
    for _, _, item in cat.items():
        manual = [e for e in item.elements if e.is_manual]
        if not manual:
            continue
        out += f"# {item.code}:\n#   manual:\n"
        for e in manual:
            out += f"#     {e.id}:   # {e.text}\n#       confirmed: true\n#       evidence: หัวข้อ … บนหน้า {item.code}\n"
    return out + "{}\n"


def organisation_file(name: str, org_type: str, district: str, province: str) -> str:
    data = {"name": name, "type": org_type, "district": district, "province": province}
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return (
        "# ข้อมูลหน่วยงาน ช่องทางติดต่อ และการตั้งค่าเว็บไซต์\n"
        + body
        + "# ที่อยู่สำนักงาน (ใช้ในข้อมูลการติดต่อ)\n"
        "address: \"\"\n"
        "# หมายเลขโทรศัพท์ อีเมล และแผนที่ตั้ง (ใช้ในข้อมูลการติดต่อ)\n"
        "phone: []\nemail: []\n# map_url: https://maps.example/...\n"
        "# social:\n#   - {platform: facebook, url: https://www.facebook.com/...}\n"
        "site:\n"
        "  # ที่อยู่เว็บไซต์จริงแบบเต็ม ใช้สร้าง URL สำหรับระบบ ITAS เช่น https://www.example.go.th/ita/\n"
        "  # site_url: https://www.example.go.th/ita/\n"
        "  digits: arabic\n"
    )


def _write(path: Path, text: str, root: Path, done: Scaffolded) -> None:
    if path.exists():
        done.skipped.append(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_schema_line(path, root) + text, encoding="utf-8")
    done.written.append(path)


def new_year_files(root: Path, fy: int, done: Scaffolded, carry_from: int | None = None) -> None:
    content = root / "content"
    cats_all = load_catalogues(root, content, Problems())
    # the ITA year fy shows this folder as "current"; ITA fy+1 shows it as "previous"
    cats = [c for y, c in cats_all.items() if y in (fy, fy + 1)]
    for stem in topics.YEAR_FILES:
        if stem == "assessment":
            continue  # written when the NACC publishes the year's result (score and level required)
        _write(content / str(fy) / f"{stem}.yml", year_file(stem, fy, cats), root, done)
    items = content / str(fy) / f"{topics.ITEMS_FILE}.yml"
    _write(items, items_file(fy, cats_all.get(fy)), root, done)
    if carry_from is not None:
        _carry_over(content, carry_from, fy, done)
    if fy not in cats_all:
        newest = max((y for y in cats_all if y < fy), default=None)
        how = (f"สร้างฉบับเบื้องต้นจาก ITA {newest} ด้วยคำสั่ง oit catalogue new {fy} --from {newest} แล้วแก้ตามคู่มือ "
               f"เมื่อ ป.ป.ช. ประกาศ (make a provisional one with 'oit catalogue new {fy} --from {newest}')"
               if newest else f"เพิ่มไฟล์ content/catalogues/{fy}.yml ตามคู่มือ ป.ป.ช. (add content/catalogues/{fy}.yml)")
        done.notes.append(f"ยังไม่มีรายการ OIT (catalogue) ของ ITA {fy} (no ITA {fy} catalogue yet): {how}")
    else:
        cat = cats_all[fy]
        done.notes.append(f"ใช้รายการ OIT ของ ITA {fy} (using the ITA {fy} catalogue, status: {cat.status})"
                          + (f" — {note}" if (note := cat.provisional_note()) else ""))


def _carry_over(content: Path, src_year: int, fy: int, done: Scaffolded) -> None:
    """Copy sections that usually stay in force (manuals, code of ethics, HR criteria)."""
    for stem, sections in CARRY_OVER.items():
        src = content / str(src_year) / f"{stem}.yml"
        dest = content / str(fy) / f"{stem}.yml"
        if not src.is_file() or dest not in done.written:
            continue
        data = yaml.safe_load(src.read_text(encoding="utf-8")) or {}
        text = dest.read_text(encoding="utf-8")
        for name in sections:
            if not data.get(name):
                continue
            block = yaml.safe_dump({name: data[name]}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
            note = f"# ยกมาจากปี {src_year}: ตรวจว่ายังใช้อยู่ หรือแทนด้วยฉบับใหม่ (carried over from {src_year})\n"
            text = text.replace(f"{name}: null\n", note + block, 1)
        dest.write_text(text, encoding="utf-8")


def new_site(root: Path, name: str, org_type: str, district: str, province: str, years: list[int]) -> Scaffolded:
    done = Scaffolded()
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    _write(content / "organisation.yml", organisation_file(name, org_type, district, province), root, done)
    cats = load_catalogues(root, content, Problems())
    newest = cats.get(max(years)) if years else None
    for stem in topics.PERSISTENT_FILES:
        _write(content / f"{stem}.yml", persistent_file(stem, newest), root, done)
    (content / "files").mkdir(exist_ok=True)
    for fy in sorted(years):
        new_year_files(root, fy, done)
    write_all(root)
    gitignore = root / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("/build/\n/site/\n.venv/\n__pycache__/\n", encoding="utf-8")
        done.written.append(gitignore)
    return done


def copy_tool_files(root: Path, tool_root: Path) -> list[Path]:
    """The base MkDocs config and theme, so a new folder is a complete, editable project."""
    out = []
    if not (root / "mkdocs.yml").exists():
        shutil.copy2(tool_root / "mkdocs.yml", root / "mkdocs.yml")
        out.append(root / "mkdocs.yml")
    if not (root / "theme").exists():
        shutil.copytree(tool_root / "theme", root / "theme")
        out.append(root / "theme")
    return out
