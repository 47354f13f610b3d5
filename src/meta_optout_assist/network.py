"""What the browser may talk to: Meta's own hosts (or only the --base-url origin), nothing else.

The tool's browser profile holds the person's Meta login; it should never be pointed elsewhere, and
no request (a redirect, a tracker, an update check) leaves for another host. Every request of the
pages goes through one policy that lets Meta's through and blocks the rest: a route for requests
and one for WebSockets, and a DevTools hook for each hop of a redirect (which routes never see).
What the browser sends on its own, below the pages, is quieted in quiet_browser.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

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
        return scheme == "https" and any(host == h or host.endswith("." + h) for h in self.allowed_hosts)


def install(context: BrowserContext, policy: NetworkPolicy,
            on_block: Callable[[str], None] | None = None) -> None:
    """Route every request of the context through the policy: HTTP(S) and WebSockets alike (a
    WebSocket bypasses `context.route`, so it gets its own route)."""
    log_path = os.environ.get(LOG_ENV)

    def decide(url: str) -> bool:
        allowed = policy.allows(url)
        if log_path:
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(f"{'allow' if allowed else 'block'} {url}\n")
        if not allowed:
            policy.blocked.append(url)
            if on_block:
                on_block(url)
        return allowed

    def handle(route: Route) -> None:
        if decide(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def handle_socket(ws: WebSocketRoute) -> None:
        # A refused socket is never connected: the route itself plays a server that says nothing.
        # (Not ws.close(): before Playwright 1.65 it hangs when called in the handler.)
        if decide(ws.url):
            ws.connect_to_server()

    context.route("**/*", handle)
    context.route_web_socket("**/*", handle_socket)
    _guard_redirects(context, decide)


def _guard_redirects(context: BrowserContext, decide: Callable[[str], bool]) -> None:
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
                if event.get("redirectedRequestId") is None or decide(event["request"]["url"]):
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
