"""The memory of a process and everything it started (Playwright's driver, the browsers), for `make
bench`: Linux's /proc only (elsewhere `available()` is False and the bench says so).

A sample is the resident set (VmRSS) of this process and of each descendant, found through
/proc/<pid>/task/<tid>/children. A browser's processes share pages (libraries, the zygote's
memory), and each is counted in full: the sum overstates what the machine lost, the same way at
every form, which is what a flatness check needs. `Sampler` takes a sample every `interval` s in a
thread (a benchmark may poll; a test may not) and keeps the peak of each window (`begin`/`end`).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")


def available() -> bool:
    return (PROC / "self" / "status").is_file() and any((PROC / "self" / "task").glob("*/children"))


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:  # the process ended between listing and reading
        return ""


def rss_kb(pid: int) -> int:
    """A process's resident set (VmRSS) in kB; 0 when it is gone."""
    for line in _read(PROC / str(pid) / "status").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        tasks = list((PROC / str(pid) / "task").iterdir())
    except OSError:
        return kids
    for task in tasks:
        kids.extend(int(k) for k in _read(task / "children").split())
    return kids


def descendants(root: int, exclude: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(pid, parent pid) of every process under `root`, leaving out `exclude` and all under them."""
    found: list[tuple[int, int]] = []
    todo = [root]
    while todo:
        parent = todo.pop()
        for kid in children(parent):
            if kid not in exclude:
                found.append((kid, parent))
                todo.append(kid)
    return found


def comm(pid: int) -> str:
    return _read(PROC / str(pid) / "comm").strip()


@dataclass
class Sample:
    """One moment: MB of this (Python) process, of Playwright's driver, of every browser process; how
    many browsers (a browser's main process: a child of the driver) were running."""

    python_mb: float = 0.0
    driver_mb: float = 0.0
    browser_mb: float = 0.0
    browsers: int = 0
    browser_processes: int = 0

    @property
    def total_mb(self) -> float:
        return self.python_mb + self.driver_mb + self.browser_mb


def sample(root: int | None = None, exclude: frozenset[int] = frozenset()) -> Sample:
    """This process (or `root`) and its descendants, now. The driver is a `node` child of the root;
    everything else under the root is the browsers' (their main processes are the driver's children)."""
    root = os.getpid() if root is None else root
    s = Sample(python_mb=rss_kb(root) / 1024)
    drivers: set[int] = set()
    for pid, parent in descendants(root, exclude):
        mb = rss_kb(pid) / 1024
        if parent == root and comm(pid).startswith("node"):
            drivers.add(pid)
            s.driver_mb += mb
            continue
        s.browser_mb += mb
        s.browser_processes += 1
        if parent in drivers:
            s.browsers += 1
    return s


@dataclass
class Window:
    """The peaks of one window (a form): the largest total and what made it up, and each part's own peak."""

    peak: Sample = field(default_factory=Sample)
    python_peak_mb: float = 0.0
    browser_peak_mb: float = 0.0
    browsers_peak: int = 0
    samples: int = 0

    def add(self, s: Sample) -> None:
        self.samples += 1
        if s.total_mb > self.peak.total_mb:
            self.peak = s
        self.python_peak_mb = max(self.python_peak_mb, s.python_mb)
        self.browser_peak_mb = max(self.browser_peak_mb, s.browser_mb + s.driver_mb)
        self.browsers_peak = max(self.browsers_peak, s.browsers)


class Sampler:
    """Samples this process's tree every `interval` s in a daemon thread, into the current window."""

    def __init__(self, interval: float = 0.05, exclude: frozenset[int] = frozenset()) -> None:
        self.interval = interval
        self.exclude = exclude
        self._window: Window | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _take(self) -> Sample:
        s = sample(exclude=self.exclude)
        with self._lock:
            if self._window is not None:
                self._window.add(s)
        return s

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self._take()

    def begin(self) -> Sample:
        """Start a window; returns the sample it starts with (what the previous window left behind)."""
        with self._lock:
            self._window = Window()
        return self._take()

    def end(self) -> tuple[Window, Sample]:
        """Close the window: its peaks, and a sample at its end."""
        last = self._take()
        with self._lock:
            window, self._window = self._window or Window(), None
        return window, last
