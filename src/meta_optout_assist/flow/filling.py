"""One `assist fill` run: for each account and platform, open its browser profile, run the flow,
and keep the journal and the receipt in step with what happened on the page.

`fill_many` takes every account+platform lock first (locking.py: a second run on the same data
folder refuses), starts one Playwright, and fills the forms one after the other, each in its own
persistent browser profile (browser.profile_dir) or a throwaway one (--fresh-session). A form that
fails is reported and recorded, and the next one starts; Ctrl-C, SIGTERM or SIGHUP stops the run
(flow/stops.py). The data folder is checked before a browser opens (store/preflight.py). The
results carry everything the summary and `--json` show; `exit_code` turns them into the command's
exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist import __version__
from meta_optout_assist.errors import (
    Aborted,
    AssistError,
    InternalError,
    Interrupted,
    SiteRefused,
    Stopped,
)
from meta_optout_assist.flow.recorder import Recorder
from meta_optout_assist.flow.results import (  # noqa: F401 - filling's API
    _OUTCOME_OF,
    FillResult,
    RunOptions,
    exit_code,
    trace_path,
)
from meta_optout_assist.flow.stops import Stops, stop_signals
from meta_optout_assist.pages.base import Flow, Outcome
from meta_optout_assist.site import selectors as selector_data
from meta_optout_assist.store.journal import Journal, State
from meta_optout_assist.ui.i18n import _

if TYPE_CHECKING:
    from playwright.sync_api import Playwright

    from meta_optout_assist.browser.launch import BrowserChoice
    from meta_optout_assist.inputs import FillRequest
    from meta_optout_assist.ui.progress import UI


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
             ui: UI, trace: Path | None = None, interrupted: Callable[[], int] | None = None) -> FillResult:
    """Run the flow for one account on one platform; never lets an error lose the journal.

    `interrupted` (flow/stops.py's Stops) says which stop signal came, 0 for none: Ctrl-C also
    stops Playwright's driver and the browser (same process group), whose errors then mean
    "interrupted", not "window closed".

    The record follows what Meta received: an error before Send makes it `failed` (`aborted` when
    the person or a signal stopped it); after Send it stays `submitted` (or `confirmed`) with the
    reason the run ended, unless Meta itself refused.
    """
    stops = interrupted if isinstance(interrupted, Stops) else None
    if interrupted is None:
        interrupted = Stops()
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
    recorder = Recorder(journal, record.id if record else None, options.data_dir, sel.version, stops)
    user_data_dir = None if options.fresh_session else browser.profile_dir(
        options.data_dir, request.account, request.platform)
    ui.begin(account=request.account, platform=sel.display_name, form=request.form,
             browser=choice.label, headless=options.headless, email=request.email,
             recipient=urls.site_name(options.base_url))

    def end(err: AssistError) -> None:
        """Keep how the form ended in its record: after Send, only Meta's own refusal is a failure."""
        if not (journal and record):
            return
        sent = recorder.sent or (flow is not None and flow.submitted)
        try:
            if sent and not recorder.sent:  # stopped between the click and the journal line
                recorder.submitted()
            if sent and not isinstance(err, SiteRefused):
                journal.update(record.id, reason=err.message)
            else:
                journal.update(record.id, state=State.ABORTED if isinstance(err, Aborted) else State.FAILED,
                               reason=err.message)
        except (OSError, KeyboardInterrupt) as unsaved:  # the error on its way is what the person must see
            ui.warn(f"the journal could not keep how this form ended ({type(unsaved).__name__}: {unsaved})")

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
                        page=page, sel=sel, request=request, ui=ui, confirmed_by=urls.site_name(options.base_url),
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
                raise Stopped(interrupted()) from None
            closed = _closed_browser(err, flow)
            if closed is None:
                raise
            raise closed from None
    except (AssistError, KeyboardInterrupt, Exception) as caught:
        if stops is not None:
            stops.end_deferral(raise_pending=False)
        err = _as_assist_error(caught, interrupted())
        if interrupted() and not isinstance(err, Interrupted):  # what the stop caused is the stop
            err = Interrupted(interrupted())
        if recorder.sent or (flow is not None and flow.submitted):
            _say_it_was_sent(err, record.id if record else None)
        end(err)
        err.record_id = record.id if record else None
        if err is caught:
            raise
        raise err from caught
    trace_file = str(trace) if trace is not None else None
    if outcome is Outcome.DRY_RUN:
        return FillResult(request, "dry-run", 0, "filled but not sent (dry run)", trace_file=trace_file)
    assert record is not None
    by = flow.confirmed_by if flow else urls.site_name(options.base_url)
    return FillResult(
        request, "confirmed", 0, "Meta confirmed the request" if by == "Meta" else f"confirmed by {by}",
        record_id=record.id, receipt_dir=str(recorder.receipt.dir) if recorder.receipt else None,
        trace_file=trace_file, confirmed_by=by, receipt_missing=list(recorder.missing),
    )


def _as_assist_error(err: BaseException, signum: int = 0) -> AssistError:
    """Every way a form can end badly, as the domain error it is: Ctrl-C (or SIGTERM, SIGHUP) is an
    interruption, what the tool did not foresee an internal error (a bug)."""
    if isinstance(err, AssistError):
        return err
    if isinstance(err, KeyboardInterrupt):
        return Interrupted(getattr(err, "signum", 0) or signum or 2)
    from meta_optout_assist.browser.unreachable import unreachable

    return unreachable(str(err)) or InternalError(err)


def _say_it_was_sent(err: AssistError, record_id: str | None) -> None:
    """An error after Send says the form reached Meta, and what the record keeps."""
    if isinstance(err, SiteRefused) or "sent" in err.message:
        return
    err.message += "; the form had been sent"
    rid = record_id or "ID"
    err.hint = ((err.hint + ". ") if err.hint else "") + (
        f"Meta has the form: check your email for its message. `assist status` keeps record {rid} as "
        f"submitted; `assist mark {rid} --outcome honored|rejected|no-reply` records Meta's answer")


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
    from meta_optout_assist.store import locking, preflight

    require_display(headless=options.headless)  # said before anything starts, not as a failed launch
    several = len(requests) > 1
    results: list[FillResult] = []
    preflight.check_data_folder(options.data_dir)
    _say_where(options.base_url, ui)

    def stop_here(err: AssistError, *, this_one: bool) -> None:
        """A stop signal: the form it came in is `aborted` (its record says whether it was sent),
        the ones after it are not started; the summary still follows."""
        code = int(err.exit_code)
        first = len(results)
        if this_one:
            results.append(FillResult(requests[first], "aborted", code, err.message, record_id=err.record_id,
                                      hint=err.hint))
        results.extend(FillResult(r, "not-started", code, f"not started: {err.message.split(';')[0]}")
                       for r in requests[len(results):])
        if this_one and err.hint:
            ui.failure(err.message, hint=err.hint, where=f"{requests[first].account} · {requests[first].platform}"
                       if several else None)

    with locking.hold_all(options.data_dir, [(r.account, r.platform) for r in requests]), \
            stop_signals() as interrupted:
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
                    err = _as_assist_error(caught, interrupted())
                    if isinstance(err, Interrupted) or interrupted():
                        stop_here(err if isinstance(err, Interrupted) else Interrupted(interrupted()),
                                  this_one=True)
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
        except KeyboardInterrupt as caught:  # a stop signal between two forms
            stop_here(_as_assist_error(caught, interrupted()), this_one=False)
        finally:  # after a stop, Playwright's and asyncio's complaints are quieted (flow/stops.py)
            try:
                pw.stop()
            except Exception:  # noqa: BLE001, S110 - the driver may be gone after Ctrl-C
                pass
    return results


def _say_where(base_url: str | None, ui: UI) -> None:
    """At the start of every run with --base-url: where Meta's addresses go instead."""
    from meta_optout_assist.site import urls

    if not base_url:
        return
    if urls.is_loopback(base_url):
        ui.info(f"Meta's addresses go to {base_url} on this computer (--base-url).")
    else:
        ui.warn(f"{base_url} is not Meta: every Meta address goes there instead, with what the form asks "
                f"for (--base-url, {urls.NOT_META_FLAG}).")


def _driver_gone(err: BaseException) -> bool:
    text = str(err).lower()
    return "connection closed" in text and ("driver" in text or "playwright" in text)
