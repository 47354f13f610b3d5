"""Asking the person in the terminal: a question, its answer checked on the spot and asked again
when wrong; yes/no in the terminal's language; a choice from a numbered list.

Questions and answers use stderr (stdout stays free for the result and --json). The end of input
(Ctrl-D, a closed stdin) stops the run as an abort, never as a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.console import Console
from rich.markup import escape

from meta_optout_assist.errors import Aborted
from meta_optout_assist.ui.i18n import _

T = TypeVar("T")
# How often a wait for the answer looks whether a stop signal came meanwhile (see _until_typed).
SIGNAL_LOOK_S = 0.5

# Yes and no in the terminal's eight languages, whichever the person types.
YES = frozenset({"y", "yes", "j", "ja", "o", "oui", "s", "si", "sí", "sim", "t", "tak"})
NO = frozenset({"n", "no", "nein", "non", "nee", "nie", "não", "nao"})


class Asker:
    """One terminal conversation. `read` returns the line typed after a prompt (console.input
    by default); tests give their own."""

    def __init__(self, console: Console | None = None, read: Callable[[str], str] | None = None) -> None:
        from meta_optout_assist.ui.terminal import console_err

        self.console = console or console_err()
        self._read = read

    def _line(self, prompt: str) -> str:
        try:
            if self._read is not None:
                self.console.print(prompt, end="")
                return self._read(prompt)
            if _waitable(sys.stdin):
                self.console.print(prompt, end="")
                _until_typed(sys.stdin)
                return input()
            return self.console.input(prompt)
        except EOFError:
            self.console.print()
            raise Aborted("no answer: the input ended (Ctrl-D); nothing was sent") from None

    def say(self, text: str) -> None:
        self.console.print(escape(text))

    def ask(self, question: str, check: Callable[[str], T], *, default: str | None = None) -> T:
        """Ask until `check` accepts the answer (it raises ValueError saying what is wrong)."""
        shown = f"[bold]{escape(question)}[/]" + (f" [cyan]\\[{escape(default)}][/]" if default else "") + ": "
        while True:
            answer = self._line(shown).strip()
            if not answer and default is not None:
                answer = default
            if not answer:
                self.console.print("[yellow]![/] " + escape(_("An answer is needed here.")))
                continue
            try:
                return check(answer)
            except ValueError as err:
                self.console.print("[yellow]![/] " + escape(_("That does not work: {problem}").format(
                    problem=str(err).strip())))

    def yes_no(self, question: str, *, default: bool = False) -> bool:
        """y/n in the terminal's language (any of the eight languages' words is understood)."""
        letters = _("y/N") if not default else _("Y/n")
        shown = f"[bold]{escape(question)}[/] [cyan]\\[{escape(letters)}][/]: "
        while True:
            answer = self._line(shown).strip().lower()
            if not answer:
                return default
            if answer in YES or answer == _("y").lower():
                return True
            if answer in NO or answer == _("n").lower():
                return False
            self.console.print("[yellow]![/] " + escape(_("Please answer {yes} or {no}.").format(
                yes=_("y"), no=_("n"))))

    def pick(self, question: str, options: Sequence[tuple[str, str]], *, default: str | None = None,
             several: bool = False) -> list[str]:
        """Choose from a numbered list of (key, label); with `several`, numbers separated by commas
        or spaces, or "all". Returns the chosen keys in list order."""
        for number, (_key, label) in enumerate(options, 1):
            self.console.print(f"  [cyan]{number}[/]  {escape(label)}")
        keys = [k for k, _label in options]

        def check(text: str) -> list[str]:
            words = text.replace(",", " ").split()
            if several and len(words) == 1 and words[0].lower() in ("all", _("all").lower()):
                return keys
            chosen = []
            for word in words:
                if word in keys:
                    chosen.append(word)
                    continue
                if not word.isdigit() or not 1 <= int(word) <= len(options):
                    raise ValueError(_("type a number from 1 to {n}").format(n=len(options)))
                chosen.append(keys[int(word) - 1])
            if not several and len(chosen) != 1:
                raise ValueError(_("type one number from 1 to {n}").format(n=len(options)))
            return [k for k in keys if k in chosen]

        return self.ask(question, check, default=default)


def _waitable(stream: object) -> bool:
    """A terminal whose readiness select() can wait on (POSIX; Windows' console is not)."""
    return sys.platform != "win32" and hasattr(stream, "fileno") and getattr(stream, "isatty", lambda: False)()


def _until_typed(stream) -> None:
    """Wait until the person has typed a line. A stop signal (SIGTERM…) that arrives between the
    question and the read would otherwise be held until the person presses Enter (the blocked read
    never returns to Python); waiting in slices lets it end the run at once."""
    import select

    while not select.select([stream], [], [], SIGNAL_LOOK_S)[0]:
        pass

