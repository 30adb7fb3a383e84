"""Forms from the data model: every field of every model becomes a Decap CMS form field.

`form_fields(model)` reads a pydantic model and returns a tree of `FormField`s: which widget,
the Thai label and hint (from the field's description), whether the model requires it, the
choices of a select. The same tree drives three things, so they cannot disagree:

- `decap_field()` — the CMS configuration the browser loads (`/admin/config.yml`);
- `to_form()` — a file's data as the form shows it (a date written `1 ต.ค. 2568` becomes the
  `2025-10-01` a date picker understands, a status alias becomes its code);
- `saving.merge()` — the form's answer written back into the YAML file.

A field whose type this module does not know raises `UnknownField`: a new kind of model field
must get a form field before the back office can be built (tests/test_admin_forms.py).
"""

from __future__ import annotations

import functools
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import to_jsonable_python

from generator.content import ita
from generator.content import models as m
from generator.content import scalars as sc
from generator.content.catalogue import Catalogue

# Field names the models leave without a description: their Thai labels.
NAME_LABELS = {
    "title": "ชื่อ",
    "name": "ชื่อ",
    "url": "ลิงก์ (https://…)",
    "note": "หมายเหตุ",
    "description": "คำอธิบาย",
    "documents": "เอกสาร",
    "links": "ลิงก์ที่เกี่ยวข้อง",
    "date": "วันที่",
    "period": "ช่วงเวลา",
    "status": "สถานะ",
    "result": "ผลการดำเนินการ",
    "results": "ผลการดำเนินการ",
    "responsible": "ผู้รับผิดชอบ",
    "intro": "ข้อความนำ",
    "items": "รายการ",
    "budget": "งบประมาณ (บาท)",
    "method": "วิธีการจัดซื้อจัดจ้าง",
    "contract_date": "วันที่ลงนามสัญญา",
    "count": "จำนวน",
    "service": "งานบริการ",
    "services": "บริการ",
    "channels": "ช่องทาง",
    "phone": "หมายเลขโทรศัพท์",
    "email": "อีเมล",
    "postcode": "รหัสไปรษณีย์",
    "position": "ตำแหน่ง",
    "id": "รหัส",
    "indicator": "ตัวชี้วัด",
    "score": "คะแนน",
    "text": "ข้อความ",
    "body": "เนื้อความ",
    "memo": "บันทึกข้อความเสนอผู้บริหาร",
    "months": "รายเดือน",
    "projects": "โครงการ/กิจกรรม",
    "risks": "ความเสี่ยง",
    "actions": "การดำเนินการ",
    "measures": "มาตรการ",
    "improvements": "แนวทางยกระดับผลการประเมิน",
    "improvements_intro": "ข้อความนำแนวทางยกระดับ",
    "recommendations_intro": "ข้อความนำข้อเสนอแนะ",
    "analysis_intro": "ข้อความนำการวิเคราะห์",
    "units": "หน่วยงานย่อย",
    "site": "การตั้งค่าเว็บไซต์",
    "start": "วันเริ่มต้น",
    "end": "วันสิ้นสุด",
}

# Image fields (the file picker shows images and the upload is resized for the web).
IMAGE_FIELDS = {(m.Person, "photo"), (m.Organisation, "logo"), (m.Organisation, "map_image")}

# Thai names of choices; a choice missing here is shown as its code.
CHOICE_LABELS: dict[str, str] = {
    **sc.STATUS_TH,
    "arabic": "เลขอารบิก (1 2 3)",
    "thai": "เลขไทย (๑ ๒ ๓)",
    "webboard": "กระดานถาม-ตอบ (เว็บบอร์ด)",
    "line": "LINE",
    "messenger": "Messenger",
    "facebook": "Facebook",
    "chatbot": "แชตบอต",
    "form": "แบบฟอร์มออนไลน์",
    "email": "อีเมล",
    "phone": "โทรศัพท์",
    "letter": "หนังสือ/จดหมาย",
    "in_person": "ติดต่อด้วยตนเอง",
    "website": "เว็บไซต์",
    "other": "อื่น ๆ",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "x": "X (Twitter)",
    "instagram": "Instagram",
    "IIT": ita.TOOLS_TH["IIT"],
    "EIT": ita.TOOLS_TH["EIT"],
    "OIT": ita.TOOLS_TH["OIT"],
}

MAX_DEPTH = 4  # nested units of a structure: deeper levels stay in the file, untouched


class UnknownField(TypeError):
    """A model field this module cannot turn into a form field."""


@dataclass
class FormField:
    name: str
    label: str
    hint: str
    kind: str  # see KINDS
    required: bool  # the model requires it (no default)
    annotation: Any = None  # what validates one value (leaf kinds)
    model: type[BaseModel] | None = None  # object kinds
    many: bool = False  # a list of such values
    options: list[tuple[Any, str]] = field(default_factory=list)  # select kinds
    keys: list[str] = field(default_factory=list)  # object_map: fixed keys (IIT, EIT, OIT)
    children: list[FormField] = field(default_factory=list)  # object kinds
    truncated: bool = False  # recursion stopped here (Unit.units at MAX_DEPTH)
    default: Any = None  # the model's default for a leaf (false, "main", "arabic")

    @property
    def is_object(self) -> bool:
        return self.kind in ("object", "object_map")


KINDS = {
    "text", "markdown", "plain", "branch", "url", "month", "id", "measure_ref", "steps",
    "number", "count", "score", "year", "indicator", "issue", "date", "bool", "file", "image",
    "select", "object", "object_map",
}

# Kinds whose value a form shows differently from how a clerk may have written it.
_NORMALISED = {"number", "count", "score", "year", "indicator", "issue", "date", "select", "steps"}


# ------------------------------------------------------------------ reading annotations


def _flatten(annotation: Any, metadata: list) -> tuple[Any, list, bool, bool]:
    """(core type, metadata, optional, list of) with Optional, Annotated and list peeled off."""
    optional = many = False
    meta: list[Any] = list(metadata)
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            args = typing.get_args(annotation)
            annotation, meta = args[0], [*meta, *list(args[1:])]
        elif origin in (Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) < len(typing.get_args(annotation)):
                optional = True
            if len(members) == 1:
                annotation = members[0]
            else:
                return annotation, meta, optional, many  # int | float
        elif origin is list and not many:
            many = True
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation, meta, optional, many


def _validators(meta: list) -> set:
    return {getattr(x, "func", None) for x in meta} - {None}


def _bounds(meta: list) -> tuple[Any, Any]:
    ge = le = None
    for x in meta:
        ge = getattr(x, "ge", ge)
        le = getattr(x, "le", le)
        for sub in getattr(x, "metadata", []) or []:  # Field(ge=…) kept as a FieldInfo
            ge = getattr(sub, "ge", ge)
            le = getattr(sub, "le", le)
    return ge, le


def _is_markdown(meta: list) -> bool:
    for x in meta:
        schema = getattr(x, "json_schema", None)
        if isinstance(schema, dict) and schema.get("x-format") == "markdown":
            return True
    return False


def _literal_options(tp: Any) -> list[tuple[Any, str]]:
    return [(v, CHOICE_LABELS.get(v, str(v))) for v in typing.get_args(tp)]


def _is_image(owner: type, name: str) -> bool:
    return any(name == field and issubclass(owner, model) for model, field in IMAGE_FIELDS)


def _leaf_kind(tp: Any, meta: list, owner: type, name: str) -> tuple[str, list]:
    """The widget kind of one value, and the choices of a select."""
    funcs = _validators(meta)
    if sc._status in funcs:
        return "select", _literal_options(sc.Status)
    if typing.get_origin(tp) is Literal:
        return "select", _literal_options(tp)
    if sc._date in funcs:
        return "date", []
    if sc._be_year in funcs:
        return "year", []
    if sc._url in funcs:
        return "url", []
    if sc._file_ref in funcs:
        return ("image" if _is_image(owner, name) else "file"), []
    if sc._year_month in funcs:
        return "month", []
    if m._measure_id in funcs:
        return "id", []
    if m._measure_ref in funcs:
        return "measure_ref", []
    if m._steps in funcs:
        return "steps", []
    if m._branch in funcs:
        return "branch", []
    if sc._no_markup in funcs:
        return "plain", []
    if sc._national_id in funcs:  # a consented national ID: typed as it appears, checked on save
        return "text", []
    if sc._code in funcs:  # an id or a code: one line of text (invisible characters refused)
        return "text", []
    if sc._score in funcs:
        return "score", []
    if sc._number in funcs:
        ge, le = _bounds(meta)
        if ge == 1 and le == max(ita.INDICATORS):
            return "indicator", [(k, f"{k} {t} ({tool})") for k, (tool, t) in ita.INDICATORS.items()]
        if ge == 1 and le == max(ita.ISSUES):
            return "issue", [(k, f"{k} {t}") for k, t in ita.ISSUES.items()]
        if ge == 0 and le is None:
            return "count", []
        return "number", []
    if tp is bool:
        return "bool", []
    if tp is str and (sc._text in funcs or not funcs):
        return ("markdown" if _is_markdown(meta) else "text"), []
    raise UnknownField(f"{owner.__name__}.{name}: no form field for {tp!r} with {sorted(map(str, funcs))}")


def label_hint(name: str, description: str | None) -> tuple[str, str]:
    """A short Thai label and the full description as the hint."""
    if not description:
        return NAME_LABELS.get(name, name), ""
    label = description
    for cut in (" เช่น ", " (", ": ", " — "):
        if cut in label:
            label = label.split(cut, 1)[0]
    label = label.strip()
    return label, ("" if label == description else description)


def _for_form(name: str, kind: str, label: str, hint: str, description: str) -> tuple[str, str]:
    """Descriptions speak to someone writing YAML ("true ถ้า…", "ไฟล์ในโฟลเดอร์ content/");
    a form says it with a switch or an upload button."""
    if kind == "bool" and description.startswith("true "):
        label, hint = label_hint("", description[5:].removeprefix("ถ้า").removeprefix("สำหรับ").strip())
    if kind in ("indicator", "issue"):  # "ตัวชี้วัดที่ 1–10 ที่มาตรการนี้ตอบ"
        return ("ตัวชี้วัด" if kind == "indicator" else "ประเด็น"), description
    if kind == "select":
        hint = ""  # the choices are on screen; descriptions list the codes written in YAML
        if re.match(r"[a-z]", description):  # "done (ดำเนินการแล้ว), in_progress, …"
            label = NAME_LABELS.get(name, name)
    if kind in ("file", "image"):
        hint = ""
        if label.startswith("ไฟล์ในโฟลเดอร์"):
            label = "ไฟล์"
    return label, hint


def _make(owner: type[BaseModel], name: str, info: Any, depth: int) -> FormField:
    tp, meta, _, many = _flatten(info.annotation, list(info.metadata))
    label, hint = label_hint(name, info.description)
    required = info.is_required()
    if typing.get_origin(tp) is dict:
        key_tp, value_tp = typing.get_args(tp)
        if typing.get_origin(key_tp) is not Literal or not (isinstance(value_tp, type) and issubclass(value_tp, BaseModel)):
            raise UnknownField(f"{owner.__name__}.{name}: a mapping with free keys needs its own form ({tp!r})")
        keys = list(typing.get_args(key_tp))
        ff = FormField(name, label, hint, "object_map", required, model=value_tp, keys=keys)
        ff.children = [
            FormField(k, CHOICE_LABELS.get(k, k), "", "object", False, model=value_tp,
                      children=form_fields(value_tp, depth + 1))
            for k in keys
        ]
        return ff
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        ff = FormField(name, label, hint, "object", required, model=tp, many=many)
        if depth >= MAX_DEPTH:
            ff.truncated = True
        else:
            ff.children = form_fields(tp, depth + 1)
        return ff
    kind, options = _leaf_kind(tp, meta, owner, name)
    label, hint = _for_form(name, kind, label, hint, info.description or "")
    leaf = info.annotation
    if many:  # validate one element of a list at a time
        leaf = typing.get_args(_strip_optional(info.annotation))[0] if typing.get_origin(
            _strip_optional(info.annotation)) is list else str
    default = None if required or many or info.default in (None, "") else info.default
    return FormField(name, label, hint, kind, required,
                     annotation=leaf if many else _annotated(leaf, list(info.metadata)), many=many, options=options,
                     default=default)


def _strip_optional(ann: Any) -> Any:
    if typing.get_origin(ann) in (Union, types.UnionType):
        args = [a for a in typing.get_args(ann) if a is not type(None)]
        return args[0] if len(args) == 1 else ann
    return ann


def _annotated(ann: Any, meta: list) -> Any:
    """The field's own validators around its type, as pydantic had them (top-level metadata is
    moved out of the annotation into FieldInfo.metadata)."""
    return typing.Annotated[(ann, *meta)] if meta else ann


@functools.cache
def _fields_cached(model: type[BaseModel], depth: int) -> tuple[FormField, ...]:
    return tuple(_make(model, name, info, depth) for name, info in model.model_fields.items())


def form_fields(model: type[BaseModel], depth: int = 0) -> list[FormField]:
    """The form of a model: one FormField per model field, in the model's order."""
    return list(_fields_cached(model, depth))


def items_fields(catalogue: Catalogue) -> list[FormField]:
    """items.yml of an ITA year: per O-code a note and the manual elements to confirm."""
    out = []
    note_info = m.ItemNote.model_fields["note"]
    for _, _, item in catalogue.items():
        manual = [e for e in item.elements if e.is_manual]
        children = [_make(m.ItemNote, "note", note_info, 1)]
        label, hint = label_hint("manual", m.ItemNote.model_fields["manual"].description)
        checks = FormField("manual", label, hint, "object_map", False, model=m.ManualCheck,
                           keys=[e.id for e in manual])
        checks.children = [
            FormField(e.id, e.text, "ยืนยันเมื่อตรวจแล้วว่ามีครบ และบอกว่าหลักฐานอยู่ที่ใด", "object", False,
                      model=m.ManualCheck, children=form_fields(m.ManualCheck, 2))
            for e in manual
        ]
        if manual:
            children.append(checks)
        out.append(FormField(item.code, f"{item.code} {item.title}", "", "object", False, model=m.ItemNote,
                             children=children))
    return out


# ------------------------------------------------------------------ Decap configuration

_HELP = {
    "date": "เลือกวันที่จากปฏิทิน",
    "year": "ปี พ.ศ. 4 หลัก เช่น 2569",
    "month": "เดือนและปี พ.ศ. เช่น ต.ค. 2568",
    "url": "ลิงก์เต็ม ขึ้นต้นด้วย https://",
    "file": "อัปโหลดไฟล์ (PDF รูปภาพ Word Excel) หรือเลือกจากไฟล์ที่มีอยู่",
    "image": "อัปโหลดรูปภาพ ระบบย่อขนาดให้เหมาะกับเว็บ",
    "markdown": "ขึ้นบรรทัดใหม่ได้ ใช้ - นำหน้าเพื่อทำเป็นข้อ ๆ",
    "steps": "หนึ่งขั้นตอนต่อบรรทัด เช่น 1. … 2. …",
    "id": "ตัวอักษรอังกฤษหรือตัวเลข เช่น m1 ใช้อ้างอิงในรายงานผล",
    "measure_ref": "รหัสมาตรการ (id) ในไฟล์มาตรการของปีเดียวกัน หรือ <ปี>:<id> สำหรับมาตรการของปีอื่น",
    "score": "ตัวเลข 0–100 เช่น 86.75",
}
_PATTERNS = {
    "url": ["^(https?://|mailto:|tel:)\\S+$", "ต้องขึ้นต้นด้วย https:// หรือ http:// (หรือ mailto:, tel:)"],
    "plain": ['^[^<>"]*$', 'ใช้อักขระ < > " ไม่ได้ (ใช้ “ ” แทนเครื่องหมายคำพูด)'],
    "branch": ["^[A-Za-z0-9._/-]+$", "ใช้ตัวอักษรอังกฤษ ตัวเลข . _ - / เช่น main"],
    "id": ["^[A-Za-z0-9๐-๙][A-Za-z0-9๐-๙_-]*\\.?$", "ใช้ตัวอักษรอังกฤษ ตัวเลข - และ _ เช่น m1"],
    "year": ["^(24|25|26)[0-9]{2}$", "ปี พ.ศ. 4 หลัก เช่น 2569"],
}


def _summary(ff: FormField) -> str | None:
    names = [c.name for c in ff.children]
    for key in ("title", "name", "position", "month", "measure", "service", "code", "id", "project", "risk"):
        if key in names:
            return "{{fields." + key + "}}"
    return None


def decap_field(ff: FormField, required_here: bool = True, extra_hint: str = "",
                shared: dict | None = None) -> dict:
    """One Decap field. `required_here`: the enclosing object must exist (a list item, a file's
    top level); fields inside an optional object are left to the save-time check, because
    Decap would refuse to save an object the clerk never opened. `shared`: one dict per
    configuration, in which the fields of each object are made once (see `_fields_of`)."""
    shared = {} if shared is None else shared
    hint = " ".join(h for h in (ff.hint, _HELP.get(ff.kind, ""), extra_hint) if h)
    out: dict = {"name": ff.name, "label": ff.label}
    required = ff.required and required_here
    if ff.is_object:
        out["widget"] = "object" if not ff.many else "list"
        if ff.truncated:  # deeper levels stay in the file, untouched
            return {"name": ff.name, "label": ff.label, "widget": "hidden"}
        if ff.kind == "object_map":
            out["fields"] = _fields_of(ff, False, shared)
        elif ff.many:
            out["fields"] = _fields_of(ff, True, shared)
            out["label_singular"] = ff.label
            summary = _summary(ff)
            if summary:
                out["summary"] = summary
            out["collapsed"] = True
            out["minimize_collapsed"] = False
        else:
            out["fields"] = _fields_of(ff, required_here and ff.required, shared)
            out["collapsed"] = not ff.required
    elif ff.many:
        out["widget"] = "list"
        out["field"] = decap_field(
            FormField("value", ff.label, "", ff.kind, True, annotation=ff.annotation, options=ff.options))
        out["field"].pop("hint", None)
        out["allow_add"] = True
    else:
        out.update(_leaf_widget(ff))
    out["required"] = required
    if hint:
        out["hint"] = hint
    return out


def _fields_of(ff: FormField, required_here: bool, shared: dict) -> list[dict]:
    """The fields of an object, made once per list of form fields and context: the same list
    is dumped as a YAML anchor and aliases, which keeps the configuration small (a Document's
    fields appear hundreds of times). Decap reads aliases (it parses with `maxAliasCount: -1`).
    The key holds the children list itself, so its id cannot be reused while `shared` lives."""
    key = (id(ff.children), required_here)
    if key not in shared:
        shared[key] = (ff.children, [decap_field(c, required_here, shared=shared) for c in ff.children])
    return shared[key][1]


def _leaf_widget(ff: FormField) -> dict:
    k = ff.kind
    if k in ("text", "plain", "branch", "url", "month", "id", "measure_ref"):
        w: dict = {"widget": "string"}
    elif k in ("markdown", "steps"):
        w = {"widget": "text"}
    elif k in ("number", "count", "score"):
        w = {"widget": "number", "value_type": "int" if k == "count" else "float"}
        if k == "count":
            w["min"] = 0
        if k == "score":
            w.update(min=0, max=100, step=0.01)
    elif k == "year":
        w = {"widget": "number", "value_type": "int", "min": 2400, "max": 2699, "step": 1}
    elif k == "date":
        w = {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False}
    elif k == "bool":
        w = {"widget": "boolean", "default": False}
    elif k in ("select", "indicator", "issue"):
        w = {"widget": "select", "options": [{"label": label, "value": value} for value, label in ff.options]}
    elif k == "file":
        w = {"widget": "file", "choose_url": False}
    elif k == "image":
        w = {"widget": "image", "choose_url": False}
    else:  # pragma: no cover - every kind is handled above
        raise UnknownField(k)
    if k in _PATTERNS:
        w["pattern"] = _PATTERNS[k]
    return w


# ------------------------------------------------------------------ form data


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter:
    return TypeAdapter(annotation)


def normalised(ff: FormField, value: Any) -> tuple[bool, Any]:
    """(ok, the value as the model reads it) for one leaf value."""
    if value is None:
        return True, None
    try:
        return True, _adapter(ff.annotation).validate_python(value)
    except (ValidationError, ValueError, TypeError):
        return False, value


def _leaf_to_form(ff: FormField, value: Any) -> Any:
    if ff.kind not in _NORMALISED:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and ff.kind != "bool":
            return str(value)
        return value
    ok, v = normalised(ff, value)
    if not ok:
        return value  # the form shows it as written; the save check reports it
    return to_jsonable_python(v)


def to_form(fields: list[FormField], data: Any) -> Any:
    """A file's data as the form shows it. Values that do not fit are passed through unchanged."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for ff in fields:
        if ff.name not in data or data[ff.name] is None:
            continue
        out[ff.name] = field_to_form(ff, data[ff.name])
    return out


def field_to_form(ff: FormField, value: Any) -> Any:
    if ff.truncated:
        return value
    if ff.kind == "object_map":
        if not isinstance(value, dict):
            return value
        by_key = {c.name: c for c in ff.children}
        return {k: (to_form(by_key[k].children, v) if k in by_key else v) for k, v in value.items()}
    if ff.is_object:
        if ff.many:
            if not isinstance(value, list):
                value = [value] if isinstance(value, dict) else value
            if not isinstance(value, list):
                return value
            return [to_form(ff.children, v) for v in value]
        if ff.model is m.Period and isinstance(value, str):
            try:
                return to_jsonable_python(m.Period.model_validate(value))
            except ValidationError:
                return value
        return to_form(ff.children, value)
    if ff.many:
        items = value if isinstance(value, list) else [value]
        return [_leaf_to_form(ff, v) for v in items]
    return _leaf_to_form(ff, value)


def field_path_label(fields: list[FormField], path: tuple) -> str:
    """'ผู้บริหารฝ่ายการเมือง › คนที่ 1 › ตำแหน่ง' for the data path ('political', 0, 'position')."""
    out = []
    current = fields
    for part in path:
        if isinstance(part, int):
            out.append(f"รายการที่ {part + 1}")
            continue
        ff = next((f for f in current if f.name == part), None)
        if ff is None:
            out.append(str(part))
            current = []
            continue
        out.append(ff.label)
        current = ff.children
    return " › ".join(out)


def fields_at(fields: list[FormField], path: tuple) -> list[FormField]:
    """The fields of the object the data path points into (its siblings, for a leaf)."""
    current = fields
    for part in path:
        if isinstance(part, int):
            continue
        ff = next((f for f in current if f.name == part), None)
        if ff is None or not ff.children:
            break
        current = ff.children
    return current


def in_form_words(text: str, fields: list[FormField]) -> str:
    """A message written for YAML ("ใส่ name: …", "vacant: true") in the form's words
    ("ใส่ “ชื่อ-นามสกุล” …", "เปิด “ตำแหน่งว่าง”")."""
    for ff in sorted(fields, key=lambda f: -len(f.name)):
        label = f"“{ff.label}”"
        name = re.escape(ff.name)
        text = re.sub(rf"(?:ให้)?ใส่\s*{name}: true\b", f"เปิด {label}", text)
        text = re.sub(rf"(?<![\w.]){name}: true\b", f"เปิด {label}", text)
        text = re.sub(rf"(?<![\w.]){name}:(?=\s|$|\))", label, text)
        text = re.sub(rf"'{name}'", label, text)
        if len(ff.name) >= 3:  # a bare key name among Thai words: "ไม่มีทั้ง file และ url"
            text = re.sub(rf"(?<=[\s\u0E00-\u0E7F]){name}(?=[\s\u0E00-\u0E7F]|$)", label, text)
    return text
