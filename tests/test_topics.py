"""The topic registry: every topic has a model, a file, a template that exists, and parts whose
anchors the page really writes."""

from __future__ import annotations

from pathlib import Path

from generator.content import topics
from generator.content.topics import TOPICS
from generator.publish.render import TEMPLATE_DIR


def test_every_topic_resolves_to_an_existing_template():
    for key, topic in TOPICS.items():
        assert (TEMPLATE_DIR / topic.template).is_file(), f"{key}: {topic.template} does not exist"


def test_every_topic_and_kind_template_is_used_by_some_topic():
    used = {t.template for t in TOPICS.values()} | {"kinds/_common.md.j2"}
    for folder in ("topics", "kinds"):
        for path in sorted((TEMPLATE_DIR / folder).glob("*.md.j2")):
            rel = f"{folder}/{path.name}"
            included = any(rel in p.read_text(encoding="utf-8") for p in TEMPLATE_DIR.rglob("*.md.j2"))
            assert rel in used or included, f"{rel} is used by no topic and included by no template"


def test_every_file_of_the_registry_holds_its_topics():
    for stem in topics.PERSISTENT_FILES:
        assert TOPICS[stem].stem == stem and TOPICS[stem].persistent
    for stem, model in topics.YEAR_FILES.items():
        for key in topics.year_topics_of(stem):
            topic = TOPICS[key]
            assert topic.kind == "year" and topic.stem == stem
            if topic.section:
                assert topic.section in model.model_fields
    assert topics.ALL_TOPICS == topics.PERSISTENT_TOPICS | topics.YEAR_TOPICS


def test_part_anchors_are_written_by_the_templates_from_the_registry():
    # A part's heading must come from the registry, never be typed into a template again.
    for topic in TOPICS.values():
        if not topic.parts:
            continue
        text = (TEMPLATE_DIR / topic.template).read_text(encoding="utf-8")
        for part in topic.parts:
            assert f'"{part}"' in text or "part_anchor(side)" in text, f"{topic.template} does not write part {part}"
            assert f"-{part} }}" not in text, f"{topic.template} types the anchor of part {part} by hand"


def test_template_dir_is_inside_the_publish_layer():
    assert Path(TEMPLATE_DIR).parent.name == "publish"
