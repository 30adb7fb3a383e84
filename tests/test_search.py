"""The site's search index (generator/publish/search.py): words, page text, files, the cache.

The browser side (theme/assets/javascripts/oit-search.js) is tested in tests/browser/.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.publish import search as S

# --------------------------------------------------------------------------- words


def table(*words: str) -> dict[str, bool]:
    return S._prefix_table(words)


def test_cut_takes_the_fewest_words_then_the_longest_first_word():
    assert S.cut("abc", table("ab", "c", "abc")) == ["abc"]
    # two cuts of two words: the one whose first word is longer
    assert S.cut("abcd", table("ab", "cd", "abc", "d")) == ["abc", "d"]
    assert S.cut("abcx", table("ab", "c")) is None
    # without the run itself as a word: the words inside it
    assert S.cut("abc", table("ab", "c", "abc"), whole=False) == ["ab", "c"]


def test_letters_no_word_covers_are_kept_together():
    assert S.cut_unknown("abxycd", table("ab", "cd")) == ["ab", "xy", "cd"]
    assert S.cut_unknown("xab", table("ab")) == ["x", "ab"]
    assert S.cut_unknown("xy", table("ab")) == ["xy"]


def test_thai_words_as_the_index_cuts_them():
    assert S.segment("การประเมิน") == ["การ", "ประเมิน"]  # nominaliser compounds are split
    assert S.segment("ข้อมูลผู้บริหาร") == ["ข้อมูล", "ผู้บริหาร"]
    assert "ก" not in S.dictionary() and all(len(w) > 1 for w in S.dictionary())
    # digits: Thai as Arabic, thousands commas and case ignored; decimals and codes kept whole
    assert S.segment("งบ ๑,๒๓๔,๕๐๐ บาท คะแนน ๙๐.๗๑ รายการ O11") == ["งบ", "1234500", "บาท", "คะแนน", "90.71",
                                                                     "รายการ", "o11"]
    assert S.normalise("๒๕๖๘ ABC 1,000") == "2568 abc 1000"


def test_an_acronym_outside_the_dictionary_stays_one_term():
    terms = S.segment("ข้อมูลตามแบบ สขร.1 ของเดือน")
    assert "สขร" in terms and "1" in terms
    assert "ต.ค." not in terms and S.segment("1 ต.ค. 2568") == ["1", "ต", "ค", "2568"]


def test_words_inside_a_longer_word_are_found():
    words = S.Words(set())
    assert "จัดจ้าง" in words.inner("จัดซื้อจัดจ้าง")
    assert "เวลา" in words.inner("ช่วงเวลา")
    assert "ช่วง" not in words.inner("ช่วงเวลา")  # a query finds the words it starts already
    assert words.inner("ผล") == []


def test_site_pieces_join_the_candidates_and_a_run_holding_one_is_cut_with_it():
    pieces = S.unknown_pieces(["สขร"])
    assert pieces == {"สขร"}
    with_piece = S.Words(pieces)
    assert with_piece.cut("แบบสขร") == ["แบบ", "สขร"]
    assert with_piece.cut("ข้อมูล") == ["ข้อมูล"]


# --------------------------------------------------------------------------- page text

PAGE = """<!doctype html><html lang="th"><head>
<title>x</title>{head}
</head><body><header>ค้นหา เมนู</header>
<article class="md-content__inner md-typeset">
<a href="https://example.org/edit" title="แก้ไขหน้านี้" class="md-content__button md-icon" rel="edit"><svg><path d="M0"/></svg></a>
<h1 id="top">{title}<a class="headerlink" href="#top" title="ลิงก์">#</a></h1>
{body}
</article><footer>ส่วนท้าย</footer></body></html>
"""


def page(title: str, body: str, head: str = "") -> str:
    return PAGE.format(title=title, body=body, head=head)


def test_page_text_is_the_article_as_a_visitor_reads_it():
    html = page("O2 ข้อมูลผู้บริหาร", """
<p class="oit-meta">ITA 2569 &middot; ปรับปรุง</p>
<p><strong>ช่วง</strong>เวลาของข้อมูล &amp; อื่น ๆ</p>
<h2 id="executives">คณะผู้บริหาร<a class="headerlink" href="#executives">#</a></h2>
<table><thead><tr><th>ชื่อ</th><th>ตำแหน่ง</th></tr></thead>
<tbody><tr><td>นายสมชาย ใจดี</td><td></td><td>นายก</td></tr></tbody></table>
<figure class="oit-chart" data-search-exclude><div><figure>ในรูป</figure>แผนภูมิเส้นประ</div><svg><text>99</text></svg></figure>
<script>var x = "สคริปต์"</script>
<ul><li>หนึ่ง</li><li>สอง <em>สาม</em></li></ul>
""", head="""<meta name="oit:search" content="{&#34;code&#34;: &#34;O2&#34;, &#34;year&#34;: 2569, &#34;fy&#34;: [2568]}">""")
    text = S.extract(html, "oit/2569/o2/")
    assert text.title == "O2 ข้อมูลผู้บริหาร"
    assert text.meta == {"code": "O2", "year": 2569, "fy": [2568]}
    assert [b[1] for b in text.blocks] == [
        "ITA 2569 · ปรับปรุง", "ช่วงเวลาของข้อมูล & อื่น ๆ", "คณะผู้บริหาร", "ชื่อ · ตำแหน่ง",
        "นายสมชาย ใจดี · นายก", "หนึ่ง", "สอง สาม"]
    assert [b[0] for b in text.blocks] == ["", "", "executives", "executives", "executives", "executives", "executives"]
    chunks = text.chunks()
    assert chunks[0] == ("", "O2 ข้อมูลผู้บริหาร")
    assert chunks[1] == ("", "ITA 2569 · ปรับปรุง\nช่วงเวลาของข้อมูล & อื่น ๆ")
    assert chunks[2][0] == "executives" and chunks[2][1].startswith("คณะผู้บริหาร\n")
    everything = json.dumps(chunks, ensure_ascii=False)
    for hidden in ("แผนภูมิ", "ในรูป", "99", "สคริปต์", "แก้ไข", "#", "ค้นหา", "ส่วนท้าย"):
        assert hidden not in everything


def test_pages_kept_out_of_search():
    body = "<p>ข้อความ</p>"
    assert S.extract(page("ลับ", body, '<meta name="robots" content="noindex">'), "x/") is None
    assert S.extract(page("ลับ", body, """<meta name="oit:search" content='{"exclude": true}'>"""), "x/") is None
    assert S.extract("<html><body><p>ไม่มีบทความ</p></body></html>", "x/") is None


def test_a_long_section_is_cut_into_chunks_at_block_boundaries():
    rows = "".join(f"<tr><td>รายการที่ {n}</td><td>{'ก่อสร้างถนน' * 8}</td></tr>" for n in range(60))
    text = S.extract(page("หน้า", f"<h2 id='list'>รายการ</h2><table>{rows}</table>"), "p/")
    chunks = text.chunks()[1:]
    assert len(chunks) > 5
    assert all(c[0] == "list" for c in chunks)
    assert all(len(c[1]) < 3 * S.CHUNK_CHARS for c in chunks)
    assert "\n".join(c[1] for c in chunks).count("รายการที่") == 60


# --------------------------------------------------------------------------- the index files


def make_site(root: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


SITE = {
    "index.html": page("องค์การบริหารส่วนตำบลทดสอบ", "<p>หน้าแรกของเว็บไซต์ ปีงบประมาณ ๒๕๖๘</p>"),
    "oit/2569/o2/index.html": page("O2 ข้อมูลผู้บริหาร", "<h2 id='e'>คณะผู้บริหาร</h2><p>นายกองค์การบริหารส่วนตำบล</p>",
                                   """<meta name="oit:search" content='{"code": "O2", "year": 2569, "fy": []}'>"""),
    "oit/2568/o2/index.html": page("O2 ข้อมูลผู้บริหาร", "<p>ช่วงเวลาการดำรงตำแหน่ง</p>",
                                   """<meta name="oit:search" content='{"code": "O2", "year": 2568, "fy": []}'>"""),
    "oit/2569/o11/index.html": page("O11 สรุปผลการจัดซื้อจัดจ้าง", "<p>ตามแบบ สขร.1 ของเดือน ต.ค. 2568</p>"
                                    + "".join(f"<p>รายการจัดซื้อที่ {n} วงเงิน {n},000 บาท</p>" for n in range(300))),
    "readiness/index.html": page("ความพร้อม", "<p>สำหรับผู้ดูแล</p>", '<meta name="robots" content="noindex">'),
    "404.html": page("ไม่พบหน้า", "<p>ไม่พบ</p>"),
}


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / S.DIR).rglob("*")) if p.is_file()}


def test_index_files_hold_every_term_of_every_chunk(tmp_path, monkeypatch):
    monkeypatch.setattr(S, "SHARD_BYTES", 2000)  # several shards and text files from a small site
    monkeypatch.setattr(S, "TEXT_BYTES", 3000)
    site = make_site(tmp_path / "site", SITE)
    stats = S.write_index(site, tmp_path / "build")
    index = S.read_index(site)
    urls = [p[0] for p in index["pages"]]
    assert urls == ["", "oit/2568/o2/", "oit/2569/o11/", "oit/2569/o2/"]  # home first; no readiness, no 404
    assert index["pages"][3][1:5] == ["O2 ข้อมูลผู้บริหาร", "O2", 2569, []]
    assert stats.pages == 4 and stats.chunks == index["n"] == len(index["texts"])
    assert stats.shards == len(index["keys"]) > 3
    assert stats.text_files == len(index["files"]) > 3 and index["files"][0] == 0
    # shards are consecutive stretches of the sorted terms, each named by its first term
    all_terms = []
    for key in index["keys"]:
        shard = index["shards"][key]
        terms = sorted(set(shard["w"]) | set(shard["i"]))
        assert terms[0] == key
        all_terms.extend(terms)
    assert all_terms == sorted(all_terms) and len(all_terms) == len(set(all_terms))
    assert index["m"] == max(len(t) for t in all_terms)
    # titles are in the manifest (null in the texts); every posting points at a chunk holding the term
    starts = {p[5] for p in index["pages"]}
    assert all((c in starts) == (index["texts"][c] is None) for c in range(index["n"]))
    titles = {p[5]: p[1] for p in index["pages"]}
    for shard in index["shards"].values():
        for term, postings in shard["w"].items():
            chunk = 0
            for value in postings:
                chunk += value >> 3
                text = titles[chunk] if chunk in titles else index["texts"][chunk][1]
                assert term in S.segment(text), (term, text)
                assert 1 <= value & 7 <= S.MAX_TF
    words = {t for shard in index["shards"].values() for t in shard["w"]}
    assert {"ผู้บริหาร", "2568", "สขร", "o11", "1000"} <= words
    inner = {t for shard in index["shards"].values() for t in shard["i"]}
    assert "จัดจ้าง" in inner  # inside จัดซื้อจัดจ้าง
    # every file is a script calling the loader, with the index id
    for rel, data in files_of(site).items():
        text = data.decode("utf-8")
        assert text.startswith(S.CALLBACK + '("') and "\u200b" not in text, rel
        assert S.read_file(site / rel)[1]["v"] == index["v"]


def test_a_site_opened_from_a_folder_links_to_index_html(tmp_path):
    site = make_site(tmp_path / "site", SITE)
    S.write_index(site, None, directory_urls=False)
    assert [p[0] for p in S.read_index(site)["pages"]] == [
        "index.html", "oit/2568/o2/index.html", "oit/2569/o11/index.html", "oit/2569/o2/index.html"]


def test_only_changed_pages_are_cut_again_and_the_index_is_the_same_as_a_fresh_one(tmp_path, monkeypatch):
    monkeypatch.setattr(S, "SHARD_BYTES", 2000)
    site = make_site(tmp_path / "site", SITE)
    build = tmp_path / "build"
    assert S.write_index(site, build).cut_pages == 4
    first = files_of(site)
    again = S.write_index(site, build)
    assert again.cut_pages == 0 and files_of(site) == first

    # one page edited
    (site / "oit/2568/o2/index.html").write_text(page("O2 ข้อมูลผู้บริหาร", "<p>ช่วงเวลาใหม่ของการดำรงตำแหน่ง</p>"),
                                                 encoding="utf-8")
    edited = S.write_index(site, build)
    assert edited.cut_pages == 1
    fresh = make_site(tmp_path / "fresh", {rel: (site / rel).read_text(encoding="utf-8") for rel in SITE})
    S.write_index(fresh, None)
    assert files_of(site) == files_of(fresh)



def test_a_new_acronym_cuts_again_the_unchanged_pages_that_hold_its_letters(tmp_path):
    pages = {"a/index.html": page("ก", "<p>แบบฟอร์ม</p>"), "b/index.html": page("ข", "<p>อาหารรสขรึม</p>")}
    site = make_site(tmp_path / "site", pages)
    build = tmp_path / "build"
    S.write_index(site, build)
    for body in ("<p>แบบ สขร.1</p>", "<p>แบบฟอร์ม</p>"):  # the piece สขร comes, then goes
        (site / "a/index.html").write_text(page("ก", body), encoding="utf-8")
        assert S.write_index(site, build).cut_pages == 2  # b holds ส-ข-ร (รส|ขรึม)
        fresh = make_site(tmp_path / "fresh", {rel: (site / rel).read_text(encoding="utf-8") for rel in pages})
        S.write_index(fresh, None)
        assert files_of(site) == files_of(fresh)
        shutil.rmtree(fresh)


def test_a_stale_or_foreign_cache_is_ignored(tmp_path):
    site = make_site(tmp_path / "site", SITE)
    build = tmp_path / "build"
    build.mkdir()
    (build / S.CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert S.write_index(site, build).cut_pages == 4
    data = json.loads((build / S.CACHE_FILE).read_text(encoding="utf-8"))
    data["version"] = "another"
    (build / S.CACHE_FILE).write_text(json.dumps(data), encoding="utf-8")
    assert S.write_index(site, build).cut_pages == 4


@pytest.mark.parametrize("bad", ["x(", S.CALLBACK + '(1,{"v": "x"})', S.CALLBACK + '("s/0",[1])'])
def test_read_file_refuses_what_is_not_an_index_file(tmp_path, bad):
    path = tmp_path / "f.js"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ValueError):
        S.read_file(path)
