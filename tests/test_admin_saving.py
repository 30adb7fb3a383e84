"""Saving a form into its YAML file keeps what the clerk (or `oit new`) wrote: comments, key
order, the way unchanged values were written, the file's indentation."""

from __future__ import annotations

import difflib
import textwrap

import pytest
import yaml

from generator.content import models as m
from generator.publish.admin import forms
from generator.tools.backoffice.saving import Unreadable, merge_text


def changed_lines(old: str, new: str) -> list[str]:
    return [line for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


SCAFFOLD_YEAR = """\
# yaml-language-server: $schema=../../schema/year-procurement.schema.json
# ข้อมูลปีงบประมาณ พ.ศ. 2570
# แต่ละหัวข้อด้านล่างยังว่าง: ลบ null แล้วกรอกตามตัวอย่าง

# แผนการจัดซื้อจัดจ้าง
# ตัวอย่าง:
# documents:
#   - title: ชื่อเอกสาร
plan: null

# สรุปผลการจัดซื้อจัดจ้างรายเดือน
# ตัวอย่าง:
# months:
#   - month: ต.ค. 2569
monthly: null

# รายงานผลการจัดซื้อจัดจ้างประจำปี
report: null
"""


def test_a_scaffold_section_is_filled_and_every_comment_stays():
    fields = forms.form_fields(m.ProcurementFile)
    form = forms.to_form(fields, yaml.safe_load(SCAFFOLD_YEAR))
    form["monthly"] = {"months": [{"month": "ต.ค. 2569", "no_procurement": True},
                                  {"month": "พ.ย. 2569", "documents": [{"title": "สขร.1", "file": "files/a.pdf"}],
                                   "no_procurement": False}]}
    out = merge_text(SCAFFOLD_YEAR, fields, form)
    assert comments(out) == comments(SCAFFOLD_YEAR)
    assert out.index("# สรุปผลการจัดซื้อจัดจ้างรายเดือน") < out.index("monthly:") < out.index("# รายงานผล")
    assert "plan: null" in out and "report: null" in out
    data = yaml.safe_load(out)
    assert data["monthly"]["months"][0] == {"month": "ต.ค. 2569", "no_procurement": True}
    assert "no_procurement" not in data["monthly"]["months"][1]  # false is the default: not written
    assert m.ProcurementFile.model_validate(data).monthly.months[1].documents[0].file == "files/a.pdf"


HAND_WRITTEN = """\
# ผลการดำเนินการ ปี 2570 (เขียนเองโดยงานนิติการ)
intro: รายงานรอบ 12 เดือน   # ตามหนังสือสั่งการ
results:
- measure: '๑'
  status: ดำเนินการแล้ว
  summary: |
    จัดอบรม ๓ ครั้ง
    ผู้เข้าร่วม ๑๒๐ คน
  documents:
  - title: รายงานผล
    file: files/รายงาน ๑.pdf
    date: ๑ ต.ค. ๒๕๖๙       # วันที่ลงนาม
    period: 1 ต.ค. 2568 – 30 ก.ย. 2569
- measure: m2
  status: in_progress
"""


def test_only_the_changed_value_changes():
    fields = forms.form_fields(m.Results)
    form = forms.to_form(fields, yaml.safe_load(HAND_WRITTEN))
    assert form["results"][0]["status"] == "done" and form["results"][0]["documents"][0]["date"] == "2026-10-01"
    form["results"][1]["status"] = "done"
    out = merge_text(HAND_WRITTEN, fields, form)
    assert changed_lines(HAND_WRITTEN, out) == ["-  status: in_progress", "+  status: done"]


def test_a_new_key_goes_where_the_model_puts_it_and_a_cleared_one_goes():
    fields = forms.form_fields(m.Results)
    form = forms.to_form(fields, yaml.safe_load(HAND_WRITTEN))
    form["results"][1]["summary"] = "อยู่ระหว่างจัดทำคู่มือ\nคาดว่าเสร็จ มี.ค."
    form["results"][0]["documents"][0]["date"] = ""  # cleared in the form
    form["intro"] = "รายงานรอบ 12 เดือน"
    out = merge_text(HAND_WRITTEN, fields, form)
    data = yaml.safe_load(out)
    assert list(data["results"][1]) == ["measure", "status", "summary"]
    assert "summary: |\n    อยู่ระหว่างจัดทำคู่มือ\n    คาดว่าเสร็จ มี.ค.\n" in out  # a block, indented as the file is
    assert "date" not in data["results"][0]["documents"][0]
    assert "# ตามหนังสือสั่งการ" in out and "# ผลการดำเนินการ ปี 2570" in out
    assert "- measure: '๑'" in out  # the file's own list style ("- " at the key's column) kept


def test_new_values_are_written_typed():
    fields = forms.form_fields(m.Measures)
    out = merge_text("{}\n", fields, {"measures": [{"id": "m1", "issue": 5, "title": "มาตรการหนึ่ง",
                                                     "responsible": ["สำนักปลัด", ""], "period": ""}]})
    data = yaml.safe_load(out)
    assert data == {"measures": [{"id": "m1", "issue": 5, "title": "มาตรการหนึ่ง", "responsible": ["สำนักปลัด"]}]}


def test_a_flow_mapping_scaffold_becomes_a_block_under_its_comments():
    text = "# yaml-language-server: $schema=../schema/executives.schema.json\n# ข้อมูลผู้บริหาร\n#\n# ตัวอย่าง:\n# political:\n#   - name: ชื่อ\n{}\n"
    fields = forms.form_fields(m.Executives)
    out = merge_text(text, fields, {"political": [{"position": "นายก", "name": "นายหนึ่ง", "vacant": False,
                                                   "photo": "files/a.jpg", "since": "2024-05-01"}]})
    assert out.startswith(text[: text.index("{}")])
    assert "{}" not in out
    assert yaml.safe_load(out)["political"][0] == {"position": "นายก", "name": "นายหนึ่ง", "photo": "files/a.jpg",
                                                   "since": __import__("datetime").date(2024, 5, 1)}


def test_a_new_file_is_written_from_the_form():
    fields = forms.form_fields(m.EntryList)
    out = merge_text(None, fields, {"entries": [{"title": "ประชุม", "date": "2025-11-20"}]})
    assert m.EntryList.model_validate(yaml.safe_load(out)).entries[0].title == "ประชุม"


def test_a_file_that_is_not_yaml_is_not_merged_into():
    with pytest.raises(Unreadable):
        merge_text("plan: [unclosed\n", forms.form_fields(m.ProcurementFile), {"plan": None})


def test_unknown_keys_are_kept_for_the_check_to_report():
    text = textwrap.dedent("""\
        political:
          - positon: นายก     # a typo the clerk made in a text editor
            name: นายหนึ่ง
    """)
    fields = forms.form_fields(m.Executives)
    form = forms.to_form(fields, yaml.safe_load(text))
    form["political"][0]["phone"] = ["0 4300 0000"]
    out = merge_text(text, fields, form)
    assert "positon: นายก     # a typo" in out and "0 4300 0000" in out
