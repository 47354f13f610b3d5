"""Build a Flow around a pytest-playwright page, with hooks and a UI that record what happens."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from rich.console import Console

from meta_optout_assist.inputs import build_request
from meta_optout_assist.pages.base import Flow
from meta_optout_assist.site import selectors as selector_data
from meta_optout_assist.ui.progress import UI

EMAIL = "person@example.org"
REASON = "My posts show my family; I object to their use for training AI."


@dataclass
class RecordingHooks:
    events: list[str] = field(default_factory=list)
    sent: dict = field(default_factory=dict)
    confirmation_text: str = ""

    def before_send(self, screenshot: bytes, fields: dict[str, str]) -> None:
        assert screenshot.startswith(b"\x89PNG")
        self.events.append("before_send")
        self.sent = fields

    def submitted(self) -> None:
        self.events.append("submitted")

    def confirmed(self, screenshot: bytes, html: str, text: str) -> None:
        self.events.append("confirmed")
        self.confirmation_text = text


def make_flow(page, site, *, platform: str = "facebook", form: str = "objection",
              page_timeout_ms: int = 10_000, wait_timeout_ms: int = 30_000, **values) -> Flow:
    defaults = {"email": EMAIL, "country": "DE"}
    if form == "objection":
        defaults["reason"] = REASON
    request = build_request(platform=platform, form=form, **{**defaults, **values})
    return Flow(
        page=page, sel=selector_data.load_site(platform, form), request=request,
        ui=UI(Console(file=io.StringIO()), interactive=False), hooks=RecordingHooks(),
        base_url=site.base_url, page_timeout_ms=page_timeout_ms, wait_timeout_ms=wait_timeout_ms,
        assume_yes=True,
    )
