"""Thai search: segment words at build time so Material's search can find them.

Material's search splits text only on its `separator` (spaces and hyphens by default); Thai has
no spaces between words, so a word in the middle of a sentence could never be found. After
MkDocs has written `search/search_index.json`, every run of Thai text in it is segmented into
words with pythainlp and the words are joined with U+200B (zero-width space), which the site's
search separator (`[\\s\\u200b\\-]+`, set in mkdocs.yml) splits on. Thai digits are indexed as
Arabic digits, so "๒๕๖๘" and "2568" find the same pages (the browser side normalises queries the
same way: theme/assets/javascripts/oit-search-worker.js). The pages' HTML is not touched.
The index is written back as UTF-8 instead of \\uXXXX escapes, almost halving its size.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pythainlp.tokenize import word_tokenize
from pythainlp.util import thai_digit_to_arabic_digit

ZWSP = "\u200b"
THAI_RUN = re.compile(r"[\u0e01-\u0e4f]+")  # Thai letters, vowels and marks (digits excluded)
INDEX = Path("search") / "search_index.json"


@lru_cache(maxsize=65536)
def _segment_run(run: str) -> str:
    words = [w for w in word_tokenize(run, engine="newmm", keep_whitespace=False) if w]
    return ZWSP.join(words)


def segment(text: str) -> str:
    """'การจัดซื้อจัดจ้าง' → 'การ\\u200bจัดซื้อจัดจ้าง'; digits normalised to Arabic."""
    text = thai_digit_to_arabic_digit(text)
    return THAI_RUN.sub(lambda m: _segment_run(m.group(0)), text)


def rewrite_index(site_dir: Path) -> tuple[int, int] | None:
    """Segment the search index in place. Returns (bytes before, bytes after), or None."""
    path = site_dir / INDEX
    if not path.is_file():
        return None
    before = path.stat().st_size
    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data.get("docs", []):
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                doc[key] = segment(doc[key])
    out = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(out, encoding="utf-8")
    return before, len(out.encode("utf-8"))
