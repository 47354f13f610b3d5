"""The running commentary of a fill: steps done, what the person must do now, the review before Send.

The runner talks to this interface only, so the terminal (rich, quiet, JSON) can change without
touching the flow.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.table import Table


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


class UI:
    """Rich terminal output on stderr (stdout stays free for --json results)."""

    def __init__(self, console: Console | None = None, *, quiet: bool = False,
                 interactive: bool | None = None) -> None:
        self.console = console or Console(stderr=True, highlight=False)
        self.quiet = quiet
        self.interactive = sys.stdin.isatty() if interactive is None else interactive
        self.started = time.monotonic()

    def _elapsed(self) -> str:
        return _clock(time.monotonic() - self.started)

    def heading(self, text: str) -> None:
        if not self.quiet:
            self.console.rule(f"[bold]{text}")

    def step(self, text: str) -> None:
        if not self.quiet:
            self.console.print(f"[green]✓[/] {text} [dim]({self._elapsed()})[/]")

    def info(self, text: str) -> None:
        if not self.quiet:
            self.console.print(f"  {text}")

    def warn(self, text: str) -> None:
        self.console.print(f"[yellow]![/] {text}")

    @contextmanager
    def waiting_for_person(self, message: str, *, step: str) -> Iterator[None]:
        """Tell the person what to do (with a bell), show a ticking clock until they have done it."""
        self.console.print(f"\a[bold cyan]→ {message}[/]")
        if self.quiet or not self.console.is_terminal:
            yield
            return
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
        with Progress(*columns, console=self.console, transient=True) as progress:
            progress.add_task(step, total=None)
            yield

    def review(self, fields: list[tuple[str, str]], *, ask: bool) -> bool:
        """Show exactly what will be sent; with ask, the person says yes or no."""
        table = Table(title="About to send", show_header=False, expand=False)
        table.add_column("Field", style="bold")
        table.add_column("Value", overflow="fold")
        for name, value in fields:
            table.add_row(name, value)
        self.console.print(table)
        if not ask:
            return True
        from rich.prompt import Confirm

        return Confirm.ask("Send this to Meta?", console=self.console, default=False)
