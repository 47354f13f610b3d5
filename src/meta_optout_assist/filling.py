"""One `assist fill` run: for each account and platform, open its browser profile, run the flow,
and keep the journal and the receipt in step with what happened on the page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist import __version__, selector_data
from meta_optout_assist.errors import AssistError, ExitCode
from meta_optout_assist.journal import Journal, State
from meta_optout_assist.pages.base import Flow, Outcome
from meta_optout_assist.receipts import Receipt

if TYPE_CHECKING:
    from playwright.sync_api import Playwright

    from meta_optout_assist.browser import BrowserChoice
    from meta_optout_assist.inputs import FillRequest
    from meta_optout_assist.ui import UI


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


@dataclass
class FillResult:
    request: FillRequest
    outcome: str  # confirmed | dry-run | failed | timed-out | refused | aborted | not-understood
    exit_code: int
    message: str = ""
    record_id: str | None = None
    receipt_dir: str | None = None
    extra: dict = field(default_factory=dict)


def selectors_platform(request: FillRequest) -> str:
    """The third-party form lives on facebook.com for both platforms."""
    return "facebook" if request.form == "third-party" else request.platform


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
        record = self.journal.update(self.record_id, state=State.CONFIRMED,
                                     receipt_dir=str(self.receipt.dir))
        self.receipt.write_manifest(
            record=record.to_json(), fields_sent=self.fields, timestamps=self.times,
            tool_version=__version__, selectors_version=self.selectors_version,
            confirmation_text=" ".join(text.split()),
        )


_OUTCOME_OF = {
    ExitCode.TIMED_OUT: "timed-out", ExitCode.SITE_REFUSED: "refused",
    ExitCode.PAGE_NOT_UNDERSTOOD: "not-understood", ExitCode.ABORTED: "aborted",
    ExitCode.BAD_INPUT: "failed",
}


def fill_one(pw: Playwright, choice: BrowserChoice, request: FillRequest, options: RunOptions,
             ui: UI) -> FillResult:
    """Run the flow for one account on one platform; never lets an error lose the journal."""
    from meta_optout_assist import browser, diagnostics, network, urls
    from meta_optout_assist.runner import Runner

    sel = selector_data.load(selectors_platform(request), options.selectors_dir)
    form = sel.form(request.form)
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
    ui.heading(f"{sel.display_name} · {request.form} form · account {request.account}")
    try:
        with browser.open_context(pw, choice, headless=options.headless,
                                  user_data_dir=user_data_dir, locale=request.locale) as context:
            policy = network.NetworkPolicy(tuple(sel.allowed_hosts), options.base_url)
            network.install(context, policy)
            page = context.pages[0] if context.pages else context.new_page()
            flow = Flow(
                page=page, sel=sel, form_name=request.form, request=request, ui=ui,
                hooks=recorder, locale=request.locale or "en", base_url=options.base_url,
                wait_timeout_ms=options.wait_timeout_s * 1000,
                page_timeout_ms=options.page_timeout_s * 1000,
                assume_yes=options.assume_yes, dry_run=options.dry_run,
            )
            recorder.flow = flow
            ui.step(f"Opening the form ({choice.label})")
            outcome = Runner(
                flow, lambda f, why: diagnostics.write_bundle(f, options.data_dir, why)
            ).run()
    except AssistError as err:
        state = State.ABORTED if err.exit_code == ExitCode.ABORTED else State.FAILED
        if journal and record:
            journal.update(record.id, state=state, reason=err.message)
        err.record_id = record.id if record else None  # type: ignore[attr-defined]
        raise
    except KeyboardInterrupt:
        if journal and record:
            journal.update(record.id, state=State.ABORTED, reason="interrupted (Ctrl-C)")
        raise
    if outcome is Outcome.DRY_RUN:
        return FillResult(request, "dry-run", 0, "filled but not sent (dry run)")
    assert record is not None
    return FillResult(
        request, "confirmed", 0, "Meta confirmed the request", record_id=record.id,
        receipt_dir=str(recorder.receipt.dir) if recorder.receipt else None,
    )


def fill_many(requests: list[FillRequest], options: RunOptions, ui: UI) -> list[FillResult]:
    """Every requested account and platform with one Playwright; one failure doesn't stop the rest."""
    from playwright.sync_api import sync_playwright

    from meta_optout_assist import browser

    results: list[FillResult] = []
    with sync_playwright() as pw:
        choice = browser.choose(pw, options.browser)
        for request in requests:
            try:
                results.append(fill_one(pw, choice, request, options, ui))
            except AssistError as err:
                if len(requests) == 1 or err.exit_code == ExitCode.ABORTED:
                    raise
                ui.warn(f"{request.account} on {request.platform}: {err.message}")
                results.append(FillResult(
                    request, _OUTCOME_OF.get(err.exit_code, "failed"), int(err.exit_code),
                    err.message, record_id=getattr(err, "record_id", None),
                ))
    return results
