"""Command line: `oit build | check | audit | serve | export | import | new | new-year | catalogue | schema |
explain` (also `python -m generator …`).

`main(argv) -> int` is the whole CLI; tests call it directly. Three kinds of failure are kept
apart: problems in the clerk's content (listed, exit 1, no traceback), a template or MkDocs
failure (named with its file and line, exit 1), and a bug in this program (traceback kept).
Every message a command prints about something wrong has a code (`oit explain OIT-X012`).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path
from typing import NoReturn

from generator import __version__, thai
from generator.checks.readiness import assess
from generator.checks.report import json_report, text_report
from generator.checks.validate import validate
from generator.content.catalogue import SHIPPED_DIR, Catalogue, load_catalogue, load_catalogues
from generator.content.site import Site
from generator.content.yamlload import load_file
from generator.problems import (
    MESSAGES,
    SEVERITY_TH,
    Message,
    Problems,
    StrictFailed,
    UserError,
    format_problems,
    rel,
)
from generator.publish import itas
from generator.publish import messages as publish_msg
from generator.publish.audit import Audit, audit
from generator.publish.build import AuditFailed, MkDocsFailed, build
from generator.publish.project import TOOL_ROOT, Project
from generator.publish.render import TemplateError
from generator.publish.serve import serve
from generator.tools import catalogue_diff
from generator.tools import messages as msg
from generator.tools.backoffice import serve as admin
from generator.tools.catalogue_shift import new_file_text, new_from
from generator.tools.errordocs import explain
from generator.tools.importer import ImportFailed, import_document, report
from generator.tools.province import is_province
from generator.tools.province import run as build_province
from generator.tools.scaffold import Scaffolded, copy_tool_files, new_site, new_year_files
from generator.tools.schema import write_all


def _out(text: str = "") -> None:
    print(text, flush=True)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _fail(message: Message, /, *, hint: str | None = None, **values: object) -> int:
    """Print a command's failure as `ข้อผิดพลาด [OIT-E002]: ไทย (English)` and its hint; exit code 1."""
    th, en, shown = message.format(values, hint)
    _err(f"{SEVERITY_TH[message.severity]} [{message.code}]: {th} ({en})" + (f"\n    → {shown}" if shown else ""))
    return 1


def _report(problems: Problems, fmt: str) -> None:
    if fmt == "text" and not len(problems):
        return
    _out(format_problems(problems, fmt))


def _template_failure(exc: TemplateError) -> int:
    where = f"{exc.template}:{exc.line}" if exc.line else exc.template
    return _fail(publish_msg.TEMPLATE_FAILED, where=where, detail=exc.message)


def _mkdocs_failure(exc: MkDocsFailed) -> int:
    return _fail(publish_msg.MKDOCS_FAILED, detail="\n  " + "\n  ".join(exc.messages))


def _unknown_year(site: Site, year: int) -> int:
    return _fail(msg.NO_CATALOGUE, year=year, available=", ".join(str(y) for y in site.catalogues) or "-")


def _no_content(root: Path) -> int | None:
    return None if (root / "content").is_dir() else _fail(msg.NO_CONTENT)


def cmd_check(args: argparse.Namespace) -> int:
    project = Project.at(Path(args.root))
    problems = Problems(ignore=args.ignore)
    site = validate(project.root, problems, project.content_dir)
    fmt = "json" if args.json and not args.year else args.format
    if args.year is None or problems.has_errors() or site is None:
        _report(problems, fmt)
        if problems.has_errors():
            return 1
        if args.strict and problems.warnings:
            if fmt == "text":
                _out("มีคำเตือนและใช้ --strict จึงถือว่าไม่ผ่าน (warnings fail with --strict)")
            return 1
        if fmt == "text":
            _out("ตรวจแล้ว ไม่พบข้อผิดพลาด (no errors found)")
        return 0

    if args.year not in site.catalogues:
        return _unknown_year(site, args.year)
    readiness = assess(site, args.year)
    if args.json:
        report = json_report(site, readiness, site.org.site.site_url)
        report["problems"] = [p.as_dict() for p in problems.sorted()]
        _out(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _report(problems, fmt)
        if fmt == "text":
            _out(text_report(site, readiness))
    incomplete = readiness.overall < 1.0
    return 1 if args.strict and (problems.warnings or incomplete) else 0


def cmd_export(args: argparse.Namespace) -> int:
    project = Project.at(Path(args.root))
    problems = Problems()
    site = validate(project.root, problems, project.content_dir)
    if site is None or problems.has_errors():
        _report(problems, "text")
        return 1
    if args.year not in site.catalogues:
        return _unknown_year(site, args.year)
    if not site.org.site.site_url:
        return _fail(msg.NO_SITE_URL)
    data = itas.rows(site, assess(site, args.year))
    note = site.catalogues[args.year].provisional_note()
    if args.format == "csv":
        out = Path(args.output or f"itas-{args.year}.csv")
        out.write_bytes(itas.to_csv(data))
    else:
        text = itas.to_markdown(data, args.year, note)
        if not args.output:
            _out(text)
            return 0
        out = Path(args.output)
        out.write_text(text, encoding="utf-8")
    flagged = sum(1 for row in data if row["answer"] != "มี")
    _out(f"บันทึกแล้ว: {out} ({len(data)} รายการ, ยังไม่ครบ {flagged} รายการ) (wrote {out}: {len(data)} items, {flagged} flagged)")
    if note:
        _out(f"หมายเหตุ: {note}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Read an LAO's document (Word, PDF, Excel or a text export) into content/; see generator/tools/importer."""
    root = Path(args.root)
    if (failed := _no_content(root)) is not None:
        return failed
    try:
        result = import_document(Path(args.file), args.year, root, force=args.force, dry_run=args.dry_run,
                                 year_mismatch_ok=args.year_mismatch_ok)
    except ImportFailed as exc:  # the importer's own message, introduced as a failed import
        m = exc.message
        _err(f"{SEVERITY_TH[m.severity]} [{m.code}]: นำเข้าไม่สำเร็จ: {exc.th} (import failed: {exc.en})"
             + (f"\n    → {exc.hint}" if exc.hint else ""))
        for line in exc.details:
            _err(f"  {line}")
        return 1
    _out(report(result, root))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    site_dir = Path(args.site_dir) if args.site_dir else None
    if is_province(Path(args.root)):  # a folder of LAOs, each with its own content/
        return build_province(Path(args.root), site_dir=site_dir, site_url=args.site_url or None,
                              file_system=args.file_system, strict=args.strict, jobs=args.jobs, quiet=args.quiet)
    project = Project.at(Path(args.root), site_dir=site_dir, site_url=args.site_url or None,
                         file_system=args.file_system)
    try:
        generated, mk_seconds = build(project, strict=args.strict, ignore=args.ignore, keep_site=False)
    except AuditFailed as exc:
        _report(exc.problems, "text")
        _out(exc.audit.summary())
        _out("การตรวจเว็บไซต์ที่สร้างพบข้อผิดพลาดและใช้ --strict จึงไม่เผยแพร่เว็บไซต์ใหม่ เว็บไซต์เดิมยังอยู่ครบ "
             "(the audit of the new site found errors and --strict is set: the previous site is untouched)")
        return 1
    except StrictFailed as exc:
        _report(exc.problems, "text")
        _out("มีคำเตือนและใช้ --strict จึงไม่สร้างเว็บไซต์ (warnings fail with --strict)")
        return 1
    except UserError as exc:
        _report(exc.problems, "text")
        _out("ไม่ได้สร้างเว็บไซต์ เว็บไซต์เดิมยังอยู่ครบ (site not built; the previous site is untouched)")
        return 1
    except TemplateError as exc:
        return _template_failure(exc)
    except MkDocsFailed as exc:
        return _mkdocs_failure(exc)
    _report(generated.problems, "text")
    for note in generated.notes:
        _out(f"หมายเหตุ: {note}")
    if generated.audit is not None:
        _audit_summary(generated.audit)
    if not args.quiet:
        s = generated.stats
        _out(
            f"สร้างเว็บไซต์เสร็จ: {generated.pages} หน้า, เอกสาร {generated.documents} ไฟล์ → {project.site_dir} "
            f"(built {generated.pages} pages, {generated.documents} documents; "
            f"generate {generated.seconds:.2f}s [{s.written} written, {s.copied} copied, {s.removed} removed], "
            f"mkdocs {mk_seconds:.2f}s)"
        )
    return 0


def _audit_summary(result: Audit) -> None:
    """After a build: the audit's errors in full, its warnings counted (oit audit lists them)."""
    errors = Problems()
    errors.extend(result.problems.errors)
    for p in errors:
        _out(p.text())
    _out(result.summary())
    if result.problems.warnings:
        _out("ดูรายการทั้งหมดด้วย oit audit (run oit audit for the full list)")


def cmd_audit(args: argparse.Namespace) -> int:
    """The built site read as an assessor reads it (generator/publish/audit.py)."""
    project = Project.at(Path(args.root), site_dir=Path(args.site_dir) if args.site_dir else None)
    result = audit(project, ignore=args.ignore)
    if args.format == "json":
        _out(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    elif args.format == "github":
        if len(result.problems):
            _out(format_problems(result.problems, "github"))
    else:
        _report(result.problems, "text")
        _out(result.summary())
    return 1 if result.problems.has_errors() else 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview: regenerate on content/ changes; only the changed pages are rebuilt and the
    browser reloads. The preview also shows what is written for the LAO (catalogue guidance,
    "edit this page")."""
    project = Project.at(Path(args.root), preview=True)
    if (missing := _no_content(project.root)) is not None:
        return missing
    host, _, port = args.dev_addr.rpartition(":")
    hooks = []
    if admin.is_loopback(host):  # the back office: forms at /admin/, saving through /api/v1
        admin.serving(project)
        hooks.append(str(admin.HOOK))
        _out(f"แก้ไขข้อมูลผ่านหน้าเว็บ (back office): http://{args.dev_addr}/admin/")
    else:
        _fail(msg.ADMIN_OFF, addr=args.dev_addr)
    try:
        # content with errors still gets a preview (the last good site, or a page listing the
        # errors, with a banner): the back office must be reachable to fix it
        serve(project, args.dev_addr, on_problems=lambda exc: _report(exc.problems, "text"),
              on_template_error=_template_failure, say=_out, hooks=hooks)
    except TemplateError as exc:
        return _template_failure(exc)
    except OSError as exc:  # the address is taken: often another `oit serve` still running
        other = f"{host}:{int(port) + 1}" if port.isdigit() else "127.0.0.1:8001"
        return _fail(msg.SERVE_ADDRESS_TAKEN, addr=args.dev_addr, reason=exc.strerror or str(exc), other=other)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    root = Path(args.folder or args.root)
    content = root / "content"
    if content.exists() and any(content.iterdir()):
        return _fail(msg.CONTENT_EXISTS, folder=content)
    if args.years:
        years = args.years
    else:
        newest = max(load_catalogues(root, content, Problems()))
        years = [newest - 1, newest]
    done = new_site(root, args.name, args.type, args.district, args.province, years)
    copied = copy_tool_files(root, TOOL_ROOT)
    for path in [*done.written, *copied]:
        _out(f"สร้าง {path}")
    for note in done.notes:
        _out(f"หมายเหตุ: {note}")
    _out(
        f"เสร็จแล้ว: เริ่มกรอกข้อมูลที่ {content}/organisation.yml แล้วรัน oit check และ oit build "
        f"(done: start with content/organisation.yml, then run 'oit check' and 'oit build')"
    )
    return 0


def cmd_new_year(args: argparse.Namespace) -> int:
    root = Path(args.root)
    content = root / "content"
    if (failed := _no_content(root)) is not None:
        return failed
    target = content / str(args.year)
    if target.exists() and any(target.iterdir()):
        return _fail(msg.CONTENT_EXISTS, folder=target)
    previous = args.year - 1 if (content / str(args.year - 1)).is_dir() else None
    done = Scaffolded()
    new_year_files(root, args.year, done, carry_from=previous)
    for path in done.written:
        _out(f"สร้าง {path}")
    for note in done.notes:
        _out(f"หมายเหตุ: {note}")
    if previous:
        _out(f"ข้อมูลถาวร (โครงสร้าง ผู้บริหาร ช่องทางติดต่อ …) ใช้ต่อได้เลย; คู่มือ ประมวลจริยธรรม และหลักเกณฑ์ HR "
             f"ยกมาจากปี {previous} ให้ตรวจว่ายังใช้อยู่ (persistent topics carry over; manuals, the code of ethics "
             f"and HR criteria were copied from {previous} for you to confirm)")
    return 0


def _catalogue(spec: str, root: Path, problems: Problems) -> tuple[Catalogue | None, str]:
    """A catalogue named by its ITA year (the LAO's own, else the shipped one) or by its file,
    and how to name it to the user; (None, what) when it is missing or broken."""
    year = _year_spec(spec)
    if year is not None:
        cat = load_catalogues(root, root / "content", problems).get(year)
        return cat, _catalogue_label(cat, root) if cat else f"ITA {year}"
    path = Path(spec)
    if not path.is_file():
        return None, spec
    cat = load_catalogue(path, root, problems)
    return cat, rel(path, root)


def _year_spec(spec: str) -> int | None:
    """2569 or ๒๕๖๙ as an ITA year; anything else is a file name."""
    text = thai.to_arabic(spec.strip())
    return int(text) if text.isdigit() and len(text) == 4 else None


def _catalogue_label(cat: Catalogue, root: Path) -> str:
    if cat.path is not None and cat.path.parent == SHIPPED_DIR:
        return f"รายการที่มากับโปรแกรม (shipped {cat.year}.yml)"
    return rel(cat.path, root) if cat.path else f"ITA {cat.year}"


def _catalogue_or_fail(spec: str, root: Path, problems: Problems) -> tuple[Catalogue | None, str, int | None]:
    cat, label = _catalogue(spec, root, problems)
    if cat is not None:
        return cat, label, None
    _report(problems, "text")
    if problems.has_errors():
        return None, label, _fail(msg.CATALOGUE_HAS_ERRORS, what=label)
    year = _year_spec(spec)
    if year is not None:
        available = ", ".join(str(y) for y in load_catalogues(root, root / "content", Problems())) or "-"
        return None, label, _fail(msg.NO_CATALOGUE, year=year, available=available)
    return None, label, _fail(msg.CATALOGUE_NOT_FOUND, path=spec)


def cmd_catalogue_new(args: argparse.Namespace) -> int:
    """A provisional catalogue for a new ITA year from an earlier one (see tools/catalogue_shift.py)."""
    root = Path(args.root)
    if (failed := _no_content(root)) is not None:
        return failed
    year, source = args.year, args.source or args.year - 1
    if source >= year:
        return _fail(msg.CATALOGUE_FROM_NOT_BEFORE, year=year, source=source, previous=year - 1)
    target = root / "content" / "catalogues" / f"{year}.yml"
    if target.exists():
        return _fail(msg.CATALOGUE_FILE_EXISTS, path=rel(target, root), source=source, year=year)
    problems = Problems()
    cat, label, failed = _catalogue_or_fail(str(source), root, problems)
    if cat is None or cat.path is None:
        return failed or 1
    shipped = load_catalogues(root, root / "content", Problems()).get(year)
    loaded = load_file(cat.path, root, Problems())
    assert loaded is not None  # it was just loaded as a valid catalogue
    text = new_file_text(new_from(loaded.data, year))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    written = Problems()
    made = load_catalogue(target, root, written)
    if made is None:  # a bug in the transformation: never leave a broken file behind
        target.unlink()
        _report(written, "text")
        return _fail(msg.CATALOGUE_HAS_ERRORS, what=rel(target, root))
    _out(f"สร้าง {rel(target, root)}")
    _out(f"รายการ OIT ITA {year} ฉบับเบื้องต้น {len(made.items())} ข้อ ยกมาจาก ITA {source} ({label}) เลื่อนปีไป {year - source} ปี "
         f"(a provisional ITA {year} catalogue of {len(made.items())} items carried over from ITA {source})")
    if shipped is not None:
        _out(f"หมายเหตุ: โปรแกรมมีรายการ ITA {year} อยู่แล้ว ({shipped.status}); ไฟล์ใหม่นี้จะใช้แทน "
             f"(the program ships an ITA {year} catalogue; this file replaces it for this LAO)")
    _out(f"ต่อไป: แก้ตามคู่มือ ป.ป.ช. เมื่อประกาศ แล้วรัน oit catalogue check {rel(target, root)} "
         f"และ oit catalogue diff {source} {year} (next: edit it to the NACC manual, then check and diff it)")
    return 0


def cmd_catalogue_check(args: argparse.Namespace) -> int:
    """Validate one catalogue file alone, with the same messages as `oit check`."""
    root = Path(args.root)
    problems = Problems()
    cat, label = _catalogue(args.file, root, problems)
    if cat is None and not problems.has_errors():
        return _catalogue_or_fail(args.file, root, problems)[2] or 1  # not found: say so
    _report(problems, args.format)
    if cat is None:
        return 1
    if args.strict and problems.warnings:
        return 1
    if args.format == "text":
        status = catalogue_diff.STATUS_TH[cat.status]
        _out(f"ตรวจแล้ว ไม่พบข้อผิดพลาด: {label} — ITA {cat.year}, {len(cat.items())} ข้อ, {status}"
             + (f", ยกมาจาก ITA {cat.derived_from}" if cat.derived_from else "")
             + f" (no errors: ITA {cat.year}, {len(cat.items())} items, {cat.status})")
    return 0


def cmd_catalogue_diff(args: argparse.Namespace) -> int:
    root = Path(args.root)
    problems = Problems()
    a, a_label, failed = _catalogue_or_fail(args.a, root, problems)
    if a is None:
        return failed or 1
    b, b_label, failed = _catalogue_or_fail(args.b, root, problems)
    if b is None:
        return failed or 1
    _out(catalogue_diff.render(catalogue_diff.diff(a, b), a_label, b_label).rstrip("\n"))
    return 0


def cmd_catalogue_list(args: argparse.Namespace) -> int:
    root = Path(args.root)
    problems = Problems()
    cats = load_catalogues(root, root / "content", problems)
    _report(problems, "text")
    for year, cat in cats.items():
        status = catalogue_diff.STATUS_TH[cat.status] + (f", ยกมาจาก ITA {cat.derived_from}" if cat.derived_from else "")
        _out(f"ITA {year}: {len(cat.items())} ข้อ, {status} — {_catalogue_label(cat, root)}")
    return 1 if problems.has_errors() else 0


def cmd_schema(args: argparse.Namespace) -> int:
    written = write_all(Path(args.root))
    _out(f"เขียน JSON Schema แล้ว {len(written)} ไฟล์ (wrote {len(written)} schema files)")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    """What a message code means and what to do, as docs/errors.md has it."""
    code = args.code.strip().upper()
    if code not in MESSAGES:
        return _fail(msg.UNKNOWN_CODE, code=code)
    _out(explain(MESSAGES[code]))
    return 0


def _code_arg(text: str) -> str:
    code = text.strip().upper()
    if code not in MESSAGES:
        raise argparse.ArgumentTypeError(f"ไม่รู้จักรหัสข้อความ {code} (unknown message code {code})")
    return code


def _be_year_arg(text: str) -> int:
    try:
        year = int(thai.to_arabic(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' ไม่ใช่ปี พ.ศ. (not a BE year)") from None
    if year in thai.CE_RANGE:
        raise argparse.ArgumentTypeError(
            f"{year} เป็นปี ค.ศ. ใช้ปี พ.ศ. {year + thai.BE_OFFSET} (a CE year; use {year + thai.BE_OFFSET})"
        )
    return year


class _Parser(argparse.ArgumentParser):
    """argparse with the project's convention for bad input: a Thai hint, exit code 1."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        _fail(msg.BAD_COMMAND, detail=message, prog=self.prog)
        self.exit(1)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="oit",
        description="สร้างเว็บไซต์เปิดเผยข้อมูล OIT จากข้อมูลใน content/ (build an LAO's OIT site from content/)",
    )
    p.add_argument("--version", action="version", version=f"oit {__version__}")
    p.add_argument("--root", default=".", help="โฟลเดอร์โครงการที่มี content/ (project folder; default: .)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="ตรวจข้อมูลและสร้างเว็บไซต์ลงใน site/ (validate and build the site)")
    b.add_argument("--site-dir", help="โฟลเดอร์ผลลัพธ์ (output folder; default: site/)")
    b.add_argument("--strict", action="store_true", help="ถือว่าคำเตือนเป็นข้อผิดพลาด (fail on warnings)")
    b.add_argument("-q", "--quiet", action="store_true", help="ไม่แสดงสรุปผล (no summary)")
    b.add_argument("--site-url", help="ที่อยู่เว็บไซต์จริง แทนค่า site.site_url (public URL; overrides organisation.yml)")
    b.add_argument("--file-system", action="store_true",
                   help="สร้างให้เปิดจากโฟลเดอร์ได้โดยไม่ต้องมีเว็บเซิร์ฟเวอร์ (links work from a folder / file://)")
    b.add_argument("--ignore", type=_code_arg, action="append", default=[], metavar="CODE",
                   help="ไม่แสดงคำเตือนรหัสนี้ และไม่นับกับ --strict (hide this warning code; repeatable)")
    b.add_argument("-j", "--jobs", type=int,
                   help="เมื่อ --root เป็นโฟลเดอร์ของหลายหน่วยงาน: จำนวนกระบวนการที่สร้างพร้อมกัน "
                        "(a folder of LAOs: worker processes; default: CPU cores)")
    b.set_defaults(func=cmd_build)

    c = sub.add_parser("check", help="ตรวจข้อมูลอย่างเดียว (validate only)")
    c.add_argument("--strict", action="store_true", help="ถือว่าคำเตือนเป็นข้อผิดพลาด (fail on warnings)")
    c.add_argument("--format", choices=["text", "github", "json"], default="text",
                   help="รูปแบบผลลัพธ์ (output format: text, github annotations, json)")
    c.add_argument("--year", type=_be_year_arg, help="ตรวจความพร้อมรายข้อของ ITA ปีนี้ (readiness report for this ITA year)")
    c.add_argument("--json", action="store_true", help="ผลลัพธ์เป็น JSON สำหรับเครื่องมืออื่น (JSON output)")
    c.add_argument("--ignore", type=_code_arg, action="append", default=[], metavar="CODE",
                   help="ไม่แสดงคำเตือนรหัสนี้ และไม่นับกับ --strict (hide this warning code; repeatable)")
    c.set_defaults(func=cmd_check)

    e = sub.add_parser("export", help="ส่งออกข้อมูล เช่น แบบกรอก ITAS (export, e.g. the ITAS sheet)")
    e.add_argument("what", choices=["itas"], help="itas: แบบกรอกข้อมูล OIT ในระบบ ITAS")
    e.add_argument("--year", type=_be_year_arg, required=True, help="ปี ITA (พ.ศ.)")
    e.add_argument("--format", choices=["csv", "md"], default="csv", help="csv (Excel/LibreOffice) หรือ md")
    e.add_argument("-o", "--output", help="ไฟล์ผลลัพธ์ (output file; default itas-<year>.csv, or stdout for md)")
    e.set_defaults(func=cmd_export)

    im = sub.add_parser("import", help="นำเข้าเอกสาร Word (.docx), PDF, Excel (.xlsx) หรือข้อความที่ส่งออกจาก Word "
                                       "เป็นไฟล์ใน content/ (import an LAO's document into content/)")
    im.add_argument("file", help="ไฟล์ .docx, .pdf, .xlsx หรือ .txt (a Word, PDF or Excel file, or a text export)")
    im.add_argument("--year", type=_be_year_arg, required=True,
                    help="ปีงบประมาณ พ.ศ. ของมาตรการ/ผลการดำเนินการในเอกสาร (fiscal year of the measures/results)")
    im.add_argument("--force", action="store_true", help="เขียนทับไฟล์ที่มีอยู่แล้ว (overwrite existing files)")
    im.add_argument("--dry-run", action="store_true", help="แสดงผลการอ่านโดยไม่เขียนไฟล์ (report only, write nothing)")
    im.add_argument("--year-mismatch-ok", action="store_true",
                    help="นำเข้าแม้เอกสารระบุปีงบประมาณอื่น (import although the document states another fiscal year)")
    im.set_defaults(func=cmd_import)

    n = sub.add_parser("new", help="สร้างโครงการใหม่สำหรับหน่วยงาน (scaffold content/ for a new LAO)")
    n.add_argument("folder", nargs="?", help="โฟลเดอร์ที่จะสร้าง (default: --root)")
    n.add_argument("--name", required=True, help="ชื่อเต็ม เช่น องค์การบริหารส่วนตำบลบ้านสุขใจ")
    n.add_argument("--type", required=True, help="ประเภท: อบต., เทศบาลตำบล, เทศบาลเมือง, เทศบาลนคร, อบจ.")
    n.add_argument("--district", required=True, help="อำเภอ")
    n.add_argument("--province", required=True, help="จังหวัด")
    n.add_argument("--years", type=_be_year_arg, nargs="+",
                   help="ปีงบประมาณที่จะสร้างโฟลเดอร์ (default: ปีล่าสุดที่มีรายการ OIT และปีก่อนหน้า)")
    n.set_defaults(func=cmd_new)

    y = sub.add_parser("new-year", help="เริ่มข้อมูลปีงบประมาณใหม่ (start a new fiscal year's content)")
    y.add_argument("year", type=_be_year_arg, help="ปีงบประมาณ พ.ศ. เช่น 2570")
    y.set_defaults(func=cmd_new_year)

    cat = sub.add_parser("catalogue", help="รายการ OIT รายปี: สร้าง เทียบ ตรวจ (item catalogues: new, diff, check, list)")
    cat_sub = cat.add_subparsers(dest="action", required=True, metavar="ACTION")
    cn = cat_sub.add_parser("new", help="สร้างรายการ OIT ฉบับเบื้องต้นของปีใหม่จากปีก่อน ลงใน content/catalogues/ "
                                       "(a provisional catalogue for a new year, carried over from an earlier one)")
    cn.add_argument("year", type=_be_year_arg, help="ปี ITA ใหม่ (พ.ศ.) เช่น 2571")
    cn.add_argument("--from", dest="source", type=_be_year_arg,
                    help="ปีที่ยกมา (default: ปีก่อนหน้า) (the year to carry over; default: the year before)")
    cn.set_defaults(func=cmd_catalogue_new)
    cd = cat_sub.add_parser("diff", help="เทียบรายการสองปี: เพิ่ม ยกเลิก เปลี่ยนชื่อ เปลี่ยนรหัส องค์ประกอบ "
                                        "(compare two catalogues by topic)")
    cd.add_argument("a", help="ปีหรือไฟล์ที่เป็นฐาน เช่น 2569 (a year or a .yml file)")
    cd.add_argument("b", help="ปีหรือไฟล์ที่เทียบ เช่น 2570 (a year or a .yml file)")
    cd.set_defaults(func=cmd_catalogue_diff)
    cc = cat_sub.add_parser("check", help="ตรวจไฟล์รายการ OIT ไฟล์เดียว (validate one catalogue file)")
    cc.add_argument("file", help="ไฟล์ .yml หรือปี พ.ศ. (a catalogue file, or an ITA year)")
    cc.add_argument("--strict", action="store_true", help="ถือว่าคำเตือนเป็นข้อผิดพลาด (fail on warnings)")
    cc.add_argument("--format", choices=["text", "github", "json"], default="text",
                    help="รูปแบบผลลัพธ์ (output format: text, github annotations, json)")
    cc.set_defaults(func=cmd_catalogue_check)
    cl = cat_sub.add_parser("list", help="รายการ OIT ทุกปีที่ใช้ได้ (every catalogue in use)")
    cl.set_defaults(func=cmd_catalogue_list)

    sc = sub.add_parser("schema", help="สร้าง JSON Schema สำหรับโปรแกรมแก้ไข (write JSON Schemas for editors)")
    sc.set_defaults(func=cmd_schema)

    x = sub.add_parser("explain", help="อธิบายรหัสข้อความ เช่น OIT-X012 (explain a message code)")
    x.add_argument("code", help="รหัสข้อความ เช่น OIT-X012")
    x.set_defaults(func=cmd_explain)

    au = sub.add_parser("audit", help="ตรวจเว็บไซต์ที่สร้างแล้วแบบผู้ประเมิน (audit the built site as an assessor would)")
    au.add_argument("--format", choices=["text", "github", "json"], default="text",
                    help="รูปแบบผลลัพธ์ (output format: text, github annotations, json)")
    au.add_argument("--site-dir", help="โฟลเดอร์เว็บไซต์ที่สร้างแล้ว (built site; default: site/)")
    au.add_argument("--ignore", type=_code_arg, action="append", default=[], metavar="CODE",
                    help="ไม่แสดงคำเตือนรหัสนี้ (hide this warning code; repeatable)")
    au.set_defaults(func=cmd_audit)

    s = sub.add_parser("serve", help="เปิดดูตัวอย่างขณะแก้ไข (live preview)")
    s.add_argument("--dev-addr", default="127.0.0.1:8000", help="ที่อยู่สำหรับเปิดดู (address:port)")
    s.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # not when a test captures output
            stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a mistyped command (reported, exit 1)
        return exc.code if isinstance(exc.code, int) else 1
    try:
        thai.today()  # a malformed OIT_TODAY is reported once here, before any command relies on it
        return args.func(args)
    except UserError as exc:  # what a command does not report itself (it reports its own first)
        _report(exc.problems, "text")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `oit check --year 2569 | head`: the reader left, nothing is wrong
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0


def entry() -> None:
    sys.exit(main())
