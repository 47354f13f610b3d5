"""One `assist fill` run: for each account and platform, open its browser profile, run the flow,
and keep the journal and the receipt in step with what happened on the page.

`fill_many` takes every account+platform lock first (locking.py: a second run on the same data
folder refuses), starts one Playwright, and fills the forms one after the other, each in its own
persistent browser profile (browser.profile_dir) or a throwaway one (--fresh-session). A form that
fails is reported and recorded, and the next one starts; Ctrl-C stops the run. The results carry
everything the summary and `--json` show; `exit_code` turns them into the command's exit code.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist import __version__
from meta_optout_assist.errors import Aborted, AssistError, ExitCode, InternalError, Interrupted
from meta_optout_assist.pages.base import Flow, Outcome
from meta_optout_assist.site import selectors as selector_data
from meta_optout_assist.store.journal import Journal, State
from meta_optout_assist.store.receipts import Receipt
from meta_optout_assist.ui.i18n import _

if TYPE_CHECKING:
    from playwright.sync_api import Playwright

    from meta_optout_assist.browser.launch import BrowserChoice
    from meta_optout_assist.inputs import FillRequest
    from meta_optout_assist.ui.progress import UI


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
    confirmed_by: str | None = None  # "Meta", or "you" (a link opened in another browser)
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
            "confirmed_by": self.confirmed_by,
        }


class Recorder:
    """The flow's hooks: every step that matters reaches the journal and the receipt at once."""

    def __init__(self, journal: Journal | None, record_id: str | None, data_dir: Path,
                 selectors_version: str) -> None:
        self.journal = journal
        self.record_id = record_id
        self.data_dir = data_dir
        self.selectors_version = selectors_version
        self.receipt: Receipt | None = None
        self.fields: dict[str, str] = {}
        self.times: dict[str, str] = {}
        self.flow: Flow | None = None

    def _now(self) -> str:
        return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")

    def before_send(self, screenshot: bytes, fields: dict[str, str]) -> None:
        self.fields = fields
        self.times["filled_at"] = self._now()
        if self.journal is None or self.record_id is None:
            return
        self.receipt = Receipt.create(self.data_dir, self.record_id)
        self.receipt.add_bytes("form-before-send.png", screenshot)
        self.receipt.add_json("sent.json", fields)
        self.journal.update(self.record_id, receipt_dir=str(self.receipt.dir))

    def submitted(self) -> None:
        self.times["submitted_at"] = self._now()
        if self.journal and self.record_id:
            locale = self.flow.locale if self.flow else None
            self.journal.update(self.record_id, state=State.SUBMITTED, locale=locale)

    def confirmed(self, screenshot: bytes, html: str, text: str) -> None:
        self.times["confirmed_at"] = self._now()
        if self.journal is None or self.record_id is None:
            return
        if self.receipt is None:
            self.receipt = Receipt.create(self.data_dir, self.record_id)
        self.receipt.add_bytes("confirmation.png", screenshot)
        self.receipt.add_text("confirmation.html", html)
        flow = self.flow
        verification = flow.verification if flow else None
        by = flow.confirmed_by if flow else "Meta"
        record = self.journal.update(self.record_id, state=State.CONFIRMED, receipt_dir=str(self.receipt.dir),
                                     verification=verification, confirmed_by=by)
        self.receipt.write_manifest(
            record=record.to_json(), fields_sent=self.fields, timestamps=self.times,
            tool_version=__version__, selectors_version=self.selectors_version,
            confirmation_text=" ".join(text.split()),
            verification={"asked": verification, "confirmed_by": by, "note": VERIFICATION_NOTES.get(
                (verification, by), "")},
        )


# What the receipt says of how the request was verified, in words a reader of it understands.
VERIFICATION_NOTES = {
    ("none", "Meta"): "Meta asked for no code and no link: Send led straight to its confirmation.",
    ("code", "Meta"): "Meta emailed a code; the person typed it into Meta's page, then Meta confirmed.",
    ("link", "Meta"): "Meta emailed a link; it was opened in the tool's browser window, then Meta confirmed.",
    ("link", "you"): "Meta emailed a link; the person said they opened it in another browser. The tool did "
                     "not see Meta's confirmation: confirmation.png shows the page before.",
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


def _closed_browser(err: Exception, flow: Flow | None) -> Aborted | None:
    """The person closed the browser window (or it crashed): Playwright says "... has been closed"."""
    text = str(err)
    if "has been closed" not in text and "Target closed" not in text:
        return None
    sent = flow is not None and flow.submitted
    return Aborted(
        "the browser window was closed before Meta confirmed the request"
        + ("; the form had been sent" if sent else "; nothing was sent"),
        hint=("check your email for Meta's message; `assist status` keeps this attempt" if sent else
              "run the command again and leave the browser window open until the tool says it is done"),
    )


def fill_one(pw: Playwright, choice: BrowserChoice, request: FillRequest, options: RunOptions,
             ui: UI, trace: Path | None = None, interrupted: Callable[[], bool] = lambda: False) -> FillResult:
    """Run the flow for one account on one platform; never lets an error lose the journal.

    `interrupted` says whether Ctrl-C was pressed: it also stops Playwright's driver and the
    browser (same process group), whose errors then mean "interrupted", not "window closed".
    """
    from playwright.sync_api import Error as PlaywrightError

    from meta_optout_assist.browser import launch as browser
    from meta_optout_assist.browser import network
    from meta_optout_assist.doctor import bundle
    from meta_optout_assist.flow.runner import Runner
    from meta_optout_assist.site import urls

    sel = selector_data.load_site(request.platform, request.form, options.selectors_dir)
    form = sel.form
    journal = None if options.dry_run else Journal(options.data_dir)
    record = None
    if journal is not None:
        record = journal.start(
            platform=request.platform, form=request.form, account=request.account,
            country=request.country, email=request.email,
            form_url=urls.rewrite(form.addresses[0], options.base_url),
            tool_version=__version__, selectors_version=sel.version,
        )
    recorder = Recorder(journal, record.id if record else None, options.data_dir, sel.version)
    user_data_dir = None if options.fresh_session else browser.profile_dir(
        options.data_dir, request.account, request.platform)
    ui.begin(account=request.account, platform=sel.display_name, form=request.form,
             browser=choice.label, headless=options.headless, email=request.email)

    def fail(state: State, reason: str) -> None:
        if journal and record:
            journal.update(record.id, state=state, reason=reason)

    flow: Flow | None = None
    try:
        try:
            with browser.open_context(pw, choice, headless=options.headless,
                                      user_data_dir=user_data_dir, locale=request.locale) as context:
                if trace is not None:
                    browser.start_trace(context)
                try:
                    policy = network.NetworkPolicy(tuple(sel.allowed_hosts), options.base_url)
                    network.install(context, policy)
                    page = context.pages[0] if context.pages else context.new_page()
                    flow = Flow(
                        page=page, sel=sel, request=request, ui=ui,
                        hooks=recorder, locale=request.locale or "en", base_url=options.base_url,
                        wait_timeout_ms=options.wait_timeout_s * 1000,
                        page_timeout_ms=options.page_timeout_s * 1000,
                        assume_yes=options.assume_yes, dry_run=options.dry_run,
                    )
                    recorder.flow = flow
                    ui.step(_("Opening the form ({browser})").format(browser=choice.label))
                    outcome = Runner(
                        flow, lambda f, why: bundle.write_bundle(f, options.data_dir, why)
                    ).run()
                finally:
                    if trace is not None:
                        browser.save_trace(context, trace)
        except PlaywrightError as err:
            if interrupted():
                raise KeyboardInterrupt from None
            closed = _closed_browser(err, flow)
            if closed is None:
                raise
            raise closed from None
    except (AssistError, KeyboardInterrupt, Exception) as caught:
        err = _as_assist_error(caught)
        fail(State.ABORTED if err.exit_code == ExitCode.ABORTED else State.FAILED, err.message)
        err.record_id = record.id if record else None
        if err is caught:
            raise
        raise err from caught
    trace_file = str(trace) if trace is not None else None
    if outcome is Outcome.DRY_RUN:
        return FillResult(request, "dry-run", 0, "filled but not sent (dry run)", trace_file=trace_file)
    assert record is not None
    by = flow.confirmed_by if flow else "Meta"
    return FillResult(
        request, "confirmed", 0, "Meta confirmed the request" if by == "Meta" else f"confirmed by {by}",
        record_id=record.id, receipt_dir=str(recorder.receipt.dir) if recorder.receipt else None,
        trace_file=trace_file, confirmed_by=by,
    )


def _as_assist_error(err: BaseException) -> AssistError:
    """Every way a form can end badly, as the domain error it is: Ctrl-C is an interruption, what
    the tool did not foresee an internal error (a bug)."""
    if isinstance(err, AssistError):
        return err
    if isinstance(err, KeyboardInterrupt):
        return Interrupted()
    from meta_optout_assist.browser.unreachable import unreachable

    return unreachable(str(err)) or InternalError(err)


def _failed(request: FillRequest, err: AssistError, trace: Path | None) -> FillResult:
    """A form that did not go through, as a result (the error's exit code and words)."""
    diag = getattr(err, "diagnostics", None)
    return FillResult(
        request, "error" if isinstance(err, InternalError) else
        getattr(err, "outcome", None) or _OUTCOME_OF.get(err.exit_code, "failed"),
        int(err.exit_code), err.message, record_id=err.record_id, hint=err.hint,
        diagnostics=str(diag) if diag else None,
        trace_file=str(trace) if trace is not None and trace.exists() else None,
    )


def fill_many(requests: list[FillRequest], options: RunOptions, ui: UI) -> list[FillResult]:
    """Every requested account and platform with one Playwright; one failure doesn't stop the rest.

    Raises NoDisplay (exit 2) before anything starts when a window is asked for and there is no
    display, RunInProgress (exit 2) when another run holds one of the account+platform locks, and
    BrowserNotFound when there is no browser at all.
    """
    from meta_optout_assist.browser import launch as browser
    from meta_optout_assist.browser.display import require_display
    from meta_optout_assist.store import locking

    require_display(headless=options.headless)  # said before anything starts, not as a failed launch
    several = len(requests) > 1
    results: list[FillResult] = []

    def stop_here(index: int, err: AssistError) -> None:
        code, message = int(ExitCode.ABORTED), "interrupted (Ctrl-C)"
        results.append(FillResult(requests[index], "aborted", code, message, record_id=err.record_id))
        results.extend(FillResult(r, "not-started", code, f"not started: {message}")
                       for r in requests[index + 1:])

    with locking.hold_all(options.data_dir, [(r.account, r.platform) for r in requests]), \
            _ctrl_c_flag() as interrupted:
        from playwright.sync_api import sync_playwright

        browser.cache_node_compilation()
        pw = sync_playwright().start()
        try:
            choice = browser.choose(pw, options.browser, headless=options.headless)
            for index, request in enumerate(requests):
                trace = trace_path(options.trace, request, several) if options.trace else None
                try:
                    results.append(fill_one(pw, choice, request, options, ui, trace, interrupted))
                except (KeyboardInterrupt, Exception) as caught:  # one form's failure never stops the others
                    err = _as_assist_error(caught)
                    if isinstance(err, Interrupted) or interrupted():
                        stop_here(index, err)
                        break
                    result = _failed(request, err, trace)
                    if isinstance(err, InternalError):
                        import traceback

                        traceback.print_exception(err.cause, file=sys.stderr)
                    ui.failure(result.message, hint=result.hint, diagnostics=result.diagnostics,
                               where=f"{request.account} · {request.platform}" if several else None)
                    results.append(result)
                    if isinstance(err, InternalError) and _driver_gone(err.cause):  # nothing more can run
                        results.extend(FillResult(r, "not-started", result.exit_code,
                                                  "not started: Playwright's driver stopped")
                                       for r in requests[index + 1:])
                        break
        finally:
            if interrupted():  # the driver died with Ctrl-C: asyncio would log its lost reader
                import logging

                logging.getLogger("asyncio").setLevel(logging.CRITICAL)
            try:
                pw.stop()
            except Exception:  # noqa: BLE001, S110 - the driver may be gone after Ctrl-C
                pass
    return results


def _driver_gone(err: BaseException) -> bool:
    text = str(err).lower()
    return "connection closed" in text and ("driver" in text or "playwright" in text)


@contextmanager
def _ctrl_c_flag() -> Iterator[Callable[[], bool]]:
    """Note Ctrl-C (then raise KeyboardInterrupt as usual): the terminal sends SIGINT to the whole
    process group, so Playwright's driver and the browser die too, and the errors they cause must be
    read as "interrupted"."""
    import signal
    import threading

    pressed = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield pressed.is_set
        return

    def on_sigint(signum: int, frame: object) -> None:
        pressed.set()
        signal.default_int_handler(signum, frame)

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield pressed.is_set
    finally:
        signal.signal(signal.SIGINT, previous)
