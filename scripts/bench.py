"""`make bench`: how fast `assist` is, printed and written to BENCHMARKS.md as its "Latest run" section
(in place of the previous run's; --no-append prints only). A benchmark, not a test.

Bounded (180 s on 2 cores, the test suite gets what is left; --skip-suite saves ~1.5 min), no network:
  a. start-up: `assist --help` (the installed script, else `python -m meta_optout_assist`), median of
     10 runs, beside `python -c pass`; `assist fill --help`; whether --help imported Playwright.
  b. one objection on the replica (tests/mock_site), the simulated person's delay at zero, measured
     in this process: the tool's own `filling.fill_one` (journal, receipt and network guard
     included) on a browser launched here, so the launch is excluded and timed separately; beside
     a bare Playwright script doing the same clicks on the same pages. Medians over --runs, the
     ratio (target <= 1.2), the ratio against the bare script that also takes the tool's two
     receipt screenshots (what the tool's checks cost beyond its proof), the ratio of the tool
     stripped to its page-state detection (no field read-back, required-field check, receipt
     pictures or network guard: a floor, not a mode of the tool), and where both spend
     their time: every Playwright call, charged to the line of the tool (or of the bare script)
     that made it, and how many calls each makes. Also: the first form in a process (cold), the
     network guard's cost per request on a page with 100 sub-requests, what one look ("which page
     is this?") costs on the replica's form and on the same form with 8,000 more elements, and one
     real `assist fill` process end to end (wall time, peak memory of it and of its largest child).
  c. 3 accounts x 2 platforms in one `filling.fill_many` call (what `assist fill --platform all
     --profile a --profile b --profile c` runs): time per form, how often Playwright was started
     and a browser launched.
  d. the test suite's wall time (`pytest -n 2 -q`, under xvfb-run when there is no display).
The browser is the one `assist fill --headless` takes here (a headless shell when the system has
one); ASSIST_BROWSER=/usr/bin/chromium measures with the full Chromium instead.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
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
TARGET_RATIO = 1.2
BUDGET_S = 180  # the whole bench; the suite gets what is left (and is reported as stopped if it needs more)


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

    def total(self, runs: int, bare: bool = False) -> float:
        return sum(t for (api, where), (t, _c) in self.totals.items()
                   if "(in a handler)" not in api and where.startswith(BARE) == bare) / runs


# -- (b) one objection: the tool vs a bare Playwright script --------------------------------------------


def bare_objection(browser, base_url: str, tracer: CallTracer | None = None, proof: bool = False) -> float:
    """The same clicks a person would script by hand: no state detection, journal or receipt
    (with `proof`, the tool's two full-page screenshots, kept in memory only)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        with tracer.recording() if tracer else contextlib.nullcontext():
            return _bare_clicks(page, base_url, proof)
    finally:
        context.close()


def _bare_clicks(page, base_url: str, proof: bool = False) -> float:
    """goto form → decline cookies → (the replica's person logs in) → country, email, reason → Send →
    (the person types the code) → the confirmation."""
    start = time.perf_counter()
    page.goto(base_url + FB_FORM)
    page.get_by_role("button", name="Only allow essential cookies").click()
    # The replica's simulated person logs in; the login page sends them back to the form.
    page.wait_for_url(lambda url: url.split("?")[0].endswith(FB_FORM))
    page.select_option('select[name="country"]', value="DE")
    page.fill('input[name="email"]', EMAIL)
    page.fill('textarea[name="objection_reason"]', REASON)
    if proof:
        page.screenshot(full_page=True)
    page.get_by_role("button", name="Send", exact=True).click()
    # The code pop-up: the simulated person types the code; then Meta's confirmation.
    page.wait_for_url("**/help/contact/confirmation/**")
    page.get_by_text("Thanks for your request").wait_for()
    if proof:
        page.screenshot(full_page=True)
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
            bare_objection(browser, site.base_url)  # warm-up of the bare script, not counted
            for i in range(runs):  # interleaved, so drift on a busy machine hits both alike
                if i >= 3 and time.perf_counter() > stop_at:
                    break  # a slow (busy) machine: keep the bench bounded
                bare_times.append(bare_objection(browser, site.base_url, tracer))
                proof_times.append(bare_objection(browser, site.base_url, proof=True))
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
        "bare_calls": tracer.top(runs, bare=True),
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
    from meta_optout_assist.flow.runner import Runner, text_languages

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


# -- (c) 3 accounts x 2 platforms in one run ---------------------------------------------------------------


def bench_many(site, work: Path, accounts: int = 3) -> dict:
    import playwright.sync_api as sync_api

    from meta_optout_assist.browser import launch as browser_module
    from meta_optout_assist.flow import filling

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

    def timed_fill_one(pw, choice, request, *args, **kwargs):
        start = time.perf_counter()
        result = original_fill_one(pw, choice, request, *args, **kwargs)
        per_form.append({"account": request.account, "platform": request.platform,
                         "seconds": time.perf_counter() - start, "outcome": result.outcome})
        return result

    requests = [make_request(p, f"account{i + 1}") for i in range(accounts) for p in ("facebook", "instagram")]
    sync_api.sync_playwright = counting_sync_playwright
    browser_module.open_context = timed_open_context
    filling.fill_one = timed_fill_one
    try:
        start = time.perf_counter()
        results = filling.fill_many(requests, run_options(work / "many-data", site.base_url), null_ui())
        total = time.perf_counter() - start
    finally:
        sync_api.sync_playwright = original_start
        browser_module.open_context = original_open
        filling.fill_one = original_fill_one
    outcomes = [r.outcome for r in results]
    seconds = [f["seconds"] for f in per_form]
    for form, launch_s in zip(per_form, launches, strict=False):
        form["launch_s"] = launch_s
    # Linear growth: the n-th form costs what the first did. The least-squares slope of the time per
    # form against its position says by how much each further form slows down (≈ 0 when linear).
    slope = statistics.linear_regression(range(len(seconds)), seconds).slope if len(seconds) > 1 else 0.0
    return {
        "forms": len(requests), "total_s": total, "per_form": per_form, "outcomes": outcomes,
        "mean_s": statistics.mean(seconds), "stdev_s": statistics.pstdev(seconds), "slope_s": slope,
        "launch_median_s": median(launches), "overhead_s": total - sum(seconds), **counts,
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
    return {"wall_s": wall, "summary": summary, "exit": proc.returncode, "slowest": slowest[:5]}


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
        out.append(f"| the same clicks, bare Playwright (median of {b['runs']}) | {b['bare_s']:.2f} s | |")
        out.append(f"| ratio tool / bare | **{b['ratio']:.2f}** | ≤ {TARGET_RATIO} {ok(b['ratio'] <= TARGET_RATIO)} |")
        if "bare_proof_s" in b:
            out.append(f"| the same clicks and the tool's two receipt screenshots, bare (median of {b['runs']}) "
                       f"| {b['bare_proof_s']:.2f} s | |")
            out.append(f"| ratio tool / bare with the screenshots (what detection, checks, journal and network "
                       f"guard cost) | {b['ratio_proof']:.2f} | |")
        if "floor_s" in b:
            out.append(f"| the tool without its checks, receipt pictures and network guard: page-state detection, "
                       f"journal and receipt files only (median of {b['runs']}; not a mode of the tool, a floor) "
                       f"| {b['floor_s']:.2f} s, ratio {b['ratio_floor']:.2f} | |")
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
        per = ", ".join(f"{f['seconds']:.1f}" for f in c["per_form"])
        out.append(f"| {c['forms']} forms (3 accounts × 2 platforms) in one run | {c['total_s']:.1f} s; "
                   f"per form {per} s | |")
        out.append(f"| per form: mean ± sd; change per further form (slope) | {c['mean_s']:.2f} ± "
                   f"{c['stdev_s']:.2f} s; {c['slope_s']:+.2f} s | slope ≈ 0 (linear) |")
        out.append(f"| Playwright started / browsers launched | {c['playwright_starts']} / "
                   f"{c['browser_launches']} (median launch {c['launch_median_s']:.2f} s) "
                   "| 1 / one per account+platform |")
    if d:
        target = d["exit"] is not None and d["wall_s"] <= 90
        out.append(f"| test suite, `pytest -n 2 -q` | {d['wall_s']:.0f} s ({d['summary']}) | ≈ 90 s {ok(target)} |")
        if d["slowest"]:
            out.append(f"| its slowest steps | {'; '.join(d['slowest'])} | |")
    out.append("")
    if cli:
        out += [f"The real command's step list: {steps}." if cli["steps"] else
                f"The real command printed: {' / '.join(cli['stderr_tail'])}", ""]
    if b:
        mean_tool = statistics.mean(b["tool_all"])
        out += [f"Where the tool's time goes: Playwright calls by the tool's line that made them, mean per run "
                f"(of {mean_tool:.2f} s per run on average, {b['traced_calls_s']:.2f} s inside calls; the rest is "
                "Python). Calls \"in a handler\" run while the tool waits, not on top of it.", "",
                "| s per run | calls | Playwright call | tool line |", "| ---: | ---: | --- | --- |"]
        for seconds, calls, api, where in b["top_calls"]:
            out.append(f"| {seconds:.3f} | {calls:.0f} | `{api}` | `{where}` |")
        out += ["", f"The bare script's time ({statistics.mean(b['bare_all']):.2f} s per run on average), "
                "the same way:", "",
                "| s per run | calls | Playwright call | line |", "| ---: | ---: | --- | --- |"]
        for seconds, calls, api, where in b["bare_calls"]:
            out.append(f"| {seconds:.3f} | {calls:.0f} | `{api}` | {where} |")
        out.append("")
    if c:
        out += ["Several accounts, per form (one Playwright for the run; a browser per account and platform, "
                "each with its own profile):", "", "| account | platform | browser launch | whole form | outcome |",
                "| --- | --- | ---: | ---: | --- |"]
        for f in c["per_form"]:
            out.append(f"| {f['account']} | {f['platform']} | {f.get('launch_s', float('nan')):.2f} s | "
                       f"{f['seconds']:.2f} s | {f['outcome']} |")
        out.append("")
    return "\n".join(out) + "\n"


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
        if parts & {"one", "many"}:
            site = start_site()
            try:
                if "one" in parts:
                    tracer = CallTracer()
                    tracer.install()
                    log(f"(b) one objection on the replica, tool vs bare Playwright, {args.runs} runs each …")
                    b = bench_one_form(args.runs, site, tracer, work, stop_at=time.perf_counter() + 60)
                    log(f"    tool {b['tool_s']:.2f} s, bare {b['bare_s']:.2f} s, ratio {b['ratio']:.2f}; "
                        f"bare with the screenshots {b['bare_proof_s']:.2f} s, ratio {b['ratio_proof']:.2f}; "
                        f"the tool without its checks {b['floor_s']:.2f} s, ratio {b['ratio_floor']:.2f}")
                    log("    the network guard on a page with 100 sub-requests …")
                    b["net"] = bench_network_guard()
                    log("    which page is this: a look on the replica's form, and on one with 8,000 more elements …")
                    b["big"] = bench_big_page(site)
                    log("    one real `assist fill` process …")
                    cli = bench_cli_once(site, work)
                    log(f"    {cli['wall_s']:.1f} s, exit {cli['exit']}, peak RSS {cli['rss_mb']:.0f} MB")
                if "many" in parts:
                    log("(c) 3 accounts × 2 platforms in one run …")
                    c = bench_many(site, work)
                    log(f"    {c['total_s']:.1f} s for {c['forms']} forms: {c['outcomes']}")
            finally:
                site.stop()
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
