"""The site's own search index: Thai words cut at build time, split into small files.

Why our own: Material's search loaded the whole index (1.7 MB on the wire, 20 MB of JSON for
ten years) and a Thai word list on the first view of every page, searching or not. This index
is split so that a visitor's browser loads nothing until the search box is used, and then only
the few files a query needs (theme/assets/javascripts/oit-search.js reads them).

What is written (`search/` in the site; every file is a script, `__oitSearch(name, data)`,
because a page opened from a folder (file://) may load scripts but not fetch files):

- `index.js`, the manifest: the index id, the pages (address, title, item code, ITA year,
  fiscal years, first chunk), the first chunk of each text file, the first term of each shard.
- `s/<n>.js`, shards: the terms in sorted order, cut into files of about SHARD_BYTES, each term
  with its postings (chunk ids, delta-coded, times 8, plus the term's count in the chunk, at
  most 7). The manifest has the first term of each shard: the terms a query word starts are one
  stretch of the order, in one shard or a few neighbours.
  Terms of kind "w" are words of the text; kind "i" ("inner") are words inside a longer word
  (ช่วงเวลา → เวลา), found by cutting the longer word again, so a query finds them too.
- `t/<n>.js`, texts: consecutive chunks, about TEXT_BYTES a file, [section anchor, text], for
  result snippets (the manifest has the first chunk of each file).
  A page is cut into chunks of about CHUNK_CHARS characters at block boundaries (paragraph,
  list item, table row); a heading starts a new chunk. Chunk 0 of every page is its title.

Every file carries the index id; the browser reloads the manifest if a file is from another build
(a cached manifest after a new deployment).

How Thai is cut into words (the browser must cut a query into the same words, or a word typed
by a visitor is not found):

- Candidates: pythainlp's dictionary, without compounds made of the nominalisers การ/ความ and
  another dictionary word ("การประเมิน" → "การ" + "ประเมิน"), so a visitor who types
  "ประเมิน" finds "การประเมิน" too; and without words of one letter. A run of Thai letters the
  candidates cannot cover (names, acronyms, words outside the dictionary) is cut into candidates
  and the fewest unknown letters, adjacent unknown letters kept together; unknown pieces of two
  letters or more become candidates for the whole site (a single letter, as in ต.ค., does not:
  it would break words everywhere).
- Cut: fewest words; among equally short cuts the one whose first word is longest, then the next,
  and so on (a fixed rule: newmm breaks such ties by chance of its search order).
- The browser cuts each query with the same rule over the terms of the index itself, fetching
  the shards of the prefixes it reaches. A query that is a stretch of indexed text on word
  boundaries therefore gets exactly the indexed words: the best cut of the whole run, restricted
  to that stretch, is also the best cut of the stretch, and every alternative the browser could
  find was a candidate here too.

Incremental: cutting is most of the index's cost. build/search-cache.json keeps, per page (keyed
by a hash of its text), its terms and unknown pieces; an unchanged page is not cut again unless
the site's unknown pieces changed and one of the changed ones occurs in its text.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

FORMAT = 1  # of the index files and the cache; a change makes the browser and the cache start afresh
CHUNK_CHARS = 600  # a chunk is cut at the first block boundary after this many characters
TEXT_BYTES = 96000  # chunks are grouped into text files of about this many bytes
SHARD_BYTES = 24_000  # the terms, in sorted order, are cut into shards of about this many bytes
MAX_TF = 7
_TF = "01234567"  # a count as the cache writes it
INNER_MIN = 4  # words of this many letters or more are cut again for inner terms
CACHE_FILE = "search-cache.json"
DIR = "search"
CALLBACK = "__oitSearch"

THAI_RUN = re.compile(r"[\u0e01-\u0e4f]+")  # Thai letters, vowels and marks (digits excluded)
# What a term is, after `normalise`: a run of Thai letters (cut into words), or of Latin letters
# and digits with decimal points ("o11", "90.71", "2569").
TOKEN = re.compile(r"[\u0e01-\u0e4f]+|[0-9a-z\u00c0-\u024f]+(?:\.[0-9]+)*")
_DIGIT_COMMA = re.compile(r"(?<=[0-9]),(?=[0-9])")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
NOMINALISERS = ("การ", "ความ")


_HAS_THAI_DIGIT = re.compile("[๐-๙]").search


def normalise(text: str) -> str:
    """What both sides compare: Thai digits as Arabic, lower case, no thousands commas."""
    if _HAS_THAI_DIGIT(text):  # translate() walks every letter: most text has no Thai digit
        text = text.translate(_THAI_DIGITS)
    text = text.lower()
    return _DIGIT_COMMA.sub("", text) if "," in text else text


# --------------------------------------------------------------------------- Thai words


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """pythainlp's word list without การ/ความ + word compounds and without words of one letter
    (a letter alone is an abbreviation's: ต.ค., พ.ศ.)."""
    from pythainlp.corpus import thai_words

    words = {w for w in thai_words() if len(w) > 1}
    for word in list(words):
        for prefix in NOMINALISERS:
            if word.startswith(prefix) and word[len(prefix):] in words:
                words.discard(word)
    return frozenset(words)


def _prefix_table(words: Iterable[str]) -> dict[str, bool]:
    """Every prefix of every word → whether it is a word itself. A flat dict is searched faster
    than a trie of objects and takes less memory."""
    words = list(words)
    table = dict.fromkeys({w[:k] for w in words for k in range(1, len(w))}, False)
    table.update(dict.fromkeys(words, True))
    return table


@lru_cache(maxsize=1)
def _dictionary_table() -> dict[str, bool]:
    return _prefix_table(dictionary())


@lru_cache(maxsize=1)
def dictionary_version() -> str:
    """The dictionary comes with pythainlp: its version stands for it (reading it to hash it
    would cost an unchanged build a third of a second)."""
    from importlib.metadata import version

    return f"pythainlp {version('pythainlp')}; without {'/'.join(NOMINALISERS)} compounds"


_INF = 1 << 30
_UNCUT: list[str] = []  # "not cut yet" in Words' memo of runs (None there: cannot be covered)


def _best(run: str, table: dict[str, bool], whole: bool = True) -> tuple[list[int], list[int]]:
    """count[i]: fewest words covering run[i:] (_INF: none), nxt[i]: end of the first of them."""
    n = len(run)
    count = [0] * (n + 1)
    nxt = [n] * (n + 1)
    get = table.get
    inf = _INF
    for i in range(n - 1, -1, -1):
        best, best_j = inf, 0
        j = i + 1
        is_word = get(run[i:j])
        while is_word is not None:
            # count[j] + 1 <= best: j only grows, so a tie goes to the longest first word
            if is_word and count[j] < best and (whole or i or j < n):
                best, best_j = count[j] + 1, j
            if j == n:
                break
            j += 1
            is_word = get(run[i:j])
        count[i] = best
        nxt[i] = best_j
    return count, nxt


def _words_of(run: str, count: list[int], nxt: list[int]) -> list[str] | None:
    if count[0] >= _INF:
        return None
    out, i = [], 0
    while i < len(run):
        out.append(run[i:nxt[i]])
        i = nxt[i]
    return out


def cut(run: str, table: dict[str, bool], whole: bool = True) -> list[str] | None:
    """Fewest words of `table`; ties go to the longest first word, then the next, …

    None if the words cannot cover the run. `whole=False` does not use the run itself as one
    word (to find the words inside a word). The browser runs the same rule (oit-search.js, cut)."""
    return _words_of(run, *_best(run, table, whole))


def cut_unknown(run: str, table: dict[str, bool]) -> list[str]:
    """A run the words cannot cover: fewest letters outside words, then fewest pieces (adjacent
    unknown letters are one piece), then the longest first piece."""
    n = len(run)
    # best[i] = (unknown letters, pieces) of run[i:]; step[i] = end of the first piece;
    # unknown pieces are taken one letter at a time and joined afterwards.
    best: list[tuple[int, int]] = [(0, 0)] * (n + 1)
    step = [n] * (n + 1)
    word = [False] * (n + 1)
    get = table.get
    for i in range(n - 1, -1, -1):
        u, c = best[i + 1]
        # one unknown letter; it adds a piece unless the next piece is unknown too
        cand, cand_j, cand_word = (u + 1, c + (0 if i + 1 < n and not word[i + 1] else 1)), i + 1, False
        j = i + 1
        while j <= n:
            is_word = get(run[i:j])
            if is_word is None:
                break
            if is_word:
                u2, c2 = best[j]
                value = (u2, c2 + 1)
                if value < cand or (value == cand and j > cand_j):
                    cand, cand_j, cand_word = value, j, True
            j += 1
        best[i], step[i], word[i] = cand, cand_j, cand_word
    out: list[str] = []
    i, unknown = 0, ""
    while i < n:
        j = step[i]
        if word[i]:
            if unknown:
                out.append(unknown)
                unknown = ""
            out.append(run[i:j])
        else:
            unknown += run[i:j]
        i = j
    if unknown:
        out.append(unknown)
    return out


class Words:
    """The site's candidates (the dictionary and the unknown pieces of two letters or more) and
    the cuts made with them.

    `known`: runs already cut with the dictionary alone (None: it cannot cover them); such a cut
    stands unless the run holds one of the unknown pieces, which are rare (acronyms: สขร, จปฐ)."""

    def __init__(self, extras: set[str], known: dict[str, list[str] | None] | None = None) -> None:
        self.extras = frozenset(w for w in extras if len(w) > 1) - dictionary() if extras else frozenset()
        self._table: dict[str, bool] | None = None
        longest = sorted(self.extras, key=len, reverse=True)
        self._has_extra = re.compile("|".join(map(re.escape, longest))).search if longest else (lambda run: None)
        self._known = known or {}
        self._cache: dict[str, list[str]] = {}

    @property
    def table(self) -> dict[str, bool]:
        if self._table is None:
            base = _dictionary_table()
            if self.extras:
                table = dict(base)
                for word in self.extras:
                    for k in range(1, len(word)):
                        table.setdefault(word[:k], False)
                    table[word] = True
                self._table = table
            else:
                self._table = base
        return self._table

    def cut(self, run: str) -> list[str]:
        done = self._cache.get(run)
        if done is None:
            table = self.table if self._has_extra(run) else _dictionary_table()
            known = self._known.get(run, _UNCUT) if table is _dictionary_table() else _UNCUT
            done = (cut(run, table) if known is _UNCUT else known) or cut_unknown(run, table)
            self._cache[run] = done
        return done

    def forget_cuts(self) -> None:
        """Drop the cuts of whole runs (the pages' terms are made): most of the index's memory."""
        self._known = {}
        self._cache = {}

    def inner(self, word: str) -> list[str]:
        """Words inside a word, at every level ("จัดซื้อจัดจ้าง" → จัดจ้าง, ซื้อ, จ้าง), without
        those it starts with (a query finds those already: a query word matches the words it
        starts)."""
        out: list[str] = []

        def walk(w: str, at_start: bool) -> None:
            if len(w) < INNER_MIN:
                return
            parts = cut(w, self.table, whole=False)
            if not parts:
                return
            for k, part in enumerate(parts):
                if k or not at_start:
                    out.append(part)
                walk(part, at_start and k == 0)

        walk(word, True)
        return out


def unknown_pieces(runs: Iterable[str], table: dict[str, bool] | None = None) -> set[str]:
    """Pieces of two letters or more of runs the dictionary cannot cover (see cut_unknown): the
    site's own candidates."""
    table = table or _dictionary_table()
    out: set[str] = set()
    for run in runs:
        if cut(run, table) is None:
            out.update(p for p in cut_unknown(run, table) if len(p) > 1 and table.get(p) is not True)
    return out


def segment(text: str) -> list[str]:
    """The words and terms of one text on its own (tests, tools): what the index would hold."""
    text = normalise(text)
    words = Words(unknown_pieces(THAI_RUN.findall(text)))
    return terms(text, words)


def terms(normalised: str, words: Words) -> list[str]:
    out: list[str] = []
    for token in TOKEN.findall(normalised):
        if "\u0e01" <= token[0] <= "\u0e4f":
            out.extend(words.cut(token))
        else:
            out.append(token)
    return out


# --------------------------------------------------------------------------- text of the pages

_SPACE = re.compile(r"\s+")
ARTICLE_START = '<article class="md-content__inner md-typeset">'  # Material's article (the audit reads it too)
_META = re.compile(r"""<meta\s+name=["'](robots|oit:search)["']\s+content=(?:"([^"]*)"|'([^']*)')""", re.I)
_ITEM_CODE = re.compile(r"^(O\d+)\s")
# Not text: permalinks ("#") and the edit button Material adds, icons and charts, scripts.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_EDIT = re.compile(r'<a\b[^>]*\bclass="md-content__button\b.*?</a>', re.S)
_NOT_TEXT = re.compile(r"<(svg|script|style|template|button|noscript)\b.*?</\1\s*>", re.S | re.I)
_EXCLUDED = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sdata-search-exclude\b[^>]*>")
_BLOCK_TAG = re.compile(r"<(/?)(h[1-6]|p|div|li|tr|table|thead|tbody|tfoot|ul|ol|dl|dt|dd|blockquote|pre|figure|"
                        r"figcaption|section|details|summary|br|hr|header|footer|aside|caption|article|nav)\b([^>]*)>",
                        re.I)
_CELL = re.compile(r"</?t[dh]\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_ID = re.compile(r"""\bid=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def _drop_excluded(body: str) -> str:
    """Elements marked data-search-exclude (charts), with everything inside them."""
    while (m := _EXCLUDED.search(body)) is not None:
        name = m.group(1).lower()
        tags = re.compile(rf"<(/?){name}\b[^>]*>", re.I)
        depth, end = 1, len(body)
        for t in tags.finditer(body, m.end()):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                end = t.end()
                break
        body = body[: m.start()] + " " + body[end:]
    return body


def _text(fragment: str) -> str:
    """Visible text of an inline fragment: table cells apart (" · "), tags dropped, one space."""
    if "<" in fragment:
        fragment = _ANY_TAG.sub("", _CELL.sub("\0", fragment))
    if "&" in fragment:
        fragment = html.unescape(fragment)
    if "\0" in fragment:
        return " · ".join(c for c in (_SPACE.sub(" ", c).strip() for c in fragment.split("\0")) if c)
    return _SPACE.sub(" ", fragment).strip()


@dataclass
class PageText:
    url: str  # relative to the site root: "oit/2569/o2/" ("oit/2569/o2/index.html" from a folder)
    title: str
    meta: dict  # from <meta name="oit:search">: code, year, fy
    blocks: list[tuple[str, str, bool]] = field(default_factory=list)  # (anchor, text, starts a section)

    def chunks(self) -> list[tuple[str, str]]:
        """[(anchor, text)]: the title, then the body cut at block boundaries."""
        out: list[tuple[str, str]] = [("", self.title)]
        anchor, size = "", 0
        parts: list[str] = []
        for block_anchor, text, heading in self.blocks:
            if parts and (heading or size >= CHUNK_CHARS):
                out.append((anchor, "\n".join(parts)))
                parts, size = [], 0
            if not parts:
                anchor = block_anchor
            while len(text) > 2 * CHUNK_CHARS:  # a very long paragraph: cut at a space
                at = text.rfind(" ", CHUNK_CHARS // 2, CHUNK_CHARS * 3 // 2)
                at = at if at > 0 else CHUNK_CHARS
                parts.append(text[:at])
                out.append((anchor, "\n".join(parts)))
                parts, size, text = [], 0, text[at:].lstrip()
                anchor = block_anchor
            parts.append(text)
            size += len(text) + 1
        if parts:
            out.append((anchor, "\n".join(parts)))
        return out

    def key(self) -> str:
        data = json.dumps([self.title, self.blocks], ensure_ascii=False)
        return hashlib.sha1(data.encode("utf-8")).hexdigest()


def extract(page_html: str, url: str) -> PageText | None:
    """The visible text of a page's article, as blocks, and its title; None for a page kept out
    of search (robots noindex, `search: exclude`) or without an article."""
    head_end = page_html.find("<body")
    meta: dict = {}
    for name, double, single in _META.findall(page_html[:head_end if head_end > 0 else None]):
        content = html.unescape(double or single)
        if name.lower() == "robots" and "noindex" in content.lower():
            return None
        if name.lower() == "oit:search":
            try:
                meta = json.loads(content)
            except ValueError:
                meta = {}
    if meta.get("exclude"):
        return None
    start = page_html.find(ARTICLE_START)
    if start < 0:
        return None
    end = page_html.find("</article>", start)
    body = page_html[start + len(ARTICLE_START): end if end > 0 else None]
    body = _HEADERLINK.sub("", body)
    body = _EDIT.sub("", body)
    body = _NOT_TEXT.sub(" ", body)
    if "data-search-exclude" in body:
        body = _drop_excluded(body)

    # Text between block tags is a block; a heading's text starts a section (its id the anchor).
    parts = _BLOCK_TAG.split(body)  # text, "/" or "", tag name, attributes, text, …
    blocks: list[tuple[str, str, bool]] = []
    title, anchor, heading = "", "", 0
    for k in range(0, len(parts), 4):
        text = _text(parts[k])
        if text:
            if heading == 1 and not title:
                title = text
            else:
                blocks.append((anchor, text, heading > 0))
        if k + 1 >= len(parts):
            break
        closing, name, attrs = parts[k + 1], parts[k + 2].lower(), parts[k + 3]
        if name[0] == "h" and name[1:].isdigit():
            if closing:
                heading = 0
            else:
                heading = int(name[1:])
                if heading > 1:
                    m = _ID.search(attrs)
                    anchor = html.unescape(next(g for g in m.groups() if g is not None)) if m else anchor
                else:
                    anchor = ""
        elif heading and not closing:  # a block inside a heading ends it
            heading = 0
    title = title or (blocks[0][1] if blocks else url)
    if "code" not in meta and (m := _ITEM_CODE.match(title)):
        meta = {**meta, "code": m.group(1)}
    return PageText(url, title, meta, blocks)


def page_url(rel_path: str, directory_urls: bool) -> str:
    if directory_urls:
        if rel_path == "index.html":
            return ""
        if rel_path.endswith("/index.html"):
            return rel_path[: -len("index.html")]
    return rel_path


def read_pages(site_dir: Path, directory_urls: bool) -> list[PageText]:
    out = []
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel == "404.html" or rel.startswith(DIR + "/"):
            continue
        page = extract(path.read_text(encoding="utf-8"), page_url(rel, directory_urls))
        if page is not None:
            out.append(page)
    # Home first, then by address; years newest first is the browser's business (ranking).
    out.sort(key=lambda p: (p.url not in ("", "index.html"), p.url))
    return out


# --------------------------------------------------------------------------- the index


@dataclass
class IndexStats:
    pages: int = 0
    chunks: int = 0
    terms: int = 0
    shards: int = 0
    text_files: int = 0
    bytes: int = 0  # everything under search/
    manifest_bytes: int = 0
    largest_shard: int = 0
    cut_pages: int = 0  # pages cut into words in this run (the others came from the cache)
    seconds: dict = field(default_factory=dict)


def _cache_version() -> str:
    return f"{FORMAT}:{dictionary_version()}:{CHUNK_CHARS}:{INNER_MIN}"


def _read_cache(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _cache_version():
        return {}
    return data


def _write_cache(path: Path | None, data: dict) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def _chunk_terms(normalised: str, words: Words) -> str:
    """The terms of a chunk and their counts (at most MAX_TF), packed for the cache:
    "term term …\tcounts", a digit per term. Terms hold no space or tab."""
    counts = Counter(terms(normalised, words))
    return " ".join(counts) + "\t" + "".join([_TF[c] if c < MAX_TF else _TF[MAX_TF] for c in counts.values()])


def _shards(items: list[tuple[str, int]]) -> list[list[str]]:
    """Sorted terms cut into consecutive shards of about SHARD_BYTES (a term's postings are never
    split). The terms a query word starts form one stretch of that order, so a word needs the
    shards of that stretch only, and the first term of each shard tells which."""
    out: list[list[str]] = []
    size = 0
    for term, n in items:
        if not out or (size + n > SHARD_BYTES and out[-1]):
            out.append([])
            size = 0
        out[-1].append(term)
        size += n
    return out


def read_file(path: Path) -> tuple[str, dict]:
    """(name, data) of one file of the index (tests, tools)."""
    text = path.read_text(encoding="utf-8")
    head = CALLBACK + "("
    if not text.startswith(head):
        raise ValueError(f"{path}: not a search index file")
    name, end = json.JSONDecoder().raw_decode(text, len(head))
    data, _ = json.JSONDecoder().raw_decode(text, end + 1)
    if not isinstance(name, str) or not isinstance(data, dict):
        raise ValueError(f"{path}: not a search index file")
    return name, data


def read_index(site_dir: Path) -> dict:
    """The whole index of a built site as one dict (tests, tools): the manifest with "shards"
    (key → {"w": …, "i": …}) and "texts" (chunk id → [anchor, text], None for titles)."""
    folder = site_dir / DIR
    _, manifest = read_file(folder / "index.js")
    shards = {key: read_file(folder / "s" / f"{n}.js")[1] for n, key in enumerate(manifest["keys"])}  # first term → shard
    texts: list = []
    for n in range(len(manifest["files"])):
        texts.extend(read_file(folder / "t" / f"{n}.js")[1]["c"])
    return {**manifest, "shards": shards, "texts": texts}


def _script(name: str, data: dict) -> str:
    # JSON is valid JavaScript here (U+2028/9 are allowed in strings since ES2019)
    return f"{CALLBACK}({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))})\n"


def write_index(site_dir: Path, cache_dir: Path | None = None, directory_urls: bool = True) -> IndexStats:
    """Read the built pages of `site_dir`, write `site_dir/search/`. `cache_dir` (the build
    folder) keeps the cut pages for the next run."""
    return IndexBuilder(cache_dir, directory_urls).write(site_dir)


@dataclass
class _Page:
    text: PageText
    chunks: list[tuple[str, str]]
    key: str
    normalised: list[str] | None  # cut in this run (not in the cache): its chunks normalised
    extras: list[str] | None  # … and the pieces of it the dictionary does not know


class IndexBuilder:
    """The search index of a site, made page by page (`add`: as MkDocs writes them, or as read
    from the site), then written (`write`). What each page alone gives (its text, chunks, the
    runs of Thai cut into words) is worked out as it comes; what needs every page (the site's
    unknown pieces, postings, shards) when the site is complete. The result does not depend on
    the order the pages came in. `cache_dir` (the build folder) keeps the cut pages."""

    def __init__(self, cache_dir: Path | None = None, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls
        self.cache_path = cache_dir / CACHE_FILE if cache_dir else None
        cache = _read_cache(self.cache_path)
        self.cached_pages: dict = cache.get("pages", {})
        self.old_extras = set(cache.get("extras", []))
        self.pages: dict[str, tuple[int, _Page | None]] = {}  # site path → (size in bytes, the page)
        self.known: dict[str, list[str] | None] = {}  # run of Thai → its words (None: not all known)
        self.seconds = {"read": 0.0, "cut": 0.0}

    def warm(self, fragment: str) -> None:
        """Cut the Thai of a page's content before the page itself comes (MkDocs makes every
        page's content before it writes any page), so that the page's own runs are cut already
        when it does. Only what is kept of each run changes; not where a cache has the pages."""
        if self.cached_pages:
            return
        start = time.perf_counter()
        table = _dictionary_table()  # loaded once per process
        known = self.known
        parts = _BLOCK_TAG.split(_NOT_TEXT.sub(" ", fragment))
        for k in range(0, len(parts), 4):
            for run in THAI_RUN.findall(normalise(_text(parts[k]))):
                if run not in known:
                    known[run] = cut(run, table)
        self.seconds["warm"] = self.seconds.get("warm", 0.0) + time.perf_counter() - start

    def add(self, path: str, html_text: str, size: int) -> None:
        """The page at `path` (relative to the site folder) with its HTML, `size` bytes in UTF-8."""
        start = time.perf_counter()
        entry = None
        if path != "404.html" and not path.startswith(DIR + "/"):
            page = extract(html_text, page_url(path, self.directory_urls))
            if page is not None:
                chunks = page.chunks()
                key = page.key()
                page.blocks = []  # in its chunks now: one copy of a page's text is kept, not two
                entry = _Page(page, chunks, key, None, None)
        self.pages[path] = (size, entry)
        lap = time.perf_counter()
        self.seconds["read"] += lap - start
        if entry is not None and entry.key not in self.cached_pages:
            # The runs of a page to cut, each cut once with the dictionary alone; a run it
            # cannot cover gives the site unknown pieces (see cut_unknown).
            entry.normalised = [normalise(t) for _, t in entry.chunks]
            table = _dictionary_table()
            known = self.known
            pieces: set[str] = set()
            for text in entry.normalised:
                for run in THAI_RUN.findall(text):
                    run_words = known.get(run, _UNCUT)
                    if run_words is _UNCUT:
                        run_words = known[run] = cut(run, table)
                    if run_words is None:
                        pieces.update(p for p in cut_unknown(run, table) if len(p) > 1 and table.get(p) is not True)
            entry.extras = sorted(pieces)
            self.seconds["cut"] += time.perf_counter() - lap

    def write(self, site_dir: Path) -> IndexStats:
        """Write `site_dir/search/` for the complete site: a page it was not handed, or handed
        unlike its file, is read from the site; one handed that the site does not have is left out."""
        stats = IndexStats()
        lap = time.perf_counter()

        def phase(name: str) -> None:
            nonlocal lap
            now = time.perf_counter()
            stats.seconds[name] = round(stats.seconds.get(name, 0.0) + now - lap, 4)
            lap = now

        present = set()
        for file in sorted(site_dir.rglob("*.html")):
            path = file.relative_to(site_dir).as_posix()
            present.add(path)
            size = file.stat().st_size
            if self.pages.get(path, (None,))[0] != size:
                raw = file.read_bytes()
                self.add(path, raw.decode("utf-8"), len(raw))
        entries = [e for path, (_, e) in self.pages.items() if e is not None and path in present]
        # Home first, then by address; years newest first is the browser's business (ranking).
        entries.sort(key=lambda e: (e.text.url not in ("", "index.html"), e.text.url))
        stats.seconds.update({k: round(v, 4) for k, v in self.seconds.items()})
        lap = time.perf_counter()
        pages = [e.text for e in entries]
        chunks_of = [e.chunks for e in entries]
        keys = [e.key for e in entries]
        cached_pages, old_extras = self.cached_pages, self.old_extras
        normalised = {k: e.normalised for k, e in enumerate(entries) if e.normalised is not None}
        page_extras = {k: e.extras if e.extras is not None else cached_pages[e.key]["x"] for k, e in enumerate(entries)}
        known = self.known
        extras = {x for xs in page_extras.values() for x in xs}
        changed = extras ^ old_extras
        if changed and cached_pages:  # an unchanged page holding a changed piece may cut differently now
            found = re.compile("|".join(map(re.escape, sorted(changed, key=len, reverse=True)))).search
            for k in range(len(pages)):
                if k not in normalised and any(found(t) for t in (normalise(t) for _, t in chunks_of[k])):
                    normalised[k] = [normalise(t) for _, t in chunks_of[k]]
        words = Words(extras, known)
        page_terms: list[list[str]] = []
        new_cache: dict = {}
        for k, key in enumerate(keys):
            if k in normalised:
                entry = {"x": page_extras[k], "t": [_chunk_terms(text, words) for text in normalised[k]]}
            else:
                entry = cached_pages[key]
            new_cache[key] = entry
            page_terms.append(entry["t"])
        stats.cut_pages = len(normalised)
        normalised.clear()
        known.clear()
        words.forget_cuts()
        for e in entries:
            e.normalised = None
        phase("cut")

        # Postings, words and inner terms apart: term → [chunk delta × 8 + count, …]
        post: dict[str, dict[str, list[int]]] = {"w": {}, "i": {}}
        last: dict[str, dict[str, int]] = {"w": {}, "i": {}}
        inner_of: dict[str, list[str]] = {}
        starts: list[int] = []
        chunk_id = 0
        post_w, last_w, post_i, last_i = post["w"], last["w"], post["i"], last["i"]
        for chunk_list in page_terms:
            starts.append(chunk_id)
            for packed in chunk_list:
                names, counts = packed.split("\t")
                if names:
                    inner_counts: dict[str, int] = {}
                    for term, digit in zip(names.split(" "), counts, strict=True):
                        tf = ord(digit) - 48
                        postings = post_w.get(term)
                        if postings is None:
                            post_w[term] = [chunk_id * 8 + tf]
                        else:
                            postings.append((chunk_id - last_w[term]) * 8 + tf)
                        last_w[term] = chunk_id
                        if len(term) >= INNER_MIN and "\u0e01" <= term[0] <= "\u0e4f":
                            inner = inner_of.get(term)
                            if inner is None:
                                inner = inner_of[term] = words.inner(term)
                            for part in inner:
                                inner_counts[part] = inner_counts.get(part, 0) + tf
                    for part, total_tf in inner_counts.items():
                        tf = min(total_tf, MAX_TF)
                        postings = post_i.get(part)
                        if postings is None:
                            post_i[part] = [chunk_id * 8 + tf]
                        else:
                            postings.append((chunk_id - last_i[part]) * 8 + tf)
                        last_i[part] = chunk_id
                chunk_id += 1
        stats.pages, stats.chunks = len(pages), chunk_id
        phase("postings")

        # Shards: sizes estimated (a posting takes about four characters)
        sizes: dict[str, int] = {}
        for kind in ("w", "i"):
            for term, ps in post[kind].items():
                sizes[term] = sizes.get(term, len(term.encode("utf-8")) + 6) + 4 * len(ps) + 4
        shards = _shards(sorted(sizes.items()))
        stats.terms, stats.shards = len(sizes), len(shards)

        index_id = hashlib.sha1(json.dumps([FORMAT, [p.url for p in pages], keys, sorted(extras)],
                                           ensure_ascii=False).encode("utf-8")).hexdigest()[:12]
        out = site_dir / DIR
        if out.exists():
            shutil.rmtree(out)
        (out / "s").mkdir(parents=True)
        (out / "t").mkdir()
        total = 0

        def write(name: str, data: dict) -> int:
            text = _script(name, data).encode("utf-8")
            with open(out / f"{name}.js", "wb") as f:
                f.write(text)
            return len(text)

        for n, members in enumerate(shards):
            data: dict = {"v": index_id, "w": {}, "i": {}}
            for term in members:
                for kind in ("w", "i"):
                    postings = post[kind].get(term)
                    if postings is not None:
                        data[kind][term] = postings
            size = write(f"s/{n}", data)
            stats.largest_shard = max(stats.largest_shard, size)
            total += size
        # Texts: consecutive chunks, about TEXT_BYTES a file (titles are in the manifest: null here)
        files: list[int] = []
        group: list = []
        group_size = 0
        first = 0

        def flush_texts() -> None:
            nonlocal total, group, group_size
            if group:
                files.append(first)
                total += write(f"t/{len(files) - 1}", {"v": index_id, "c": group})
                group, group_size = [], 0

        c = 0
        for chunks in chunks_of:
            for k, (anchor, text) in enumerate(chunks):
                if group_size >= TEXT_BYTES:
                    flush_texts()
                if not group:
                    first = c
                group.append([anchor, text] if k else None)
                group_size += 3 * len(text) + len(anchor) + 8 if k else 5
                c += 1
        flush_texts()
        stats.text_files = len(files)
        manifest = {
            "v": index_id, "format": FORMAT, "n": chunk_id, "files": files,
            "keys": [members[0] for members in shards],  # the first term of each shard
            "m": max((len(t) for t in sizes), default=0),  # the longest term
            "pages": [[p.url, p.title, p.meta.get("code", ""), p.meta.get("year", 0), p.meta.get("fy", []), s]
                      for p, s in zip(pages, starts, strict=True)],
        }
        stats.manifest_bytes = write("index", manifest)
        stats.bytes = total + stats.manifest_bytes
        phase("write")
        _write_cache(self.cache_path, {"version": _cache_version(), "extras": sorted(extras), "pages": new_cache})
        phase("cache")
        return stats
