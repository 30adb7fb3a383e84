"""Reading `content/`: every file loaded with positions, validated against its model, gathered
into a Site. Rules across files are applied afterwards (`generator/checks/`).

Layout (see README): `organisation.yml` and one file per persistent topic at the top of
`content/`; one folder per fiscal year (`content/2568/`) holding the year files; optional
`content/catalogues/` with the LAO's own item catalogues; documents anywhere below `content/`
(usually `content/files/`). Unknown files are reported with a "did you mean" hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import chars, cores, thai
from generator.content import messages as msg
from generator.content import models as m
from generator.content.catalogue import (
    catalogue_entry,
    catalogue_files,
    catalogue_read_already,
    load_catalogues,
    remember_catalogue,
)
from generator.content.filetypes import special_file
from generator.content.site import Site, Source, SourceKey
from generator.content.topics import (
    CATALOGUES_DIR,
    CONTENT,
    ITEMS_FILE,
    LEFTOVERS_FILE,
    LEFTOVERS_KEY,
    ORGANISATION_FILE,
    PERSISTENT_FILES,
    YEAR_FILES,
)
from generator.content.wording import check_model, did_you_mean
from generator.content.yamlload import Loaded, load_file, load_text
from generator.problems import Problem, Problems, rel

_YEAR_DIR = re.compile(r"^[0-9๐-๙]{4}$")


def _mapping_or_problem(loaded: Loaded, problems: Problems, what_th: str) -> bool:
    if loaded.data is None:
        problems.report(loaded.file, 1, 1, msg.EMPTY_FILE, what=what_th)
        return False
    if not isinstance(loaded.data, dict):
        problems.report(loaded.file, 1, 1, msg.NOT_A_MAPPING)
        return False
    return True


def _yaml_files(folder: Path, problems: Problems, root: Path, extra: Iterable[Path] = ()) -> dict[str, Path]:
    """stem → path for *.yml / *.yaml in a folder; both spellings of one stem is an error.
    `extra`: files about to be written there (a save being checked), listed as if present."""
    found: dict[str, Path] = {}
    here = sorted(folder.iterdir()) if folder.is_dir() else []
    for path in sorted({*here, *(p for p in extra if p.parent == folder)}):
        if path.suffix.lower() not in (".yml", ".yaml") or (path.is_dir() and path not in extra):
            continue
        if path not in extra and not path.is_file() and special_file(path) is None:
            continue  # a dangling link: as if the file were not there (a pipe is refused when read)
        if path.stem in found:
            problems.report(rel(path, root), 0, 0, msg.TWO_SPELLINGS, first=found[path.stem].name, second=path.name)
            continue
        found[path.stem] = path
    return found


def load_site(root: Path, problems: Problems, content_dir: Path | None = None,
              overrides: Mapping[Path, str] | None = None) -> Site | None:
    """Load and validate everything; None when errors make a site impossible.

    `overrides` (absolute path → YAML text) are read instead of those files on disk, as if
    written: the back office checks a save this way before it writes anything."""
    root = root.resolve()
    content_dir = (content_dir or root / CONTENT).resolve()
    overrides = {Path(p).resolve(): t for p, t in (overrides or {}).items()}
    cache = _cache_for(root, content_dir)
    seen: set[Path] = set()

    def read(path: Path) -> Loaded | None:
        if path.resolve() in overrides:
            return load_text(overrides[path.resolve()], rel(path, root), problems)
        return load_file(path, root, problems)

    def checked(path: Path, model: type[BaseModel]) -> tuple[Loaded | None, BaseModel | None]:
        """A file read and checked against its model: from the cache when unchanged on disk."""
        if path.resolve() in overrides:
            loaded = read(path)
            ok = loaded is not None and _mapping_or_problem(loaded, problems, "")
            return loaded, check_model(model, loaded, problems) if ok and loaded is not None else None
        key = _file_key(path, model)
        hit = cache.get(path)
        if hit is None or hit[0] != key:
            hit = _read_checked(path, model, root, key)
            if key is not None:
                cache[path] = hit
        seen.add(path)
        problems.extend(hit[3])
        return hit[1], hit[2]

    if not content_dir.is_dir():
        problems.report(rel(content_dir, root), 0, 0, msg.NO_CONTENT_FOLDER)
        return None

    if not overrides:
        _read_ahead(root, content_dir, cache)
    sources: dict[SourceKey, Source] = {}
    top = _yaml_files(content_dir, problems, root, overrides)

    org_path = top.pop(ORGANISATION_FILE, None)
    org = None
    if org_path is None:
        problems.report(f"{rel(content_dir, root)}/{ORGANISATION_FILE}.yml", 0, 0, msg.NO_ORGANISATION)
    else:
        loaded = read(org_path)
        if loaded is not None and _mapping_or_problem(loaded, problems, "หน่วยงาน"):
            org = check_model(m.Organisation, loaded, problems)
            sources[(None, ORGANISATION_FILE)] = Source(loaded)

    persistent: dict[str, BaseModel] = {}
    for stem, path in top.items():
        model = PERSISTENT_FILES.get(stem)
        if model is None:
            problems.report(rel(path, root), 0, 0, msg.UNKNOWN_FILE, name=path.name,
                            hint=did_you_mean(stem, [*PERSISTENT_FILES, ORGANISATION_FILE]) or None)
            continue
        loaded, obj = checked(path, model)
        if loaded is not None and obj is not None:
            persistent[stem] = obj
            sources[(None, stem)] = Source(loaded)

    years: dict[int, dict[str, BaseModel]] = {}
    notes: dict[int, dict[str, m.ItemNote]] = {}
    folder_of_year: dict[int, Path] = {}
    folders = {p for p in content_dir.iterdir() if p.is_dir()} | {p.parent for p in overrides if p.parent.parent == content_dir}
    for folder in sorted(folders):
        if folder.name in (CATALOGUES_DIR, "files") or folder.name.startswith("."):
            continue
        if not _YEAR_DIR.match(folder.name):
            _yearlike_warning(folder, root, problems)
            continue  # other folders hold documents
        fy = int(thai.to_arabic(folder.name))
        if fy in folder_of_year:  # "2569" and "๒๕๖๙": which one is the year?
            problems.report(rel(folder, root), 0, 0, msg.SAME_YEAR_FOLDERS, year=fy,
                            first=rel(folder_of_year[fy], root), second=rel(folder, root))
            years.pop(fy, None)
            notes.pop(fy, None)
            continue
        folder_of_year[fy] = folder
        if fy in thai.CE_RANGE:
            problems.report(rel(folder, root), 0, 0, msg.CE_YEAR_FOLDER, name=folder.name, be=fy + thai.BE_OFFSET)
            continue
        if fy not in thai.BE_RANGE:
            continue
        year_models: dict[str, BaseModel] = {}
        for stem, path in _yaml_files(folder, problems, root, overrides).items():
            if stem == LEFTOVERS_FILE:
                leftover_warnings(path, root, problems)
                continue
            if stem not in YEAR_FILES and stem != ITEMS_FILE:
                problems.report(rel(path, root), 0, 0, msg.UNKNOWN_FILE, name=path.name,
                                hint=did_you_mean(stem, [*YEAR_FILES, ITEMS_FILE], show_all=20))
                continue
            if stem == ITEMS_FILE:
                loaded = read(path)
                if loaded is None or not _mapping_or_problem(loaded, problems, ""):
                    continue
                parsed = _load_notes(loaded, problems)
                if parsed is not None:
                    notes[fy] = parsed
                    sources[(fy, stem)] = Source(loaded)
                continue
            loaded, year_model = checked(path, YEAR_FILES[stem])
            if loaded is not None and year_model is not None:
                year_models[stem] = year_model
                sources[(fy, stem)] = Source(loaded)
        if year_models or fy in notes:
            years[fy] = year_models

    catalogues = load_catalogues(root, content_dir, problems)
    for gone in [p for p in list(cache) if p not in seen]:
        cache.pop(gone, None)

    if org is None:
        return None
    return Site(root, content_dir, org, persistent, years, notes, catalogues, sources)


# Files read and checked, with the problems found, kept for the next load of the same content
# folder while their size, modification time and inode stay the same (`oit serve` reloads after
# every edit; only the edited file is read again). One content folder at a time: a province
# build loading LAO after LAO keeps none of the others. Models are never changed after loading,
# so sharing them between loads is safe (tests/test_incremental.py compares with a fresh load).
_CacheEntry = tuple[tuple | None, Loaded | None, BaseModel | None, list[Problem]]
_CACHE: dict[tuple[Path, Path], dict[Path, _CacheEntry]] = {}


def _cache_for(root: Path, content_dir: Path) -> dict[Path, _CacheEntry]:
    key = (root, content_dir)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = {}
    return _CACHE[key]


def _file_key(path: Path, model: type[BaseModel]) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None  # unreadable: read (and reported) every time
    return (model, st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)


def _read_checked(path: Path, model: type[BaseModel], root: Path, key: tuple | None) -> _CacheEntry:
    found = Problems()
    loaded = load_file(path, root, found)
    obj = None
    if loaded is not None and _mapping_or_problem(loaded, found, ""):
        obj = check_model(model, loaded, found)
    return (key, loaded, obj, found.in_order())


# Reading ahead on a second core (`_read_ahead`): below this many bytes still to read, a helper
# costs more than it saves (a fork, and what it read pickled there and unpickled here).
READ_AHEAD_FROM_BYTES = 1_000_000
# The helper's share of the reading, by bytes. Pickling what it read costs it about a fifth of
# the reading, and unpickling costs this process an eighth: the helper takes a little less than half.
HELPER_SHARE = 0.45


def _read_ahead(root: Path, content_dir: Path, cache: dict[Path, _CacheEntry]) -> None:
    """A load with much to read (a first load, a cold build) reads its files on two cores where
    there are (`cores.can_help`): a helper reads and checks a share of the content files and of the
    catalogues while this process reads the rest, into the caches the load then takes them from
    as if read before. Only a head start: a file the guess below misses, or that changes
    meanwhile, is read by the load itself, and the problems found are reported by the load in its
    own order."""
    if not cores.can_help():
        return
    tasks: list[_Task] = []
    for path, model in _files_to_check(content_dir, root):
        key = _file_key(path, model)
        hit = cache.get(path)
        if key is not None and (hit is None or hit[0] != key):
            tasks.append((key[1], path, model, key))
    for path in catalogue_files(content_dir):
        if not catalogue_read_already(path, root):
            try:
                tasks.append((path.stat().st_size, path, None, None))
            except OSError:
                continue
    if sum(t[0] for t in tasks) < READ_AHEAD_FROM_BYTES:
        return
    mine: list[_Task] = []
    theirs: list[_Task] = []
    mine_bytes = theirs_bytes = 0.0
    for task in sorted(tasks, key=lambda t: -t[0]):  # the biggest first, each to the less loaded side
        if theirs_bytes / HELPER_SHARE <= mine_bytes / (1 - HELPER_SHARE):
            theirs.append(task)
            theirs_bytes += task[0]
        else:
            mine.append(task)
            mine_bytes += task[0]
    done = cores.beside(_read_tasks, root, theirs)
    for files, catalogues in (_read_tasks(root, mine), done()):
        cache.update(files)
        for key, read in catalogues:
            remember_catalogue(key, read)


# A file to read ahead: (bytes, path, its model, its cache key); a catalogue has neither
_Task = tuple[int, Path, "type[BaseModel] | None", "tuple | None"]


def _read_tasks(root: Path, tasks: list[_Task]) -> tuple[list[tuple[Path, _CacheEntry]], list[tuple[tuple | None, Any]]]:
    """Content files read and checked (path, cache entry), and catalogues (key, what was read)."""
    files: list[tuple[Path, _CacheEntry]] = []
    catalogues: list[tuple[tuple | None, Any]] = []
    for _size, path, model, key in tasks:
        if model is None:
            catalogues.append(catalogue_entry(path, root))
        else:
            files.append((path, _read_checked(path, model, root, key)))
    return files, catalogues


def _files_to_check(content_dir: Path, root: Path) -> list[tuple[Path, type[BaseModel]]]:
    """The files `load_site` reads and checks against a model (a guess made without reporting
    anything: the load itself finds and reports what is wrong with the folder)."""
    ignored = Problems()
    out: list[tuple[Path, type[BaseModel]]] = [
        (path, PERSISTENT_FILES[stem]) for stem, path in _yaml_files(content_dir, ignored, root).items()
        if stem in PERSISTENT_FILES]
    for folder in year_folders(content_dir).values():
        out.extend((path, YEAR_FILES[stem]) for stem, path in _yaml_files(folder, ignored, root).items()
                   if stem in YEAR_FILES)
    return out


def year_folders(content_dir: Path) -> dict[int, Path]:
    """The fiscal-year folders of content/ (`2569/`, `๒๕๖๙/`), by BE year."""
    out: dict[int, Path] = {}
    if not content_dir.is_dir():
        return out
    for folder in sorted(p for p in content_dir.iterdir() if p.is_dir() and _YEAR_DIR.match(p.name)):
        fy = int(thai.to_arabic(folder.name))
        if fy in thai.BE_RANGE:
            out[fy] = folder
    return out


@dataclass(frozen=True)
class Leftover:
    """One entry of an import's leftovers file: text the importer could not place."""

    file: str
    line: int
    column: int
    where: str
    text: str


def leftover_entries(path: Path, root: Path, problems: Problems) -> list[Leftover]:
    """The entries of an import's leftovers file, each at its line (a file that is not a list of
    entries is reported)."""
    loaded = load_file(path, root, problems)
    if loaded is None:
        return []
    items = loaded.data.get(LEFTOVERS_KEY) if isinstance(loaded.data, dict) else None
    if not isinstance(items, list):
        if loaded.data not in (None, {}, []):
            problems.report(loaded.file, 1, 1, msg.LEFTOVERS_UNREADABLE, name=path.name)
        return []
    out = []
    for i, item in enumerate(items):
        line, column = loaded.pos((LEFTOVERS_KEY, i))
        where = item.get("where", "") if isinstance(item, dict) else ""
        text = str(item.get("text", "")) if isinstance(item, dict) else str(item)
        out.append(Leftover(loaded.file, line, column, str(where), text))
    return out


def leftover_warnings(path: Path, root: Path, problems: Problems) -> None:
    """One warning per entry of an import's leftovers file, at the entry's line."""
    for entry in leftover_entries(path, root, problems):
        short = " ".join(entry.text.split())
        short = short if len(short) <= 60 else short[:60] + "…"
        problems.report(entry.file, entry.line, entry.column, msg.LEFTOVER, where=entry.where, text=short,
                        name=path.name)


def note_code(key: object) -> str:
    """An items.yml key as the O-code it names: ' o12 ' and 'O12' are both O12."""
    return chars.clean_ends(thai.to_arabic(str(key))).upper()


def _load_notes(loaded: Loaded, problems: Problems) -> dict[str, m.ItemNote] | None:
    out: dict[str, m.ItemNote] = {}
    first: dict[str, object] = {}
    ok = True
    for code, _value in loaded.data.items():
        key = note_code(code)
        if key in first:  # "O1" and "o1": two notes for one item, one would silently win
            line, col = loaded.pos((code,), key=True)
            problems.report(loaded.file, line, col, msg.SAME_ITEM_TWICE, code=key, first=str(first[key]),
                            second=str(code), line=loaded.pos((first[key],), key=True)[0])
            ok = False
            continue
        first[key] = code
        note = check_model(m.ItemNote, loaded, problems, prefix=(code,))
        if note is None:
            ok = False
            continue
        out[key] = note
    return out if ok else None


_YEARLIKE = re.compile(r"[0-9๐-๙]{4}")


def _yearlike_warning(folder: Path, root: Path, problems: Problems) -> None:
    """A folder named like a fiscal year with something else in it ("2569 ", "2569<U+200B>",
    "ปี 2569"): its files would silently not be read as that year's content."""
    found = _YEARLIKE.fullmatch(chars.clean_ends(folder.name)) or (
        _YEARLIKE.search(folder.name) if any(p.suffix.lower() in (".yml", ".yaml") for p in _children(folder)) else None)
    if found is None:
        return
    year = int(thai.to_arabic(found.group(0)))
    if year in thai.BE_RANGE:
        problems.report(rel(folder, root), 0, 0, msg.YEARLIKE_FOLDER, name=folder.name, year=year)


def _children(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []
