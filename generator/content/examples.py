"""The commented examples the scaffold writes into every new content file, and the values in them
that are placeholders.

`oit new` and `oit new-year` (generator/tools/scaffold.py) write each example as a YAML comment
for the clerk to copy. A clerk who uncomments one and forgets to change a value publishes
"ชื่อเอกสาร" or "0 0000 0000": the audit (generator/publish/audit.py) looks for exactly these
values on the built pages, so the list lives here, beside the examples it comes from (a test
checks that every placeholder occurs in an example).
"""

from __future__ import annotations

# A commented example per kind of section, indented under the section's key by the caller.
EXAMPLES: dict[str, str] = {
    "Section": """\
documents:
  - title: ชื่อเอกสาร
    file: files/{fy}/ชื่อไฟล์.pdf
    date: 1 ต.ค. {fy_start}
""",
    "Plan": """\
documents:
  - title: แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)
    file: files/แผนพัฒนาท้องถิ่น.pdf
    period: 1 ต.ค. 2565 – 30 ก.ย. 2570
strategies:
  - การพัฒนาโครงสร้างพื้นฐาน
""",
    "EntryList": """\
entries:
  - title: ชื่อข่าวหรือกิจกรรม
    date: 15 พ.ย. {fy_start}
    description: รายละเอียดสั้น ๆ
    documents:
      - title: ภาพกิจกรรม
        file: files/{fy}/กิจกรรม.pdf
""",
    "Structure": """\
documents:
  - title: แผนผังโครงสร้าง
    file: files/แผนผังโครงสร้าง.png
political:
  units:
    - name: นายกองค์การบริหารส่วนตำบล
    - name: สภาองค์การบริหารส่วนตำบล
permanent:
  units:
    - name: สำนักปลัด
      head: หัวหน้าสำนักปลัด
    - name: กองคลัง
      head: ผู้อำนวยการกองคลัง
""",
    "Executives": """\
political:
  - name: ชื่อ นามสกุล
    position: นายกองค์การบริหารส่วนตำบล
    chief_executive: true
    photo: files/executives/nayok.jpg
    phone: 0 0000 0000
permanent:
  - position: ปลัดองค์การบริหารส่วนตำบล
    vacant: true
    acting: หัวหน้าสำนักปลัด
""",
    "Authority": """\
duties:
  - จัดให้มีและบำรุงรักษาทางน้ำและทางบก
legal_basis:
  - พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537
""",
    "Channels": """\
channels:
  - name: LINE Official Account
    kind: line
    url: https://line.me/R/ti/p/@example
""",
    "EServices": """\
services:
  - name: ชื่อบริการ
    url: https://www.example.go.th/eservice
    manual:
      title: คู่มือการใช้บริการ
      file: files/คู่มือ E-Service.pdf
statistics:
  documents:
    - title: สถิติการใช้บริการออนไลน์
      file: files/สถิติ E-Service.pdf
""",
    "Steps": """\
steps:
  - รับเรื่องร้องเรียนและลงทะเบียน
  - ตรวจสอบข้อเท็จจริง
responsible: [สำนักปลัด]
duration: ภายใน 15 วันทำการ
""",
    "Privacy": """\
policy: |
  องค์การบริหารส่วนตำบล… เก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลเท่าที่จำเป็น …
""",
    "Policy": """\
# ถ้าไม่ใส่ policy เว็บไซต์แสดงนโยบายมาตรฐานที่เขียนไว้ให้ ใส่เมื่อหน่วยงานมีนโยบายของตนเอง
policy: |
  ข้อความนโยบายของหน่วยงาน …
documents:
  - title: ประกาศนโยบาย (ฉบับลงนาม)
    file: files/ประกาศนโยบาย.pdf
    date: 1 ต.ค. {fy_start}
""",
    "GeneralInfo": """\
history: ประวัติความเป็นมาของหน่วยงาน …
slogan: คำขวัญของตำบล
location: ที่ตั้งและอาณาเขต ทิศเหนือ … ทิศใต้ …
area_km2: 36.4
villages:
  - หมู่ที่ 1 บ้าน…
population: 6412
households: 2206
population_as_of: 31 ธ.ค. {fy_start}
population_source: สำนักทะเบียนอำเภอ…
vision: วิสัยทัศน์ของหน่วยงาน
missions:
  - พันธกิจข้อที่ 1
""",
    "ProjectPlan": """\
documents:
  - title: แผนฉบับลงนาม
    file: files/{fy}/แผน.pdf
    date: 1 ต.ค. {fy_start}
    period: 1 ต.ค. {fy_start} – 30 ก.ย. {fy}
projects:
  - id: P1
    title: ชื่อโครงการ
    budget: 100000
""",
    "ProjectReport": """\
documents:
  - title: รายงานฉบับลงนาม
    file: files/{fy}/รายงาน.pdf
    period: 1 ต.ค. {fy_start} – 31 มี.ค. {fy}
results:
  - project: P1
    status: done
    result: สรุปผล
""",
    "Statistics": """\
period: 1 ต.ค. {fy_start} – 31 มี.ค. {fy}
rows:
  - service: ชื่องานบริการ
    count: 120
""",
    "ProcurementProgress": """\
as_of: 31 มี.ค. {fy}
items:
  - title: ชื่อรายการ
    budget: 500000
    method: e-bidding
    status: ลงนามสัญญาแล้ว
""",
    "Monthly": """\
months:
  - month: ต.ค. {fy_start}
    documents:
      - title: สรุปผลการจัดซื้อจัดจ้าง (สขร.1) ต.ค. {fy_start}
        file: files/{fy}/สขร1-10.pdf
  - month: พ.ย. {fy_start}
    no_procurement: true
""",
    "ComplaintStats": """\
period: 1 ต.ค. {fy_start} – 30 ก.ย. {fy}
total: 0
done: 0
in_progress: 0
""",
    "RiskAssessment": """\
risks:
  - id: R1
    title: ชื่อความเสี่ยง
    level: สูง
    controls: มาตรการควบคุม
""",
    "RiskReport": """\
results:
  - risk: R1
    status: done
    result: ผลการดำเนินการ
""",
    "Assessment": """\
score: 90.00
level: ผ่าน
tools:
  IIT: {{score: 92.00, weight: 30, weighted: 27.60}}
indicators:
  - {{indicator: 1, score: 95.00}}
analysis:
  - indicator: 7
    weaknesses: จุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน
""",
    "Measures": """\
measures:
  - id: m1
    indicator: 7
    title: ชื่อมาตรการ
    steps:
      - ขั้นตอนที่ 1
    period: ต.ค. {fy_start} – ก.ย. {fy}
    responsible: [สำนักปลัด]
    monitoring: รายงานผลต่อนายกทุกไตรมาส
""",
    "Results": """\
results:
  - measure: m1
    status: done
    summary: สรุปผลการดำเนินการ
    outcomes: ผลลัพธ์
""",
}

# Values of the examples that no real page shows: a block of the page (a paragraph, list item,
# table cell, heading, bold text or link) that reads exactly one of these is a placeholder left
# in place. Example values a real page may well show (a unit's name, "ผลลัพธ์", a plausible
# document title) are not listed.
PLACEHOLDER_VALUES: tuple[str, ...] = (
    "ชื่อเอกสาร",
    "ชื่อข่าวหรือกิจกรรม",
    "รายละเอียดสั้น ๆ",
    "ชื่อ นามสกุล",
    "ชื่อบริการ",
    "ชื่อโครงการ",
    "ชื่องานบริการ",
    "ชื่อรายการ",
    "ชื่อความเสี่ยง",
    "จุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน",
    "ชื่อมาตรการ",
    "ขั้นตอนที่ 1",
    "แผนฉบับลงนาม",
    "รายงานฉบับลงนาม",
    "คำขวัญของตำบล",
    "วิสัยทัศน์ของหน่วยงาน",
    "พันธกิจข้อที่ 1",
)
# Parts of example values that no real content contains, wherever they appear on a page.
PLACEHOLDER_MARKERS: tuple[str, ...] = (
    "0 0000 0000",
    "www.example.go.th",
    "line.me/R/ti/p/@example",
    "องค์การบริหารส่วนตำบล… ",
    "ชื่อไฟล์",
    "ข้อความนโยบายของหน่วยงาน …",
    "ประวัติความเป็นมาของหน่วยงาน …",
    "หมู่ที่ 1 บ้าน…",
    "สำนักทะเบียนอำเภอ…",
)
