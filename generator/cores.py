"""Work on a second core: where a helper process may be forked (`can_help`); `beside`, which runs
a function in one while this process goes on; and `apart`, which runs a function in one and waits,
so that the memory it used is given back.

`beside(fn, *args)` runs fn in a forked process and hands back a function that waits for its
result. The process is a copy of this one at that moment, so fn sees the data as it was then,
as it would have if run first; its result comes back pickled. Whenever the helper fails, fn runs
again in this process, so that a failure surfaces as it would without a helper.

Only where a process can be forked cheaply and safely: Linux, more than one core, and no other
thread running (`oit serve` has its server's), in a process that is no worker itself (a
province's workers use the cores already) unless it is `apart`'s. Anywhere else fn runs at once,
in this process.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
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
            and threading.active_count() == 1 and (multiprocessing.parent_process() is None or _apart))


# In a process of `apart`'s: it does the work of the process it was forked from, helpers included.
_apart = False


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
        process = context.Process(target=_run, args=(receiving, sending, fn, args), name="oit-helper", daemon=True)
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


def apart(fn: Callable[..., T], *args: Any) -> T:
    """fn(*args) in a process of its own where one can be had (`can_help`), waiting for it: what
    fn makes and leaves behind is gone with that process, where this one would keep the memory
    for reuse (Python gives back little of what it frees). fn's result comes back pickled, and so
    does its exception; where either cannot, fn runs again here, as it would without a helper.
    The process may have helpers of its own (`beside`)."""
    if not can_help():
        return fn(*args)
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    try:  # not a daemon: a daemon may have no helpers
        process = context.Process(target=_run_apart, args=(receiving, sending, fn, args), name="oit-apart")
        process.start()
    except OSError:  # no process to be had (limits)
        return fn(*args)
    sending.close()
    try:
        answer = receiving.recv()
    except (OSError, EOFError):
        answer = None
    except BaseException:  # Ctrl+C: the process is stopped with this one, not waited for
        process.terminate()
        process.join()
        raise
    finally:
        receiving.close()
    if not isinstance(answer, tuple):
        process.join()
        return fn(*args)
    # Answered: the process ends on its own while this one goes on (letting go of what it
    # held takes a while); multiprocessing waits for it at the latest when this one ends.
    result, raised = answer
    if raised is not None:
        raise raised
    return result


def quiet_on_interrupt() -> None:
    """In a helper: Ctrl+C is the build's to handle (it stops the helper by closing its pipes);
    the helper itself must not print a traceback to the clerk."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(ours: Connection, sending: Connection, fn: Callable[..., Any], args: tuple) -> None:
    global _apart
    _apart = False  # a helper has none of its own
    _helping(ours)
    try:
        sending.send((fn(*args),))
    except Exception:  # the caller runs fn itself, where the failure shows as usual
        _send_quietly(sending, None)


def _run_apart(ours: Connection, sending: Connection, fn: Callable[..., Any], args: tuple) -> None:
    global _apart
    _apart = True
    _helping(ours)
    # Stopped by the caller (Ctrl+C there): its own helpers are stopped with it, as multiprocessing
    # does when a process ends by itself, not left writing to a pipe no one reads.
    signal.signal(signal.SIGTERM, _stop)
    try:
        answer: tuple | None = (fn(*args), None)
    except Exception as exc:  # given to the caller as raised here, where it can be read back
        answer = (None, exc) if _round_trips(exc) else None
    # The process ends once it has answered: no collection of what it made (a full one costs a
    # ten-year site's build 0.2 s here, and frees nothing the end of the process would not).
    gc.disable()
    try:
        sending.send(answer)
    except Exception:  # a result that cannot be pickled: the caller runs fn itself
        _send_quietly(sending, None)


def _helping(ours: Connection) -> None:
    """In a helper: Ctrl+C is the caller's to handle, and the helper must not print a traceback
    to the clerk. The caller's end of the pipe is closed here, so that writing to it fails once
    the caller is gone, instead of waiting forever."""
    quiet_on_interrupt()
    ours.close()


def _send_quietly(sending: Connection, answer: object) -> None:
    with contextlib.suppress(OSError):  # the caller is gone: nothing to tell
        sending.send(answer)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(1)


def _round_trips(exc: Exception) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return False
    return True
