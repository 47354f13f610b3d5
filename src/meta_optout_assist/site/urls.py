"""Meta's addresses, and where the tool may go: --base-url rewriting and the origin check."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

from meta_optout_assist.errors import BadInput

BASE_URL_ENV = "ASSIST_BASE_URL"


def check_base_url(value: str | None) -> str | None:
    """Validate --base-url (or ASSIST_BASE_URL): scheme and host only, e.g. http://127.0.0.1:8000."""
    value = value or os.environ.get(BASE_URL_ENV) or None
    if value is None:
        return None
    try:
        parts = urlsplit(value.strip())
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:  # "http://[::1" and the like
        usable = False
    if not usable:
        raise BadInput(
            f"--base-url {value!r} is not an http(s) address",
            hint="give scheme and host, e.g. --base-url http://127.0.0.1:8000",
        )
    return urlunsplit((parts.scheme, parts.netloc, "", "", "")).rstrip("/")


def _is_meta_host(host: str) -> bool:
    """A host of Meta's (selectors/common.yaml `allowed_hosts`), or a subdomain of one."""
    from meta_optout_assist.site.selectors import common_file

    return any(host == h or host.endswith("." + h) for h in common_file().allowed_hosts)


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
    return parts.scheme == "https" and any(host == h or host.endswith("." + h) for h in hosts)
