"""What the browser may talk to: Meta's own hosts (or only the --base-url origin), nothing else.

The tool's browser profile holds the person's Meta login; it should never be pointed elsewhere, and
no request (a redirect, a tracker, an update check) leaves for another host. One policy lets Meta's
through and blocks the rest: a route for requests and one for WebSockets, matched against the
policy's block pattern inside Playwright's driver (so allowed requests never wait for Python), and a
DevTools hook for each hop of a redirect (which routes never see).
What the browser sends on its own, below the pages, is quieted in quiet_browser.py.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from meta_optout_assist.site.urls import on_hosts

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page, Route, WebSocketRoute

LOG_ENV = "ASSIST_NETWORK_LOG"  # a file to append "allow|block URL" lines to (for audits and tests)
_ALWAYS = ("data", "blob", "about")


_DEFAULT_PORT = {"http": 80, "https": 443}
_SOCKET_SCHEME = {"ws": "http", "wss": "https"}  # a WebSocket belongs to its page's origin


def _origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with WebSocket schemes and default ports folded in; ValueError if the
    address cannot be read."""
    parts = urlsplit(url)
    scheme = _SOCKET_SCHEME.get(parts.scheme, parts.scheme)
    return scheme, (parts.hostname or "").lower(), parts.port or _DEFAULT_PORT.get(scheme)


@dataclass
class NetworkPolicy:
    """Allowed hosts (a host and its subdomains, https/wss only), or, with base_url, that origin
    alone. Anything that cannot be read is blocked."""

    allowed_hosts: tuple[str, ...]
    base_url: str | None = None
    blocked: list[str] = field(default_factory=list)

    def allows(self, url: str) -> bool:
        try:
            if urlsplit(url).scheme in _ALWAYS:
                return True
            scheme, host, port = _origin(url)
            if self.base_url:
                return (scheme, host, port) == _origin(self.base_url)
        except ValueError:
            return False
        return scheme == "https" and on_hosts(host, self.allowed_hosts)


def _origin_pattern(url: str) -> str:
    """A regex of the addresses on the origin of `url` (and its WebSockets)."""
    scheme, host, port = _origin(url)
    sockets = {"http": "ws", "https": "wss"}.get(scheme, scheme)
    shown = f"[{host}]" if ":" in host else host
    port_part = rf"(?::{port})?" if port == _DEFAULT_PORT.get(scheme) else rf":{port}"
    return rf"(?:{re.escape(scheme)}|{re.escape(sockets)})://{re.escape(shown)}{port_part}(?:[/?#]|$)"


def block_pattern(policy: NetworkPolicy) -> re.Pattern[str]:
    """A regex of every address the policy refuses. Playwright matches it in its driver, so the
    pages' allowed requests (hundreds on Meta's pages) never wait for this process; only refused
    ones reach `install`'s handlers, which ask the policy itself."""
    always = "|".join(_ALWAYS)
    if policy.base_url:
        allowed = _origin_pattern(policy.base_url)
    else:
        hosts = "|".join(re.escape(h) for h in policy.allowed_hosts) or "(?!)"
        allowed = rf"(?:https|wss)://(?:[^/?#@]*@)?(?:[^/?#@:\[\]\\]*\.)?(?:{hosts})(?::\d*)?(?:[/?#]|$)"
    return re.compile(rf"^(?!(?:{always}):)(?!{allowed})", re.IGNORECASE)


def install(context: BrowserContext, policy: NetworkPolicy,
            on_block: Callable[[str], None] | None = None) -> None:
    """Refuse every request of the context the policy refuses: HTTP(S) and WebSockets alike (a
    WebSocket bypasses `context.route`, so it gets its own route), and each hop of a redirect."""
    log_path = os.environ.get(LOG_ENV)

    def log(verdict: str, url: str) -> None:
        if log_path:  # a new log is 0600 (it lists the pages the person visited); one that exists keeps its mode
            from meta_optout_assist.store.files import open_log, write_all

            fd = open_log(Path(log_path))
            try:
                write_all(fd, f"{verdict} {url}\n".encode())
            finally:
                os.close(fd)

    def refused(url: str) -> bool:
        if policy.allows(url):
            return False
        log("block", url)
        policy.blocked.append(url)
        if on_block:
            on_block(url)
        return True

    def handle(route: Route) -> None:
        if refused(route.request.url):
            route.abort("blockedbyclient")
        else:  # not expected: the pattern and the policy agree (tests/pages/test_network.py)
            route.continue_()

    def handle_socket(ws: WebSocketRoute) -> None:
        # A refused socket is never connected: the route itself plays a server that says nothing.
        # (Not ws.close(): before Playwright 1.65 it hangs when called in the handler.)
        if not refused(ws.url):
            ws.connect_to_server()

    pattern = block_pattern(policy)
    context.route(pattern, handle)
    context.route_web_socket(pattern, handle_socket)
    if log_path:  # the audit log also lists what was let through
        context.on("request", lambda request: policy.allows(request.url) and log("allow", request.url))
    _guard_redirects(context, refused)


def _guard_redirects(context: BrowserContext, refused: Callable[[str], bool]) -> None:
    """Playwright's routes never see the next hop of a redirect (by design: its interception sits
    before the network stack, which follows redirects itself), so a form address answering "302 →
    elsewhere" would take the browser there. Chromium's Fetch domain pauses every hop: one DevTools
    session per page lets first hops through (the route above decided them) and fails each
    redirect hop the policy refuses, before it is sent."""
    from playwright.sync_api import Error as PlaywrightError

    def attach(page: Page) -> None:
        try:
            session = context.new_cdp_session(page)
        except PlaywrightError:  # the page is already gone
            return

        def paused(event: dict) -> None:
            request_id = event["requestId"]
            try:
                if event.get("redirectedRequestId") is None or not refused(event["request"]["url"]):
                    session.send("Fetch.continueRequest", {"requestId": request_id})
                else:
                    session.send("Fetch.failRequest", {"requestId": request_id, "errorReason": "BlockedByClient"})
            except PlaywrightError:  # the page closed while the request waited
                pass

        session.on("Fetch.requestPaused", paused)
        session.send("Fetch.enable", {"patterns": [{"urlPattern": "*", "requestStage": "Request"}]})

    for page in context.pages:
        attach(page)
    context.on("page", attach)
