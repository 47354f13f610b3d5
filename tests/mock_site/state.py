"""The replica's switchable variant and everything it records, behind one lock.

`Variant` says which version of Meta's pages the site plays. `SiteState` holds what a test reads
back (submissions, events, issued codes) and the server-side memory that makes the pages work
(login sessions, pending email codes, results), all guarded by a single re-entrant lock because
ThreadingHTTPServer answers every request on its own thread.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import secrets
import threading
import typing
from dataclasses import dataclass, field

from .texts import LOCALES

CHOICES: dict[str, tuple[str, ...]] = {
    "locale": LOCALES,
    "widgets": ("native", "custom"),
    "field_set": ("2024", "2025", "2025-country", "unknown"),
    "cookie_banner": ("classic", "decline", "none", "attributes"),
    "after_login": ("next", "feed"),
    "submit_outcome": ("confirm", "server_error", "refusal"),
    "confirmation_style": ("page", "dialog"),
    "verification": ("code", "link", "none"),
    "whatsapp_phone": ("picker", "full"),
    "block": ("none", "on_load", "on_send"),
    "block_text": ("blocked", "blocked_straight", "cant_use"),
}


@dataclass(frozen=True, kw_only=True)
class Variant:
    """Which version of Meta's pages the replica serves (see tests/mock_site/README.md)."""

    locale: str = "en"
    widgets: str = "native"
    field_set: str = "2024"
    cookie_banner: str = "classic"
    require_login: bool = True
    simulate_person: bool = False
    person_delay_ms: int = 400
    # The person acts only on a cue from the test (MockSite.cue_person()), each cue once, then
    # after person_delay_ms: a test can make sure the tool told the person before they acted.
    person_waits_for_cue: bool = False
    person_password: str = "correct horse CANARY-PASSWORD"
    wrong_code_first: bool = False
    code_expired_first: bool = False
    code_step: bool = True
    after_login: str = "next"
    slow_ms: int = 0
    dead_form_ids: tuple[str, ...] = ()
    submit_outcome: str = "confirm"
    confirmation_style: str = "page"
    gate_first: bool = False
    # The address Meta has on file for the logged-in account (prefilled by the 2025 form).
    account_email: str = "account-owner@example.com"
    # After a valid Send: an emailed code, an emailed link, or nothing (code_step=False ≡ "none").
    verification: str = "code"
    # WhatsApp's form: a country-code picker + the national number, or one full-number field.
    whatsapp_phone: str = "picker"
    # Meta's rate-limit dialog: never, over the form as it loads (and on every Send), on Send.
    block: str = "none"
    block_text: str = "blocked"
    # After a valid Send, a modal no tool knows, that stays (submission "pending-review").
    surprise_dialog: bool = False

    def __post_init__(self) -> None:
        for name, allowed in CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                raise ValueError(f"Variant.{name}={value!r}: expected one of {allowed}")
        ids = self.dead_form_ids
        if isinstance(ids, (str, int)):
            ids = [ids]
        object.__setattr__(self, "dead_form_ids", tuple(str(i).strip() for i in ids if str(i)))
        for name in ("person_delay_ms", "slow_ms"):
            if int(getattr(self, name)) < 0:
                raise ValueError(f"Variant.{name} must be >= 0")
        # code_step predates verification: False means "none"; both spellings stay in step.
        if not self.code_step:
            if self.verification == "link":
                raise ValueError("Variant.code_step=False contradicts verification='link'")
            object.__setattr__(self, "verification", "none")
        if self.verification == "none":
            object.__setattr__(self, "code_step", False)

    def to_dict(self) -> dict[str, typing.Any]:
        data = dataclasses.asdict(self)
        data["dead_form_ids"] = list(self.dead_form_ids)
        return data

    @classmethod
    def from_strings(cls, pairs: dict[str, str]) -> Variant:
        """Build from text values (`--set key=value`): booleans, integers, comma lists."""
        hints = typing.get_type_hints(cls)
        kwargs: dict[str, typing.Any] = {}
        for key, raw in pairs.items():
            if key not in hints:
                raise ValueError(f"unknown Variant field {key!r}")
            kwargs[key] = _coerce(hints[key], raw, key)
        return cls(**kwargs)

    @classmethod
    def from_json(cls, data: dict[str, typing.Any]) -> Variant:
        """Build from a JSON object (POST /__mock__/configure); strings are coerced too."""
        hints = typing.get_type_hints(cls)
        kwargs: dict[str, typing.Any] = {}
        for key, value in data.items():
            if key not in hints:
                raise ValueError(f"unknown Variant field {key!r}")
            kwargs[key] = _coerce(hints[key], value, key) if isinstance(value, str) else value
        if isinstance(kwargs.get("dead_form_ids"), list):
            kwargs["dead_form_ids"] = tuple(kwargs["dead_form_ids"])
        for key in ("person_delay_ms", "slow_ms"):
            if key in kwargs:
                kwargs[key] = int(kwargs[key])
        return cls(**kwargs)


def _coerce(hint: typing.Any, raw: str, key: str) -> typing.Any:
    if hint is bool:
        lowered = raw.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise ValueError(f"{key}: expected a boolean, got {raw!r}")
    if hint is int:
        return int(raw)
    if typing.get_origin(hint) is tuple:
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw


# ---------------------------------------------------------------------------------------------


@dataclass
class Session:
    platform: str  # "facebook" | "instagram"
    user: str
    uid: str


@dataclass
class PendingCode:
    """A submission waiting for its email code (or emailed link), per browser and form."""

    submission: int  # index into SiteState.submissions
    form_id: str
    email: str
    code: str  # "" for a link
    attempts: int = 0
    expire_next: bool = False  # the next right code is answered "expired" (code_expired_first)
    error: str | None = None  # "wrong" | "expired" after a failed attempt
    fields: dict = field(default_factory=dict)
    via: str = "code"  # "code" | "link"
    link: str | None = None  # the emailed link's path (via == "link")
    back: str | None = None  # where the code form returns to (the form's path, WhatsApp: ?lang=)
    locale: str | None = None  # the page's language when it is not the variant's (WhatsApp)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


class SiteState:
    """Recorded data and server memory; every access goes through `lock`."""

    def __init__(self, variant: Variant | None = None) -> None:
        self.lock = threading.RLock()
        self._reset(variant or Variant())

    def _reset(self, variant: Variant) -> None:
        self.variant = variant
        # A new epoch invalidates what browsers kept from before (consent, gate answer).
        self.epoch = secrets.token_hex(4)
        self.submissions: list[dict] = []
        self.events: list[dict] = []
        self.issued_codes: list[str] = []
        self.sessions: dict[str, Session] = {}
        self.pending: dict[tuple[str, str], PendingCode] = {}
        self.results: dict[str, dict] = {}  # token -> {"form_id", "status", "platform", "locale"}
        self.links: dict[str, dict] = {}  # token -> {"submission", "form_id", "platform", ...}
        self.flash: dict[tuple[str, str], str] = {}  # (browser, form_id) -> "confirmation"
        self.person_cues = 0  # cues given to the simulated person and not yet acted on

    def configure(self, variant: Variant) -> None:
        with self.lock:
            self._reset(variant)

    # -- recording ---------------------------------------------------------------------------

    def record_event(self, type_: str, **data: typing.Any) -> None:
        with self.lock:
            # Exactly the keys the brief lists, so tests may compare whole events.
            self.events.append({"type": type_, **data})

    def add_submission(
        self, form: str, form_id: str, fields: dict, status: str, user: str | None, **extra
    ) -> int:
        with self.lock:
            self.submissions.append(
                {
                    "form": form,
                    "form_id": form_id,
                    "fields": copy.deepcopy(fields),
                    "status": status,
                    "user": user,
                    "time": _now(),
                    **extra,
                }
            )
            return len(self.submissions) - 1

    def set_status(self, index: int, status: str) -> None:
        with self.lock:
            self.submissions[index]["status"] = status

    def issue_code(self) -> str:
        with self.lock:
            while True:
                code = f"{secrets.randbelow(900000) + 100000}"
                if code not in self.issued_codes:
                    break
            self.issued_codes.append(code)
            self.events.append({"type": "code_sent", "code": code})
            return code

    def issue_link(self, base: str, *, submission: int, form_id: str, platform: str, email: str,
                   locale: str | None, browser: str) -> str:
        """A one-time link "emailed" to `email`: its absolute path, recorded as link_sent."""
        with self.lock:
            token = secrets.token_urlsafe(24)
            url = f"{base}?token={token}"
            self.links[token] = {"submission": submission, "form_id": form_id, "platform": platform,
                                 "locale": locale, "browser": browser, "url": url, "used": False}
            self.events.append({"type": "link_sent", "url": url, "email": email,
                                "form_id": form_id})
            return url

    def cue_person(self) -> None:
        with self.lock:
            self.person_cues += 1

    def take_person_cue(self) -> bool:
        with self.lock:
            if not self.person_cues:
                return False
            self.person_cues -= 1
            return True

    # -- sessions ------------------------------------------------------------------------------

    def create_session(self, platform: str, user: str) -> tuple[str, Session]:
        with self.lock:
            token = secrets.token_urlsafe(18)
            uid = str(100000000000000 + int.from_bytes(user.encode()[:6].ljust(6, b"\0"), "big"))
            session = Session(platform=platform, user=user, uid=uid)
            self.sessions[token] = session
            return token, session

    def session(self, platform: str, token: str | None) -> Session | None:
        if not token:
            return None
        with self.lock:
            session = self.sessions.get(token)
            return session if session and session.platform == platform else None

    # -- results -------------------------------------------------------------------------------

    def add_result(self, form_id: str, status: str, platform: str,
                   locale: str | None = None) -> str:
        with self.lock:
            token = secrets.token_urlsafe(9)
            self.results[token] = {"form_id": form_id, "status": status, "platform": platform,
                                   "locale": locale}
            return token

    # -- read-back -----------------------------------------------------------------------------

    def snapshot(self) -> dict:
        with self.lock:
            return {
                "submissions": copy.deepcopy(self.submissions),
                "events": copy.deepcopy(self.events),
                "issued_codes": list(self.issued_codes),
                "variant": self.variant.to_dict(),
            }
