"""What the browser may talk to: Meta's own hosts (or only the --base-url origin), nothing else.

The tool's browser profile holds the person's Meta login; it should never be pointed elsewhere, and
no request (a redirect, a tracker, an update check) leaves for another host. Every request goes
through one route handler that lets Meta's through and blocks the rest.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Route

LOG_ENV = "ASSIST_NETWORK_LOG"  # a file to append "allow|block URL" lines to (for audits and tests)
_ALWAYS = ("data", "blob", "about")


@dataclass
class NetworkPolicy:
    """Allowed hosts (a host and its subdomains), or, with base_url, that origin alone."""

    allowed_hosts: tuple[str, ...]
    base_url: str | None = None
    blocked: list[str] = field(default_factory=list)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in _ALWAYS:
            return True
        if self.base_url:
            base = urlsplit(self.base_url)
            return (parts.scheme, parts.netloc) == (base.scheme, base.netloc)
        host = (parts.hostname or "").lower()
        return parts.scheme in ("https", "wss") and any(
            host == h or host.endswith("." + h) for h in self.allowed_hosts
        )


def install(context: BrowserContext, policy: NetworkPolicy,
            on_block: Callable[[str], None] | None = None) -> None:
    """Route every request of the context through the policy."""
    log_path = os.environ.get(LOG_ENV)

    def handle(route: Route) -> None:
        url = route.request.url
        allowed = policy.allows(url)
        if log_path:
            with open(log_path, "a", encoding="utf-8") as log:
                log.write(f"{'allow' if allowed else 'block'} {url}\n")
        if allowed:
            route.continue_()
            return
        policy.blocked.append(url)
        if on_block:
            on_block(url)
        route.abort("blockedbyclient")

    context.route("**/*", handle)
