"""`make bench`: how fast `assist` is, printed and written to BENCHMARKS.md as its "Latest run" section
(in place of the previous run's; --no-append prints only). A benchmark, not a test. Over 350 lines:
one script that a person runs and reads from top to bottom; its parts share the replica, the
tracer and the report, and the process-tree memory sampler is in bench_memory.py.

Bounded (420 s on 2 cores, the test suite gets what is left; --skip-suite saves ~1.5 min), no network:
  a. start-up: `assist --help` (the installed script, else `python -m meta_optout_assist`), median of
     10 runs, beside `python -c pass`; `assist fill --help`; whether --help imported Playwright.
  b. one objection on the replica (tests/mock_site), the simulated person's delay at zero, measured
     in this process: the tool's own `filling.fill_one` (journal, receipt and network guard
     included) on a browser launched here, so the launch is excluded and timed separately; beside
     a bare Playwright script doing the same clicks on the same pages and keeping the same proof
     (the two full-page screenshots and the confirmation's HTML, written to files). Medians over
     --runs, interleaved; the ratio that matters, tool / bare with the same proof (target <= 1.15);
     the ratio against the bare clicks alone; the ratio of the tool stripped to its page-state
     detection (no field read-back, required-field check, receipt pictures or network guard: a
     floor, not a mode of the tool); and where the time goes: every Playwright call, charged to the
     line of the tool (or of the bare script) that made it, summed by kind of call against the bare
     script's, so the tool's extra time is split into looks, waits, actions, proof, network guard and
     Python. Also: the first form in a process (cold), the network guard's cost per request on a page
     with 100 sub-requests, what one look ("which page is this?") costs on the replica's form and on
     the same form with 8,000 more elements, and one real `assist fill` process end to end (wall
     time, peak memory of it and of its largest child).
  c. many accounts at flat cost: --accounts (10) accounts x facebook, instagram, whatsapp in ONE
     `filling.fill_many` call (what `assist fill --platform all --profile …` runs), on a replica in
     a process of its own: per form its time and the peak resident memory of this process, of
     Playwright's driver and of every browser process (sampled every 50 ms); for the first 1, 5 and
     10 accounts the mean time per form, its slope, the peaks, and whether they stay flat (at most
     +10 % from 1 to 10 accounts); how often Playwright was started and a browser launched, the
     most browsers at once, and browser processes left over when a form ended.
  d. the test suite's wall time (`pytest -n 2 -q`, under xvfb-run when there is no display).
The browser is the one `assist fill --headless` takes here (a headless shell when the system has
one); ASSIST_BROWSER=/usr/bin/chromium measures with the full Chromium instead.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from checkout import ROOT, pythonpath  # first: puts the checkout on sys.path

BENCHMARKS = ROOT / "BENCHMARKS.md"
EMAIL = "bench.person@example.org"
REASON = "My posts show my children and my home; I object to their use for training AI at Meta."
FB_FORM = "/help/contact/712876720715583"
TARGET_HELP_S = 0.3
TARGET_RATIO = 1.15  # the tool against a bare script that keeps the same proof
BUDGET_S = 420  # the whole bench; the suite gets what is left (and is reported as stopped if it needs more)


def log(text: str = "") -> None:
    print(text, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def subprocess_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": pythonpath(), "COLUMNS": "100"}


# -- (a) start-up ------------------------------------------------------------------------------------


def time_command(command: list[str], runs: int) -> list[float]:
    env = subprocess_env()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT,
                       check=True, timeout=30)
        times.append(time.perf_counter() - start)
    return times


def bench_startup(runs: int) -> dict:
    python = [sys.executable]
    script = Path(sys.executable).with_name("assist")  # the console script `pip install` made
    assist = [str(script)] if script.is_file() else python + ["-m", "meta_optout_assist"]
    floor = time_command(python + ["-c", "pass"], runs)
    help_times = time_command(assist + ["--help"], runs)
    fill_help = time_command(assist + ["fill", "--help"], max(3, runs // 2))
    trace = subprocess.run(python + ["-X", "importtime", "-m", "meta_optout_assist", "--help"],
                           capture_output=True, text=True, env=subprocess_env(), cwd=ROOT, timeout=30)
    modules = [line.rsplit("|", 1)[-1].strip() for line in trace.stderr.splitlines() if "|" in line]
    return {
        "python_pass_s": median(floor),
        "help_s": median(help_times),
        "help_min_s": min(help_times),
        "fill_help_s": median(fill_help),
        "help_imports_playwright": any(m.split(".")[0] == "playwright" for m in modules),
        "help_modules": len(modules),
    }


# -- the replica and a browser --------------------------------------------------------------------


def start_site():
    from tests.mock_site import MockSite

    site = MockSite().start()
    site.configure(simulate_person=True, person_delay_ms=0)
    return site


def confirmed_count(site) -> int:
    return sum(1 for s in site.submissions if s.get("status") == "confirmed")


def null_ui():
    from rich.console import Console

    from meta_optout_assist.ui.progress import UI

    sink = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the benchmark
    try:
        return UI(Console(file=sink, width=100), interactive=False, out=Console(file=sink, width=100))
    except TypeError:  # a UI without a separate result console
        return UI(Console(file=sink, width=100), interactive=False)


def make_request(platform_name: str = "facebook", account: str = "default"):
    from meta_optout_assist.inputs import build_request

    return build_request(platform=platform_name, form="objection", account=account, email=EMAIL,
                         country="DE", reason=REASON)


def run_options(data_dir: Path, base_url: str):
    from meta_optout_assist.flow.filling import RunOptions

    return RunOptions(data_dir=data_dir, base_url=base_url, headless=True, assume_yes=True,
                      wait_timeout_s=60, page_timeout_s=20)


@contextlib.contextmanager
def shared_browser_contexts(browser, setup: list[float], tracer: CallTracer | None = None) -> Iterator[None]:
    """Make the tool's `browser.open_context` hand out fresh contexts of an already running browser,
    so `filling.fill_one` runs unchanged but its browser launch is left out of the timing. Opening
    and closing the context (which the bare script does outside its timing too) is added to `setup`,
    to be subtracted."""
    from meta_optout_assist.browser import launch as browser_module

    original = browser_module.open_context

    @contextlib.contextmanager
    def untraced() -> Iterator[None]:
        was = tracer.enabled if tracer else False
        if tracer:
            tracer.enabled = False
        start = time.perf_counter()
        try:
            yield
        finally:
            setup.append(time.perf_counter() - start)
            if tracer:
                tracer.enabled = was

    @contextlib.contextmanager
    def open_context(_pw, _choice, *, headless, user_data_dir=None, locale=None, **_ignored):
        options: dict = {"viewport": {"width": 1280, "height": 900}}
        if locale:
            options["locale"] = locale.replace("_", "-")
        with untraced():
            context = browser.new_context(**options)
            context.new_page()  # a persistent context opens with a page; fill_one uses context.pages[0]
        try:
            yield context
        finally:
            with untraced():
                context.close()

    browser_module.open_context = open_context
    try:
        yield
    finally:
        browser_module.open_context = original


# -- where the time goes: every Playwright call, by the line of the tool that made it ------------------


BARE = "bare script"


# Kinds of Playwright call, for "where the tool's extra time goes".
CATEGORIES = {
    "waits": "waiting for the next page (load, the person's steps, the page's answer)",
    "actions": "actions: open, click, type, choose",
    "receipt": "the proof: two full-page screenshots and the confirmation's HTML",
    "state": "looks: which page is this (the state loop's looks, the page's language)",
    "fields": "looks: finding each field, reading back what it shows, the required-field check",
    "looks": "looks: the rest (the cookie banner's words, the confirmation's text)",
    "guard": "the network guard (installing it)",
}
_ACTIONS = {"goto", "click", "fill", "select_option", "press", "type", "press_sequentially", "check", "uncheck",
            "set_checked", "set_input_files", "dispatch_event", "tap", "focus", "clear", "reload"}
_STATE_LOOKS = ("flow/runner.py", "pages/base.py")
_FIELD_LOOKS = ("site/locate.py", "pages/form.py", "flow/widgets.py", "flow/lists.py")


def category(api: str, where: str) -> str:
    if "browser/network.py" in where:
        return "guard"
    if api in ("screenshot", "content"):
        return "receipt"
    if api.startswith(("wait_for", "expect_")):
        return "waits"
    if api in _ACTIONS:
        return "actions"
    if where.startswith(_STATE_LOOKS):
        return "state"
    if where.startswith(_FIELD_LOOKS):
        return "fields"
    return "looks"


@dataclass
class CallTracer:
    """Times each synchronous Playwright call and charges it to the innermost meta_optout_assist frame."""

    totals: dict = field(default_factory=lambda: defaultdict(lambda: [0.0, 0]))
    enabled: bool = False

    def install(self) -> None:
        import greenlet
        from playwright._impl import _sync_base

        original = _sync_base.SyncBase._sync
        tracer = self
        package = os.sep + "meta_optout_assist" + os.sep

        def traced(obj, awaitable):
            if not tracer.enabled:
                return original(obj, awaitable)
            caller = sys._getframe(1)
            where = "(outside the tool)"
            frame = caller
            while frame is not None:
                filename = frame.f_code.co_filename
                if package in filename:
                    short = filename.split(package, 1)[1]
                    where = f"{short}:{frame.f_lineno} {frame.f_code.co_name}"
                    break
                if frame.f_code is _bare_clicks.__code__:
                    where = f"{BARE}:{frame.f_lineno}"
                    break
                frame = frame.f_back
            # Route and event handlers run in greenlets of their own, while a call of the tool waits.
            nested = greenlet.getcurrent().parent is not None
            start = time.perf_counter()
            try:
                return original(obj, awaitable)
            finally:
                key = (caller.f_code.co_name + (" (in a handler)" if nested else ""), where)
                entry = tracer.totals[key]
                entry[0] += time.perf_counter() - start
                entry[1] += 1

        _sync_base.SyncBase._sync = traced

    @contextlib.contextmanager
    def recording(self) -> Iterator[None]:
        self.enabled = True
        try:
            yield
        finally:
            self.enabled = False

    def top(self, runs: int, limit: int = 14, bare: bool = False) -> list[tuple[float, float, str, str]]:
        rows = [(total / runs, count / runs, api, where)
                for (api, where), (total, count) in self.totals.items() if where.startswith(BARE) == bare]
        rows.sort(reverse=True)
        return rows[:limit]

    def calls(self, runs: int, bare: bool = False) -> float:
        """Playwright calls per run (each a round trip to the browser), not counting handlers'."""
        return sum(c for (api, where), (_t, c) in self.totals.items()
                   if "(in a handler)" not in api and where.startswith(BARE) == bare) / runs

    def by_category(self, runs: int, bare: bool = False) -> dict[str, float]:
        """Seconds per run in each kind of call (CATEGORIES), handlers' calls left out."""
        out: dict[str, float] = defaultdict(float)
        for (api, where), (seconds, _count) in self.totals.items():
            if "(in a handler)" not in api and where.startswith(BARE) == bare:
                out[category(api, where)] += seconds / runs
        return out

    def in_handlers(self, runs: int) -> tuple[float, float]:
        """The tool's calls made in route and event handlers (seconds, calls per run): they run while
        one of its calls waits, so they lengthen that call rather than add to it."""
        found = [(t, c) for (api, where), (t, c) in self.totals.items()
                 if "(in a handler)" in api and not where.startswith(BARE)]
        return sum(t for t, _c in found) / runs, sum(c for _t, c in found) / runs

    def total(self, runs: int, bare: bool = False) -> float:
        return sum(t for (api, where), (t, _c) in self.totals.items()
                   if "(in a handler)" not in api and where.startswith(BARE) == bare) / runs


# -- (b) one objection: the tool vs a bare Playwright script --------------------------------------------


def bare_objection(browser, base_url: str, tracer: CallTracer | None = None, proof: Path | None = None) -> float:
    """The same clicks a person would script by hand: no state detection, journal or receipt; with
    `proof`, the same proof the tool keeps, written to files in that folder."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        with tracer.recording() if tracer else contextlib.nullcontext():
            return _bare_clicks(page, base_url, proof)
    finally:
        context.close()


def _bare_clicks(page, base_url: str, proof: Path | None = None) -> float:
    """goto form → decline cookies → (the replica's person logs in) → country, email, reason → Send →
    (the person types the code) → the confirmation. With `proof`, the tool's proof: a full-page
    screenshot before Send, one of the confirmation, and the confirmation's HTML."""
    start = time.perf_counter()
    page.goto(base_url + FB_FORM)
    page.get_by_role("button", name="Only allow essential cookies").click()
    # The replica's simulated person logs in; the login page sends them back to the form.
    page.wait_for_url(lambda url: url.split("?")[0].endswith(FB_FORM))
    page.select_option('select[name="country"]', value="DE")
    page.fill('input[name="email"]', EMAIL)
    page.fill('textarea[name="objection_reason"]', REASON)
    if proof:
        proof.mkdir(parents=True, exist_ok=True)
        (proof / "form-before-send.png").write_bytes(page.screenshot(full_page=True))
    page.get_by_role("button", name="Send", exact=True).click()
    # The code pop-up: the simulated person types the code; then Meta's confirmation.
    page.wait_for_url("**/help/contact/confirmation/**")
    page.get_by_text("Thanks for your request").wait_for()
    if proof:
        (proof / "confirmation.png").write_bytes(page.screenshot(full_page=True))
        (proof / "confirmation.html").write_text(page.content(), encoding="utf-8")
    return time.perf_counter() - start


def tool_objection(pw, choice, base_url: str, data_dir: Path, setup: list[float]) -> tuple[float, str]:
    """filling.fill_one as `assist fill` calls it, minus opening and closing the browser context."""
    from meta_optout_assist.flow import filling

    setup.clear()
    start = time.perf_counter()
    result = filling.fill_one(pw, choice, make_request(), run_options(data_dir, base_url), null_ui())
    return time.perf_counter() - start - sum(setup), result.outcome


@contextlib.contextmanager
def without_checks() -> Iterator[None]:
    """The tool stripped to its page-state detection: no read-back of the fields, no required-field
    check, no receipt pictures (empty bytes), no network guard. Not a mode of the tool; a floor for
    the ratio, to show what detecting each page costs on its own (journal and receipt files stay)."""
    from playwright.sync_api import Page

    from meta_optout_assist.browser import network
    from meta_optout_assist.pages import form

    saved = (form.fill_field, form._unfilled_required, Page.screenshot, network.install)
    full_fill = form.fill_field

    def plain_fill(flow, key, spec, element, value):
        if spec.kind != "text":  # lists, phones, radios, files and boxes keep the tool's own way
            return full_fill(flow, key, spec, element, value)
        element.fill(str(value))
        return str(value)

    form.fill_field, form._unfilled_required = plain_fill, lambda flow: []
    Page.screenshot = lambda self, **options: b""
    network.install = lambda *args, **kwargs: None
    try:
        yield
    finally:
        form.fill_field, form._unfilled_required, Page.screenshot, network.install = saved


def launch(pw, choice):
    from meta_optout_assist.browser import launch as browser_module

    return pw.chromium.launch(**browser_module.launch_options(choice, headless=True))


def bench_one_form(runs: int, site, tracer: CallTracer, work: Path, stop_at: float = float("inf")) -> dict:
    from playwright.sync_api import sync_playwright

    from meta_optout_assist.browser import launch as browser_module

    start = time.perf_counter()
    pw = sync_playwright().start()
    driver_s = time.perf_counter() - start
    try:
        choice = browser_module.choose(pw, None, headless=True)
        start = time.perf_counter()
        browser = launch(pw, choice)
        launch_s = time.perf_counter() - start
        version = browser.version
        tool_times: list[float] = []
        bare_times: list[float] = []
        proof_times: list[float] = []
        floor_times: list[float] = []
        setup: list[float] = []
        before = confirmed_count(site)

        def tool_run(name: str) -> float:
            seconds, outcome = tool_objection(pw, choice, site.base_url, work / name, setup)
            if outcome != "confirmed":
                raise SystemExit(f"the tool's run on the replica ended {outcome!r}, not confirmed")
            return seconds

        with shared_browser_contexts(browser, setup, tracer):
            first_s = tool_run("first")
            bare_objection(browser, site.base_url, proof=work / "bare-warm-up")  # warm-up, not counted
            for i in range(runs):  # interleaved, so drift on a busy machine hits both alike
                if i >= 3 and time.perf_counter() > stop_at:
                    break  # a slow (busy) machine: keep the bench bounded
                bare_times.append(bare_objection(browser, site.base_url))
                proof_times.append(bare_objection(browser, site.base_url, tracer, proof=work / f"bare{i}"))
                with tracer.recording():
                    tool_times.append(tool_run(f"run{i}"))
                with without_checks():
                    floor_times.append(tool_run(f"floor{i}"))
        received = confirmed_count(site) - before
        browser.close()
    finally:
        pw.stop()
    runs = len(tool_times)
    expected = 2 + 4 * runs
    if received != expected:
        raise SystemExit(f"the replica confirmed {received} objections, expected {expected}")
    tool_s, bare_s, proof_s, floor_s = (median(tool_times), median(bare_times), median(proof_times),
                                        median(floor_times))
    return {
        "runs": runs, "tool_s": tool_s, "bare_s": bare_s, "ratio": tool_s / bare_s,
        "bare_proof_s": proof_s, "ratio_proof": tool_s / proof_s,
        "floor_s": floor_s, "ratio_floor": floor_s / bare_s,
        "tool_all": tool_times, "bare_all": bare_times, "first_tool_s": first_s,
        "driver_start_s": driver_s, "launch_s": launch_s, "chromium": version, "browser": choice.label,
        "traced_calls_s": tracer.total(runs), "top_calls": tracer.top(runs),
        "tool_round_trips": tracer.calls(runs), "bare_round_trips": tracer.calls(runs, bare=True),
        "bare_calls": tracer.top(runs, bare=True), "proof_all": proof_times,
        "tool_categories": dict(tracer.by_category(runs)), "bare_categories": dict(tracer.by_category(runs, bare=True)),
        "bare_traced_calls_s": tracer.total(runs, bare=True), "handlers": tracer.in_handlers(runs),
    }


def bench_network_guard(subrequests: int = 100, loads: int = 3) -> dict:
    """The replica's pages make a handful of requests; Meta's make hundreds. Load a local page with
    `subrequests` images, with and without the tool's network guard (network.install), to price
    the guard per request."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from playwright.sync_api import sync_playwright

    from meta_optout_assist.browser import launch as browser_module
    from meta_optout_assist.browser import network

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path.startswith("/page"):
                body = ("<html><body>" + "".join(f'<img src="/i{n}.png">' for n in range(subrequests))
                        + "</body></html>").encode()
                kind = "text/html"
            else:
                body, kind = b"\x89PNG\r\n\x1a\n", "image/png"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address) -> None:
            pass  # a browser that closes a page mid-load breaks a pipe: not news

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    times: dict[bool, list[float]] = {False: [], True: []}
    try:
        with sync_playwright() as pw:
            browser = launch(pw, browser_module.choose(pw, None, headless=True))
            for n in range(loads * 2):
                guarded = bool(n % 2)
                context = browser.new_context()
                page = context.new_page()
                if guarded:
                    network.install(context, network.NetworkPolicy(("facebook.com",), base))
                start = time.perf_counter()
                page.goto(f"{base}/page{n}", wait_until="load")
                times[guarded].append(time.perf_counter() - start)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    plain, guarded = median(times[False]), median(times[True])
    return {"subrequests": subrequests, "plain_s": plain, "guarded_s": guarded,
            "per_request_ms": (guarded - plain) * 1000 / (subrequests + 1)}


# Feed-like bulk for a page as large as Meta's can be: posts with a link, text and two buttons each.
_BULK = """(n) => {
  const bulk = document.createElement('div');
  for (let i = 0; i < n / 8; i++) {
    const post = document.createElement('div');
    post.setAttribute('role', 'article');
    post.innerHTML = `<div><span><a href="/people/${i}">Friend ${i}</a></span><span>3 h</span></div>` +
      `<div dir="auto">A post, number ${i}, about a holiday and what people write about it</div>` +
      `<div role="button" aria-label="Like">Like</div><div role="button" aria-label="Comment">Comment</div>`;
    bulk.appendChild(post);
  }
  document.body.appendChild(bulk);
}"""


def bench_big_page(site, extra: int = 8000, looks: int = 5) -> dict:
    """What "which page is this?" costs on the form as the replica draws it (a few hundred elements)
    and with `extra` more, feed-like (Meta's pages run to thousands): one look, as the runner takes it after
    each step, and one check of every state's markers at once, as a wait repeats it while it lasts."""
    from playwright.sync_api import sync_playwright
    from tests.support.flow_helpers import make_flow

    from meta_optout_assist.browser import launch as browser_module
    from meta_optout_assist.flow.language import text_languages
    from meta_optout_assist.flow.runner import Runner

    def median_ms(action) -> float:
        times = []
        for _ in range(looks):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        return median(times) * 1000

    figures: dict = {"extra": extra}
    with sync_playwright() as pw:
        browser = launch(pw, browser_module.choose(pw, None, headless=True))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(site.base_url + FB_FORM)
        page.get_by_role("button", name="Only allow essential cookies").click()
        page.wait_for_url(lambda url: url.split("?")[0].endswith(FB_FORM))  # the replica's person logged in
        flow = make_flow(page, site)
        runner = Runner(flow, lambda _flow, _why: None)
        flow.languages = text_languages(flow)
        for size in ("plain", "big"):
            if size == "big":
                page.evaluate(_BULK, extra)
            states = runner._candidates()
            figures[f"{size}_look_ms"] = median_ms(lambda states=states: runner._look(states))
            figures[f"{size}_all_ms"] = median_ms(lambda states=states: runner._union(states).count())
        figures["elements"] = page.evaluate("document.getElementsByTagName('*').length")
        browser.close()
    return figures


def bench_cli_once(site, work: Path) -> dict:
    """One real `assist fill` process, start to end; its peak memory and its browser's."""
    usage_file = work / "rusage.json"
    wrapper = (
        "import atexit, json, resource, runpy, sys\n"
        "def report():\n"
        "    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        f"    open({str(usage_file)!r}, 'w').write(json.dumps({{'self_kb': own, 'children_kb': kids}}))\n"
        "atexit.register(report)\n"
        "sys.argv = ['assist'] + sys.argv[1:]\n"
        "runpy.run_module('meta_optout_assist', run_name='__main__')\n"
    )
    command = [sys.executable, "-c", wrapper, "fill", "--platform", "facebook", "--email", EMAIL,
               "--country", "DE", "--reason", REASON, "--base-url", site.base_url, "--headless", "--yes",
               "--data-dir", str(work / "cli-data"), "--wait-timeout", "60"]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, env=subprocess_env(), cwd=ROOT,
                          stdin=subprocess.DEVNULL, timeout=120)
    wall = time.perf_counter() - start
    usage = json.loads(usage_file.read_text()) if usage_file.exists() else {}
    steps = re.findall(r"✓ (.+?)\s+(\d\d:\d\d)", proc.stderr)
    return {"exit": proc.returncode, "wall_s": wall, "rss_mb": usage.get("self_kb", 0) / 1024,
            "children_rss_mb": usage.get("children_kb", 0) / 1024, "steps": steps,
            "stderr_tail": proc.stderr.strip().splitlines()[-3:]}


# -- (c) many accounts x 3 platforms in one run -------------------------------------------------------------

PLATFORMS = ("facebook", "instagram", "whatsapp")
PHONE = "+4915112345678"
COHORTS = (1, 5, 10)  # the first 1, 5, 10 accounts' forms
FLAT = 0.10  # "flat": per-form time and peak memory within 10 % from the first account to all of them


@contextlib.contextmanager
def replica_process() -> Iterator[tuple[str, int]]:
    """The replica in a process of its own (python -m tests.mock_site), the person's delays at zero,
    so that this process's memory is the tool's alone. Yields its address and pid."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.mock_site", "--simulate-person", "--person-delay-ms", "0"],
                            stdout=subprocess.PIPE, text=True, env=subprocess_env(), cwd=ROOT,
                            stdin=subprocess.DEVNULL)
    try:
        line = proc.stdout.readline().strip() if proc.stdout else ""
        if not line.startswith("MOCK_SITE_URL="):
            raise SystemExit(f"the replica did not start: {line!r}")
        yield line.split("=", 1)[1], proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def replica_confirmed(base_url: str) -> int:
    from urllib.request import urlopen

    with urlopen(base_url + "/__mock__/state", timeout=10) as answer:  # noqa: S310 - the local replica
        state = json.load(answer)
    return sum(1 for s in state["submissions"] if s.get("status") == "confirmed")


def many_request(platform_name: str, account: str):
    from meta_optout_assist.inputs import build_request

    extra = {"phone": PHONE} if platform_name == "whatsapp" else {}
    return build_request(platform=platform_name, form="objection", account=account, email=EMAIL,
                         country="DE", reason=REASON, **extra)


def slope(values: list[float]) -> float:
    """Least-squares change per further item (≈ 0 when each costs what the first did)."""
    return statistics.linear_regression(range(len(values)), values).slope if len(values) > 1 else 0.0


def bench_many(work: Path, accounts: int = 10) -> dict:
    """`accounts` accounts x facebook, instagram, whatsapp in ONE `filling.fill_many` call (what `assist
    fill --platform all --profile …` runs), on a replica in its own process. Per form: its time, and
    the peak resident memory of this process (the tool), Playwright's driver and every browser
    process, sampled every 50 ms while it runs (bench_memory); also what was left running and
    resident once it ended. fill_one is wrapped, not changed: each form opens its account's
    persistent profile (a browser of its own) and closes it before the next starts."""
    import bench_memory
    import playwright.sync_api as sync_api

    from meta_optout_assist.browser import launch as browser_module
    from meta_optout_assist.flow import filling

    if not bench_memory.available():
        raise SystemExit("the many-accounts bench reads /proc (Linux): not available here")
    counts = {"playwright_starts": 0, "browser_launches": 0}
    per_form: list[dict] = []
    launches: list[float] = []
    original_start = sync_api.sync_playwright
    original_open = browser_module.open_context
    original_fill_one = filling.fill_one

    def counting_sync_playwright(*args, **kwargs):
        counts["playwright_starts"] += 1
        return original_start(*args, **kwargs)

    @contextlib.contextmanager
    def timed_open_context(*args, **kwargs):
        start = time.perf_counter()
        with original_open(*args, **kwargs) as context:
            counts["browser_launches"] += 1
            launches.append(time.perf_counter() - start)
            yield context

    requests = [many_request(p, f"account{i + 1}") for i in range(accounts) for p in PLATFORMS]
    with replica_process() as (base_url, replica_pid), \
            bench_memory.Sampler(0.05, exclude=frozenset({replica_pid})) as sampler:

        def measured_fill_one(pw, choice, request, *args, **kwargs):
            before = sampler.begin()
            start = time.perf_counter()
            result = original_fill_one(pw, choice, request, *args, **kwargs)
            seconds = time.perf_counter() - start
            window, after = sampler.end()
            gc.collect()  # between forms, outside their time: what is still alive is what a form kept
            per_form.append({
                "account": request.account, "platform": request.platform, "seconds": seconds,
                "outcome": result.outcome, "samples": window.samples,
                "python_peak_mb": window.python_peak_mb, "browser_peak_mb": window.browser_peak_mb,
                "total_peak_mb": window.peak.total_mb, "browsers_at_once": window.browsers_peak,
                "left_before": before.browser_processes, "left_after": after.browser_processes,
                "python_after_mb": after.python_mb, "driver_after_mb": after.driver_mb,
                "objects_after": len(gc.get_objects()),
            })
            return result

        before = replica_confirmed(base_url)
        sync_api.sync_playwright = counting_sync_playwright
        browser_module.open_context = timed_open_context
        filling.fill_one = measured_fill_one
        try:
            start = time.perf_counter()
            results = filling.fill_many(requests, run_options(work / "many-data", base_url), null_ui())
            total = time.perf_counter() - start
        finally:
            sync_api.sync_playwright = original_start
            browser_module.open_context = original_open
            filling.fill_one = original_fill_one
        received = replica_confirmed(base_url) - before
    outcomes = [r.outcome for r in results]
    if received != len(requests) or outcomes != ["confirmed"] * len(requests):
        raise SystemExit(f"many accounts: the replica confirmed {received} of {len(requests)} forms; "
                         f"outcomes {outcomes}")
    for form, launch_s in zip(per_form, launches, strict=False):
        form["launch_s"] = launch_s
    seconds = [f["seconds"] for f in per_form]
    cohorts = [many_cohort(per_form, n, len(PLATFORMS)) for n in sorted({*COHORTS, accounts}) if n <= accounts]
    first, last = cohorts[0], cohorts[-1]
    time_growth = last["mean_s"] / first["mean_s"] - 1
    memory_growth = last["total_mb"] / first["total_mb"] - 1
    return {
        "accounts": accounts, "platforms": PLATFORMS, "forms": len(requests), "total_s": total,
        "per_form": per_form, "outcomes": outcomes, "cohorts": cohorts,
        "mean_s": statistics.mean(seconds), "stdev_s": statistics.pstdev(seconds), "slope_s": slope(seconds),
        "time_growth": time_growth, "memory_growth": memory_growth,
        "flat": time_growth <= FLAT and memory_growth <= FLAT,
        "browsers_at_once": max(f["browsers_at_once"] for f in per_form),
        "left_running": max(max(f["left_before"], f["left_after"]) for f in per_form),
        "samples": sum(f["samples"] for f in per_form),
        "launch_median_s": median(launches), "overhead_s": total - sum(seconds), **counts,
    }


def many_cohort(per_form: list[dict], accounts: int, per_account: int) -> dict:
    """The first `accounts` accounts' forms: mean time and its slope, the peaks, what the last left."""
    forms = per_form[:accounts * per_account]
    seconds = [f["seconds"] for f in forms]
    return {
        "accounts": accounts, "forms": len(forms), "mean_s": statistics.mean(seconds), "slope_s": slope(seconds),
        "python_mb": max(f["python_peak_mb"] for f in forms),
        "browser_mb": max(f["browser_peak_mb"] for f in forms),
        "total_mb": max(f["total_peak_mb"] for f in forms),
        "python_after_mb": forms[-1]["python_after_mb"], "driver_after_mb": forms[-1]["driver_after_mb"],
        "objects_after": forms[-1]["objects_after"],
    }


# -- (d) the test suite ----------------------------------------------------------------------------------------


def bench_suite(timeout_s: float) -> dict:
    command = [sys.executable, "-m", "pytest", "-n", "2", "-q", "--durations=5"]
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", *command]
    start = time.perf_counter()
    # A session of its own, so that a suite stopped at the bound takes its workers, browsers and
    # Xvfb with it.
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=subprocess_env(), cwd=ROOT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        stop_group(proc)
        return {"wall_s": time.perf_counter() - start, "exit": None, "slowest": [],
                "summary": f"did not finish: stopped after {timeout_s:.0f} s to keep the bench bounded"}
    wall = time.perf_counter() - start
    lines = [line for line in out.splitlines() if re.search(r"\d+ (passed|failed|error)", line)]
    summary = lines[-1].strip("= ") if lines else " ".join(out.strip().splitlines()[-1:])
    slowest = [line.strip() for line in out.splitlines() if re.match(r"\s*\d+\.\d+s (call|setup|teardown)", line)]
    failed = [line.split()[1] for line in out.splitlines() if line.startswith(("FAILED ", "ERROR ")) and " " in line]
    return {"wall_s": wall, "summary": summary, "exit": proc.returncode, "slowest": slowest[:5], "failed": failed}


def stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM to the process group (xvfb-run cleans up its Xvfb), SIGKILL to what is left."""
    import signal

    for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.communicate(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


# -- the report --------------------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {
        "load": load,
        "cores": os.cpu_count(), "cpu": cpu or platform.processor() or platform.machine(),
        "os": platform.platform(terse=True), "python": platform.python_version(),
        "playwright": metadata.version("playwright"),
    }


def ok(value: bool) -> str:
    return "✓" if value else "✗"


def report(m: dict, a: dict | None, b: dict | None, cli: dict | None, c: dict | None, d: dict | None,
           elapsed: float) -> str:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    chromium = f", Chromium {b['chromium']} (headless: {b['browser']})" if b else ""
    end_load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    out = [f"{LATEST} ({now})", "",
           f"Machine: {m['cores']} cores ({m['cpu']}), {m['os']}; Python {m['python']}, "
           f"Playwright {m['playwright']}{chromium}. Load average at the start "
           f"{m['load']:.1f}, at the end {end_load:.1f} (other work on the box slows every figure). "
           f"Bench took {elapsed:.0f} s.", ""]
    out += ["| what | figure | target |", "| --- | --- | --- |"]
    if a:
        out.append(f"| `assist --help` start-up (median of 10) | {a['help_s']:.3f} s (fastest {a['help_min_s']:.3f} s) "
                   f"| < {TARGET_HELP_S} s {ok(a['help_s'] < TARGET_HELP_S)} |")
        out.append(f"| `python -c pass` (the floor) | {a['python_pass_s']:.3f} s | |")
        out.append(f"| `assist fill --help` | {a['fill_help_s']:.3f} s | |")
        out.append(f"| Playwright imported by `--help` | {'yes' if a['help_imports_playwright'] else 'no'} "
                   f"({a['help_modules']} modules) | no {ok(not a['help_imports_playwright'])} |")
    if b:
        out.append(f"| one objection, the tool (median of {b['runs']}) | {b['tool_s']:.2f} s | |")
        out.append(f"| bare Playwright, the same clicks and the same proof: the two full-page screenshots and the "
                   f"confirmation's HTML, written to files (median of {b['runs']}) | {b['bare_proof_s']:.2f} s | |")
        out.append(f"| **ratio tool / bare with the same proof** | **{b['ratio_proof']:.2f}** | ≤ {TARGET_RATIO} "
                   f"{ok(b['ratio_proof'] <= TARGET_RATIO)} |")
        out.append(f"| the same clicks without the proof, bare (median of {b['runs']}); ratio tool / it | "
                   f"{b['bare_s']:.2f} s; {b['ratio']:.2f} | |")
        if "floor_s" in b:
            out.append(f"| the tool without its checks, receipt pictures and network guard: page-state detection, "
                       f"journal and receipt files only (median of {b['runs']}; not a mode of the tool, a floor) "
                       f"| {b['floor_s']:.2f} s, ratio {b['ratio_floor']:.2f} to the bare script without the proof | |")
        if "tool_round_trips" in b:
            out.append(f"| Playwright calls (round trips to the browser) per objection, the tool / bare | "
                       f"{b['tool_round_trips']:.0f} / {b['bare_round_trips']:.0f} | |")
        out.append(f"| first form in a fresh process (cold: regexes, imports) | {b['first_tool_s']:.2f} s | |")
        net = b.get("net")
        if net:
            out.append(f"| network guard: a page with {net['subrequests']} sub-requests, plain / guarded | "
                       f"{net['plain_s']:.2f} s / {net['guarded_s']:.2f} s (≈ {net['per_request_ms']:.0f} ms "
                       "per request) | |")
        big = b.get("big")
        if big:
            out.append(f"| which page is this: one look, the replica's form / with {big['extra']:,} more elements, "
                       f"feed-like ({big['elements']:,} in all) | {big['plain_look_ms']:.0f} ms / "
                       f"{big['big_look_ms']:.0f} ms | |")
            out.append(f"| every state's markers at once (what a wait checks at each poll), the same two pages | "
                       f"{big['plain_all_ms']:.0f} ms / {big['big_all_ms']:.0f} ms | |")
        out.append(f"| not counted above: Playwright driver start / Chromium launch | "
                   f"{b['driver_start_s']:.2f} s / {b['launch_s']:.2f} s | |")
    if cli:
        steps = ", ".join(f"{name} {at}" for name, at in cli["steps"])
        out.append(f"| one real `assist fill` process, end to end | {cli['wall_s']:.1f} s (exit {cli['exit']}) | |")
        out.append(f"| peak memory: the `assist` process / its largest child (driver or browser) | "
                   f"{cli['rss_mb']:.0f} MB / {cli['children_rss_mb']:.0f} MB | |")
    if c:
        out.append(f"| {c['forms']} forms ({c['accounts']} accounts × {len(c['platforms'])} platforms) in one run | "
                   f"{c['total_s']:.0f} s; per form {c['mean_s']:.2f} ± {c['stdev_s']:.2f} s, "
                   f"slope {c['slope_s'] * 1000:+.0f} ms per further form | slope ≈ 0 |")
        out.append(f"| per-form time and peak memory, from 1 to {c['accounts']} accounts | "
                   f"time {c['time_growth']:+.0%}, memory {c['memory_growth']:+.0%}: "
                   f"**{'flat' if c['flat'] else 'not flat'}** | each at most +{FLAT:.0%} {ok(c['flat'])} |")
        seen = (c["playwright_starts"], c["browser_launches"], c["browsers_at_once"], c["left_running"])
        expected = (1, c["forms"], 1, 0)
        out.append("| Playwright started / browsers launched / most browsers at once / browser processes left when "
                   f"a form ended | {' / '.join(map(str, seen))} | {' / '.join(map(str, expected))} "
                   f"{ok(seen == expected)} |")
    if d:
        target = d["exit"] is not None and d["wall_s"] <= 90
        out.append(f"| test suite, `pytest -n 2 -q` | {d['wall_s']:.0f} s ({d['summary']}) | ≈ 90 s {ok(target)} |")
        if d["slowest"]:
            out.append(f"| its slowest steps | {'; '.join(d['slowest'])} | |")
        if d.get("failed"):
            out.append(f"| failed | {'; '.join(d['failed'])} | none |")
    out.append("")
    if cli:
        out += [f"The real command's step list: {steps}." if cli["steps"] else
                f"The real command printed: {' / '.join(cli['stderr_tail'])}", ""]
    if b:
        out += extra_time_section(b)
        mean_tool = statistics.mean(b["tool_all"])
        out += [f"Where the tool's time goes: Playwright calls by the tool's line that made them, mean per run "
                f"(of {mean_tool:.2f} s per run on average, {b['traced_calls_s']:.2f} s inside calls; the rest is "
                "Python). Calls \"in a handler\" run while the tool waits, not on top of it.", "",
                "| s per run | calls | Playwright call | tool line |", "| ---: | ---: | --- | --- |"]
        for seconds, calls, api, where in b["top_calls"]:
            out.append(f"| {seconds:.3f} | {calls:.0f} | `{api}` | `{where}` |")
        out += ["", f"The bare script with the same proof ({statistics.mean(b['proof_all']):.2f} s per run on "
                "average), the same way:", "",
                "| s per run | calls | Playwright call | line |", "| ---: | ---: | --- | --- |"]
        for seconds, calls, api, where in b["bare_calls"]:
            out.append(f"| {seconds:.3f} | {calls:.0f} | `{api}` | {where} |")
        out.append("")
    if c:
        out += many_section(c)
    return "\n".join(out) + "\n"


def extra_time_section(b: dict) -> list[str]:
    """The tool against the bare script with the same proof, kind of call by kind of call (means per
    run, both traced alike): what the tool's extra time is made of."""
    tool_mean, bare_mean = statistics.mean(b["tool_all"]), statistics.mean(b["proof_all"])
    tool, bare = b["tool_categories"], b["bare_categories"]
    rows = [(CATEGORIES[key], tool.get(key, 0.0), bare.get(key, 0.0)) for key in CATEGORIES]
    rows.append(("Python between the calls (the tool: its state loop, journal, receipt files; the bare script: "
                 "writing its three files)", tool_mean - b["traced_calls_s"], bare_mean - b["bare_traced_calls_s"]))
    out = [f"Where the tool's extra time goes, against the bare script with the same proof: means per run, "
           f"{tool_mean:.2f} s against {bare_mean:.2f} s (ratio of the means {tool_mean / bare_mean:.2f}).", "",
           "| where | the tool | bare, same proof | extra |", "| --- | ---: | ---: | ---: |"]
    for label, t, s in sorted(rows, key=lambda row: row[2] - row[1]):
        out.append(f"| {label} | {t * 1000:.0f} ms | {s * 1000:.0f} ms | {(t - s) * 1000:+.0f} ms |")
    out += [f"| all | {tool_mean * 1000:.0f} ms | {bare_mean * 1000:.0f} ms | "
            f"{(tool_mean - bare_mean) * 1000:+.0f} ms |", ""]
    handler_s, handler_calls = b.get("handlers", (0.0, 0.0))
    if handler_calls:
        out += [f"Inside the tool's waits and actions, not added above: the network guard's redirect check "
                f"held each request the page made until Python let it go, {handler_calls:.0f} calls and "
                f"{handler_s * 1000:.0f} ms per run (a round trip to Python before every request).", ""]
    return out


def many_section(c: dict) -> list[str]:
    out = [f"Many accounts ({', '.join(c['platforms'])} for each; one Playwright, each form's browser "
           f"closed before the next; resident memory (RSS) sampled every 50 ms, {c['samples']:,} samples): "
           f"the first {', '.join(str(k['accounts']) for k in c['cohorts'])} accounts' forms. Peaks are the "
           "largest in those forms; \"left\" is what stayed resident once the last of them had closed its "
           "browser, and the Python objects still alive then (after a garbage collection). The browser's "
           "processes share memory and each is counted in full.", "",
           "| accounts | forms | mean per form | slope per form | peak Python | peak driver + browser | peak total "
           "| left: Python / driver | Python objects left |",
           "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for k in c["cohorts"]:
        out.append(f"| {k['accounts']} | {k['forms']} | {k['mean_s']:.2f} s | {k['slope_s'] * 1000:+.0f} ms | "
                   f"{k['python_mb']:.0f} MB | {k['browser_mb']:.0f} MB | {k['total_mb']:.0f} MB | "
                   f"{k['python_after_mb']:.0f} / {k['driver_after_mb']:.0f} MB | {k['objects_after']:,} |")
    forms = c["per_form"]
    out += ["", "Per form, in run order: seconds " + ", ".join(f"{f['seconds']:.1f}" for f in forms)
            + "; peak total MB " + ", ".join(f"{f['total_peak_mb']:.0f}" for f in forms)
            + f"; browser launch (median) {c['launch_median_s']:.2f} s.", ""]
    return out


HEADER = """# Benchmarks

`make bench` (scripts/bench.py) puts its figures in the section "Latest run", in place of the
previous run's. Figures from a shared 2-core box are noisy: compare ratios and orders of
magnitude, not the third decimal.

"""
LATEST = "## Latest run"


def write_latest(path: Path, run: str) -> None:
    """The run's section in place of the file's "Latest run" section (up to the next "## " heading,
    or the end); added at the end when the file has none; the file started when there is none.
    Earlier runs are in git log, not in the file."""
    old = path.read_text(encoding="utf-8") if path.exists() else HEADER
    run = run.rstrip("\n") + "\n"
    section = re.search(rf"^{re.escape(LATEST)}\b.*?(?=^## |\Z)", old, re.MULTILINE | re.DOTALL)
    if section is None:
        new = old.rstrip("\n") + "\n\n" + run
    else:
        after = old[section.end():]
        new = old[:section.start()] + run + ("\n" + after if after else "")
    path.write_text(new, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="timed runs of one objection, each way (default 5)")
    parser.add_argument("--skip-suite", action="store_true", help="do not run the test suite")
    parser.add_argument("--no-append", action="store_true",
                        help="print only; leave BENCHMARKS.md (its \"Latest run\" section) alone")
    parser.add_argument("--only", choices=["startup", "one", "many", "suite"], action="append",
                        help="run only these parts (repeatable)")
    parser.add_argument("--accounts", type=int, default=10,
                        help="accounts in the many-accounts run, each on 3 platforms (default 10)")
    args = parser.parse_args()
    parts = set(args.only or ["startup", "one", "many", "suite"])
    if args.skip_suite:
        parts.discard("suite")

    began = time.perf_counter()
    m = machine()
    a = b = cli = c = d = None
    if "startup" in parts:
        log("(a) start-up: assist --help …")
        a = bench_startup(10)
        log(f"    --help {a['help_s']:.3f} s, python -c pass {a['python_pass_s']:.3f} s")
    work = Path(tempfile.mkdtemp(prefix="assist-bench-"))
    try:
        if "one" in parts:
            site = start_site()
            try:
                tracer = CallTracer()
                tracer.install()
                log(f"(b) one objection on the replica, tool vs bare Playwright, {args.runs} runs each …")
                b = bench_one_form(args.runs, site, tracer, work, stop_at=time.perf_counter() + 60)
                log(f"    tool {b['tool_s']:.2f} s, bare {b['bare_s']:.2f} s, ratio {b['ratio']:.2f}; "
                    f"bare with the same proof {b['bare_proof_s']:.2f} s, ratio {b['ratio_proof']:.2f}; "
                    f"the tool without its checks {b['floor_s']:.2f} s, ratio {b['ratio_floor']:.2f}")
                log("    the network guard on a page with 100 sub-requests …")
                b["net"] = bench_network_guard()
                log("    which page is this: a look on the replica's form, and on one with 8,000 more elements …")
                b["big"] = bench_big_page(site)
                log("    one real `assist fill` process …")
                cli = bench_cli_once(site, work)
                log(f"    {cli['wall_s']:.1f} s, exit {cli['exit']}, peak RSS {cli['rss_mb']:.0f} MB")
            finally:
                site.stop()
        if "many" in parts:
            log(f"(c) {args.accounts} accounts × {len(PLATFORMS)} platforms in one run, memory sampled every 50 ms …")
            c = bench_many(work, args.accounts)
            log(f"    {c['total_s']:.1f} s for {c['forms']} forms, {c['mean_s']:.2f} s per form; "
                f"{'flat' if c['flat'] else 'NOT flat'} (time {c['time_growth']:+.0%}, "
                f"peak memory {c['memory_growth']:+.0%} from 1 to {args.accounts} accounts)")
        if "suite" in parts:
            budget = max(30.0, BUDGET_S - (time.perf_counter() - began))
            log(f"(d) the test suite (pytest -n 2 -q; stopped after {budget:.0f} s, the bench's bound) …")
            d = bench_suite(budget)
            log(f"    {d['wall_s']:.0f} s: {d['summary']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    text = report(m, a, b, cli, c, d, time.perf_counter() - began)
    print(text)
    if not args.no_append:
        write_latest(BENCHMARKS, text)
        log(f"Written to {BENCHMARKS.relative_to(ROOT)}, section \"Latest run\"")
    return 0


if __name__ == "__main__":
    sys.exit(main())
