"""The YAML loader: positions, safe scalars, and the traps it avoids on purpose."""

from pathlib import Path

import pytest

from generator.content import yamlload
from generator.content.encoding import decode
from generator.content.yamlload import load_text
from generator.problems import Problems

REPO = Path(__file__).resolve().parent.parent


def load(text: str):
    problems = Problems()
    return load_text(text, "content/x.yml", problems), problems


def test_positions_of_values_and_keys():
    loaded, problems = load("name: ก\nlist:\n  - a: 1\n    b: 2\n")
    assert not len(problems)
    assert loaded.pos(("list", 0, "b")) == (4, 8)
    assert loaded.pos(("list", 0, "b"), key=True) == (4, 5)
    assert loaded.pos(("list", 0, "missing")) == (3, 5)  # falls back to the parent


def test_dates_stay_text_and_only_true_false_are_booleans():
    loaded, _ = load("d: 2025-10-01\nyes_word: yes\nflag: true\noff: off\n")
    assert loaded.data == {"d": "2025-10-01", "yes_word": "yes", "flag": True, "off": "off"}


def test_leading_zero_numbers_stay_text():
    loaded, _ = load("phone: 0812345678\ncount: 12\nscore: 86.75\n")
    assert loaded.data == {"phone": "0812345678", "count": 12, "score": 86.75}


def test_duplicate_key_is_an_error_with_both_lines():
    _, problems = load("name: a\nname: b\n")
    (p,) = problems.errors
    assert (p.line, p.column) == (2, 1)
    assert "บรรทัด 1" in p.th and "duplicate key" in p.en


def test_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for name in "bcdefghij":
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        prev = name
    loaded, problems = load(bomb)
    assert loaded is None
    assert "alias" in problems.errors[0].th


def test_tab_indentation_message_in_thai():
    _, problems = load("a:\n\t- b\n")
    (p,) = problems.errors
    assert "แท็บ" in p.th and p.line == 2


def test_legacy_thai_encoding_is_decoded_with_a_warning():
    problems = Problems()
    text = decode("ชื่อ: ทดสอบ\n".encode("cp874"), "content/x.yml", problems)
    assert text == "ชื่อ: ทดสอบ\n"
    assert "Windows-874" in problems.warnings[0].th


def test_utf8_bom_and_crlf_are_accepted_silently():
    problems = Problems()
    text = decode("\ufeffa: 1\r\nb: 2\r\n".encode("utf-8"), "content/x.yml", problems)
    assert text == "a: 1\nb: 2\n" and not len(problems)


def test_libyaml_and_python_loaders_agree(monkeypatch):
    """The fast path (libyaml scans and composes) gives the same data, positions and
    problems as the pure-Python loader on every YAML file of the sample and the catalogues."""
    assert yamlload._FastLoader is not None, "PyYAML without libyaml: the fast path is never used"
    files = sorted((REPO / "content").rglob("*.yml")) + sorted((REPO / "generator" / "catalogues").glob("*.yml"))
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast_problems, slow_problems = Problems(), Problems()
        fast = yamlload.load_text(text, "f.yml", fast_problems)
        with monkeypatch.context() as m:
            m.setattr(yamlload, "_FastLoader", None)
            slow = yamlload.load_text(text, "f.yml", slow_problems)
        assert (fast.data, fast.positions, fast.key_positions) == (slow.data, slow.positions, slow.key_positions), path
        assert [p.text() for p in fast_problems] == [p.text() for p in slow_problems], path


def _nested_alias(levels: int) -> str:
    """An anchored list nested `levels` deep, then used again deeper through an alias."""
    inner = "[" * levels + "x" + "]" * levels
    return f"a: &deep {inner}\nb: [[[*deep]]]\n"


def _shape(loaded: yamlload.Loaded | None) -> tuple | None:
    return None if loaded is None else (loaded.data, loaded.positions, loaded.key_positions)


@pytest.mark.parametrize("text", [
    "[" * 58 + "1" + "]" * 58,  # nested to the limit and past it, in flow, block and compact forms
    "[" * 59 + "1" + "]" * 59,
    "[" * 60 + "1" + "]" * 60,
    "[" * 999 + "1" + "]" * 999,  # just under libyaml's own limit
    "[" * 1500 + "1" + "]" * 1500,  # over it
    "- " * 59 + "x\n",
    "- " * 61 + "x\n",
    "".join(" " * i + f"k{i}:\n" for i in range(62)) + " " * 62 + "v\n",
    "? " + "[" * 70 + "k" + "]" * 70 + "\n: v\n",  # a deep key
    _nested_alias(20),
    _nested_alias(57),
    "a: &x [1, 2]\nb: *x\nc: *x\n",
    "a: 1\na: 2\n",  # duplicate key
    "a: *nowhere\n",
    "a: &x 1\nb: &x 2\n",  # an anchor defined twice
    "a: [1, 2\n",
])
def test_both_loaders_agree_on_hostile_nesting(monkeypatch, text):
    """libyaml composes (its own limit is 1,000 levels); depth past MAX_DEPTH, aliases, broken
    text: the clerk sees what the pure-Python loader would say, word for word."""
    fast_problems, slow_problems = Problems(), Problems()
    fast = yamlload.load_text(text, "f.yml", fast_problems)
    with monkeypatch.context() as m:
        m.setattr(yamlload, "_FastLoader", None)
        slow = yamlload.load_text(text, "f.yml", slow_problems)
    assert _shape(fast) == _shape(slow)
    assert [p.text() for p in fast_problems] == [p.text() for p in slow_problems]
