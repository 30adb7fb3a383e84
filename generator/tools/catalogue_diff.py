"""`oit catalogue diff A B`: what moved between two ITA years' item lists.

Items are matched by the content topics they show, not by their codes: the NACC renumbers items
almost every year (complaint statistics were O29, O19, then O18), but an LAO's content is keyed
by topic, so "which topic now appears under which code" is what a clerk and a maintainer need.
Two items sharing a topic are one item renamed or re-coded; a group of items sharing topics
across years is a merge or a split. Years in texts are compared after moving them by the
distance between the two catalogues, so a text that only changed its year is not a change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.content.catalogue import Catalogue, Check, Element, Item
from generator.content.topics import TOPICS
from generator.tools.catalogue_shift import shift_years

STATUS_TH = {"confirmed": "ยืนยันแล้ว (confirmed)", "provisional": "เบื้องต้น (provisional)"}
YEAR_TH = {"current": "ปีปัจจุบัน", "previous": "ปีก่อน"}


@dataclass
class ElementChange:
    old: Element | None
    new: Element | None
    what: list[str] = field(default_factory=list)  # Thai lines: what changed


@dataclass
class Pair:
    """One item in both years (possibly under another code or title)."""

    old: Item
    new: Item
    renamed: bool = False
    timing: bool = False
    lao_note: bool = False
    topic_years: list[tuple[str, str, str]] = field(default_factory=list)  # topic, old year, new year
    topics_added: list[str] = field(default_factory=list)
    topics_removed: list[str] = field(default_factory=list)
    elements: list[ElementChange] = field(default_factory=list)

    @property
    def recoded(self) -> bool:
        return self.old.code != self.new.code

    @property
    def changed(self) -> bool:
        return bool(self.timing or self.lao_note or self.topic_years or self.topics_added or self.topics_removed
                    or self.elements)


@dataclass
class Regroup:
    """Items merged or split: several items of one year share topics with several of the other."""

    old: list[Item]
    new: list[Item]


@dataclass
class TopicMove:
    topic: str
    old: list[tuple[str, str]]  # (code, "current"/"previous")
    new: list[tuple[str, str]]


@dataclass
class CatalogueDiff:
    a: Catalogue
    b: Catalogue
    added: list[Item]
    removed: list[Item]
    pairs: list[Pair]
    regroups: list[Regroup]
    topics: list[TopicMove]

    @property
    def confidence_changes(self) -> int:
        return sum(1 for p in self.pairs if p.old.confidence != p.new.confidence)


def _topics(item: Item) -> set[str]:
    return {t.topic for t in item.topics}


def _check_text(c: Check) -> str:
    args = c.model_dump(by_alias=True, exclude_none=True, exclude={"kind"})
    inner = ", ".join(f"{k}: {'/'.join(v) if isinstance(v, list) else v}" for k, v in args.items())
    return f"{c.kind}({inner})" if inner else c.kind


def _checks(el: Element) -> list[str]:
    return [_check_text(c) for c in el.checks]


def diff(a: Catalogue, b: Catalogue) -> CatalogueDiff:
    by = b.year - a.year
    years = {a.year, a.year - 1}

    def same(old: str | None, new: str | None) -> bool:
        """Equal once the old text's years are moved to the new catalogue's."""
        if old is None or new is None:
            return old == new
        return " ".join(shift_years(old, years, by).split()) == " ".join(new.split())

    olds, news = [it for _, _, it in a.items()], [it for _, _, it in b.items()]
    components = _components(olds, news)
    added: list[Item] = []
    removed: list[Item] = []
    regroups: list[Regroup] = []
    pairs: list[Pair] = []
    for group_old, group_new in components:
        if not group_old:
            added.extend(group_new)
        elif not group_new:
            removed.extend(group_old)
        else:
            if len(group_old) > 1 or len(group_new) > 1:
                regroups.append(Regroup(group_old, group_new))
            pairs.extend(_pair(o, n, same) for o, n in _best_pairs(group_old, group_new))
    pairs.sort(key=lambda p: p.new.number)
    added.sort(key=lambda it: it.number)
    removed.sort(key=lambda it: it.number)
    return CatalogueDiff(a, b, added, removed, pairs, regroups, _topic_moves(olds, news))


def _components(olds: list[Item], news: list[Item]) -> list[tuple[list[Item], list[Item]]]:
    """Connected groups of items, an edge wherever an old and a new item share a topic."""
    nodes = [("a", i) for i in range(len(olds))] + [("b", i) for i in range(len(news))]
    topics = {("a", i): _topics(it) for i, it in enumerate(olds)} | {("b", i): _topics(it) for i, it in enumerate(news)}
    seen: set[tuple[str, int]] = set()
    out = []
    for start in nodes:
        if start in seen:
            continue
        stack, group = [start], []
        seen.add(start)
        while stack:
            node = stack.pop()
            group.append(node)
            other = "b" if node[0] == "a" else "a"
            for cand in nodes:
                if cand[0] == other and cand not in seen and topics[node] & topics[cand]:
                    seen.add(cand)
                    stack.append(cand)
        out.append(([olds[i] for s, i in sorted(group) if s == "a"], [news[i] for s, i in sorted(group) if s == "b"]))
    return out


def _best_pairs(olds: list[Item], news: list[Item]) -> list[tuple[Item, Item]]:
    """Within a merge or split, pair the items that share most topics (same code first)."""
    edges = sorted(
        ((len(_topics(o) & _topics(n)), o.code == n.code, -abs(o.number - n.number), o, n)
         for o in olds for n in news if _topics(o) & _topics(n)),
        key=lambda e: e[:3], reverse=True,
    )
    used_o: set[str] = set()
    used_n: set[str] = set()
    out = []
    for *_, o, n in edges:
        if o.code not in used_o and n.code not in used_n:
            used_o.add(o.code)
            used_n.add(n.code)
            out.append((o, n))
    return out


Same = Callable[[str | None, str | None], bool]


def _pair(old: Item, new: Item, same: Same) -> Pair:
    p = Pair(old, new)
    p.renamed = not same(old.title, new.title)
    p.timing = not same(old.timing, new.timing)
    p.lao_note = not same(old.lao_note, new.lao_note)
    old_years = {t.topic: t.year for t in old.topics}
    new_years = {t.topic: t.year for t in new.topics}
    p.topics_added = [t for t in new_years if t not in old_years]
    p.topics_removed = [t for t in old_years if t not in new_years]
    p.topic_years = [(t, old_years[t], y) for t, y in new_years.items() if t in old_years and old_years[t] != y]
    p.elements = _element_changes(old, new, same)
    return p


def _element_changes(old: Item, new: Item, same: Same) -> list[ElementChange]:
    olds = {e.id: e for e in old.elements}
    matched: dict[str, Element] = {}  # new id → old element
    for e in new.elements:
        if e.id in olds:
            matched[e.id] = olds.pop(e.id)
    for e in new.elements:  # an element renamed but worded the same
        if e.id not in matched:
            hit = next((o for o in olds.values() if o.topic == e.topic and same(o.text, e.text)), None)
            if hit:
                matched[e.id] = olds.pop(hit.id)
    out = []
    for e in new.elements:
        o = matched.get(e.id)
        if o is None:
            out.append(ElementChange(None, e))
            continue
        what = []
        if o.id != e.id:
            what.append(f"รหัสองค์ประกอบ {o.id} → {e.id}")
        if not same(o.text, e.text):
            what.append(f"ข้อความเดิม: {o.text}")
        if o.topic != e.topic or o.part != e.part:
            what.append(f"หัวข้อ {_where(o)} → {_where(e)}")
        if _checks(o) != _checks(e):
            what.append(f"การตรวจ {', '.join(_checks(o))} → {', '.join(_checks(e))}")
        if what:
            out.append(ElementChange(o, e, what))
    out.extend(ElementChange(o, None) for o in olds.values())
    return out


def _where(el: Element) -> str:
    return el.topic + (f"#{el.part}" if el.part else "")


def _topic_moves(olds: list[Item], news: list[Item]) -> list[TopicMove]:
    def placements(items: list[Item]) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        for it in items:
            for t in it.topics:
                out.setdefault(t.topic, []).append((it.code, t.year))
        return out

    before, after = placements(olds), placements(news)
    order = [t for t in TOPICS if t in before or t in after]
    return [TopicMove(t, before.get(t, []), after.get(t, [])) for t in order if before.get(t, []) != after.get(t, [])]


# --------------------------------------------------------------------------- text


def _item(it: Item) -> str:
    return f"{it.code} {it.title}"


def _codes(items: list[Item]) -> str:
    return " + ".join(it.code for it in items)


def _placed(places: list[tuple[str, str]]) -> str:
    if not places:
        return "ไม่ใช้"
    return ", ".join(code + (f" ({YEAR_TH['previous']})" if year == "previous" else "") for code, year in places)


def render(d: CatalogueDiff, a_label: str, b_label: str) -> str:
    a, b = d.a, d.b
    recoded = [p for p in d.pairs if p.recoded]
    renamed = [p for p in d.pairs if p.renamed]
    changed = [p for p in d.pairs if p.changed]
    lines = [
        f"เทียบรายการ OIT ITA {a.year} กับ ITA {b.year} (comparing the ITA {a.year} and ITA {b.year} catalogues)",
        f"  ITA {a.year}: {len(a.items())} ข้อ, {STATUS_TH[a.status]} — {a_label}",
        f"  ITA {b.year}: {len(b.items())} ข้อ, {STATUS_TH[b.status]}"
        + (f", ยกมาจาก ITA {b.derived_from}" if b.derived_from else "") + f" — {b_label}",
        "  จับคู่รายการจากหัวข้อข้อมูล (topic) ที่แสดง ไม่ใช่จากรหัส; ข้อความที่ต่างกันเพียงปีไม่นับว่าเปลี่ยน",
        "  (items are matched by the content topics they show, not by code; texts differing only in their years are equal)",
        "",
        f"สรุป (summary): เพิ่ม {len(d.added)} · ยกเลิก {len(d.removed)} · รวมหรือแยก {len(d.regroups)} · "
        f"เปลี่ยนรหัส {len(recoded)} · เปลี่ยนชื่อ {len(renamed)} · องค์ประกอบหรือช่วงเวลาเปลี่ยน {len(changed)} ข้อ"
        + (f" · ระดับความเชื่อมั่นเปลี่ยน {d.confidence_changes} ข้อ" if d.confidence_changes else ""),
    ]
    if not (d.added or d.removed or d.regroups or recoded or renamed or changed):
        lines += ["", "ไม่มีรายการที่เปลี่ยน (no item changed)"]
        return "\n".join(lines) + "\n"

    def section(title: str, body: list[str]) -> None:
        if body:
            lines.extend(["", title, *body])

    section("เพิ่ม (added):", [f"  + {_item(it)} — หัวข้อ {', '.join(sorted(_topics(it)))}" for it in d.added])
    section("ยกเลิก (removed):", [f"  - {_item(it)} — หัวข้อ {', '.join(sorted(_topics(it)))}" for it in d.removed])
    section("รวมหรือแยกรายการ (merged or split):", [
        f"  {_codes(g.old)} → {_codes(g.new)}: " + "; ".join(
            f"{it.code} {', '.join(t.topic for t in it.topics)}" for it in g.new)
        for g in d.regroups
    ])
    section("เปลี่ยนรหัส (re-coded):", [f"  {p.old.code} → {p.new.code}  {p.new.title}" for p in recoded])
    section("เปลี่ยนชื่อ (renamed):", [
        f"  {p.new.code}: {p.old.title}\n     → {p.new.title}" for p in renamed
    ])
    body = []
    for p in changed:
        body.append(f"  {p.new.code} {p.new.title}" + (f" (เดิม {p.old.code})" if p.recoded else ""))
        if p.timing:
            body.append(f"      ช่วงเวลา (timing): {p.old.timing or '–'} → {p.new.timing or '–'}")
        if p.lao_note:
            body.append(f"      คำแนะนำสำหรับ อปท. (lao_note): {p.old.lao_note or '–'} → {p.new.lao_note or '–'}")
        body.extend(f"      หัวข้อเพิ่ม (topic added): {t}" for t in p.topics_added)
        body.extend(f"      หัวข้อออก (topic removed): {t}" for t in p.topics_removed)
        body.extend(f"      ปีของข้อมูล {t}: {YEAR_TH[o]} → {YEAR_TH[n]}" for t, o, n in p.topic_years)
        for ch in p.elements:
            if ch.old is None and ch.new is not None:
                body.append(f"      + {ch.new.id} [{_where(ch.new)}]: {ch.new.text}")
            elif ch.new is None and ch.old is not None:
                body.append(f"      - {ch.old.id} [{_where(ch.old)}]: {ch.old.text}")
            elif ch.new is not None:
                body.append(f"      ~ {ch.new.id} [{_where(ch.new)}]: {ch.new.text}")
                body.extend(f"          {w}" for w in ch.what)
    section("องค์ประกอบและช่วงเวลาที่เปลี่ยน (changed elements and timing; + เพิ่ม, - ยกเลิก, ~ แก้ไข):", body)
    width = max((len(m.topic) for m in d.topics), default=0)
    section("ตามหัวข้อข้อมูล: ข้อมูลที่หน่วยงานกรอกไว้ แสดงในข้อใด (by topic: where an LAO's content now appears):", [
        f"  {m.topic.ljust(width)}  {_placed(m.old)} → {_placed(m.new)}  ({TOPICS[m.topic].title})" for m in d.topics
    ])
    return "\n".join(lines) + "\n"
