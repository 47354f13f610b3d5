"""The signals that end a run as Ctrl-C does: SIGINT (Ctrl-C), SIGTERM (a service manager,
`timeout`, `kill`) and SIGHUP (the terminal was closed; Windows has none).

Each is raised as `Stopped` (a KeyboardInterrupt) where the program is, so the form being filled
stops, its record is kept (`aborted` before Send, `submitted` after), the summary is printed and
the run exits 130, or 143 / 129 for SIGTERM / SIGHUP. A terminal sends its signal to the whole
process group, a service manager often too: Playwright's driver and the browser die with the
run, and the errors that follow mean "stopped", not "the window was closed" (`Stops()` says which
signal came). While the form is being sent, a signal waits until the click is over and the record
says `submitted` (begin/end_deferral): a stop never leaves a form that reached Meta recorded as not
sent.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from meta_optout_assist.errors import Stopped


def _catchable() -> list[int]:
    """SIGINT, SIGTERM and SIGHUP, as far as this OS has them."""
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    return [getattr(signal, n) for n in names if hasattr(signal, n)]


class Stops:
    """Which stop signal came (0: none yet), and the deferral while the form is being sent."""

    def __init__(self) -> None:
        self.signum = 0
        self._deferring = False
        self._pending = False

    def __call__(self) -> int:
        return self.signum

    def handle(self, signum: int, _frame: object) -> None:
        if not self.signum:
            self.signum = signum
            _quiet_the_driver()
        if self._deferring:
            self._pending = True
            return
        raise Stopped(self.signum)

    def begin_deferral(self) -> None:
        """Hold a stop signal back from now on (the Send click), until end_deferral."""
        self._deferring = True

    def end_deferral(self, *, raise_pending: bool = True) -> None:
        """Let stop signals through again; raise the one held back (unless another error is on
        its way already: then `signum` says it came)."""
        self._deferring = False
        if raise_pending:
            self.raise_pending()
        else:
            self._pending = False

    def raise_pending(self) -> None:
        if self._pending:
            self._pending = False
            raise Stopped(self.signum)


def _quiet_the_driver() -> None:
    """A stop cuts Playwright's commands short: its answers to them then arrive for nobody, and
    Playwright logs each with a traceback ("Cannot find command to respond"), as asyncio logs the
    reader of a driver that died. After a stop, those are expected: not for the person's screen."""
    import logging

    for name in ("playwright", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


@contextmanager
def stop_signals() -> Iterator[Stops]:
    """Catch the stop signals for the block (the main thread only: elsewhere Python cannot)."""
    stops = Stops()
    if threading.current_thread() is not threading.main_thread():
        yield stops
        return
    previous = {}
    for signum in _catchable():
        previous[signum] = signal.signal(signum, stops.handle)
    hook, sys.unraisablehook = sys.unraisablehook, _raised_again(sys.unraisablehook)
    try:
        yield stops
    finally:
        sys.unraisablehook = hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _raised_again(hook):
    """A stop raised where Python cannot pass an exception on (a weak reference's callback, a
    finaliser) is not lost, nor printed as a traceback: it is raised again in the main thread, at
    its next step."""
    import _thread

    def unraisable(info) -> None:
        if not isinstance(info.exc_value, Stopped):
            return hook(info)
        # From another thread, the signal is only noted: it is handled in the main thread once
        # this hook has returned (raised here, it would be lost again).
        _thread.start_new_thread(_thread.interrupt_main, (info.exc_value.signum,))

    return unraisable
