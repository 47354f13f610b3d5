"""Shared fixtures: one replica server per test process, a browser found the way `assist` finds
one, a private data dir per test, and a helper that runs the real `assist` command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Playwright's driver keeps its compiled code here (as `assist` does in the user's cache folder),
# shared by the test processes and the `assist` runs they start, not written into the home folder.
os.environ.setdefault("NODE_COMPILE_CACHE", str(Path(tempfile.gettempdir()) / "meta-optout-assist-tests-node-cache"))
# The terminal speaks the system's language: the tests read English unless one asks for another
# (`--lang`, or ASSIST_LANG/LANG in a subprocess's env), whatever the machine's locale.
os.environ["ASSIST_LANG"] = "en"


@pytest.fixture(scope="session")
def _mock_server():
    from tests.mock_site import MockSite

    site = MockSite().start()
    yield site
    site.stop()


@pytest.fixture
def site(_mock_server):
    """The replica, reset to its defaults for this test (variants via site.configure(...))."""
    _mock_server.reset()
    yield _mock_server
    _mock_server.reset()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, playwright):
    """pytest-playwright launches the same browser `assist` would pick on this machine."""
    from meta_optout_assist.browser import launch as browser

    headless = browser_type_launch_args.get("headless", True)  # pytest-playwright's --headed decides
    return {**browser_type_launch_args,
            **browser.launch_options(browser.choose(playwright, None, headless=headless), headless=headless)}


@pytest.fixture(scope="session")
def person_browser(playwright) -> str:
    """The browser a person's `assist fill` opens (a window, so never the headless shell the other
    tests run in): for the tests about what that browser itself keeps on disk or sends."""
    from meta_optout_assist.browser import launch as browser

    choice = browser.choose(playwright, None, headless=False)
    return choice.executable or playwright.chromium.executable_path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


@pytest.fixture
def assist(data_dir: Path):
    """Run the real `assist` command in a subprocess (no terminal: stdin is closed)."""

    def run(*args: str, env: dict[str, str] | None = None, timeout: float = 120,
            on_err_line: Callable[[str], None] | None = None) -> Run:
        """`on_err_line`: called with each line the command writes to stderr, as it writes it
        (to act on what the command says, e.g. cue the replica's person)."""
        full_env = {
            **os.environ,
            "ASSIST_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(ROOT / "src"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "COLUMNS": "200",
            **(env or {}),
        }
        command = [sys.executable, "-m", "meta_optout_assist", *args]
        if on_err_line is None:
            proc = subprocess.run(command, capture_output=True, text=True, env=full_env,
                                  stdin=subprocess.DEVNULL, timeout=timeout, cwd=ROOT)
            return Run(proc.returncode, proc.stdout, proc.stderr)
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=full_env,
                              stdin=subprocess.DEVNULL, cwd=ROOT) as proc:
            out: list[str] = []
            reader = threading.Thread(target=lambda: out.append(proc.stdout.read()), daemon=True)
            reader.start()
            err = []
            for line in proc.stderr:  # ends when the command exits
                err.append(line)
                on_err_line(line)
            code = proc.wait(timeout=timeout)
            reader.join()
        return Run(code, "".join(out), "".join(err))

    return run


# -- the network guard: in tests the browser reaches 127.0.0.1 and nothing else -------------------

LOCAL_HOSTS = frozenset({"127.0.0.1"})
_NEVER_LEAVE = ("data", "blob", "about")  # schemes that make no network request
# What the guard's routes see: every address but 127.0.0.1's (matched inside Playwright's driver, so
# the replica's own requests never wait for Python); the handlers check each one again.
_NOT_LOCAL = re.compile(r"^(?!(?:data|blob|about):)(?![a-z][a-z0-9+.-]*://127\.0\.0\.1(?::\d+)?(?:[/?#]|$))", re.I)


def _leaves_the_machine(url: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.scheme not in _NEVER_LEAVE and parts.hostname not in LOCAL_HOSTS


@pytest.fixture(autouse=True)
def _only_localhost(request):
    """Every pytest-playwright browser context (the `context` and `page` fixtures) gets a route
    guard: a request (or WebSocket) to anything but 127.0.0.1 is stopped and fails the test (at
    teardown, with the addresses); so does a redirect that took the browser elsewhere. Routes a test
    adds later run first: one that lets a request through itself (`route.continue_()`) takes it past
    the guard. Tests without a browser are untouched: the context is looked up only when used."""
    if "context" not in request.fixturenames:
        yield
        return
    context = request.getfixturevalue("context")
    escaped: list[str] = []

    def guard(route):
        if _leaves_the_machine(route.request.url):
            escaped.append(route.request.url)
            route.abort("blockedbyclient")
        else:  # never for _NOT_LOCAL's addresses; kept so a looser pattern cannot let one out
            route.fallback()

    def guard_socket(ws):
        if _leaves_the_machine(ws.url):
            escaped.append(ws.url)  # left unconnected (ws.close() hangs here before Playwright 1.65)
        else:
            ws.connect_to_server()

    def redirect_hop(request_):
        # Routes never see a redirect's next hop (Playwright follows it below them): one that
        # completed on another host really went out.
        if request_.redirected_from is not None and _leaves_the_machine(request_.url):
            escaped.append(request_.url)

    context.route(_NOT_LOCAL, guard)
    context.route_web_socket(_NOT_LOCAL, guard_socket)
    context.on("requestfinished", redirect_hop)
    yield escaped
    if escaped:
        pytest.fail("the browser tried to reach beyond 127.0.0.1: " + ", ".join(escaped), pytrace=False)
