"""The search index's and the audit's reading of the pages on a second core while MkDocs writes
them (`PagesAlongside`; other work beside the build uses `generator.cores.beside`).

MkDocs builds a site on one core. The search index and the audit read every page it wrote (a
ten-year site: 400 pages of 100 KB), and most of that reading needs nothing but the page: for
the index its text and the Thai words in it (`IndexBuilder.add`), for the audit its text,
anchors, addresses and menu (`Built.prepare`). So while MkDocs writes page after page, a second
process is handed each page as it is written and reads it. Once the site is complete, that
process writes the index (what needs every page: the site's unknown words, postings, shards),
then runs the audit itself, which only adds what needs the whole site (links between pages, the
menu walk, the ITAS sheet's anchors). Pages MkDocs did not hand over (404.html, the back
office's own) are read from the site, and so is a page whose file is no longer the size of what
was handed over: the index and the audit are those of the site as written, whatever order the
pages came in.

Only where a process can be forked cheaply and safely (`generator.cores.can_help`). Anywhere
else the work is done in this process, in the order it would have been without a helper; and
whenever a helper fails, its work is done again here, so that a failure surfaces as it would
without one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from generator import cores
from generator.publish.audit import Audit, Built, audit, base_path, leftover_needles
from generator.publish.project import Project
from generator.publish.search import IndexBuilder, IndexStats

if sys.platform != "win32":  # helpers run on Linux only (can_help); Windows has no fcntl
    import fcntl


class PagesAlongside:
    """A second process handed each page as MkDocs writes it (`page`), which works out what the
    search index and the audit need of that page alone. Once the site is complete it writes the
    index (`index`), then audits the site (`audit`). Start it with `start`, which gives None where
    no helper can run. What the helper fails to do, the build does itself (`index` answers False,
    `audit` None)."""

    def __init__(self, project: Project) -> None:
        context = multiprocessing.get_context("fork")
        helper_in, self._to_helper = os.pipe()
        self._from_helper, helper_out = context.Pipe(duplex=False)  # (receiving end, sending end)
        _widen(self._to_helper)
        self._process = context.Process(target=_helper, name="oit-pages", daemon=True,
                                        args=(helper_in, self._to_helper, helper_out, project))
        try:
            self._process.start()
        finally:
            os.close(helper_in)  # the helper's ends: its own copies stay open in it
            helper_out.close()
        # The helper takes longer over some pages than MkDocs (the first pages' Thai words are
        # all new to it), and MkDocs must not wait for it (it did, 1.3 s of a ten-year site): what
        # the pipe cannot take yet waits here, and is written as room comes. No thread: one would
        # wait for MkDocs' hold on the interpreter at each write.
        os.set_blocking(self._to_helper, False)
        self._pending = bytearray()
        self._failed = False

    @classmethod
    def start(cls, project: Project) -> PagesAlongside | None:
        """A helper for the next build of `project`, started before the build loads anything:
        the helper is a copy of this process, which then holds little."""
        if not cores.can_help():
            return None
        try:
            return cls(project)
        except OSError:  # no process to be had (limits): the work is done here
            return None

    def building(self, site_dir: Path, claims: dict[str, Any] | None, ignore: tuple[str, ...]) -> bool:
        """MkDocs is about to write the site into `site_dir`, which the build claims `claims` of
        (None: the helper is of no use, and stops). Whether the helper is still there to help."""
        if claims is None:
            self.close()
        else:
            self._queue(_START + pickle.dumps((site_dir, claims, ignore)))
        return not self._failed

    def content(self, path: str, html: str) -> None:
        """What the page MkDocs will write to `path` shows in its article, as soon as its
        Markdown is HTML: the helper cuts its Thai into words ahead (`IndexBuilder.warm`)."""
        self._send(_CONTENT, path, html)

    def page(self, path: str, html: str) -> None:
        """A page as MkDocs writes it to `path` (relative to the site folder)."""
        self._send(_PAGE, path, html)

    def _send(self, kind: bytes, path: str, html: str) -> None:
        # bytes, not a pickle: the helper needs the size in bytes
        self._queue(kind + path.encode("utf-8") + b"\0" + html.encode("utf-8"))

    def _queue(self, data: bytes) -> None:
        if not self._failed:
            self._pending += len(data).to_bytes(_LENGTH, "big") + data
            self._pump()

    def _pump(self) -> None:
        """Write what the pipe takes now (all of it once the pipe blocks)."""
        try:
            while self._pending:
                written = os.write(self._to_helper, self._pending[:_CHUNK])
                del self._pending[:written]
        except BlockingIOError:  # full: the rest goes with the next page
            pass
        except OSError:  # the helper is gone
            self._failed = True

    def index(self, meanwhile: Callable[[], object] | None = None) -> bool:
        """The site is complete: whether the helper wrote its search index into it. `meanwhile`
        is called once the helper has every page, while it writes the index."""
        if not self._failed:
            self._pending += (0).to_bytes(_LENGTH, "big")  # complete
            os.set_blocking(self._to_helper, True)
            self._pump()
        if not self._failed:
            try:
                if meanwhile is not None:
                    meanwhile()
                if isinstance(self._from_helper.recv(), IndexStats):
                    return True
            except (OSError, EOFError):
                pass
        self.close()
        return False

    def audit(self, meanwhile: Callable[[], object] | None = None) -> Audit | None:
        """The audit of the site, after `index` (None where the helper failed). `meanwhile` is
        called while the helper audits."""
        start = time.perf_counter()
        result: Audit | None = None
        if not self._failed:
            try:
                if meanwhile is not None:
                    meanwhile()
                answer = self._from_helper.recv()
                result = answer if isinstance(answer, Audit) else None
            except (OSError, EOFError):
                result = None
        self.close()
        if result is not None:
            result.seconds = time.perf_counter() - start  # what the build waited for it
        return result

    def close(self) -> None:
        """Stop the helper (after `audit`, or when the build fails before it); again, nothing."""
        self._failed = True
        if self._to_helper < 0:
            return
        os.close(self._to_helper)  # the helper reads the end of its input, and stops
        self._to_helper = -1
        self._from_helper.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


_LENGTH = 4  # bytes of a message's length, before it (length 0: the site is complete)
# A message's first byte: the start (the site's folder, the claims and codes to ignore, pickled),
# a page's content ahead, or the page.
_START, _CONTENT, _PAGE = b"s", b"c", b"p"
_CHUNK = 1 << 20  # bytes written or read at once


def _helper(incoming: int, ours: int, outgoing: Connection, project: Project) -> None:
    """In the helper: read each message, its length first: "s" and the build's (site folder,
    claims, codes to ignore), pickled; then "c" for a page's content or "p" for the page, with
    its path, a NUL and its HTML, in UTF-8. At length 0 the site is complete: write the search
    index and answer with its figures, then audit the site and answer with the audit."""
    cores.quiet_on_interrupt()
    os.close(ours)  # the build's end: reading ends when the build closes its own
    index: IndexBuilder | None = None
    read: dict[str, tuple[int, Built]] = {}
    try:
        with os.fdopen(incoming, "rb", buffering=_CHUNK) as stream:
            while True:
                head = stream.read(_LENGTH)
                length = int.from_bytes(head, "big")
                if len(head) < _LENGTH:
                    return  # the build stopped before the site was complete: nothing to answer
                if not length:
                    break
                message = stream.read(length)
                if len(message) < length:
                    return
                if message[:1] == _START:  # the build's cache of cut pages is in place by now
                    site_dir, claims, ignore = pickle.loads(message[1:])
                    base, needles = base_path(claims), leftover_needles(claims)
                    index = IndexBuilder(project.build_dir, directory_urls=project.directory_urls)
                    continue
                path, _, raw = message[1:].partition(b"\0")
                page, html = path.decode("utf-8"), raw.decode("utf-8", errors="replace")
                if index is None:
                    raise ValueError("a page before the start")
                if message[:1] == _CONTENT:
                    index.warm(html)
                    continue
                index.add(page, html, len(raw))
                read[page] = (len(raw), Built(page, html).prepare(base, needles))
        if index is None:
            raise ValueError("no start")
        outgoing.send(index.write(site_dir))
        del index
        outgoing.send(audit(project, site_dir, claims, ignore=ignore, read=read))
    except Exception as exc:  # any failure here only means that the build does the rest itself
        with contextlib.suppress(OSError):
            outgoing.send(f"{type(exc).__name__}: {exc}")


def _widen(fd: int) -> None:
    """A pipe that holds a dozen pages (1 MB where the system allows it, 64 KB by default)."""
    with contextlib.suppress(OSError, AttributeError):  # a lower limit (/proc/sys/fs/pipe-max-size)
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
