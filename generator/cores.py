"""Work on a second core: where a helper process may be forked (`can_help`), and `beside`, which
runs a function in one while this process goes on.

`beside(fn, *args)` runs fn in a forked process and hands back a function that waits for its
result. The process is a copy of this one at that moment, so fn sees the data as it was then,
as it would have if run first; its result comes back pickled. Whenever the helper fails, fn runs
again in this process, so that a failure surfaces as it would without a helper.

Only where a process can be forked cheaply and safely: Linux, more than one core, and no other
thread running (`oit serve` has its server's), in a process that is no worker itself (a
province's workers use the cores already). Anywhere else fn runs at once, in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")


def can_help() -> bool:
    """Whether a helper process may be forked here, and would have a core to itself."""
    return (sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1 and multiprocessing.parent_process() is None)


def beside(fn: Callable[..., T], *args: Any) -> Callable[[], T]:
    """fn(*args) started in a helper process where one can help (`can_help`), else run now; the
    function returned gives its result (the same each time it is called), waiting for the helper
    the first time if need be."""
    if not can_help():
        result = fn(*args)
        return lambda: result
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    try:
        process = context.Process(target=_run, args=(sending, fn, args), name="oit-helper", daemon=True)
        process.start()
    except OSError:  # no process to be had (limits)
        result = fn(*args)
        return lambda: result
    sending.close()
    answered: list[T] = []

    def wait() -> T:
        if not answered:
            try:
                answer = receiving.recv()
            except (OSError, EOFError):
                answer = None
            finally:
                receiving.close()
                process.join()
            answered.append(answer[0] if isinstance(answer, tuple) else fn(*args))
        return answered[0]

    return wait


def quiet_on_interrupt() -> None:
    """In a helper: Ctrl+C is the build's to handle (it stops the helper by closing its pipes);
    the helper itself must not print a traceback to the clerk."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(sending: Connection, fn: Callable[..., Any], args: tuple) -> None:
    quiet_on_interrupt()
    try:
        sending.send((fn(*args),))
    except Exception:  # the caller runs fn itself, where the failure shows as usual
        sending.send(None)
