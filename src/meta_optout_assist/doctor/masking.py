"""Masking the person's values in what a page shows, before any of it reaches a file: the email,
names and texts they gave, in every form a page carries them (attribute values, URL-encoded, HTML
entities, JS escapes), and any other email address (Meta prefills the one it has on file).

Secrets are matched in Python only; the page's own scripts never see them (a hostile page could
hook the DOM functions we would call).
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from meta_optout_assist.pages.base import Flow

MASK = "[masked]"
# Values up to this length are matched in every encoding below; longer texts (a reason, details)
# leniently as text (white space, HTML escapes), which is how a page shows them.
_SHORT = 200

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


def mask_all(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        return mask(value, secrets)
    if isinstance(value, dict):
        return {k: mask_all(v, secrets) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_all(v, secrets) for v in value]
    return value


def personal_values(flow: Flow) -> list[str]:
    """Everything the person gave that a page could show back: every free text the form's inputs
    took (the registry says which), and what the filled fields showed, but the fixed answers and
    the choices (country, request), which say nothing about the person."""
    from meta_optout_assist.inputs import UNMASKED_INPUTS

    form = flow.form
    values = flow.request.typed_texts(form, flow.locale)
    values += [shown for key, shown in flow.fields_sent.items()
               if key in form.fields and form.fields[key].value is None
               and form.fields[key].input not in UNMASKED_INPUTS]
    return [v for v in values if v and v.strip()]
