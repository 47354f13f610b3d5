"""Domain errors and the exit codes they map to (the command-line contract in one place).

Every failure a person can meet is one of these; the CLI turns them into a message and an exit
code, never a traceback.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

# Where a bug is reported (pyproject.toml's project.urls.Issues).
ISSUES_URL = "https://github.com/meta-optout-assist/meta-optout-assist/issues"


class ExitCode(IntEnum):
    CONFIRMED = 0
    BAD_INPUT = 2
    PAGE_NOT_UNDERSTOOD = 3
    TIMED_OUT = 4
    SITE_REFUSED = 5
    ABORTED = 130  # the person said no, closed the window, pressed Ctrl-C (SIGINT: 128 + 2)
    HUNG_UP = 129  # the terminal was closed (SIGHUP: 128 + 1)
    TERMINATED = 143  # stopped by SIGTERM (a service manager, `timeout`, `kill`: 128 + 15)


#: The signals that end a run like Ctrl-C, by number (SIGHUP does not exist on Windows).
SIGNAL_NAMES = {2: "Ctrl-C", 1: "SIGHUP: the terminal was closed", 15: "SIGTERM"}
_SIGNAL_CODES = {2: ExitCode.ABORTED, 1: ExitCode.HUNG_UP, 15: ExitCode.TERMINATED}


class Stopped(KeyboardInterrupt):
    """A signal that ends the run (Ctrl-C, SIGTERM, SIGHUP), raised where the program is, as
    Ctrl-C's KeyboardInterrupt is; `signum` says which."""

    def __init__(self, signum: int = 2) -> None:
        super().__init__(signum)
        self.signum = signum
        self.exit_code = int(_SIGNAL_CODES.get(signum, ExitCode.ABORTED))


class AssistError(Exception):
    """Base class: a message for the person, a hint on what to do, an exit code."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        # The journal record of the attempt this error ended, once one was started.
        self.record_id: str | None = None


class BadInput(AssistError):
    """Something the person typed or pointed at is not usable (flags, profile, selectors file)."""

    exit_code = ExitCode.BAD_INPUT


class SelectorsError(BadInput):
    """A selectors file is missing, malformed or of an incompatible schema."""


class KeyringUnavailable(BadInput):
    """No OS keyring backend: profiles cannot be stored safely."""


class BrowserNotFound(BadInput):
    """No browser to drive."""


class NoDisplay(BadInput):
    """A visible browser window is asked for, and there is no display to show it."""


class PageNotUnderstood(AssistError):
    """The page matches none of the states the tool knows; diagnostics were saved."""

    exit_code = ExitCode.PAGE_NOT_UNDERSTOOD

    def __init__(self, message: str, *, hint: str | None = None,
                 diagnostics: Path | None = None) -> None:
        super().__init__(message, hint=hint)
        self.diagnostics = diagnostics


class TimedOut(AssistError):
    """The person did not finish a step (log in, type the code) within --wait-timeout."""

    exit_code = ExitCode.TIMED_OUT


class SiteRefused(AssistError):
    """The site answered with an error page or a refusal."""

    exit_code = ExitCode.SITE_REFUSED


class SiteUnreachable(SiteRefused):
    """Meta's site could not be reached: no network, DNS, a refused connection, TLS."""

    outcome = "unreachable"


class Aborted(AssistError):
    """The person said no, or pressed Ctrl-C."""

    exit_code = ExitCode.ABORTED


class DataFolderError(BadInput):
    """The data folder cannot be made, written, or has no room: said before a browser opens, or,
    when it happens later, before anything is sent."""


class Interrupted(Aborted):
    """Ctrl-C, SIGTERM or SIGHUP: this form stops, and so does the run. The exit code is 130 for
    Ctrl-C, the signal's own (128 + its number: 143, 129) for the others."""

    def __init__(self, signum: int = 2) -> None:
        super().__init__(f"interrupted ({SIGNAL_NAMES.get(signum, f'signal {signum}')})")
        self.signum = signum
        self.exit_code = ExitCode(_SIGNAL_CODES.get(signum, ExitCode.ABORTED))


class InternalError(AssistError):
    """A failure the tool did not foresee: a bug. Said as one, with how to report it; the other
    forms of the run are still tried."""

    exit_code = ExitCode.PAGE_NOT_UNDERSTOOD

    def __init__(self, cause: BaseException) -> None:
        lines = str(cause).splitlines()
        super().__init__(
            f"internal error ({type(cause).__name__}: {lines[0] if lines else ''})",
            hint=f"this is a bug in assist: please report it at {ISSUES_URL} with the lines above "
            "(and `assist --version`); the other accounts and platforms were still tried",
        )
        self.cause = cause
