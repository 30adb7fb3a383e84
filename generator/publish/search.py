"""Thai search: segment words at build time so Material's search can find them.

Material's search splits text only on its `separator` (spaces and hyphens by default); Thai has
no spaces between words, so a word in the middle of a sentence could never be found. After
MkDocs has written `search/search_index.json`, every run of Thai text in it is segmented into
words and the words are joined with U+200B (zero-width space), which the site's search
separator (`[\\s\\u200b\\-]+`, set in mkdocs.yml) splits on. Thai digits are indexed as Arabic
digits, so "๒๕๖๘" and "2568" find the same pages. The pages' HTML is not touched. The index is
written back as UTF-8 instead of \\uXXXX escapes, almost halving its size.

Pages of the newest OIT year (`oit/<year>/…`) get a document boost in the index: the items of
earlier years are kept for reference and usually have the same titles, and a visitor who types
an item's title ("ข้อมูลผู้บริหาร") is looking for this year's page. Without it the older page
came first for most titles (shorter text scores higher). The boost multiplies the score of a
page that matches; pages that do not match are not found because of it.

A site built to be opened from a folder (`oit build --file-system`, Material's offline plugin)
also has `search/search_index.js`, the same index as a script (`var __index = {…}`), because a
page opened from file:// cannot fetch the JSON file; Material reads that one there. The plugin
writes it from the unsegmented JSON during the MkDocs build, so it is rewritten here too.

How words are cut, and why (the browser must cut a query into the same words, or a word
typed by a visitor is not found):

- Candidates: pythainlp's dictionary, without compounds made of the nominalisers การ/ความ and
  another dictionary word ("การประเมิน" → "การ" + "ประเมิน"), so a visitor who types
  "ประเมิน" finds "การประเมิน" too (a query word matches indexed words it *starts*; it cannot
  match the end of one). Words pythainlp's newmm engine cuts out of the site's own text (names,
  words outside the dictionary) are candidates too, so every run can be cut.
- Cut: fewest words (maximal matching, as newmm); among equally short cuts the one whose first
  word is longest, then the next, and so on. newmm breaks such ties by chance of its search
  order, and not the same way in every sentence ("แนว|ทางการ" in one title, "แนวทาง" elsewhere),
  so a visitor's "แนวทาง" missed some pages.
- The browser (theme/assets/javascripts/workers/oit-search.js) cuts each query with the same
  rule over the words of the index itself. A query that is a stretch of indexed text on word
  boundaries therefore gets exactly the words the index has: the best cut of the whole run,
  restricted to that stretch, is also the best cut of the stretch, and every alternative the
  browser could find was a candidate here too.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie, thai_digit_to_arabic_digit

ZWSP = "\u200b"
THAI_RUN = re.compile(r"[\u0e01-\u0e4f]+")  # Thai letters, vowels and marks (digits excluded)
TAG = re.compile(r"(<[^>]*>)")  # the index text is HTML; attributes are not segmented
NOMINALISERS = ("การ", "ความ")
INDEX = Path("search") / "search_index.json"
INDEX_SCRIPT = Path("search") / "search_index.js"  # Material's offline plugin (file://)
OIT_YEAR = re.compile(r"^oit/(\d{4})/")  # locations of the OIT pages of one year
NEWEST_YEAR_BOOST = 2
INDEX_SCRIPT_PREFIX = "var __index = "


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """pythainlp's word list without การ/ความ + word compounds."""
    words = set(thai_words())
    for word in list(words):
        for prefix in NOMINALISERS:
            if word.startswith(prefix) and word[len(prefix):] in words:
                words.discard(word)
    return frozenset(words)


@lru_cache(maxsize=1)
def _newmm_dict() -> Trie:
    return Trie(dictionary())


@lru_cache(maxsize=65536)
def _newmm(run: str) -> tuple[str, ...]:
    return tuple(w for w in word_tokenize(run, engine="newmm", custom_dict=_newmm_dict(),
                                          keep_whitespace=False) if w)


class Prefixes(Protocol):
    def prefixes(self, text: str) -> list[str]: ...


def cut(run: str, words: Prefixes) -> list[str]:
    """Fewest words from `words`; ties go to the longest first word, then the next, …

    Returns [] if `words` cannot cover the run. The same algorithm runs in the browser
    (oit-search.js, function cut)."""
    n = len(run)
    # best[i]: (number of words in the best cut of run[i:], end of its first word)
    best: list[tuple[int, int] | None] = [None] * (n + 1)
    best[n] = (0, n)
    for i in range(n - 1, -1, -1):
        for word in words.prefixes(run[i:]):
            j = i + len(word)
            after = best[j]
            if after is None:
                continue
            count = after[0] + 1
            here = best[i]
            if here is None or count < here[0] or (count == here[0] and j > here[1]):
                best[i] = (count, j)
    if best[0] is None:
        return []
    out, i = [], 0
    while i < n:
        step = best[i]
        assert step is not None  # every position on the best cut has a best continuation
        out.append(run[i:step[1]])
        i = step[1]
    return out


class _Words:
    """The dictionary's trie and a small trie of a site's own words, searched as one trie of both.

    Same prefixes as `Trie(dictionary() | extra)`, so the same cuts (`cut` does not depend on the
    order of the prefixes), but the 60,000-word dictionary trie is built once per process instead
    of once per site: building it took about 1.5 s of every build.
    """

    def __init__(self, extra: set[str]) -> None:
        self.base = _newmm_dict()
        self.extra = Trie(extra - dictionary())

    def prefixes(self, text: str) -> list[str]:
        return self.base.prefixes(text) + self.extra.prefixes(text)


class Segmenter:
    """Cuts the Thai runs of a set of texts into words (see the module docstring)."""

    def __init__(self, texts: list[str]) -> None:
        extra: set[str] = set()
        for text in texts:
            for run in THAI_RUN.findall(text):
                extra.update(_newmm(run))
        self.words = _Words(extra)
        self._cache: dict[str, str] = {}

    def run(self, run: str) -> str:
        done = self._cache.get(run)
        if done is None:
            words = cut(run, self.words) or list(_newmm(run))
            done = self._cache[run] = ZWSP.join(words)
        return done

    def text(self, text: str) -> str:
        """'การจัดซื้อจัดจ้าง' → 'การ\\u200bจัดซื้อจัดจ้าง'; digits normalised to Arabic."""
        parts = TAG.split(thai_digit_to_arabic_digit(text))
        for k in range(0, len(parts), 2):  # even parts are text, odd parts are tags
            parts[k] = THAI_RUN.sub(lambda m: self.run(m.group(0)), parts[k])
        return "".join(parts)


def segment(text: str) -> str:
    """Segment one text on its own (tests, tools); the index uses one Segmenter for all."""
    return Segmenter([text]).text(text)


def boost_newest_year(docs: list[dict]) -> str | None:
    """Give the pages (and their sections) of the newest OIT year NEWEST_YEAR_BOOST, unless a
    page sets its own boost (Material's `search: boost:` front matter). Returns that year."""
    years = {m.group(1) for doc in docs if (m := OIT_YEAR.match(str(doc.get("location", ""))))}
    if len(years) < 2:  # nothing to rank it above
        return None
    newest = max(years)
    for doc in docs:
        if str(doc.get("location", "")).startswith(f"oit/{newest}/") and "boost" not in doc:
            doc["boost"] = NEWEST_YEAR_BOOST
    return newest


def rewrite_index(site_dir: Path) -> tuple[int, int] | None:
    """Segment the search index in place (and its script copy for file://, if the offline
    plugin wrote one). Returns (bytes before, bytes after) of the JSON index, or None."""
    path = site_dir / INDEX
    if not path.is_file():
        return None
    before = path.stat().st_size
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data.get("docs", [])
    fields = [(doc, key) for doc in docs for key in ("title", "text") if isinstance(doc.get(key), str)]
    segmenter = Segmenter([thai_digit_to_arabic_digit(doc[key]) for doc, key in fields])
    for doc, key in fields:
        doc[key] = segmenter.text(doc[key])
    boost_newest_year(docs)
    out = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(out, encoding="utf-8")
    script = site_dir / INDEX_SCRIPT
    if script.is_file():
        # Written by the offline plugin from the JSON above before it was segmented. The index
        # is JSON, which is valid JavaScript here (U+2028/9 are allowed in strings since ES2019).
        script.write_text(INDEX_SCRIPT_PREFIX + out, encoding="utf-8")
    return before, len(out.encode("utf-8"))
