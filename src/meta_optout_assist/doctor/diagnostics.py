"""When a page is not understood: a bundle a person can send without exposing themselves.

The bundle (a 0700 folder of 0600 files under <data dir>/diagnostics/) holds:

- page.html: the page's HTML with the person's email, names and texts replaced by [masked], in
  every form a page carries them (attribute values, URL-encoded, HTML entities, JS escapes), and
  any other email address on the page too (Meta prefills the one it has on file);
- page.png: a screenshot in which the places showing those values are covered by boxes (best
  effort: pixels cannot be masked reliably, and REPORT.txt says so);
- facts.json: why, where, the page-state history, what the tool recognises on the page now, and
  tool, selectors, Playwright and browser versions;
- REPORT.txt: the same, ready to paste into a bug report.

Never the password or the code: the tool never has them. Secrets are matched in Python only; the
page's own scripts never see them (a hostile page could hook the DOM functions we would call).
"""

from __future__ import annotations

import datetime as dt
import html.entities
import json
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meta_optout_assist import __version__
from meta_optout_assist.store.layout import DataLayout, private_dir, write_private

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from meta_optout_assist.pages.base import Flow
    from meta_optout_assist.site.selectors import Strategy

MASK = "[masked]"
MASK_COLOR = "#000000"
# Values up to this length are matched in every encoding below; longer texts (a reason, details)
# leniently as text (white space, HTML escapes), which is how a page shows them.
_SHORT = 200

# -- masking --------------------------------------------------------------------------------------

_SPACE = r"(?:\s|\+|%(?:25)?20|&nbsp;|&#0*160;|&#x0*a0;|\\u00a0|\xa0)+"
_AT = r"(?:@|%(?:25)?40|&#0*64;|&#x0*40;|&commat;|\\u0040|\\x40)"
# Any email address, also URL-encoded or escaped: Meta shows the one it has on file, which may
# differ from the one the person gave.
_ANY_EMAIL = re.compile(
    r"[A-Za-z0-9._%+\-]+" + _AT + r"[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", re.IGNORECASE)
_ENTITY_NAMES: dict[str, list[str]] = {}
for _name, _char in html.entities.html5.items():
    if len(_char) == 1 and _name.endswith(";"):
        _ENTITY_NAMES.setdefault(_char, []).append(_name)


def _char_forms(ch: str) -> str:
    """A regex for one character as a page may write it: itself, decomposed (e + ◌́), HTML entity
    (named, decimal, hex), percent-encoded UTF-8 (also double-encoded), JS/JSON escape."""
    if ch.isspace():
        return _SPACE
    forms = [re.escape(ch)]
    decomposed = unicodedata.normalize("NFD", ch)
    if decomposed != ch:
        forms.append(re.escape(decomposed))
    code = ord(ch)
    forms += [f"&#0*{code};", f"&#x0*{code:x};", *(re.escape("&" + n) for n in _ENTITY_NAMES.get(ch, ()))]
    forms.append("".join(f"%(?:25)?{b:02x}" for b in ch.encode("utf-8")))
    if code < 0x10000:
        forms.append(rf"\\u{code:04x}")
    if code < 0x100:
        forms.append(rf"\\x{code:02x}")
    if ch == "/":
        forms.append(r"\\/")
    return "(?:" + "|".join(forms) + ")"


def _text_forms(ch: str) -> str:
    """Lenient matching for long texts: white space runs, and the HTML escapes of a text node."""
    if ch.isspace():
        return r"\s+"
    escaped = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}.get(ch)
    return f"(?:{re.escape(ch)}|{re.escape(escaped)})" if escaped else re.escape(ch)


def _value_pattern(value: str) -> str:
    value = " ".join(unicodedata.normalize("NFC", value).split())
    if len(value) > _SHORT:
        return "".join(_text_forms(c) for c in value)
    body = "".join(_char_forms(c) for c in value)
    if "@" in value:
        return body
    # A name is masked as a word: "Anna" but not the "anna" in "Annabelle" (or in "<li>" tags).
    return rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])"


@lru_cache(maxsize=32)
def _compiled(secrets: tuple[str, ...]) -> re.Pattern[str] | None:
    values = sorted({" ".join(s.split()) for s in secrets if s and len(s.strip()) >= 2}, key=len, reverse=True)
    if not values:
        return None
    return re.compile("|".join(_value_pattern(v) for v in values), re.IGNORECASE)


def mask(text: str, secrets: list[str] | tuple[str, ...]) -> str:
    """Replace each personal value, and every email address, by [masked]: case-insensitive, in
    the encodings a page or an address uses (URL-encoded, HTML entities, JS escapes)."""
    pattern = _compiled(tuple(secrets))
    if pattern is not None:
        text = pattern.sub(MASK, text)
    return _ANY_EMAIL.sub(MASK, text)


_MARKUP = re.compile(r"(<!--.*?-->)|(<[A-Za-z/!?][^<>]*>)", re.DOTALL)
_ATTR_VALUE = re.compile(r"""(=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")


def mask_html(markup: str, secrets: list[str] | tuple[str, ...]) -> str:
    """mask() for HTML: text, comments and attribute values, never tag or attribute names (a
    person called "Li" must not turn <li> into <[masked]>)."""
    out: list[str] = []
    pos = 0
    for m in _MARKUP.finditer(markup):
        out.append(mask(markup[pos:m.start()], secrets))
        if m.group(1):
            out.append(mask(m.group(1), secrets))
        else:
            out.append(_ATTR_VALUE.sub(lambda a: a.group(1) + mask(a.group(2), secrets), m.group(2)))
        pos = m.end()
    out.append(mask(markup[pos:], secrets))
    return "".join(out)


def _mask_all(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        return mask(value, secrets)
    if isinstance(value, dict):
        return {k: _mask_all(v, secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_mask_all(v, secrets) for v in value]
    return value


def personal_values(flow: Flow) -> list[str]:
    """Everything the person gave that a page could show back (and the filled fields)."""
    r = flow.request
    values: list[str] = []
    for name in ("email", "first_name", "last_name", "details", "reason"):
        value = getattr(r, name, None)
        if isinstance(value, str):
            values.append(value)
    if getattr(r, "first_name", None) and getattr(r, "last_name", None):
        values.append(f"{r.first_name} {r.last_name}")
    values += [p for p in getattr(r, "prompts", ()) or () if isinstance(p, str)]
    evidence = getattr(r, "evidence", None)
    if evidence:
        values.append(Path(str(evidence)).name)
    try:
        values.append(r.reason_text(flow.locale) or "")  # a template, rendered with the name
    except Exception:  # noqa: BLE001 - masking must never be what fails
        pass
    values += [v for k, v in flow.fields_sent.items() if k not in ("country", "request", "knowledge")]
    return [v for v in values if v and v.strip()]


# -- what the tool recognises on a page (shared with `assist doctor --live`) -----------------------

def describe_strategy(strategy: Strategy) -> str:
    """A locator strategy from selectors/ in a few words: `css input[name="email"]`, `label «email»`."""
    if strategy.css:
        text = f"css {strategy.css}"
    elif strategy.role:
        text = f"role {strategy.role}" + (f" named «{strategy.name}»" if strategy.name else "")
    elif strategy.label:
        text = f"label «{strategy.label}»"
    elif strategy.placeholder:
        text = f"placeholder «{strategy.placeholder}»"
    else:
        text = f"text «{strategy.text}»"
    if strategy.has_text:
        text += f" with «{strategy.has_text}»"
    return text


def recognised_fields(flow: Flow) -> dict[str, dict]:
    """For each field of the flow's form: found now? by which of its strategies (1 = the first,
    most stable one)? The same lookup the fill does (locate.first_visible), one strategy at a time."""
    from meta_optout_assist.site import locate

    found: dict[str, dict] = {}
    for key, spec in flow.form.fields.items():
        entry: dict = {"found": False, "way": None, "how": None}
        for i, strategy in enumerate(spec.locators, start=1):
            if locate.first_visible(flow.page, [strategy], flow.sel) is not None:
                entry = {"found": True, "way": i, "how": describe_strategy(strategy)}
                break
        found[key] = entry
    return found


def visible_states(flow: Flow) -> list[str]:
    """The known page states whose markers are visible now (none: the page is not understood)."""
    from meta_optout_assist.flow.runner import STATES

    return [s.name for s in STATES if s.applies(flow) and s.marker(flow).count() > 0]


def survey(flow: Flow) -> dict:
    """What the tool recognises on the page now; {"error": ...} if the page cannot be read."""
    try:
        return {"states": visible_states(flow), "fields": recognised_fields(flow)}
    except Exception as err:  # noqa: BLE001 - the browser may be gone
        return {"error": _first_line(err)}


# -- the bundle -----------------------------------------------------------------------------------

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


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0] if text else ''}".strip()


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
            write_private(folder / "ERROR.txt", f"the bundle is incomplete: {_first_line(err)}\n")
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
        url, problems = "(unknown)", [f"address: {_first_line(err)}"]
    try:
        markup = page.content()
        title = mask(page.title(), secrets)
    except Exception as err:  # noqa: BLE001 - the browser may be gone; keep what we can
        markup, title = f"<!-- page could not be read: {_first_line(err)} -->", ""
        problems.append(f"page.html: {_first_line(err)}")
    write_private(folder / "page.html", mask_html(markup, secrets))
    masked_regions = None
    try:
        shot, masked_regions = _masked_screenshot(page, secrets, "data-assist-masked")
        write_private(folder / "page.png", shot)
    except Exception as err:  # noqa: BLE001
        problems.append(f"page.png: {_first_line(err)}")
    seen = survey(flow)
    versions = _versions(page, flow)
    facts = _mask_all({
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
