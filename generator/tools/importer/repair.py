"""Undoing the damage text suffers on its way out of a PDF, before anything reads it.

What a PDF export (or text copied out of a PDF) does to Thai, and what is done about it:

* sara am (ำ) drawn as nikhahit + sara aa: the text holds "ํา" (repaired to ำ everywhere), or the
  nikhahit is lost and a space stands in its place: "ส านัก", "ด าเนินการ". A space is never
  written before sara aa in Thai, so where a document holds that damage at least twice, each
  "consonant (tone mark) space า" is read as ำ. One occurrence alone is left as it is (and counts
  for nothing): it may be a typing slip, not a damaged export.
* letters spaced apart ("ก า ร ป ร ะ ชุ ม"): a run of at least five single letters (a consonant
  or vowel with its marks) separated by single spaces is one word; a wider gap inside the run is
  where the words were.
* a paragraph broken into lines mid-word (text exports and PDFs; Word's own paragraphs never are):
  two consecutive lines with no blank line between them are one paragraph when the second starts
  with a character that cannot start a Thai word (a vowel or tone mark), the first ends with a
  leading vowel, or a side of the break is not a word by itself and the word list (pythainlp)
  finds one word across it ("ทุกงา|น"); two words that could also form a compound stay apart.

The repairs run on the `Doc` (paragraphs and the text of table cells) right after reading, so
every reader (text export, .docx, PDF) gets the same treatment.
"""

from __future__ import annotations

import re

from generator.tools.importer.source import Block, Doc, Para, Table

_CONS = "\u0e01-\u0e2e"
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_TONE = "\u0e48-\u0e4b"
_NO_START = "\u0e30-\u0e3a\u0e45\u0e47-\u0e4e"  # vowels after/above/below, tone marks: never first
_AM_SPLIT = re.compile(rf"(?<=[{_CONS}])([{_TONE}]?) \u0e32")
_NIKHAHIT_AA = re.compile("\u0e4d\u0e32")
# one letter: an optional leading vowel, a consonant or vowel, and its marks
_LETTER = rf"(?:[\u0e40-\u0e44]?[\u0e01-\u0e2e\u0e30-\u0e33\u0e45][{_MARKS}]*|[\u0e40-\u0e44])"
_SPACED = re.compile(rf"(?<![\u0e01-\u0e4e])(?:{_LETTER}(?: {{1,3}})){{4,}}{_LETTER}(?![\u0e01-\u0e4e])")


def _join_spaced(m: re.Match) -> str:
    # single spaces were between letters; wider gaps were between words
    return " ".join(part.replace(" ", "") for part in re.split(r" {2,}", m.group(0)))


def am_damage(text: str) -> int:
    """How many "consonant space า" (a lost nikhahit) the text holds."""
    return len(_AM_SPLIT.findall(text))


def repair_text(text: str, am_split: bool) -> str:
    s = _NIKHAHIT_AA.sub("\u0e33", text)
    s = _SPACED.sub(_join_spaced, s)
    if am_split:
        s = _AM_SPLIT.sub(lambda m: m.group(1) + "\u0e33", s)
    return s


def mid_word(before: str, after: str) -> bool:
    """True when the break between two lines falls inside a Thai word."""
    if not before or not after:
        return False
    if re.match(f"[{_NO_START}]", after) or re.search(r"[\u0e40-\u0e44]$", before):
        return True
    if not (re.search(rf"[{_CONS}{_MARKS}\u0e30-\u0e33\u0e45]$", before) and re.match(rf"[{_CONS}\u0e40-\u0e44]", after)):
        return False
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import word_tokenize

    tail_match = re.search(r"[\u0e01-\u0e4e]{1,12}$", before)
    head_match = re.match(r"[\u0e01-\u0e4e]{1,12}", after)
    if tail_match is None or head_match is None:  # the checks above found Thai on both sides
        return False
    tail, head = tail_match.group(0), head_match.group(0)
    # Only a fragment is joined: one side of the break must not be a word by itself ("ทุกงา|น"),
    # so two words that also make a compound ("ชำนาญการ|เรียน") stay apart.
    words = thai_words()
    last = word_tokenize(tail, keep_whitespace=False)[-1]
    first = word_tokenize(head, keep_whitespace=False)[0]
    if last in words and first in words:
        return False
    pos = 0
    for token in word_tokenize(tail + head, keep_whitespace=False):
        if pos < len(tail) < pos + len(token):
            return True
        pos += len(token)
    return False


def join_lines(first: str, second: str, am_split: bool) -> str:
    if am_split and second.startswith("\u0e32") and re.search(rf"[{_CONS}][{_TONE}]?$", first):
        return first + " " + second  # the lost nikhahit sat at the break; repair_text fixes it
    return first + second


def repair(doc: Doc) -> Doc:
    texts = [b.text for b in doc.blocks if isinstance(b, Para)]
    texts += [c.html for b in doc.blocks if isinstance(b, Table) for r in b.rows for c in r.cells]
    am_split = sum(am_damage(t) for t in texts) >= 2
    blocks: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            prev = blocks[-1] if blocks else None
            # Word's own paragraphs and line breaks are never mid-word: only text exports and PDFs
            if (doc.kind in ("text", "pdf") and isinstance(prev, Para) and not block.gap_before
                    and not prev.heading and prev.loc.kind == block.loc.kind and mid_word(prev.text, block.text)):
                prev.text = join_lines(prev.text, block.text, am_split)
                continue
            blocks.append(block)
        else:
            for row in block.rows:
                for cell in row.cells:
                    cell.html = repair_text(cell.html, am_split)
            blocks.append(block)
    for block in blocks:
        if isinstance(block, Para):
            block.text = repair_text(block.text, am_split)
    doc.blocks = blocks
    if am_split:
        doc.notes.append((
            "ข้อความมีสระอำแยกเป็น “ส านัก” (ความเสียหายจากการแปลงเป็น PDF) แก้เป็น “สำนัก” ให้แล้ว — ตรวจการสะกด",
            "the text has sara am split as from a PDF export; repaired — check the spelling",
        ))
    return doc
