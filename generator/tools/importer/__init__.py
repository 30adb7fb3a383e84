"""`oit import FILE --year <BE year>`: an LAO's existing document → content files.

Every LAO already has its measures, their results and its ITA analysis as Word documents (or as
text exported from them). The importer reads one document, recognises its tables by their header
words, and writes content in the project's format:

    content/<year>/measures.yml       มาตรการ (from a table of measures, or of measures and results)
    content/<year>/results.yml        ผลการดำเนินการ, แนวทางยกระดับรายตัวชี้วัด, บันทึกข้อความ
    content/<ITA year>/assessment.yml คะแนน ข้อเสนอแนะ การวิเคราะห์ (ITA year: as the document
                                      states it, else year − 1; see understand.py)

Modules: `textread` and `docxread` read a file into the same `source.Doc` (paragraphs and tables
whose cells are HTML fragments); `cells` turns a cell into Markdown, lists or a checked status;
`headers` recognises columns and indicator wording; `understand` maps the document onto the
model and keeps a ledger of every cell and line; `yamlout` writes commented YAML.

Nothing is dropped: text the importer cannot place is listed in the report and written, with its
place in the source, under the heading "ข้อความที่ยังไม่ได้จัดวาง (unplaced)" in the `description`
of the main file written (results.yml, else measures.yml; `summary` of assessment.yml when that
is the only file). That field is free Markdown the model already has and the item page shows, so
the text stays valid content, reaches the clerk in the file they edit and on the preview, and
goes away when they sort it. Existing files are never overwritten without `force`; before
anything is written the files are validated by the normal loader in a scratch project.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from generator.checks.validate import validate
from generator.problems import Problems
from generator.tools.importer.docxread import read_docx
from generator.tools.importer.source import Doc
from generator.tools.importer.textread import ReadError, read_text
from generator.tools.importer.understand import UNPLACED_TITLE, Plan, understand
from generator.tools.importer.yamlout import dump

__all__ = ["ImportFailed", "Imported", "import_document", "read_document", "UNPLACED_TITLE"]


class ImportFailed(Exception):
    """The import cannot be done; nothing was written. Carries Thai and English messages."""

    def __init__(self, th: str, en: str, details: list[str] | None = None) -> None:
        super().__init__(en)
        self.th = th
        self.en = en
        self.details = details or []


@dataclass
class Imported:
    plan: Plan
    doc: Doc
    texts: dict[str, str]  # content-relative path → YAML text
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # loader warnings about the written files

    @property
    def cells_placed(self) -> int:
        return sum(1 for p in self.plan.placed if p.kind == "cell")

    @property
    def cells_unplaced(self) -> int:
        return sum(1 for p in self.plan.unplaced if p.kind == "cell")

    @property
    def lines_placed(self) -> int:
        return sum(1 for p in self.plan.placed if p.kind == "line")

    @property
    def lines_unplaced(self) -> int:
        return sum(1 for p in self.plan.unplaced if p.kind == "line")


_PLACEHOLDER_ORG = """\
name: องค์การบริหารส่วนตำบลตรวจสอบการนำเข้า
type: อบต.
district: ตรวจสอบ
province: ตรวจสอบ
address: ตรวจสอบ
"""


def read_document(path: Path) -> Doc:
    """A .docx file or a text export → Doc (ImportFailed when it is neither)."""
    if not path.exists():
        raise ImportFailed(f"ไม่พบไฟล์ {path}", f"file not found: {path}")
    if not path.is_file():
        raise ImportFailed(f"{path} ไม่ใช่ไฟล์", f"{path} is not a file")
    try:
        with path.open("rb") as fh:
            magic = fh.read(8)
        suffix = path.suffix.lower()
        if magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise ImportFailed(
                f"{path.name} เป็นไฟล์ Word รุ่นเก่า (.doc) — เปิดใน Word แล้วบันทึกเป็น .docx (Save As → Word Document) แล้วลองใหม่",
                f"{path.name} is an old Word .doc file; open it in Word, save it as .docx and try again",
            )
        if magic.startswith(b"%PDF"):
            raise ImportFailed(
                f"{path.name} เป็นไฟล์ PDF ซึ่งยังนำเข้าไม่ได้ — ใช้ไฟล์ Word (.docx) ต้นฉบับ หรือข้อความที่ส่งออกจาก Word",
                f"{path.name} is a PDF, which cannot be imported; use the original Word .docx or a text export",
            )
        if suffix == ".docx" or magic.startswith(b"PK\x03\x04"):
            return read_docx(path)
        if suffix in (".xlsx", ".pptx", ".odt", ".ods", ".zip", ".png", ".jpg", ".jpeg"):
            raise ImportFailed(
                f"ไม่รู้จักรูปแบบไฟล์ {path.name} — รองรับ .docx และข้อความที่ส่งออกจาก Word (.txt)",
                f"unknown file format {path.name}; .docx and text exports (.txt) are supported",
            )
        return read_text(path)
    except ReadError as exc:
        raise ImportFailed(exc.th, exc.en) from None
    except OSError as exc:
        raise ImportFailed(f"อ่านไฟล์ {path} ไม่ได้: {exc.strerror or exc}", f"cannot read {path}: {exc}") from None


def _header(doc: Doc) -> str:
    return (
        f"นำเข้าจาก {doc.name} ด้วย oit import เมื่อ {date.today().isoformat()} — ตรวจทานแล้วแก้ไขได้ตามต้องการ\n"
        f"(imported from {doc.name} by oit import; review and edit freely)"
    )


def import_document(path: Path, year: int, root: Path, *, force: bool = False, dry_run: bool = False) -> Imported:
    """Read `path`, understand it, validate the result and write it under root/content/."""
    doc = read_document(path)
    plan = understand(doc, year)
    if not plan.files:
        raise ImportFailed(
            f"ไม่พบตารางมาตรการ ผลการดำเนินการ หรือผลการประเมิน ITA ใน {doc.name} จึงไม่ได้เขียนไฟล์ใด "
            f"(ตารางต้องมีแถวหัวตาราง เช่น มาตรการ / วิธีดำเนินการ / ผู้รับผิดชอบ)",
            f"no table of measures, results or ITA assessment was recognised in {doc.name}; nothing was "
            f"written (tables need a header row such as มาตรการ / วิธีดำเนินการ / ผู้รับผิดชอบ)",
        )
    texts = {f"{key}.yml": dump(data, plan.comments.get(key, {}), _header(doc)) for key, data in plan.files.items()}
    content = root / "content"
    existing = []
    for rel_path in texts:
        target = content / rel_path
        for candidate in (target, target.with_suffix(".yaml")):
            if candidate.exists() and _holds_content(candidate):
                existing.append(f"content/{candidate.relative_to(content).as_posix()}")
    if existing and not force and not dry_run:
        raise ImportFailed(
            f"มีไฟล์อยู่แล้ว จะไม่เขียนทับ: {', '.join(existing)} — ใช้ --force ถ้าต้องการแทนที่ (ไม่ได้เขียนไฟล์ใด)",
            f"file(s) already exist and would be overwritten: {', '.join(existing)}; use --force to replace "
            f"them (nothing was written)",
        )
    warnings = _validate(texts, content, year)
    result = Imported(plan, doc, texts, warnings=warnings)
    if dry_run:
        return result
    for rel_path, text in texts.items():
        target = content / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        other = target.with_suffix(".yaml")
        if other.exists() and force:
            other.unlink()
        target.write_text(text, encoding="utf-8")
        result.written.append(target)
    return result


def _holds_content(path: Path) -> bool:
    """False for a file with no data in it, such as the empty template `oit new` writes (only
    comments and `{}`, or keys with empty lists): importing into it loses nothing. Anything
    that cannot be read counts as content, so it is never replaced without --force."""
    try:
        data = yaml.safe_load(path.read_bytes())
    except (OSError, yaml.YAMLError):
        return True
    if data is None:
        return False
    if isinstance(data, dict):
        return any(value not in (None, [], {}, "") for value in data.values())
    return True


def _validate(texts: dict[str, str], content: Path, year: int) -> list[str]:
    """Load the files with the project's loader in a scratch project; errors stop the import."""
    with tempfile.TemporaryDirectory(prefix="oit-import-") as tmp:
        scratch = Path(tmp)
        (scratch / "content").mkdir()
        (scratch / "content" / "organisation.yml").write_text(_PLACEHOLDER_ORG, encoding="utf-8")
        for rel_path, text in texts.items():
            target = scratch / "content" / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        # results name measures of the same year: bring an existing measures.yml along
        measures = content / str(year) / "measures.yml"
        if f"{year}/results.yml" in texts and f"{year}/measures.yml" not in texts and measures.exists():
            shutil.copy(measures, scratch / "content" / str(year) / "measures.yml")
        problems = Problems()
        validate(scratch, problems)
        ours = {f"content/{k}" for k in texts}
        errors = [p for p in problems.errors if p.file in ours or not p.file.startswith("content/")]
        if errors:
            raise ImportFailed(
                "ข้อมูลที่อ่านได้ไม่ผ่านการตรวจของระบบ จึงไม่ได้เขียนไฟล์ใด (กรุณาแจ้งผู้ดูแลพร้อมไฟล์ต้นฉบับ)",
                "the imported content does not validate, so nothing was written (please report this with the "
                "source file)",
                [p.text() for p in errors],
            )
        return [p.text() for p in problems.warnings if p.file in ours]


# --------------------------------------------------------------------------- the report


def report(result: Imported, root: Path) -> str:
    plan, doc = result.plan, result.doc
    kind = "ไฟล์ Word (.docx)" if doc.kind == "docx" else "ข้อความที่ส่งออกจาก Word"
    out = [
        f"อ่าน {doc.name}: {kind}, ตาราง {len(doc.tables)} ชุด, ข้อความ {len(doc.paragraphs)} บรรทัด "
        f"(read {doc.name}: {'a .docx file' if doc.kind == 'docx' else 'a text export'}, "
        f"{len(doc.tables)} table(s), {len(doc.paragraphs)} line(s) of text)",
    ]
    for th, en in doc.notes:
        out.append(f"  หมายเหตุ: {th} ({en})")
    out.append("เข้าใจ (understood):")
    for th, en in plan.understood:
        out.append(f"  - {th} ({en})")
    out.append(
        f"ช่องตาราง: จัดวางอัตโนมัติ {result.cells_placed} ช่อง, ยังไม่ได้จัดวาง {result.cells_unplaced} ช่อง "
        f"(table cells: {result.cells_placed} placed automatically, {result.cells_unplaced} unplaced)"
    )
    out.append(
        f"บรรทัดข้อความ: จัดวางอัตโนมัติ {result.lines_placed} บรรทัด, ยังไม่ได้จัดวาง {result.lines_unplaced} บรรทัด "
        f"(lines of text: {result.lines_placed} placed automatically, {result.lines_unplaced} unplaced)"
    )
    if plan.notes:
        out.append("ควรตรวจ (please check):")
        for n in plan.notes:
            where = f"{n.loc.th()}: " if n.loc else ""
            out.append(f"  - {where}{n.th} ({n.en})")
    left = plan.unplaced
    if left:
        field_ = "summary" if plan.main.endswith("assessment") else "description"
        out.append(
            f"ไม่เข้าใจ (not understood) — ใส่ไว้ใต้หัวข้อ “{UNPLACED_TITLE}” ใน {field_} ของ content/{plan.main}.yml "
            f"(kept under that heading in {field_} of content/{plan.main}.yml):"
        )
        for p in sorted(left, key=lambda p: p.loc.sort_key()):
            text = p.text if len(p.text) <= 70 else p.text[:70] + "…"
            why = f" — {p.why}" if p.why else ""
            out.append(f"  - {p.where_th()}: {text}{why}")
    else:
        out.append("ไม่เข้าใจ (not understood): ไม่มี — จัดวางครบทุกช่องและทุกบรรทัด (none: every cell and line was placed)")
    for w in result.warnings:
        out.append(f"คำเตือน: {w}")
    if result.written:
        out.append("เขียนแล้ว (written):")
        for path in result.written:
            try:
                shown = path.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                shown = str(path)
            out.append(f"  - {shown}")
        out.append("ต่อไป: ตรวจไฟล์ที่เขียน แล้วรัน oit check และ oit build (next: review the files, then run oit check and oit build)")
    else:
        out.append("ไม่ได้เขียนไฟล์ (--dry-run): จะเขียน " + ", ".join(f"content/{k}" for k in result.texts)
                   + " (dry run: nothing written)")
    return "\n".join(out)
