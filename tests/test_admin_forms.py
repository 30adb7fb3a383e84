"""The back office's forms come from the models: every field of every file has a form field.

A model field of a type the form generator does not know fails here, before a clerk meets a
form that silently lacks it.
"""

from __future__ import annotations

import re
import typing
from datetime import date
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, Field

from generator.content import models as m
from generator.content.catalogue import load_catalogues
from generator.content.scalars import STATUS_TH, FilePath, ThaiDate
from generator.content.topics import PERSISTENT_FILES, YEAR_FILES
from generator.problems import Problems
from generator.publish.admin import cmsconfig, forms
from generator.publish.admin.files import content_files

REPO = Path(__file__).resolve().parent.parent
THAI = re.compile(r"[\u0E00-\u0E7F]")


@pytest.fixture(scope="module")
def catalogues():
    return load_catalogues(REPO, REPO / "content", Problems())


@pytest.fixture(scope="module")
def config(catalogues):
    return cmsconfig.build_config(REPO / "content", catalogues)


def _models(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [x for a in typing.get_args(annotation) for x in _models(a)]


def _missing(model: type[BaseModel], fields: list[dict], where: str, depth: int = 0) -> list[str]:
    """Model fields with no form field at this place of the configuration (recursively)."""
    by_name = {f["name"]: f for f in fields}
    out = []
    for name, info in model.model_fields.items():
        f = by_name.get(name)
        if f is None:
            out.append(f"{where}.{name}")
            continue
        inner = _models(info.annotation)
        if not inner or f.get("widget") == "hidden":  # hidden: recursion stopped (Unit.units)
            continue
        sub = inner[0]
        if typing.get_origin(_strip(info.annotation)) is dict:  # one object per fixed key
            for keyed in f["fields"]:
                out += _missing(sub, keyed["fields"], f"{where}.{name}.{keyed['name']}", depth + 1)
        else:
            out += _missing(sub, f["fields"], f"{where}.{name}", depth + 1)
    return out


def _strip(annotation):
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return args[0] if typing.get_origin(annotation) in (typing.Union, type(int | None)) and len(args) == 1 else annotation


def test_every_field_of_every_file_has_a_form_field(config):
    files = {f["file"]: f for c in config["collections"] for f in c["files"]}
    checked = 0
    for cf in content_files(REPO / "content"):
        if cf.model is None:
            continue
        entry = files[cf.path]
        missing = _missing(cf.model, entry["fields"], cf.path)
        assert not missing, f"model fields without a form field: {missing}"
        checked += 1
    years = [p.name for p in (REPO / "content").iterdir() if p.is_dir() and p.name.isdigit()]
    assert checked == 1 + len(PERSISTENT_FILES) + len(years) * len(YEAR_FILES)


def test_the_check_above_can_fail(config):
    entry = next(f for c in config["collections"] for f in c["files"] if f["name"] == "executives")
    trimmed = [f for f in entry["fields"] if f["name"] != "permanent"]
    assert _missing(m.Executives, trimmed, "x") == ["x.permanent"]
    person = next(dict(f) for f in entry["fields"] if f["name"] == "political")
    person["fields"] = [f for f in person["fields"] if f["name"] != "photo"]
    assert _missing(m.Executives, [person], "x") == ["x.description", "x.documents", "x.links", "x.updated",
                                                      "x.political.photo", "x.permanent"]


def test_a_field_of_an_unknown_kind_stops_the_form_generator():
    class Odd(BaseModel):
        tags: set[int] = Field(default_factory=set, description="ชุดตัวเลข")

    with pytest.raises(forms.UnknownField, match=r"Odd\.tags"):
        forms.form_fields(Odd)

    class FreeKeys(BaseModel):
        notes: dict[str, m.Document] = Field(default_factory=dict)

    with pytest.raises(forms.UnknownField, match=r"FreeKeys\.notes"):
        forms.form_fields(FreeKeys)


def _walk(fields: list[dict]):
    for f in fields:
        yield f
        yield from _walk(f.get("fields", []))
        if "field" in f:
            yield from _walk([f["field"]])


def test_labels_are_thai_and_hints_come_from_the_descriptions(config):
    for c in config["collections"]:
        assert THAI.search(c["label"])
        for entry in c["files"]:
            assert THAI.search(entry["label"]) or entry["name"] == "no_gift", entry["name"]
            for f in _walk(entry["fields"]):
                assert THAI.search(f["label"]) or f["label"] in ("IIT", "EIT", "OIT") or re.fullmatch(r"O\d+ .*", f["label"]) \
                    or f["label"].startswith("No Gift") or f["label"].startswith("แนวปฏิบัติ Dos"), (entry["file"], f)
    dates = forms.form_fields(m.Document)
    assert next(f for f in dates if f.name == "date").hint == "วันที่ของเอกสาร (ลงนาม/ประกาศ)"
    person = {f.name: f for f in forms.form_fields(m.Person)}
    assert (person["vacant"].label, person["chief_executive"].label) == ("ตำแหน่งว่าง", "ผู้บริหารสูงสุด")


def test_widgets_follow_the_types(config):
    class Sample(BaseModel):
        when: ThaiDate = Field(description="วันที่ประชุม")
        scan: FilePath | None = Field(None, description="ไฟล์สแกน")
        state: Literal["open", "closed"] = Field("open", description="สถานะการประชุม")

    sample = {f["name"]: f for f in (forms.decap_field(ff) for ff in forms.form_fields(Sample))}
    assert sample["when"] == {**sample["when"], "widget": "datetime", "date_format": "YYYY-MM-DD",
                              "time_format": False, "required": True}
    assert sample["scan"]["widget"] == "file" and sample["scan"]["required"] is False
    assert [o["value"] for o in sample["state"]["options"]] == ["open", "closed"]

    result = {f.name: forms.decap_field(f) for f in forms.form_fields(m.Result)}
    assert result["status"]["widget"] == "select"
    assert {o["value"]: o["label"] for o in result["status"]["options"]} == STATUS_TH
    measure = {f.name: forms.decap_field(f) for f in forms.form_fields(m.Measure)}
    assert [o["value"] for o in measure["issue"]["options"]] == list(range(1, 8))
    assert measure["issue"]["options"][4]["label"].startswith("5 กระบวนการสร้างความโปร่งใส")
    assert [o["value"] for o in measure["indicator"]["options"]] == list(range(1, 11))
    assert measure["id"]["required"] is True and measure["id"]["pattern"]
    person = {f.name: forms.decap_field(f) for f in forms.form_fields(m.Person)}
    assert person["photo"]["widget"] == "image" and person["since"]["widget"] == "datetime"
    assert person["phone"]["widget"] == "list" and person["phone"]["field"]["widget"] == "string"
    org = {f.name: forms.decap_field(f) for f in forms.form_fields(m.Organisation)}
    assert org["type"]["widget"] == "select" and "อบต." in [o["value"] for o in org["type"]["options"]]
    assert org["name"]["pattern"][0] == '^[^<>"]*$'  # printed unescaped by the theme


def test_inside_an_optional_object_nothing_is_required_by_the_form():
    # Decap validates every field it renders, collapsed or not: a required field inside an
    # optional section would stop every save. The model still requires it when the section is used.
    procurement = {f["name"]: f for f in (forms.decap_field(ff) for ff in forms.form_fields(m.ProcurementFile))}
    monthly = {f["name"]: f for f in procurement["monthly"]["fields"]}
    assert procurement["monthly"]["required"] is False
    month = {f["name"]: f for f in monthly["months"]["fields"]}
    assert month["month"]["required"] is True  # a list item exists once added
    document = {f["name"]: f for f in {f["name"]: f for f in monthly["documents"]["fields"]}.values()}
    assert document["title"]["required"] is True
    memo = {f["name"]: f for f in (forms.decap_field(ff) for ff in forms.form_fields(m.Results))}["memo"]
    assert not any(f["required"] for f in memo["fields"])


def test_every_file_is_in_the_configuration(config, catalogues):
    files = [f["file"] for c in config["collections"] for f in c["files"]]
    assert len(files) == len(set(files))
    expected = [cf.path for cf in content_files(REPO / "content")
                if cf.model is not None or cf.year in catalogues]
    assert sorted(files) == sorted(expected)
    assert "content/2569/items.yml" in files and "content/organisation.yml" in files
    assert config["backend"] == {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}
    assert {c["format"] for c in config["collections"]} == {"json"}


def test_the_configuration_is_yaml_decap_reads(config):
    text = cmsconfig.config_text(config)
    assert "&id" in text  # shared field lists written once
    assert yaml.safe_load(text) == yaml.safe_load(yaml.safe_dump(config, allow_unicode=True))


def test_hints_carry_the_scaffold_guidance(config, catalogues):
    year = max(catalogues)
    procurement = next(f for c in config["collections"] if c["name"] == f"fy{year}" for f in c["files"]
                       if f["name"] == "procurement")
    monthly = next(f for f in procurement["fields"] if f["name"] == "monthly")
    assert monthly["label"] == "สรุปผลการจัดซื้อจัดจ้างรายเดือน"
    assert f"**ใช้ใน ITA {year} ข้อ O11" in monthly["hint"] and "ต้องมี: สรุปผลการจัดซื้อจัดจ้างทุกเดือน" in monthly["hint"]


def test_the_form_shows_what_the_clerk_wrote_in_the_widgets_terms():
    fields = forms.form_fields(m.Results)
    data = {"results": [{"measure": "๑", "status": "ดำเนินการแล้ว", "summary": 2568,
                         "documents": [{"title": "รายงาน", "file": "files/r.pdf", "date": "๑ ต.ค. ๒๕๖๘",
                                        "period": "1 ต.ค. 2567 – 30 ก.ย. 2568"}]}],
            "unknown_key": {"kept": True}}
    form = forms.to_form(fields, data)
    result = form["results"][0]
    assert result["status"] == "done" and result["summary"] == "2568"
    doc = result["documents"][0]
    assert doc["date"] == "2025-10-01"
    assert doc["period"] == {"start": "2024-10-01", "end": "2025-09-30"}
    assert form["unknown_key"] == {"kept": True}
    bad = forms.to_form(forms.form_fields(m.Document), {"title": "x", "date": "วันไหนก็ได้"})
    assert bad["date"] == "วันไหนก็ได้"  # shown as written; the save check names it


def test_messages_in_the_forms_words():
    near = forms.fields_at(forms.form_fields(m.Executives), ("permanent", 0))
    text = forms.in_form_words("ใส่ name: หรือ ถ้าตำแหน่งว่างให้ใส่ vacant: true", near)
    assert text == "ใส่ “ชื่อ-นามสกุล” หรือ ถ้าตำแหน่งว่างเปิด “ตำแหน่งว่าง”"
    label = forms.field_path_label(forms.form_fields(m.Executives), ("political", 1, "photo"))
    assert label == "ผู้บริหารฝ่ายการเมือง › รายการที่ 2 › รูปถ่ายสี"


def test_a_date_field_is_typed_as_a_date():
    assert forms.normalised(forms.form_fields(m.Entry)[1], "1 ต.ค. 2568") == (True, date(2025, 10, 1))
