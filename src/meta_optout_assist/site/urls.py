"""Meta's addresses, and where the tool may go: --base-url rewriting and the origin check."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from meta_optout_assist.errors import BadInput

BASE_URL_ENV = "ASSIST_BASE_URL"
NOT_META_FLAG = "--i-know-this-is-not-meta"


def check_base_url(value: str | None, *, not_meta: bool = False) -> str | None:
    """Validate --base-url (or ASSIST_BASE_URL): scheme and host only, e.g. http://127.0.0.1:8000.

    Credentials in it are refused (they would reach the journal, the receipt and the browser's
    history). An origin that is not this computer (the replica runs on 127.0.0.1) is taken only
    with `not_meta` (--i-know-this-is-not-meta): otherwise a link or a pasted command could send
    the person's email and reason to anyone, in a window that looks like Meta's form.
    """
    value = value or os.environ.get(BASE_URL_ENV) or None
    if value is None:
        return None
    try:
        parts = urlsplit(value.strip())
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:  # "http://[::1" and the like
        usable = False
    if usable and "@" in parts.netloc:
        raise BadInput(
            f"--base-url {parts.scheme}://…@{parts.netloc.rpartition('@')[2]}: it holds credentials "
            "(a name or password before @), which the tool would keep in the journal and the receipt",
            hint="give the address without them, e.g. --base-url http://127.0.0.1:8000",
        )
    if not usable:
        raise BadInput(
            f"--base-url {value!r} is not an http(s) address",
            hint="give scheme and host, e.g. --base-url http://127.0.0.1:8000",
        )
    base = urlunsplit((parts.scheme, parts.netloc, "", "", "")).rstrip("/")
    if not not_meta and not is_loopback(base):
        raise BadInput(
            f"--base-url {base} is not Meta and not this computer: every Meta address would go there, "
            "with your email, your reason and everything the form asks for",
            hint=f"use Meta's own addresses (leave out --base-url and {BASE_URL_ENV}); if you run a replica "
            f"there yourself, add {NOT_META_FLAG}",
        )
    return base


def is_loopback(base_url: str) -> bool:
    """Is the origin this computer (127.0.0.0/8, ::1, localhost and *.localhost)?"""
    host = (urlsplit(base_url).hostname or "").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def site_name(base_url: str | None) -> str:
    """Who answers the run, as the terminal, the record and the receipt name it: Meta, or the
    --base-url origin when that is not this computer (a replica on 127.0.0.1 plays Meta)."""
    if not base_url or is_loopback(base_url):
        return "Meta"
    return base_url


def on_hosts(host: str, hosts: Iterable[str]) -> bool:
    """Whether `host` is one of `hosts` or a subdomain of one."""
    return any(host == h or host.endswith("." + h) for h in hosts)


def _is_meta_host(host: str) -> bool:
    """A host of Meta's (selectors/common.yaml `allowed_hosts`), or a subdomain of one."""
    from meta_optout_assist.site.selectors import common_file

    return on_hosts(host, common_file().allowed_hosts)


def rewrite(url: str, base_url: str | None) -> str:
    """Replace the scheme and host of a Meta address by base_url, keeping path and query."""
    if not base_url:
        return url
    parts = urlsplit(url)
    if not _is_meta_host(parts.hostname or ""):
        return url
    base = urlsplit(base_url)
    return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))


def path_of(url: str) -> str:
    path = urlsplit(url).path or "/"
    return path.rstrip("/") or "/"


def is_platform_page(url: str, hosts: list[str], base_url: str | None) -> bool:
    """True when `url` is on the platform (a host or subdomain in `hosts`) or the --base-url origin.

    The tool types the person's email and names only into such pages.
    """
    parts = urlsplit(url)
    if base_url:
        base = urlsplit(base_url)
        return (parts.scheme, parts.netloc) == (base.scheme, base.netloc)
    host = parts.hostname or ""
    return parts.scheme == "https" and on_hosts(host, hosts)
