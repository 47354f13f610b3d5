"""When a page is not understood: a bundle a person can send without exposing themselves.

Screenshot, the page's HTML with the person's email and names masked, the page-state history,
versions, and a ready-to-paste report. Never the password or the code: the tool never has them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist import __version__
from meta_optout_assist.paths import private_dir, write_private

if TYPE_CHECKING:
    from meta_optout_assist.pages.base import Flow

MASK = "[masked]"


def mask(text: str, secrets: list[str]) -> str:
    """Replace each personal value (case-insensitive, also URL-encoded @) by [masked]."""
    for value in sorted({s for s in secrets if s and len(s) >= 2}, key=len, reverse=True):
        variants = {value, value.replace("@", "%40"), value.replace("@", "&#64;")}
        for v in variants:
            text = re.sub(re.escape(v), MASK, text, flags=re.IGNORECASE)
    return text


def personal_values(flow: Flow) -> list[str]:
    r = flow.request
    values = [r.email, r.first_name or "", r.last_name or "", *r.prompts, r.details or "", r.reason or ""]
    return [v for v in values if v]


def write_bundle(flow: Flow, data_dir: Path, why: str) -> Path | None:
    """Save what the page looked like; return the folder (None when the page itself is gone)."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    folder = private_dir(data_dir / "diagnostics" / f"{stamp}-{flow.sel.platform}-{flow.form_name}")
    secrets = personal_values(flow)
    page = flow.page
    url = mask(page.url, secrets)
    try:
        write_private(folder / "page.png", page.screenshot(full_page=True))
        html = page.content()
    except Exception as err:  # noqa: BLE001 - the browser may be gone; keep what we can
        html = f"<!-- page could not be read: {err} -->"
    write_private(folder / "page.html", mask(html, secrets))
    facts = {
        "why": why,
        "url": url,
        "page_language": flow.locale,
        "history": [mask(h, secrets) for h in flow.history],
        "tool_version": __version__,
        "selectors_version": flow.sel.version,
        "platform": flow.sel.platform,
        "form": flow.form_name,
        "submitted": flow.submitted,
        "time": stamp,
    }
    write_private(folder / "facts.json", json.dumps(facts, indent=2))
    report = (
        f"meta-optout-assist {__version__} (selectors {flow.sel.version}) did not understand a page.\n"
        f"Platform/form: {flow.sel.platform}/{flow.form_name}\nWhy: {why}\nAddress: {url}\n"
        f"Page language: {flow.locale}\nPage states so far:\n"
        + "\n".join(f"  - {h}" for h in facts["history"])
        + "\nAttached: page.png (look at it before sharing: it shows the page as you saw it), "
        "page.html (your email and names masked).\n"
    )
    write_private(folder / "REPORT.txt", report)
    return folder
