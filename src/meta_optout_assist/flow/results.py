"""What a run is asked to do (RunOptions) and what came of each form (FillResult): the summary,
`--json` and the exit code read them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist.errors import ExitCode

if TYPE_CHECKING:
    from meta_optout_assist.inputs import FillRequest


@dataclass(frozen=True)
class RunOptions:
    data_dir: Path
    base_url: str | None = None
    headless: bool = False
    assume_yes: bool = False
    dry_run: bool = False
    browser: str | None = None
    wait_timeout_s: int = 900
    page_timeout_s: int = 20
    selectors_dir: Path | None = None
    fresh_session: bool = False
    trace: Path | None = None  # --trace FILE: a Playwright trace per form (see trace_path)

    def __post_init__(self) -> None:
        from meta_optout_assist.flow import limits

        limits.check(self.wait_timeout_s, self.page_timeout_s)


@dataclass
class FillResult:
    request: FillRequest
    # confirmed | dry-run | failed | timed-out | refused | aborted | not-understood | error
    # | not-started (Ctrl-C stopped the run before this form)
    outcome: str
    exit_code: int
    message: str = ""
    record_id: str | None = None
    receipt_dir: str | None = None
    hint: str | None = None
    diagnostics: str | None = None
    trace_file: str | None = None
    # "Meta", "you" (a link opened in another browser), or the --base-url origin that is not Meta.
    confirmed_by: str | None = None
    receipt_missing: list[str] = field(default_factory=list)  # receipt files a full disk kept out
    extra: dict = field(default_factory=dict)

    @property
    def account(self) -> str:
        return self.request.account

    @property
    def platform(self) -> str:
        return self.request.platform

    @property
    def form(self) -> str:
        return self.request.form

    def to_json(self) -> dict:
        """One element of `assist fill --json`."""
        return {
            "account": self.account, "platform": self.platform, "form": self.form,
            "outcome": self.outcome, "exit_code": self.exit_code, "record_id": self.record_id,
            "receipt_dir": self.receipt_dir, "message": self.message, "hint": self.hint,
            "diagnostics_dir": self.diagnostics, "trace_file": self.trace_file,
            "confirmed_by": self.confirmed_by, "receipt_missing": self.receipt_missing,
        }


_OUTCOME_OF = {
    ExitCode.TIMED_OUT: "timed-out", ExitCode.SITE_REFUSED: "refused",
    ExitCode.PAGE_NOT_UNDERSTOOD: "not-understood", ExitCode.ABORTED: "aborted",
    ExitCode.BAD_INPUT: "failed",
}


def exit_code(results: list[FillResult]) -> int:
    """0 when every form was confirmed (or filled, with --dry-run); otherwise the exit code of the
    first form, in run order, that was not."""
    return next((r.exit_code for r in results if r.exit_code), 0)


def trace_path(base: Path, request: FillRequest, several: bool) -> Path:
    """--trace FILE as given for one form; FILE-<account>-<platform>.zip for each of several."""
    if not several:
        return base
    suffix = base.suffix or ".zip"
    return base.with_name(f"{base.stem}-{request.account}-{request.platform}{suffix}")
