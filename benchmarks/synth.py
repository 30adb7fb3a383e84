"""Synthetic LAO content for the benchmarks: valid, deterministic, realistic in shape and size.

Everything is written with `yaml.safe_dump` from the field names of `generator/content/models.py`, so a
model change that the generator does not follow shows up as a validation error before anything
is timed (`make_lao` callers load the result with `generator.content.load.load_site` and refuse to time
content with errors). Documents are real files: small valid PDFs (and PNG photos) whose bytes
differ per file; their size is reported apart from the site's own pages in the benchmark.

Sizes (per fiscal year of a "full" LAO, as the issue asks): every year file filled, 200 measures
and 200 results, 12 months × 50 procurement rows (600 progress items, one month entry per
month), 300 documents. A "realistic" LAO of a province is smaller: 2 fiscal years, 15 measures,
12 months × 4 rows, 40 documents per year.

ITA years without a shipped catalogue (everything but 2566, 2568, 2569) get one under the LAO's
`content/catalogues/<year>.yml`: a copy of the nearest shipped catalogue with the year changed,
so that a 10-year LAO publishes 10 ITA years (`site.years` in organisation.yml).
"""

from __future__ import annotations

import random
import re
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path

import yaml

SHIPPED = Path(__file__).resolve().parent.parent / "generator" / "content" / "catalogues"


@dataclass(frozen=True)
class Size:
    measures: int = 200
    rows_per_month: int = 50
    documents: int = 300  # per fiscal year
    news: int = 60
    participation: int = 15
    projects: int = 40
    risks: int = 20


FULL = Size()
REALISTIC = Size(measures=15, rows_per_month=4, documents=40, news=12, participation=4, projects=10, risks=5)

# Words to build Thai sentences from (typical LAO vocabulary); sentences are random but stable.
WORDS = ["การ", "ดำเนินงาน", "โครงการ", "ก่อสร้าง", "ถนน", "คอนกรีต", "เสริมเหล็ก", "หมู่ที่", "บ้าน", "ตำบล", "องค์การบริหารส่วนตำบล", "ประชาชน", "ผู้สูงอายุ", "เด็กเล็ก", "ศูนย์พัฒนา", "งบประมาณ", "รายจ่าย", "ประจำปี", "แผนพัฒนา", "ท้องถิ่น", "ประชาคม", "คุณธรรม", "ความโปร่งใส", "ป้องกัน", "การทุจริต", "ประพฤติมิชอบ", "เจ้าหน้าที่", "พนักงาน", "ส่วนตำบล", "สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "สาธารณสุข", "สิ่งแวดล้อม", "ขยะ", "มูลฝอย", "คัดแยก", "น้ำประปา", "ไฟฟ้า", "ส่องสว่าง", "จัดซื้อ", "จัดจ้าง", "ประกาศ", "ผู้ชนะ", "การเสนอราคา", "วิธี", "เฉพาะเจาะจง", "ประกวดราคา", "อิเล็กทรอนิกส์", "สัญญา", "ตรวจรับ", "ติดตาม", "ประเมินผล", "รายงาน", "ความก้าวหน้า", "แล้วเสร็จ", "อบรม", "ส่งเสริม", "สนับสนุน", "พัฒนา", "คุณภาพชีวิต", "เศรษฐกิจ", "ชุมชน", "เกษตร", "ปลอดภัย", "ภาษี", "ที่ดิน", "สิ่งปลูกสร้าง", "บริการ", "ออนไลน์", "ร้องเรียน", "รับฟัง", "ความคิดเห็น", "เผยแพร่", "ข้อมูล", "ข่าวสาร", "เว็บไซต์", "เพจ", "ประชาสัมพันธ์", "ภายใน", "ภายนอก", "บุคลากร"]
PLACES = ["บ้านหนองบัว", "บ้านโคกสว่าง", "บ้านดอนแดง", "บ้านนาคำ", "บ้านหัวฝาย", "บ้านท่าช้าง", "บ้านโนนสูง", "บ้านหนองแวง", "บ้านป่าแดง", "บ้านสันติสุข", "บ้านทุ่งใหญ่", "บ้านห้วยทราย"]
NAMES = ["สมชาย", "สมศักดิ์", "วิไลวรรณ", "ประภาพร", "ธนพล", "สุรชัย", "วันเพ็ญ", "อภิชาติ", "บุญเลิศ", "รัตนาภรณ์", "กิตติพัฒน์", "มาลัย", "จันทร์เพ็ญ", "ชัยวัฒน์", "ศิริพร", "ปรีชา"]
SURNAMES = ["ใจดี", "มีสุข", "ศรีสุข", "ดวงดี", "ทองคำ", "พึ่งบุญ", "คงมั่น", "แสงทอง", "บุญมา", "สุขสวัสดิ์"]
UNITS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสาธารณสุขและสิ่งแวดล้อม"]
METHODS = ["เฉพาะเจาะจง", "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "คัดเลือก"]
MONTH_TH = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763"
    "f8cfc0f01f0005000201e2a4ae6b0000000049454e44ae426082"
)


def pdf_bytes(title: str, n: int) -> bytes:
    """A small valid one-page PDF (~1–3 KB), different for every document."""
    body = f"BT /F1 12 Tf 72 720 Td (document {n}) Tj ET\n" + "% " + "x" * (200 + (n * 37) % 1800) + "\n"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(body)} >>\nstream\n{body}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode("ascii")
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return out


def ce_month(fy: int, i: int) -> tuple[int, int]:
    """The i-th month (0 = October) of BE fiscal year `fy`, as (CE year, month)."""
    m = (9 + i) % 12 + 1
    return (fy - 544 if m >= 10 else fy - 543), m


def iso(fy: int, i: int, day: int) -> str:
    y, m = ce_month(fy, i)
    return f"{y:04d}-{m:02d}-{min(day, 28):02d}"


def fy_period(fy: int, half: bool = False) -> str:
    return f"1 ต.ค. {fy - 1} – 31 มี.ค. {fy}" if half else f"1 ต.ค. {fy - 1} – 30 ก.ย. {fy}"


class Writer:
    """Builds one LAO's content folder: YAML files and the documents they name."""

    def __init__(self, content: Path, seed: int) -> None:
        self.content = content
        self.rnd = random.Random(seed)
        self.n_docs = 0
        self.bytes_docs = 0

    def text(self, lo: int = 6, hi: int = 14) -> str:
        """Thai as it is written: words run together in phrases, spaces only between phrases
        (so the search index's word segmentation does real work)."""
        words = self.rnd.choices(WORDS, k=self.rnd.randint(lo, hi))
        if self.rnd.random() < 0.5:
            words.insert(self.rnd.randrange(len(words)), self.rnd.choice(PLACES))
        phrases, i = [], 0
        while i < len(words):
            k = self.rnd.randint(2, 5)
            phrases.append("".join(words[i:i + k]))
            i += k
        if self.rnd.random() < 0.4:
            phrases.append(f"{self.rnd.randint(2, 480)} ราย")
        return " ".join(phrases)

    def para(self, sentences: int = 3) -> str:
        return "\n".join(self.text(10, 22) for _ in range(sentences))

    def person(self) -> str:
        return f"นาย{self.rnd.choice(NAMES)} {self.rnd.choice(SURNAMES)}"

    def file(self, folder: str, stem: str, data: bytes) -> str:
        ref = f"files/{folder}/{stem}"
        path = self.content / ref
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.bytes_docs += len(data)
        return ref

    def doc(self, fy: int | None, title: str, month: int | None = None, *, period: str | None = None,
            signed_by: str | None = None) -> dict:
        self.n_docs += 1
        n = self.n_docs
        folder = str(fy) if fy else "general"
        ref = self.file(folder, f"doc-{n:05d}.pdf", pdf_bytes(title, n))
        d: dict = {"title": f"{title} ({n})", "file": ref}
        if fy:
            d["date"] = iso(fy, self.rnd.randrange(12) if month is None else month, self.rnd.randint(1, 28))
        else:
            d["date"] = f"2024-{self.rnd.randint(1, 12):02d}-{self.rnd.randint(1, 28):02d}"
        if period:
            d["period"] = period
        if signed_by:
            d["signed_by"] = signed_by
        return d

    def docs(self, fy: int | None, title: str, k: int, **kw) -> list[dict]:
        return [self.doc(fy, f"{title} {self.text(2, 4)}", **kw) for _ in range(k)]

    def dump(self, rel: str, data) -> None:
        path = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


# --------------------------------------------------------------------------- persistent files


def persistent_files(w: Writer, name: str, chief: str, years: list[int]) -> None:
    w.dump("organisation.yml", {
        "name": f"องค์การบริหารส่วนตำบล{name}",
        "short_name": f"อบต.{name}",
        "type": "อบต.",
        "district": "เมืองทดสอบ",
        "province": "ทดสอบ",
        "address": f"เลขที่ 1 หมู่ที่ 1 ตำบล{name} อำเภอเมืองทดสอบ จังหวัดทดสอบ",
        "postcode": "99999",
        "phone": ["0 3299 1234", "0 3299 1235"],
        "email": [f"saraban@lao{zlib.crc32(name.encode()) % 10000}.example"],
        "map_url": "https://maps.example/place/lao",
        "office_hours": "วันจันทร์ – วันศุกร์ เวลา 08.30 – 16.30 น.",
        "social": [{"platform": "facebook", "url": "https://facebook.example/lao", "label": f"เพจ อบต.{name}"}],
        "about": w.para(4),
        "site": {"site_url": "https://lao.example/ita/", "years": years,
                 "repo_url": "https://github.com/example/lao"},
    })
    unit = lambda n: {"name": n, "head": f"ผู้อำนวยการ{n}", "description": w.text(),  # noqa: E731
                      "units": [{"name": f"งาน{w.rnd.choice(WORDS)} {i}", "description": w.text()} for i in range(4)]}
    w.dump("structure.yml", {
        "description": w.para(2),
        "documents": [w.doc(None, "แผนผังโครงสร้าง")],
        "political": {"description": w.text(), "units": [unit("ฝ่ายบริหาร"), unit("สภาองค์การบริหารส่วนตำบล")]},
        "permanent": {"description": w.text(), "units": [unit(u) for u in UNITS]},
    })
    photo = lambda i: w.file("executives", f"p{i}.png", PNG_1PX)  # noqa: E731
    political = [{"position": f"นายกองค์การบริหารส่วนตำบล{name}", "name": chief, "chief_executive": True,
                  "since": "2021-12-20", "photo": photo(0), "phone": "0 3299 1234 ต่อ 101"}]
    political += [{"position": f"รองนายก คนที่ {i}", "name": w.person(), "photo": photo(i), "phone": "0 3299 1234"}
                  for i in (1, 2)]
    permanent = [{"position": f"ผู้อำนวยการ{u}", "name": w.person(), "photo": photo(10 + i),
                  "email": f"u{i}@lao.example"} for i, u in enumerate(UNITS)]
    permanent.append({"position": "รองปลัด", "vacant": True, "acting": "หัวหน้าสำนักปลัด รักษาราชการแทน"})
    w.dump("executives.yml", {"description": w.text(), "political": political, "permanent": permanent})
    w.dump("authority.yml", {"description": w.para(2), "duties": [w.text(12, 24) for _ in range(15)],
                             "legal_basis": ["พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537"],
                             "documents": [w.doc(None, "สรุปอำนาจหน้าที่")]})
    plan = w.docs(None, "แผนพัฒนาท้องถิ่น", 2)
    plan[0]["period"] = f"1 ต.ค. {min(years) - 1} – 30 ก.ย. {max(years)}"  # the multi-year plan covers every year
    w.dump("development_plan.yml", {"description": w.para(3), "strategies": [w.text(4, 8) for _ in range(6)],
                                    "documents": plan})
    w.dump("laws.yml", {"description": w.text(), "documents": w.docs(None, "ข้อบัญญัติ", 4),
                        "links": [{"title": f"กฎหมาย {w.text(2, 4)}", "url": f"https://law.example/{i}"}
                                  for i in range(5)]})
    channels = [{"name": f"ช่องทาง {k}", "kind": k, "url": f"https://lao.example/{k}", "description": w.text()}
                for k in ("webboard", "line", "messenger", "form")]
    w.dump("qa.yml", {"description": w.text(), "channels": channels})
    w.dump("complaint_channels.yml", {"description": w.text(), "channels": channels})
    w.dump("eservice.yml", {
        "description": w.text(),
        "services": [{"name": f"บริการ {w.text(2, 4)}", "url": f"https://eservice.example/{i}",
                      "description": w.text(), "manual": w.doc(None, "คู่มือบริการออนไลน์")} for i in range(5)],
        "statistics": {"rows": [{"service": f"บริการ {i}", "count": w.rnd.randint(5, 400)} for i in range(5)],
                       "documents": [w.doc(None, "สถิติบริการออนไลน์")]},
    })
    w.dump("complaint_guideline.yml", {"description": w.text(), "steps": [w.text() for _ in range(7)],
                                       "responsible": UNITS[:2], "duration": "30 วันทำการ",
                                       "documents": [w.doc(None, "คู่มือการจัดการเรื่องร้องเรียน")]})
    w.dump("privacy.yml", {"description": w.text(), "policy": "\n\n".join(w.para(3) for _ in range(5)),
                           "documents": [w.doc(None, "นโยบายคุ้มครองข้อมูลส่วนบุคคล")]})


# --------------------------------------------------------------------------- year files


def year_files(w: Writer, fy: int, size: Size, chief: str) -> None:
    start = w.n_docs
    rnd = w.rnd
    full, half = fy_period(fy), fy_period(fy, half=True)
    yy = fy % 100

    def projects(prefix: str, k: int) -> list[dict]:
        return [{"id": f"{prefix}{yy}-{i:02d}", "title": w.text(4, 9), "budget": rnd.randrange(5, 2000) * 1000,
                 "period": f"{MONTH_TH[(9 + i) % 12]} {fy - 1 if (9 + i) % 12 >= 9 else fy}",
                 "responsible": rnd.choice(UNITS), "description": w.text()} for i in range(1, k + 1)]

    def results(prefix: str, k: int, status: str) -> list[dict]:
        return [{"project": f"{prefix}{yy}-{i:02d}", "status": status, "result": w.text(8, 16),
                 "budget_used": rnd.randrange(1, 1900) * 1000} for i in range(1, k + 1)]

    def entries(title: str, k: int) -> list[dict]:
        out = []
        for i in range(k):
            month = i * 12 // k
            out.append({"title": f"{title} {w.text(3, 6)}", "date": iso(fy, month, rnd.randint(1, 28)),
                        "description": w.para(2), "documents": [w.doc(fy, title, month)]})
        return out

    w.dump(f"{fy}/operations.yml", {
        "plan": {"description": w.text(), "documents": w.docs(fy, "แผนการดำเนินงาน", 2, month=0, period=full),
                 "projects": projects("P", size.projects)},
        "progress": {"documents": [w.doc(fy, "รายงานความก้าวหน้า 6 เดือน", 6, period=half)],
                     "results": results("P", size.projects, "in_progress")},
        "report": {"documents": [w.doc(fy, "รายงานผลการดำเนินงานประจำปี", 11, period=full)],
                   "results": results("P", size.projects, "done")},
    })
    w.dump(f"{fy}/manuals.yml", {"staff": {"documents": w.docs(fy, "คู่มือการปฏิบัติงาน", 8)},
                                 "service": {"documents": w.docs(fy, "คู่มือการให้บริการ", 8)}})
    w.dump(f"{fy}/services.yml", {
        "statistics": {"rows": [{"service": f"บริการ{w.text(2, 3)}", "count": rnd.randint(1, 900)} for _ in range(15)],
                       "period": half, "documents": w.docs(fy, "สถิติการให้บริการ", 2, month=6)},
        "satisfaction": {"description": w.text(), "documents": [w.doc(fy, "ผลสำรวจความพึงพอใจ", 10)]},
    })
    items = []
    for mi in range(12):
        for r in range(size.rows_per_month):
            items.append({"title": f"{rnd.choice(['ซื้อ', 'จ้าง'])}{w.text(3, 7)}",
                          "budget": rnd.randrange(1, 500) * 1000, "method": rnd.choice(METHODS),
                          "status": rnd.choice(["ลงนามสัญญาแล้ว", "ตรวจรับแล้ว", "อยู่ระหว่างดำเนินการ"]),
                          "contract_date": iso(fy, mi, 1 + r % 28)})
    months = []
    for mi in range(12):
        y, m = ce_month(fy, mi)
        months.append({"month": f"{y:04d}-{m:02d}",
                       "documents": [w.doc(fy, f"สรุปผลการจัดซื้อจัดจ้าง สขร.1 เดือน {m}", min(mi + 1, 11))
                                     for _ in range(2 if size is FULL else 1)]})
    procurement = {
        "plan": {"documents": [w.doc(fy, "แผนการจัดซื้อจัดจ้าง", 0, period=full)]},
        "announcements": {"documents": []},  # filled with the rest of the year's documents below
        "progress": {"description": w.text(), "as_of": iso(fy, 11, 28),
                     "documents": [w.doc(fy, "รายการจัดซื้อจัดจ้าง", 6, period=half)], "items": items},
        "monthly": {"description": w.text(), "months": months},
        "report": {"documents": [w.doc(fy, "รายงานผลการจัดซื้อจัดจ้างประจำปี", 11, period=full)]},
    }
    w.dump(f"{fy}/hr.yml", {"plan": {"documents": w.docs(fy, "แผนบริหารทรัพยากรบุคคล", 2, period=full)},
                            "criteria": {"documents": w.docs(fy, "หลักเกณฑ์การบริหารบุคคล", 2)},
                            "implementation": {"description": w.para(2), "documents": w.docs(fy, "การดำเนินการ HR", 3)},
                            "report": {"documents": [w.doc(fy, "รายงานผล HR ประจำปี", 11, period=full)]}})
    w.dump(f"{fy}/ethics.yml", {"code": {"documents": [w.doc(fy, "ประมวลจริยธรรม")]},
                                "working_group": {"documents": [w.doc(fy, "คำสั่งคณะทำงานจริยธรรม")]},
                                "dos_donts": {"documents": [w.doc(fy, "Dos and Don'ts")]},
                                "training": {"entries": entries("อบรมจริยธรรม", 8 if size is FULL else 2)},
                                "assessment": {"documents": [w.doc(fy, "การประเมินจริยธรรม")]}})
    w.dump(f"{fy}/no_gift.yml", {
        "announcement": {"documents": [w.doc(fy, "ประกาศ No Gift Policy", 0, signed_by=chief)]},
        "activity": {"entries": entries("กิจกรรม No Gift", 4 if size is FULL else 1)},
        "report": {"documents": [w.doc(fy, "รายงานการรับของขวัญ", 11)]},
    })
    total = rnd.randint(0, 9)
    w.dump(f"{fy}/complaints.yml", {"statistics": {"total": total, "done": total, "in_progress": 0, "period": full,
                                                   "documents": [w.doc(fy, "สถิติเรื่องร้องเรียน", 11)]}})
    w.dump(f"{fy}/participation.yml", {"description": w.text(), "entries": entries("การมีส่วนร่วม", size.participation)})
    risks = [{"id": f"R{yy}-{i}", "title": w.text(5, 9), "process": rnd.choice(UNITS), "level": rnd.choice(["สูง", "กลาง"]),
              "controls": w.text(8, 14)} for i in range(1, size.risks + 1)]
    w.dump(f"{fy}/risk.yml", {
        "assessment": {"description": w.text(), "documents": [w.doc(fy, "การประเมินความเสี่ยง", 0)], "risks": risks},
        "report": {"documents": [w.doc(fy, "รายงานการจัดการความเสี่ยง", 11, period=full)],
                   "results": [{"risk": r["id"], "actions": w.text(), "result": w.text(), "status": "done"}
                               for r in risks]},
    })
    k = size.projects // 2
    w.dump(f"{fy}/anti_corruption.yml", {
        "plan": {"documents": [w.doc(fy, "แผนปฏิบัติการป้องกันการทุจริต", 0, period=full)],
                 "projects": projects("AC", k)},
        "progress": {"documents": [w.doc(fy, "รายงานความก้าวหน้าป้องกันการทุจริต", 6, period=half)],
                     "results": results("AC", k, "in_progress")},
        "report": {"documents": [w.doc(fy, "รายงานผลป้องกันการทุจริต", 11, period=full)],
                   "results": results("AC", k, "done")},
    })
    w.dump(f"{fy}/news.yml", {"entries": entries("ข่าว", size.news)})
    tools = {"IIT": 88.0 + fy % 7, "EIT": 82.0 + fy % 5, "OIT": 80.0 + fy % 9}
    weights = {"IIT": 30, "EIT": 30, "OIT": 40}
    weighted = {t: round(s * weights[t] / 100, 2) for t, s in tools.items()}
    score = round(sum(weighted.values()), 2)
    band = next(level for level, low in (("AA", 95), ("A", 85), ("B", 75), ("C", 65), ("D", 55), ("E", 50), ("F", 0))
                if score >= low)
    w.dump(f"{fy}/assessment.yml", {
        "score": score, "level": band, "summary": w.para(2),
        "tools": {t: {"score": tools[t], "weight": weights[t], "weighted": weighted[t]} for t in tools},
        "indicators": [{"indicator": i, "score": round(75 + (i * 7 + fy) % 25 + 0.5, 2)} for i in range(1, 11)],
        "recommendations": [{"code": f"{'IEO'[i % 3]}{i + 1}", "text": w.text(10, 18)} for i in range(10)],
        # the next year's measures answer every urgent weakness (measures name indicators 1–10)
        "analysis": [{"indicator": i, "maintain": w.text(), "weaknesses": w.text()}
                     for i in sorted({1 + k % 10 for k in range(1, size.measures + 1)})],
        "documents": [w.doc(fy, "ผลการประเมิน ITA", 9)],
    })
    w.dump(f"{fy}/measures.yml", {
        "based_on": fy - 1, "intro": w.para(2),
        "documents": w.docs(fy, "ประกาศมาตรการส่งเสริมคุณธรรม", 2, month=1, signed_by=chief),
        "measures": [{"id": f"m{i}", "indicator": 1 + i % 10, "title": w.text(5, 10),
                      "questions": [{"code": f"i{1 + i % 30}", "text": w.text(8, 14)}],
                      "finding": w.text(8, 16), "steps": [w.text() for _ in range(3)],
                      "period": f"ต.ค. {fy - 1} – ก.ย. {fy}", "responsible": [rnd.choice(UNITS)],
                      "monitoring": w.text()} for i in range(1, size.measures + 1)],
    })
    w.dump(f"{fy}/results.yml", {
        "intro": w.text(),
        "documents": [w.doc(fy, "รายงานผลตามมาตรการ", 11)],
        "results": [{"measure": f"m{i}", "status": "done" if i % 5 else "in_progress", "summary": w.text(8, 16),
                     "outcomes": w.text()} for i in range(1, size.measures + 1)],
        "improvements": [{"indicator": i, "score": 80.5, "approach": w.text(), "responsible": [UNITS[i % 5]],
                          "status": "done"} for i in range(1, 11)],
        "memo": {"department": "สำนักปลัด", "date": iso(fy, 11, 20), "subject": "รายงานผลการดำเนินการตามมาตรการ",
                 "to": "นายก", "body": w.para(3),
                 "signatures": [{"name": w.person(), "position": "ปลัด", "opinion": w.text()}],
                 "document": w.doc(fy, "บันทึกข้อความ", 11)},
    })
    rest = max(1, size.documents - (w.n_docs - start))
    procurement["announcements"]["documents"] = w.docs(fy, "ประกาศจัดซื้อจัดจ้าง", rest)
    w.dump(f"{fy}/procurement.yml", procurement)


def items_file(w: Writer, year: int, catalogue: Path) -> None:
    """content/<year>/items.yml confirming every element no machine can judge, as a clerk does
    once they have looked (pointing at where the evidence is)."""
    cat = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    notes: dict = {}
    for ind in cat["indicators"]:
        for sub in ind["sub_indicators"]:
            for item in sub["items"]:
                for el in item["elements"]:
                    if any(c.get("kind") == "manual" for c in el["checks"]):
                        notes.setdefault(item["code"], {"manual": {}})["manual"][el["id"]] = {
                            "confirmed": True, "evidence": f"หัวข้อ {el['topic']} บนหน้า {item['code']}"}
    w.dump(f"{year}/items.yml", notes)


# --------------------------------------------------------------------------- catalogues and whole LAOs


def nearest_shipped(year: int) -> Path:
    shipped = sorted(int(p.stem) for p in SHIPPED.glob("*.yml"))
    later = [y for y in shipped if y >= year]
    return SHIPPED / f"{(later[0] if later else shipped[-1])}.yml"


def write_catalogue(content: Path, year: int) -> None:
    """content/catalogues/<year>.yml: the nearest shipped catalogue with the year changed."""
    text = nearest_shipped(year).read_text(encoding="utf-8")
    text = re.sub(r"^year: \d{4}$", f"year: {year}", text, count=1, flags=re.M)
    text = re.sub(r"^title: .*$", f"title: ITA {year} (synthetic, for benchmarks)", text, count=1, flags=re.M)
    path = content / "catalogues" / f"{year}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@dataclass
class Made:
    root: Path
    years: list[int]
    documents: int
    document_bytes: int
    yaml_bytes: int


def make_lao(root: Path, n_years: int, size: Size = FULL, *, name: str = "ทดสอบ", seed: int = 1,
             newest: int = 2569, published: list[int] | None = None) -> Made:
    """An LAO project at `root` (content/ only) with `n_years` fiscal years ending at `newest`,
    each published as the ITA year of the same number (or only the years in `published`). Every
    element of every published year's catalogue is ready (manual ones confirmed in items.yml)."""
    if root.exists():
        shutil.rmtree(root)
    content = root / "content"
    content.mkdir(parents=True)
    years = list(range(newest - n_years + 1, newest + 1))
    w = Writer(content, seed)
    chief = f"นาย{name} ใจดี"
    persistent_files(w, name, chief, published or years)
    shipped = {int(p.stem) for p in SHIPPED.glob("*.yml")}
    for fy in years:
        year_files(w, fy, size, chief)
        if fy not in shipped:
            write_catalogue(content, fy)
        items_file(w, fy, SHIPPED / f"{fy}.yml" if fy in shipped else content / "catalogues" / f"{fy}.yml")
    yaml_bytes = sum(p.stat().st_size for p in content.rglob("*.yml"))
    return Made(root, years, w.n_docs, w.bytes_docs, yaml_bytes)


PROVINCE_NAMES = [p.removeprefix("บ้าน") for p in PLACES]


def make_province(folder: Path, n_laos: int, size: Size = REALISTIC, n_years: int = 2) -> list[Made]:
    """A province repository: one sub-folder per LAO, each with its own content/."""
    if folder.exists():
        shutil.rmtree(folder)
    made = []
    for i in range(n_laos):
        name = f"{PROVINCE_NAMES[i % len(PROVINCE_NAMES)]}{i + 1}"
        made.append(make_lao(folder / f"lao-{i + 1:03d}", n_years, size, name=name, seed=1000 + i))
    return made


def checksum(folder: Path) -> int:
    """A cheap fingerprint of a tree's files (paths and bytes) to compare two builds."""
    crc = 0
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            crc = zlib.crc32(p.relative_to(folder).as_posix().encode() + p.read_bytes(), crc)
    return crc
