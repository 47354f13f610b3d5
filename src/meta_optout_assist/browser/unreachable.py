"""Meta could not be reached (no network, DNS, a refused connection, TLS): said as that, with the
cause in one line, never as a bug in the tool.

Chromium reports these as `net::ERR_…` codes in the errors Playwright raises (page.goto) and on its
own error page (chrome-error://chromewebdata/) when a navigation the page started fails.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from meta_optout_assist.errors import SiteUnreachable

ERROR_PAGE_PREFIX = "chrome-error://"
_CODE = re.compile(r"\b(?:net::)?(ERR_[A-Z0-9_]+)\b")
_AT_URL = re.compile(r"\bat (\S+://\S+)")

_DNS = "its name could not be looked up (DNS): no network, or the DNS server is not answering"
# Chromium's codes (net/base/net_error_list.h), the ones a person can meet, in plain words.
_CAUSES: tuple[tuple[str, str], ...] = (
    ("ERR_INTERNET_DISCONNECTED", "this computer is not connected to the internet"),
    ("ERR_NAME_NOT_RESOLVED", _DNS),
    ("ERR_NAME_RESOLUTION_FAILED", _DNS),
    ("ERR_CONNECTION_REFUSED", "the connection was refused"),
    ("ERR_CONNECTION_RESET", "the connection was reset"),
    ("ERR_CONNECTION_CLOSED", "the connection was closed before an answer came"),
    ("ERR_CONNECTION_ABORTED", "the connection was aborted"),
    ("ERR_CONNECTION_FAILED", "the connection failed"),
    ("ERR_CONNECTION_TIMED_OUT", "the connection timed out"),
    ("ERR_TIMED_OUT", "the connection timed out"),
    ("ERR_EMPTY_RESPONSE", "the server closed the connection without an answer"),
    ("ERR_ADDRESS_UNREACHABLE", "its address cannot be reached from this network"),
    ("ERR_ADDRESS_INVALID", "its address is not valid"),
    ("ERR_UNSAFE_PORT", "the browser refuses to connect to that port (one it deems unsafe)"),
    ("ERR_NETWORK_CHANGED", "the network changed while the page loaded"),
    ("ERR_NETWORK_ACCESS_DENIED", "network access was denied (a firewall or security software?)"),
    ("ERR_PROXY_", "the proxy server could not be used"),
    ("ERR_TUNNEL_CONNECTION_FAILED", "the proxy server could not be used"),
    ("ERR_CERT_", "its certificate was not accepted (a network that intercepts secure connections, or "
                  "this computer's clock is wrong)"),
    ("ERR_SSL_", "the secure (TLS) connection failed"),
    ("ERR_BAD_SSL_CLIENT_AUTH_CERT", "the secure (TLS) connection failed"),
)


def cause_of(text: str) -> tuple[str, str] | None:
    """(Chromium's code, the cause in words) when `text` reports a network failure, else None."""
    for match in _CODE.finditer(text):
        code = match.group(1)
        for prefix, words in _CAUSES:
            if code == prefix or (prefix.endswith("_") and code.startswith(prefix)):
                return code, words
    return None


def _where(url: str | None) -> str:
    parts = urlsplit(url or "")
    return parts.netloc or "Meta's site"


def unreachable(text: str, url: str | None = None, *, sent: bool = False) -> SiteUnreachable | None:
    """The error to report for a Playwright error's text (or an error page's), None when it is not
    about reaching the site. `url`: what was being opened (else the one the text names)."""
    found = cause_of(text)
    if found is None:
        return None
    code, words = found
    if url is None:
        at = _AT_URL.search(text)
        url = at.group(1) if at else None
    return SiteUnreachable(
        f"could not reach {_where(url)}: {words} ({code})",
        hint=("check the internet connection (and any VPN, proxy or firewall), then run the command again"
              + ("; the form had been sent: check your email for Meta's message" if sent else
                 "; nothing was sent")),
    )


def on_error_page(page) -> SiteUnreachable | None:
    """The browser shows its own error page (a navigation failed): the error it names, if any."""
    try:
        if not page.url.startswith(ERROR_PAGE_PREFIX):
            return None
        text = page.evaluate("document.body ? document.body.innerText : ''")  # the code it shows, if any
    except Exception:  # noqa: BLE001 - the page is going away: nothing to say
        return None
    return unreachable(text) or SiteUnreachable(
        "could not reach Meta's site: the browser shows its own error page",
        hint="check the internet connection (and any VPN, proxy or firewall), then run the command again")
