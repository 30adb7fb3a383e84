"""JSON Schemas of the content files, generated from the data model, for editors.

VS Code's YAML extension (and other editors speaking the YAML language server) reads the
`# yaml-language-server: $schema=…` line at the top of each content file, or the mapping in
`.vscode/settings.json`, and then completes keys, shows the Thai field descriptions and marks
mistakes as the clerk types. `oit schema` regenerates the files; a test keeps the committed copy
equal to what the model produces.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, RootModel

from generator.content import models as m
from generator.content import topics
from generator.content.catalogue import Catalogue

SCHEMA_DIR = "schema"


class ItemsFile(RootModel[dict[str, m.ItemNote]]):
    """หมายเหตุรายข้อและองค์ประกอบที่ตรวจด้วยตนเอง (content/<ปี>/items.yml): คีย์คือรหัส O เช่น O1"""


def file_models() -> dict[str, type[BaseModel]]:
    """Schema name → model, one per kind of content file."""
    out: dict[str, type[BaseModel]] = {"organisation": m.Organisation}
    out.update(topics.PERSISTENT_FILES)
    out.update({f"year-{stem}": model for stem, model in topics.YEAR_FILES.items()})
    out["year-items"] = ItemsFile
    out["catalogue"] = Catalogue
    return out


def _loosen(node: Any) -> Any:
    """Period may be written as one string ('1 ต.ค. 2568 – 31 มี.ค. 2569')."""
    if isinstance(node, dict):
        if node.get("$ref", "").endswith("/Period"):
            return {"anyOf": [dict(node), {"type": "string", "description": "เช่น 1 ต.ค. 2568 – 31 มี.ค. 2569"}]}
        return {k: _loosen(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_loosen(v) for v in node]
    return node


def schema_for(name: str, model: type[BaseModel]) -> dict:
    schema = _loosen(model.model_json_schema(mode="validation"))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = f"{name}.schema.json"
    return schema


def render_all() -> dict[str, str]:
    """File name → JSON text, deterministic."""
    return {
        f"{name}.schema.json": json.dumps(schema_for(name, model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, model in file_models().items()
    }


def schema_name_for(content_file: str) -> str | None:
    """'content/2569/measures.yml' → 'year-measures'; 'content/executives.yml' → 'executives'."""
    parts = Path(content_file).with_suffix("").parts
    if len(parts) >= 2 and parts[-2] == "catalogues":
        return "catalogue"
    if len(parts) >= 2 and parts[-2].isdigit():
        return f"year-{parts[-1]}"
    return parts[-1] if parts[-1] in file_models() else None


def vscode_settings(schema_dir: str = SCHEMA_DIR) -> dict:
    """`.vscode/settings.json` mapping content files to their schemas."""
    mapping: dict[str, list[str]] = {}
    for name in file_models():
        if name == "catalogue":
            glob = "content/catalogues/*.yml"
        elif name.startswith("year-"):
            glob = f"content/[0-9][0-9][0-9][0-9]/{name[5:]}.yml"
        else:
            glob = f"content/{name}.yml"
        mapping[f"./{schema_dir}/{name}.schema.json"] = [glob]
    return {"yaml.schemas": mapping}


def write_all(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_all().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    vscode = root / ".vscode" / "settings.json"
    vscode.parent.mkdir(exist_ok=True)
    settings = json.loads(vscode.read_text(encoding="utf-8")) if vscode.exists() else {}
    settings.update(vscode_settings())
    text = json.dumps(settings, ensure_ascii=False, indent=2) + "\n"
    if not vscode.exists() or vscode.read_text(encoding="utf-8") != text:
        vscode.write_text(text, encoding="utf-8")
        written.append(vscode)
    return written
