"""`make docs`: regenerate the README's pictures in docs/img/ from the code as it is now.

Pages: the replica of Meta's pages (tests/mock_site) in headless Chromium, walked through the way a
person meets them: the cookie banner, the login wall, the form filled in, the emailed-code pop-up,
the confirmation. (This script logs in and types the code on the replica itself; `assist` never does.)

Terminal: the real `assist fill` in a real terminal (tmux, 110×36), against the replica playing the
person, captured with its colours while it waits for the login and again at the end, then drawn with
rich's SVG export and photographed by Chromium. Needs tmux, and a display or xvfb-run (the run has a
browser window, as a person's does); without them the terminal pictures are skipped with a message.

Every PNG is checked to stay under 200 KB. No network: everything is served on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import io
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from checkout import ROOT, pythonpath  # first: puts the checkout on sys.path
from tests.mock_site import MockSite

IMG = ROOT / "docs" / "img"
MAX_BYTES = 200 * 1024
VIEWPORT = {"width": 1000, "height": 700}
EMAIL = "you@example.org"
REASON = ("My profile shows my children and my home. I object to Meta using my posts and photos to "
          "train its AI: they were shared with friends, not for that.")
FB_FORM = "/help/contact/712876720715583"
COLUMNS, ROWS = 110, 36


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def save(data: bytes, name: str) -> Path:
    path = IMG / name
    path.write_bytes(data)
    size = len(data)
    say(f"  {path.relative_to(ROOT)}  {size // 1024} KB")
    if size > MAX_BYTES:
        raise SystemExit(f"{path.name} is {size // 1024} KB, over the {MAX_BYTES // 1024} KB limit: shrink it")
    return path


def clipped(page, height: int) -> bytes:
    """The top of the page: these pages leave the lower part of the window empty."""
    return page.screenshot(clip={"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height})


def launch(pw):
    from meta_optout_assist.browser import launch as browser

    return pw.chromium.launch(**browser.launch_options(browser.choose(pw, None, headless=True), headless=True))


# -- the replica's pages -------------------------------------------------------------------------------


def page_shots(pw) -> None:
    site = MockSite().start()
    site.configure(simulate_person=False)
    browser = launch(pw)
    try:
        context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
        page = context.new_page()
        page.goto(site.base_url + FB_FORM)
        page.get_by_role("button", name="Only allow essential cookies").wait_for()
        save(clipped(page, 560), "page-cookie-banner.png")

        page.get_by_role("button", name="Only allow essential cookies").click()
        page.get_by_role("dialog").wait_for(state="hidden")
        save(clipped(page, 500), "page-login-wall.png")

        # The person's step, played here by this script on the replica (any name and password do).
        page.fill('input[name="email"]', "person@example.com")
        page.fill('input[name="pass"]', "not-a-real-password")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(lambda url: url.split("?")[0].endswith(FB_FORM))
        page.select_option('select[name="country"]', value="DE")
        page.fill('input[name="email"]', EMAIL)
        page.fill('textarea[name="objection_reason"]', REASON)
        save(page.screenshot(full_page=True), "page-form-filled.png")

        page.get_by_role("button", name="Send", exact=True).click()
        code_box = page.locator('input[autocomplete="one-time-code"]')
        code_box.wait_for()
        save(page.screenshot(), "page-code-popup.png")

        code_box.fill(site.issued_codes[-1])  # the code the replica "emailed"
        page.get_by_role("dialog").get_by_role("button", name="Confirm").click()
        page.wait_for_url("**/help/contact/confirmation/**")
        save(clipped(page, 270), "page-confirmation.png")
        context.close()
    finally:
        browser.close()
        site.stop()


# -- the terminal ---------------------------------------------------------------------------------------


class Tmux:
    """A detached tmux session on its own server socket, so the person's own tmux is never touched."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"assist-docs-{os.getpid()}"
        self.env = env
        self.run("new-session", "-d", "-s", "docs", "-x", str(COLUMNS), "-y", str(ROWS),
                 "bash --norc --noprofile")
        self.run("set-option", "-g", "status", "off")

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              env=self.env, check=True).stdout

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "docs", "-l", text)
        self.run("send-keys", "-t", "docs", "Enter")

    def screen(self, colours: bool = False) -> str:
        return self.run("capture-pane", "-p", "-t", "docs", *(["-e"] if colours else []))

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = 90) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.screen()
            if check(text):
                return text
            time.sleep(0.05)  # polling a terminal we do not control; the tool itself never sleeps
        raise SystemExit(f"the terminal never showed {what}:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, env=self.env)


def terminal_svg(ansi: str, title: str) -> str:
    """The captured screen (with its colour escapes) as rich's SVG of a terminal window."""
    from rich.console import Console
    from rich.text import Text

    lines = ansi.rstrip("\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    console = Console(record=True, width=COLUMNS, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor")
    console.print(Text.from_ansi("\n".join(lines)), crop=False, overflow="ignore")
    svg = console.export_svg(title=title)
    # rich asks for Fira Code (from the web); use a monospace font every Linux box has, whose box
    # drawing characters join up.
    return svg.replace("font-family: Fira Code, monospace;",
                       'font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace;')


def photograph_svg(browser, svg: str, name: str) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.route("**/*", lambda route: route.abort() if route.request.url.startswith("http") else route.continue_())
    page.set_content(
        "<html><body style='margin:0;background:#fff'>"
        "<style>svg{width:1000px;height:auto;display:block}</style>" + svg + "</body></html>")
    save(page.locator("svg").screenshot(), name)
    page.close()


def terminal_shots(pw) -> None:
    if not shutil.which("tmux"):
        say("  skipped the terminal pictures: tmux is not installed (Debian/Ubuntu: apt-get install tmux)")
        return
    # The pictures show what a person sees: a run with a browser window (a --headless run prints
    # other words), so they need a display, or a virtual one.
    if os.environ.get("DISPLAY"):
        runner = ""
    elif shutil.which("xvfb-run"):
        runner = "xvfb-run -a "
    else:
        say("  skipped the terminal pictures: no display, and no xvfb-run to make one "
            "(Debian/Ubuntu: apt-get install xvfb xauth)")
        return
    site = MockSite().start()
    # The replica plays the person, slowly enough that the waits show on screen.
    site.configure(simulate_person=True, person_delay_ms=2500)
    work = Path(tempfile.mkdtemp(prefix="assist-docs-"))
    bin_dir = work / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "assist"
    wrapper.write_text(f"#!/bin/sh\nexec {runner}{shlex.quote(sys.executable)} -m meta_optout_assist \"$@\"\n")
    wrapper.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": pythonpath(),
        "ASSIST_BASE_URL": site.base_url,  # the replica instead of facebook.com, keeping the paths
        "ASSIST_DATA_DIR": str(work / "data"),
        "PS1": "$ ", "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LANG": "C.UTF-8",
    }
    env.pop("TMUX", None)
    tmux = Tmux(env)
    browser = launch(pw)
    try:
        tmux.wait_for(lambda s: s.rstrip().endswith(("$", "#")), "the shell prompt")
        tmux.type("PS1='$ '; clear")
        tmux.wait_for(lambda s: s.strip() == "$", "a clear screen")
        tmux.type("assist fill --platform facebook --email you@example.org --country DE "
                  "--reason 'My profile shows my children; I object to my posts training AI at Meta.'")
        tmux.wait_for(lambda s: "Log in to Facebook" in s and "Waiting for you" in s, "the login prompt")
        photograph_svg(browser, terminal_svg(tmux.screen(colours=True), "assist fill"),
                       "terminal-waiting-for-login.png")
        tmux.wait_for(lambda s: "Send this to Meta" in s, "the review question")
        tmux.type("y")
        screen = tmux.wait_for(lambda s: "Receipt" in s and s.rstrip().endswith("$"), "the end of the run")
        if "Confirmed" not in screen:
            raise SystemExit(f"the run did not end confirmed:\n{screen}")
        photograph_svg(browser, terminal_svg(tmux.screen(colours=True), "assist fill"), "terminal-run.png")
    finally:
        browser.close()
        tmux.close()
        site.stop()
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["pages", "terminal"], help="make only these pictures")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    IMG.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        if args.only in (None, "pages"):
            say("The replica's pages:")
            page_shots(pw)
        if args.only in (None, "terminal"):
            say("The terminal during `assist fill`:")
            terminal_shots(pw)
    return 0


if __name__ == "__main__":
    sys.exit(main())
