"""The running commentary of a fill: steps done, what the person must do now, the review before Send,
and the summary at the end.

The runner and the page objects talk to this interface only (`heading`, `step`, `info`, `warn`,
`waiting_for_person`, `review`), so the terminal can change without touching the flow.

Streams: everything here goes to stderr except the final summary, which is the run's result and
goes to stdout (with `--json`, the command prints JSON there instead and this class prints no
summary). A step list with elapsed times reads like:

    ✓ Opening the form (chromium)          00:01
    ✓ Declined optional cookies            00:02
    → Log in to Facebook in the browser window …      (a bell; a ticking clock on a terminal)
    ✓ Logged in to Facebook                00:15 · you took 00:12
    ✓ Filled the form                      00:16
      Review: what will be sent to Meta …  (every field in full, then "Send this to Meta?")
    ✓ Sent the form                        00:20
    → Meta emailed a code to … Type it into the browser window …
    ✓ Code accepted                        01:02 · you took 00:41
    ✓ Confirmed by Meta                    01:03

`quiet` keeps only what the person must act on (the prompts, the review when it asks), warnings,
errors and the final summary.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from meta_optout_assist.ui.i18n import _, ngettext
from meta_optout_assist.ui.shown import visible
from meta_optout_assist.ui.typed_lines import TypedLines

if TYPE_CHECKING:
    from rich.progress import Task

OUTCOME_STYLE = {
    "confirmed": "bold green", "dry-run": "cyan", "timed-out": "yellow", "aborted": "yellow",
    "not-started": "dim",
}


def clock(seconds: float) -> str:
    """00:07, 02:13, 61:05: minutes and seconds, as the step list shows them."""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    return f"{minutes:02d}:{secs:02d}"


def ticking_clock():
    """A progress column showing the wait so far as (mm:ss), refreshed while the person works."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Clock(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"({clock(task.elapsed or 0)})", style="cyan")

    return Clock()


@dataclass
class _Form:
    """Which form is running now, so prompts can say which window to use."""

    account: str
    platform: str
    form: str
    browser: str
    headless: bool
    started: float
    email: str | None = None
    recipient: str = "Meta"  # who the form goes to: Meta, or a --base-url origin that is not Meta


class ResultLike(Protocol):
    """What the summary needs of a filling.FillResult (kept structural: ui imports no flow code)."""

    outcome: str
    exit_code: int
    message: str
    record_id: str | None
    receipt_dir: str | None
    confirmed_by: str | None

    @property
    def account(self) -> str: ...
    @property
    def platform(self) -> str: ...
    @property
    def form(self) -> str: ...


class UI:
    """Rich terminal output on stderr (stdout stays free for the result and for --json)."""

    def __init__(self, console: Console | None = None, *, quiet: bool = False,
                 interactive: bool | None = None, out: Console | None = None,
                 lines: TypedLines | None = None) -> None:
        self.console = console or Console(stderr=True, highlight=False)
        self.out = out or Console(highlight=False)
        self.quiet = quiet
        self.interactive = sys.stdin.isatty() if interactive is None else interactive
        self.started = time.monotonic()
        self.current: _Form | None = None
        self._waited: float | None = None
        self._lines = lines

    # -- where we are ---------------------------------------------------------------------------
    def begin(self, *, account: str, platform: str, form: str, browser: str, headless: bool,
              email: str | None = None, recipient: str = "Meta") -> None:
        """A new form starts: a heading, and the clock of the step list restarts."""
        self.current = _Form(account, platform, form, browser, headless, time.monotonic(), email, recipient)
        self._waited = None
        self.heading(_("{platform} · {form} form · account {account}").format(
            platform=platform, form=form, account=account))

    def _elapsed(self) -> str:
        since = self.current.started if self.current else self.started
        return clock(time.monotonic() - since)

    def heading(self, text: str) -> None:
        if not self.quiet:
            self.console.rule(f"[bold]{escape(text)}")

    def step(self, text: str) -> None:
        """One line of the step list: done, with the time since this form started."""
        waited, self._waited = self._waited, None
        if self.quiet:
            return
        took = " · " + _("you took {time}").format(time=clock(waited)) if waited is not None else ""
        self.console.print(f"[green]✓[/] {escape(text)}  [dim]{self._elapsed()}{took}[/]")

    def info(self, text: str) -> None:
        if not self.quiet:
            self.console.print(f"  {escape(text)}")

    def warn(self, text: str) -> None:
        self.console.print(f"[yellow]![/] {escape(text)}")

    def failure(self, message: str, *, hint: str | None = None, diagnostics: str | None = None,
                where: str | None = None) -> None:
        """A form that did not go through: what happened, where the evidence is, what to do."""
        prefix = f"{escape(where)}: " if where else ""
        # Escapes shown for control characters: a message may quote a page's words.
        self.console.print(f"[bold red]Error:[/] {prefix}{escape(visible(message))}")
        if diagnostics:
            self.console.print(f"Diagnostics saved in: {escape(visible(diagnostics))}", soft_wrap=True)
        if hint:
            self.console.print(f"[bold]What to do:[/] {escape(visible(hint))}")

    def bell(self) -> None:
        """The person is needed: ring the terminal's bell (only on a terminal, never in a log)."""
        if self.console.is_terminal:
            self.console.bell()

    # -- the person's steps -----------------------------------------------------------------------
    def _window(self) -> str:
        f = self.current
        if f is None:
            return _("the browser window this command opened")
        if f.headless:
            return _("no window is shown (--headless); run without --headless to do this step yourself")
        whose = _("account {account}").format(account=repr(f.account)) + (f" ({f.email})" if f.email else "")
        return _("the browser window this command opened for {whose} on {platform} ({browser})").format(
            whose=whose, platform=f.platform, browser=f.browser)

    def typed_lines(self) -> TypedLines:
        """What the person types into the terminal while the tool waits on the browser."""
        if self._lines is None:
            self._lines = TypedLines().start()
        return self._lines

    @contextmanager
    def waiting_for_person(self, message: str, *, step: str) -> Iterator[None]:
        """Say what to do and in which window (with a bell); tick a clock until it is done."""
        self.bell()
        self.console.print(f"[bold cyan]→ {escape(message)}[/]")
        where = _("Where: {window}.").format(window=self._window())
        self.console.print(f"  [dim]{escape(where)}[/]")
        begun = time.monotonic()
        try:
            if not self.console.is_terminal:
                yield
                return
            from rich.progress import Progress, SpinnerColumn, TextColumn

            with Progress(SpinnerColumn(), TextColumn("{task.description}"), ticking_clock(),
                          console=self.console, transient=True) as progress:
                progress.add_task(escape(step), total=None)
                yield
        finally:
            self._waited = time.monotonic() - begun

    def review(self, fields: Sequence[tuple[str, str]], *, ask: bool) -> bool:
        """Show exactly what will be sent, every value in full; with ask, the person says yes or no."""
        if self.quiet and not ask:
            return True
        to = self.current.recipient if self.current else "Meta"
        if to != "Meta":  # a --base-url origin that is not Meta's is named, untranslated
            where = f" ({self.current.platform} · account {self.current.account})" if self.current else ""
            heading = f"Review — what will be sent to {to}{where}:"
        elif self.current:
            heading = _("Review — what will be sent to Meta ({platform} · account {account}):").format(
                platform=self.current.platform, account=self.current.account)
        else:
            heading = _("Review — what will be sent to Meta:")
        self.console.print(f"[bold]{escape(visible(heading))}[/]")
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for name, value in fields:  # escapes shown for control and bidi characters (sent as typed)
            grid.add_row(f"  {escape(visible(name))}", escape(visible(value)))
        self.console.print(grid)
        if not ask:
            return True
        from meta_optout_assist.ui.ask import Asker

        self.bell()
        question = _("Send this to Meta now?") if to == "Meta" else f"Send this to {to} now?"
        return Asker(self.console).yes_no(question, default=False)  # Ctrl-D: Aborted, nothing sent

    # -- the end --------------------------------------------------------------------------------
    def summary(self, results: Sequence[ResultLike], exit_code: int) -> None:
        """The result of the run on stdout: one row per account and platform, then the receipts."""
        table = Table(title=_("Result"), title_justify="left", expand=False)
        for column in (_("Account"), _("Platform"), _("Form"), _("Outcome"), _("Record")):
            table.add_column(column, overflow="fold")
        for r in results:
            style = OUTCOME_STYLE.get(r.outcome, "bold red")
            table.add_row(escape(r.account), escape(r.platform), escape(r.form),
                          f"[{style}]{escape(r.outcome)}[/]", escape(r.record_id or "-"))
        self.out.print(table)
        for r in results:
            if r.receipt_dir:
                self.out.print(escape(_("Receipt ({account} · {platform}): {folder}").format(
                    account=r.account, platform=r.platform, folder=r.receipt_dir)), soft_wrap=True)
        for r in results:
            if r.exit_code and r.outcome != "not-started":
                self.out.print(f"[red]✗[/] {escape(r.account)} · {escape(r.platform)}: {escape(r.message)}")
        done = sum(r.outcome in ("confirmed", "dry-run") for r in results)
        by_you = any(r.confirmed_by == "you" for r in results)
        # A --base-url origin that is not Meta is named: such a run never says "by Meta".
        others = sorted({r.confirmed_by for r in results if r.confirmed_by not in (None, "Meta", "you")})
        if exit_code == 0:
            if all(r.outcome == "dry-run" for r in results):
                sentence = ngettext("Filled, not sent (dry run).", "All {n} filled, not sent (dry run).", done)
            elif others:
                sentence = (f"All {{n}} confirmed by {' and '.join(others)}." if done > 1
                            else f"Confirmed by {' and '.join(others)}.")
            elif not by_you:
                sentence = ngettext("Confirmed by Meta.", "All {n} confirmed by Meta.", done)
            else:
                sentence = ngettext("Confirmed (by you where a link was opened elsewhere).",
                                    "All {n} confirmed (by you where a link was opened elsewhere).", done)
            self.out.print(f"[bold green]{escape(sentence.format(n=done))}[/]")
        else:
            self.out.print(escape(_("{done} of {total} went through; exit code {code}, from the first one that "
                                    "did not (`assist fill --help` lists the codes).").format(
                done=done, total=len(results), code=exit_code)))
