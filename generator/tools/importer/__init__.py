"""`oit import FILE --year <BE year>`: an LAO's existing document → content files.

Every LAO already has its measures, their results and its ITA analysis as Word documents (or as
text exported from them). The importer reads one document, recognises its tables by their header
words, and writes content in the project's format:

    content/<year>/measures.yml       มาตรการ (from a table of measures, or of measures and results)
    content/<year>/results.yml        ผลการดำเนินการ, แนวทางยกระดับรายตัวชี้วัด, บันทึกข้อความ
    content/<ITA year>/assessment.yml คะแนน ข้อเสนอแนะ การวิเคราะห์ (ITA year: as the document
                                      states it, else year − 1; see understand.py)

Readers turn a file into the same `source.Doc` (paragraphs and tables whose cells are HTML
fragments): `textread` (text exports), `docxread` (Word), `pdfread` (PDF with a text layer),
`xlsxread` (Excel); `repair` undoes what PDF exports do to Thai text. Then `cells` turns a cell
into Markdown, lists or a checked status; `headers` recognises columns and group wording;
`understand` maps the document onto the model (with `layout`, `rows`, `ledger`, `measures`,
`assessment`, `memo`, `tabular`) and keeps a ledger of every cell and line; `docyear` reads the
year the document states; `yamlout` writes commented YAML.

Nothing is dropped and nothing unsure is published: text the importer cannot place is written to
content/<year>/import-leftovers.yml, a file the site never reads; `oit check` warns about each
entry (file and line) and `oit check --strict` fails while any remain. The report counts what was
placed, what was placed by a guess (with "check this" pointers) and what was left. A document
that states another fiscal year than --year is not imported without --year-mismatch-ok. Existing
files are never overwritten without `force`; before anything is written the files are validated
by the normal loader in a scratch project.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.checks.validate import validate
from generator.problems import Message, Problems
from generator.tools import messages as msg
from generator.tools.importer.docxread import read_docx
from generator.tools.importer.docyear import stated_year
from generator.tools.importer.pdfread import read_pdf
from generator.tools.importer.repair import repair
from generator.tools.importer.source import Doc
from generator.tools.importer.textread import ReadError, read_text
from generator.tools.importer.understand import LEFTOVERS, Plan, understand
from generator.tools.importer.xlsxread import read_xlsx
from generator.tools.importer.yamlout import dump

__all__ = ["LEFTOVERS", "ImportFailed", "Imported", "import_document", "read_document"]


class ImportFailed(Exception):
    """The import cannot be done; nothing was written. Carries the message that says why."""

    def __init__(self, message: Message, details: list[str] | None = None, **values: Any) -> None:
        self.message = message
        self.values = values
        self.th, self.en, self.hint = message.format(values)
        super().__init__(self.en)
        self.details = details or []


@dataclass
class Imported:
    plan: Plan
    doc: Doc
    texts: dict[str, str]  # content-relative path → YAML text
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # loader warnings about the written files

    removed: list[Path] = field(default_factory=list)  # a previous import's leftovers, replaced

    def count(self, kind: str) -> tuple[int, int, int]:
        """(placed, guessed, left) pieces of a kind ("cell" or "line")."""
        pieces = [p for p in self.plan.pieces if p.kind == kind]
        placed = sum(1 for p in pieces if p.dest and not p.guess)
        guessed = sum(1 for p in pieces if p.dest and p.guess)
        return placed, guessed, len(pieces) - placed - guessed


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
        raise ImportFailed(msg.NO_SUCH_FILE, path=path)
    if not path.is_file():
        raise ImportFailed(msg.NOT_A_FILE, path=path)
    try:
        with path.open("rb") as fh:
            magic = fh.read(8)
        suffix = path.suffix.lower()
        if magic.startswith(b"\xd0\xcf\x11\xe0") and suffix == ".xls":
            raise ImportFailed(msg.OLD_EXCEL, name=path.name)
        if magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise ImportFailed(msg.OLD_WORD, name=path.name)
        if magic.startswith(b"%PDF"):
            return repair(read_pdf(path))
        if suffix in (".xlsx", ".xlsm") or (magic.startswith(b"PK\x03\x04") and _zip_has(path, "xl/workbook.xml")):
            return read_xlsx(path)
        if suffix == ".xls":
            raise ImportFailed(msg.OLD_EXCEL, name=path.name)
        if suffix == ".docx" or magic.startswith(b"PK\x03\x04"):
            return repair(read_docx(path))
        if suffix in (".pptx", ".odt", ".ods", ".zip", ".png", ".jpg", ".jpeg"):
            raise ImportFailed(msg.UNKNOWN_FORMAT, name=path.name)
        return repair(read_text(path))
    except ReadError as exc:
        raise ImportFailed(exc.message, **exc.values) from None
    except OSError as exc:
        raise ImportFailed(msg.UNREADABLE_SOURCE, path=path, reason=exc.strerror or exc) from None


def _zip_has(path: Path, member: str) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return member in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _header(doc: Doc) -> str:
    return (
        f"นำเข้าจาก {doc.name} ด้วย oit import เมื่อ {date.today().isoformat()} — ตรวจทานแล้วแก้ไขได้ตามต้องการ\n"
        f"(imported from {doc.name} by oit import; review and edit freely)"
    )


def import_document(path: Path, year: int, root: Path, *, force: bool = False, dry_run: bool = False,
                    year_mismatch_ok: bool = False) -> Imported:
    """Read `path`, understand it, validate the result and write it under root/content/."""
    doc = read_document(path)
    stated = stated_year(doc)
    if stated and stated[0] != year and not year_mismatch_ok:
        said, line = stated
        raise ImportFailed(msg.OTHER_YEAR, name=doc.name, said=said, line=line[:80], year=year)
    plan = understand(doc, year)
    if not [k for k in plan.files if k != plan.leftovers_file]:
        raise ImportFailed(msg.NO_TABLES, name=doc.name)
    texts = {f"{key}.yml": dump(data, plan.comments.get(key, {}), _header(doc)) for key, data in plan.files.items()}
    content = root / "content"
    existing = []
    # A previous import's leftovers for a year this import writes belong to what is replaced.
    stale = []
    for key in plan.files:
        folder = content / key.split("/")[0]
        for name in (f"{LEFTOVERS}.yml", f"{LEFTOVERS}.yaml"):
            old = folder / name
            if old.exists() and f"{key.split('/')[0]}/{name}" not in texts and old not in stale:
                stale.append(old)
                if _holds_content(old):
                    existing.append(f"content/{old.relative_to(content).as_posix()}")
    for rel_path in texts:
        target = content / rel_path
        for candidate in (target, target.with_suffix(".yaml")):
            if candidate.exists() and _holds_content(candidate):
                existing.append(f"content/{candidate.relative_to(content).as_posix()}")
    if existing and not force and not dry_run:
        raise ImportFailed(msg.WOULD_OVERWRITE, files=', '.join(existing))
    warnings = _validate(texts, content, year, plan.leftovers_file)
    result = Imported(plan, doc, texts, warnings=warnings)
    if dry_run:
        result.removed = stale
        return result
    for rel_path, text in texts.items():
        target = content / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        other = target.with_suffix(".yaml")
        if other.exists() and force:
            other.unlink()
        target.write_text(text, encoding="utf-8")
        result.written.append(target)
    for old in stale:
        if old.exists():
            old.unlink()
            result.removed.append(old)
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


def _validate(texts: dict[str, str], content: Path, year: int, leftovers: str) -> list[str]:
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
        ours = {f"content/{k}" for k in texts if k != f"{leftovers}.yml"}
        errors = [p for p in problems.errors if p.file in ours or not p.file.startswith("content/")]
        if errors:
            raise ImportFailed(msg.IMPORT_INVALID, details=[p.text() for p in errors])
        return [p.text() for p in problems.warnings if p.file in ours]


# --------------------------------------------------------------------------- the report


_KIND = {"text": ("ข้อความที่ส่งออกจาก Word", "a text export"), "docx": ("ไฟล์ Word (.docx)", "a .docx file"),
         "pdf": ("ไฟล์ PDF", "a PDF file"), "xlsx": ("ไฟล์ Excel (.xlsx)", "an Excel file")}


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def report(result: Imported, root: Path) -> str:
    """What was read, placed, guessed and left — the same for a real run and a --dry-run."""
    plan, doc = result.plan, result.doc
    th, en = _KIND.get(doc.kind, (doc.kind, doc.kind))
    out = [
        f"อ่าน {doc.name}: {th}, ตาราง {len(doc.tables)} ชุด, ข้อความ {len(doc.paragraphs)} บรรทัด "
        f"(read {doc.name}: {en}, {len(doc.tables)} table(s), {len(doc.paragraphs)} line(s) of text)",
    ]
    for note_th, note_en in doc.notes:
        out.append(f"  หมายเหตุ: {note_th} ({note_en})")
    out.append("เข้าใจ (understood):")
    for u_th, u_en in plan.understood:
        out.append(f"  - {u_th} ({u_en})")
    for kind, what_th, unit, what_en in (("cell", "ช่องตาราง", "ช่อง", "table cells"),
                                         ("line", "บรรทัดข้อความ", "บรรทัด", "lines of text")):
        n_placed, n_guessed, n_left = result.count(kind)
        out.append(
            f"{what_th}: จัดวางแล้ว {n_placed} {unit}, จัดวางโดยคาดเดา {n_guessed} {unit} (ควรตรวจ), "
            f"ยังไม่ได้จัดวาง {n_left} {unit} "
            f"({what_en}: {n_placed} placed, {n_guessed} placed by a guess — check them, {n_left} left)"
        )
    guessed = [p for p in plan.pieces if p.dest and p.guess]
    if plan.notes or guessed:
        out.append("ควรตรวจ (please check):")
        for n in plan.notes:
            where = f"{n.loc.th()}: " if n.loc else ""
            out.append(f"  - {where}{n.th} ({n.en})")
        for p in sorted(guessed, key=lambda p: p.loc.sort_key()):
            out.append(f"  - {p.where_th()}: {p.guess}")
    left = sorted(plan.unplaced, key=lambda p: p.loc.sort_key())
    if left:
        target = f"content/{plan.leftovers_file}.yml"
        out.append(
            f"ยังไม่ได้จัดวาง (left) {len(left)} รายการ — เขียนไว้ใน {target} ซึ่งไม่ถูกเผยแพร่บนเว็บไซต์; oit check "
            f"จะเตือนทุกรายการจนกว่าจะย้ายไปไว้ในช่องที่ถูกต้อง ({len(left)} piece(s) left, kept in {target}, never "
            f"published; oit check warns about each until it is moved):"
        )
        for p in left:
            text = p.text if len(p.text) <= 70 else p.text[:70] + "…"
            why = f" — {p.why}" if p.why else ""
            out.append(f"  - {p.where_th()}: {text}{why}")
    else:
        out.append("ยังไม่ได้จัดวาง (left): ไม่มี (none)")
    for w in result.warnings:
        out.append(f"คำเตือน: {w}")
    if result.written:
        out.append("เขียนแล้ว (written):")
        for path in result.written:
            out.append(f"  - {_shown(path, root)}")
        for path in result.removed:
            out.append(f"  - ลบ {_shown(path, root)} ของการนำเข้าครั้งก่อน (removed the previous import's leftovers)")
        out.append("ต่อไป: ตรวจไฟล์ที่เขียน แล้วรัน oit check และ oit build (next: review the files, then run oit check and oit build)")
    else:
        out.append("ไม่ได้เขียนไฟล์ (--dry-run): จะเขียน " + ", ".join(f"content/{k}" for k in result.texts)
                   + (" และลบ " + ", ".join(_shown(p, root) for p in result.removed) if result.removed else "")
                   + " (dry run: nothing written)")
    return "\n".join(out)
