"""When a page is not understood: a bundle a person can send without exposing themselves.

The bundle (a 0700 folder of 0600 files under <data dir>/diagnostics/) holds:

- page.html: the page's HTML with the person's email, names and texts masked (doctor/masking.py);
- page.png: a screenshot in which the places showing those values are covered by boxes (best
  effort: pixels cannot be masked reliably, and REPORT.txt says so);
- facts.json: why, where, the page-state history, what the tool recognises on the page now
  (doctor/survey.py), and tool, selectors, Playwright and browser versions;
- REPORT.txt: the same, ready to paste into a bug report.

Never the password or the code: the tool never has them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist import __version__
from meta_optout_assist.doctor.masking import mask, mask_all, mask_html, personal_values
from meta_optout_assist.doctor.survey import error_line, survey
from meta_optout_assist.store.layout import DataLayout, private_dir, write_private

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from meta_optout_assist.pages.base import Flow

MASK_COLOR = "#000000"


_TEXT_CANDIDATES_JS = """() => {
  const els = [], texts = [];
  for (const el of document.querySelectorAll('input, textarea, select')) {
    els.push(el);
    texts.push(el.tagName === 'SELECT' ? (el.selectedOptions[0] ? el.selectedOptions[0].text : '')
                                       : String(el.value || ''));
  }
  const root = document.body || document.documentElement;
  if (root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const hidden = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el && !hidden.has(el.tagName) && n.nodeValue && n.nodeValue.trim()) { els.push(el); texts.push(n.nodeValue); }
    }
  }
  return [els, texts];
}"""


def _masked_screenshot(page: Page, secrets: list[str], attr: str) -> tuple[bytes, int]:
    """A full-page screenshot with boxes over the elements showing a personal value.

    The page gives us its texts and field values; Python decides which hold a secret; only then
    are those elements marked (by index) for Playwright's screenshot mask, and unmarked after.
    """
    handle = page.evaluate_handle(_TEXT_CANDIDATES_JS)
    try:
        texts: list[str] = handle.evaluate("pair => pair[1]")
        hits = [i for i, t in enumerate(texts) if mask(t, secrets) != t]
        if hits:
            handle.evaluate("(pair, [hits, attr]) => hits.forEach(i => pair[0][i].setAttribute(attr, ''))",
                            [hits, attr])
        try:
            shot = page.screenshot(full_page=True, mask=[page.locator(f"[{attr}]")], mask_color=MASK_COLOR)
        finally:
            if hits:
                page.evaluate("attr => document.querySelectorAll(`[${attr}]`).forEach(e => e.removeAttribute(attr))",
                              attr)
        return shot, len(hits)
    finally:
        handle.dispose()


def _new_folder(data_dir: Path, name: str) -> Path:
    # Every level private: mkdir(parents=True) would leave new parents at the umask's 0755.
    layout = DataLayout(data_dir)
    private_dir(layout.root)
    parent = private_dir(layout.diagnostics_dir)
    for n in range(1, 1000):
        folder = parent / (name if n == 1 else f"{name}-{n}")
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        return private_dir(folder)
    raise FileExistsError(parent / name)


def _versions(page: Page, flow: Flow) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    try:
        playwright = version("playwright")
    except PackageNotFoundError:
        playwright = None
    browser = None
    try:
        owner = page.context.browser
        browser = owner.version if owner is not None else None
        if browser is None:
            agent = page.evaluate("navigator.userAgent")
            m = re.search(r"(?:Chrome|Chromium|Edg)/([\d.]+)", agent)
            browser = m.group(1) if m else None
    except Exception:  # noqa: BLE001
        pass
    import platform as _platform

    return {
        "tool": __version__, "selectors": flow.sel.version, "playwright": playwright,
        "browser": browser, "python": _platform.python_version(),
        "os": f"{_platform.system()} {_platform.release()}".strip() or sys.platform,
    }


def _home_to_tilde(path: Path | str) -> str:
    """Paths in a shared report without the account name in /home/NAME."""
    text = str(path)
    home = str(Path.home())
    return "~" + text[len(home):] if home not in ("/", "") and text.startswith(home) else text


SCREENSHOT_NOTE = (
    "page.png is a picture: the places where the page shows your email or names are covered by "
    "black boxes, but a picture cannot be masked reliably (text inside images, or written in a way "
    "the tool does not recognise, stays visible). Look at it before you share it, and leave it out "
    "if in doubt: page.html and this report are usually enough."
)


def write_bundle(flow: Flow, data_dir: Path, why: str) -> Path | None:
    """Save what the page looked like, masked; return the folder (None if nothing could be saved).

    Never raises: it runs while another error is on its way to the person.
    """
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    try:
        folder = _new_folder(data_dir, f"{stamp}-{flow.sel.platform}-{flow.form_name}")
    except OSError:
        return None
    try:
        _fill_bundle(folder, flow, why, stamp)
    except Exception as err:  # noqa: BLE001 - keep what was written; say what went wrong
        try:
            write_private(folder / "ERROR.txt", f"the bundle is incomplete: {error_line(err)}\n")
        except OSError:
            pass
    return folder


def _fill_bundle(folder: Path, flow: Flow, why: str, stamp: str) -> None:
    secrets = personal_values(flow)
    page = flow.page
    problems: list[str] = []
    try:
        url = mask(page.url, secrets)
    except Exception as err:  # noqa: BLE001
        url, problems = "(unknown)", [f"address: {error_line(err)}"]
    try:
        markup = page.content()
        title = mask(page.title(), secrets)
    except Exception as err:  # noqa: BLE001 - the browser may be gone; keep what we can
        markup, title = f"<!-- page could not be read: {error_line(err)} -->", ""
        problems.append(f"page.html: {error_line(err)}")
    write_private(folder / "page.html", mask_html(markup, secrets))
    masked_regions = None
    try:
        shot, masked_regions = _masked_screenshot(page, secrets, "data-assist-masked")
        write_private(folder / "page.png", shot)
    except Exception as err:  # noqa: BLE001
        problems.append(f"page.png: {error_line(err)}")
    seen = survey(flow)
    versions = _versions(page, flow)
    facts = mask_all({
        "why": why,
        "url": url,
        "title": title,
        "page_language": flow.locale,
        "history": list(flow.history),
        "recognised_now": seen,
        "versions": versions,
        "selectors_source": _home_to_tilde(flow.sel.source.parent),
        "platform": flow.sel.platform,
        "form": flow.form_name,
        "submitted": flow.submitted,
        "time": stamp,
        "screenshot": {"file": "page.png" if masked_regions is not None else None,
                       "masked_regions": masked_regions, "note": SCREENSHOT_NOTE},
        "problems": problems,
    }, secrets)
    write_private(folder / "facts.json", json.dumps(facts, indent=2, ensure_ascii=False) + "\n")
    write_private(folder / "REPORT.txt", mask(_report(facts), secrets))


def _report(facts: dict) -> str:
    v = facts["versions"]
    seen = facts["recognised_now"]
    lines = [
        "meta-optout-assist did not understand a page",
        "",
        f"Tool:          meta-optout-assist {v['tool']} · selectors {v['selectors']} "
        f"({facts['selectors_source']})",
        f"Environment:   Playwright {v['playwright'] or '?'} · browser {v['browser'] or '?'} · "
        f"Python {v['python']} · {v['os']}",
        f"Platform/form: {facts['platform']} / {facts['form']}"
        + (" (after Send)" if facts["submitted"] else ""),
        f"What happened: {facts['why']}",
        f"Address:       {facts['url']}",
        f"Page title:    {facts['title'] or '-'} · language: {facts['page_language']}",
        "",
        "Page states so far:",
        *(f"  {i}. {h}" for i, h in enumerate(facts["history"], start=1)),
        *([] if facts["history"] else ["  (none)"]),
        "",
        "What the tool recognises on the page now:",
    ]
    if "error" in seen:
        lines.append(f"  (could not look: {seen['error']})")
    else:
        lines.append(f"  known states: {', '.join(seen['states']) or 'none'}")
        for key, f in seen["fields"].items():
            how = f"found ({_ordinal(f['way'])} way: {f['how']})" if f["found"] else "not found"
            lines.append(f"  field {key}: {how}")
    lines += [
        "",
        "Files in this folder:",
        "  page.html   the page's HTML; your email, names and texts replaced by [masked]",
        "  facts.json  the facts above, machine-readable",
    ]
    if facts["screenshot"]["file"]:
        n = facts["screenshot"]["masked_regions"]
        lines.append(f"  page.png    a screenshot ({n} place{'' if n == 1 else 's'} covered)")
    lines += ["", "Before you share:", *_wrap(SCREENSHOT_NOTE),
              "  Nothing here holds your password or the emailed code: the tool never has them."]
    if facts["problems"]:
        lines += ["", "Could not save everything:", *(f"  {p}" for p in facts["problems"])]
    return "\n".join(lines) + "\n"


def _ordinal(n: int | None) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n or 0, f"{n}th")


def _wrap(text: str, width: int = 96) -> list[str]:
    import textwrap

    return ["  " + line for line in textwrap.wrap(text, width - 2)]
