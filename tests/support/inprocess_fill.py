"""One form filled by `filling.fill_one` in the test's own process, in a fresh context of the
worker's browser (pytest-playwright's).

Everything `assist fill` does for a form happens as it does there: the network guard, the state
loop and page objects, the journal, the receipt. What is left out is what every form would repeat:
starting Python, Playwright's driver and a browser of its own (0.7 to 1.6 CPU-s a run here, on a
box whose two cores the suite keeps busy). So the tests about pages (languages, slow pages, codes,
refusals, other forms) run here, and the tests about the command itself (tests/e2e/test_fill.py,
test_accounts.py, test_secrets.py...) run the real `assist` in a subprocess.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console

from meta_optout_assist.browser import launch as browser_module
from meta_optout_assist.errors import AssistError
from meta_optout_assist.flow import filling
from meta_optout_assist.inputs import build_request
from meta_optout_assist.ui.progress import UI


@dataclass
class Filled:
    """How the form ended: `code` is the exit code `assist fill` would give (0, or the error's)."""

    code: int
    output: str
    error: AssistError | None = None

    @property
    def text(self) -> str:
        return self.output + (f"\nError: {self.error.message}" if self.error else "")


@pytest.fixture
def fill_here(browser, playwright, data_dir: Path, monkeypatch):
    """fill_here(site, platform=..., email=..., ...) → Filled; the request's fields as
    inputs.build_request takes them."""

    @contextlib.contextmanager
    def shared_browser_context(_pw, _choice, *, headless, user_data_dir=None, locale=None):
        assert user_data_dir is None, "a persistent profile needs a browser of its own"
        options: dict = {"viewport": {"width": 1280, "height": 900}}
        if locale:
            options["locale"] = locale.replace("_", "-")
        context = browser.new_context(**options)
        context.new_page()  # a launched context opens with a page; fill_one uses context.pages[0]
        try:
            yield context
        finally:
            context.close()

    monkeypatch.setattr(browser_module, "open_context", shared_browser_context)
    choice = browser_module.BrowserChoice(label=f"{browser.browser_type.name} {browser.version}")

    def run(site, *, wait_timeout_s: int = 60, page_timeout_s: int = 15,
            selectors_dir: Path | None = None, assume_yes: bool = True, **fields) -> Filled:
        """`assume_yes=False`: the review asks its question (the answer comes from sys.stdin)."""
        request = build_request(**fields)
        options = filling.RunOptions(data_dir=data_dir, base_url=site.base_url, headless=True,
                                     assume_yes=assume_yes, wait_timeout_s=wait_timeout_s,
                                     page_timeout_s=page_timeout_s, selectors_dir=selectors_dir,
                                     fresh_session=True)
        sink = io.StringIO()
        ui = UI(Console(file=sink, width=200), interactive=not assume_yes, out=Console(file=sink, width=200))
        try:
            result = filling.fill_one(playwright, choice, request, options, ui)
        except AssistError as err:
            return Filled(int(err.exit_code), sink.getvalue(), err)
        assert result.outcome in ("confirmed", "dry-run"), result
        return Filled(0, sink.getvalue())

    return run
