"""Which names the browser may reach: registrable domains of Meta's, and nothing wider.

`allowed_hosts` in selectors/common.yaml lets a host and all its subdomains through the network
guard (browser/network.py). A --selectors copy could widen it to `com`, `co.uk` or `github.io`, and
with it every site under them; so each entry must be a registrable domain (the public suffix plus
one label: `facebook.com`, never `com` or `github.io`), as the public suffix list says — read from
the list the publicsuffixlist package ships, never fetched — and one of Meta's own (META_DOMAINS,
kept in code: a selectors file cannot add to it).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

#: Meta's registrable domains: its apps, their content delivery and upload hosts, its short links.
META_DOMAINS = frozenset({
    "facebook.com", "facebook.net", "fb.com", "fb.me", "fbcdn.net", "fbsbx.com", "messenger.com",
    "instagram.com", "cdninstagram.com", "whatsapp.com", "whatsapp.net", "wa.me", "meta.com",
    "meta.ai", "threads.net", "threads.com",
})


@lru_cache(maxsize=1)
def _list() -> PublicSuffixList:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()  # the copy inside the package: no download, no cache file


def problem(entry: str) -> str | None:
    """Why `entry` may not be an allowed host, in words for the person; None when it may."""
    name = entry.strip().lower().rstrip(".")
    if not name or any(ch in name for ch in "*/:@ ") or name.startswith("."):
        return f"`{entry}` is not a domain name (write it as facebook.com: no scheme, port or wildcard)"
    psl = _list()
    if psl.is_public(name):
        return (f"`{entry}` is a public suffix: anyone can register a site under it, so it would let the "
                "browser reach any of them")
    registrable = psl.privatesuffix(name)
    if registrable not in META_DOMAINS:
        return f"`{entry}` is not one of Meta's domains ({', '.join(sorted(META_DOMAINS))})"
    if registrable != name:
        return f"`{entry}` is a subdomain: give its registrable domain, {registrable} (subdomains are included)"
    return None
