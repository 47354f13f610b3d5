"""Masking the person's values in what a page shows, before any of it reaches a file: the email,
names, phone number and texts they gave, in every form a page, an address or a message carries them
(attribute values, URL-encoded, HTML entities, JS and JSON escapes, escaped again, a Python repr()),
long texts also line by line and sentence by sentence, and any other email address (Meta prefills
the one it has on file).

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
# A free text longer than this is also masked piece by piece (each line and sentence of at least
# _PIECE characters): a page or a message that quotes part of it (cut off, or one line) hides it too.
_LONG = 60
_PIECE = 24

# White space as a page, an address, a script or a Python message writes it: spaces, line ends and
# tabs, escaped (\n, %0A, &#10;), or as a line break tag. An escape may be escaped again (JSON in a
# JSON string): one backslash or more.
_SPACE = (r"(?:\s|\+|%(?:25)?(?:20|0[9ad])|&nbsp;|&#0*(?:160|9|10|13|32);|&#x0*(?:a0|9|a|d|20);|&Tab;|&NewLine;"
          r"|\\+[nrt]|\\+u00(?:a0|0[9ad]|20)|\\+x(?:a0|0[9ad]|20)|<br\s*/?>|\xa0)+")
_AT = r"(?:@|%(?:25)?40|&#0*64;|&#x0*40;|&commat;|\\+u0040|\\+x40)"
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
        forms.append(rf"\\+u{code:04x}")
    if code < 0x100:
        forms.append(rf"\\+x{code:02x}")
    if ch in "/'\"\\":  # escaped in a script, a JSON string, or a Python repr() in a message
        forms.append(r"\\+" + re.escape(ch))
    return "(?:" + "|".join(forms) + ")"


def _value_pattern(value: str) -> str:
    value = " ".join(unicodedata.normalize("NFC", value).split())
    body = "".join(_char_forms(c) for c in value)
    if "@" in value:
        return body
    # A name is masked as a word: "Anna" but not the "anna" in "Annabelle" (or in "<li>" tags).
    return rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])"


def _pieces(text: str) -> list[str]:
    """The lines and sentences of a long free text that are long enough to say something."""
    if len(text) <= _LONG:
        return []
    parts = re.split(r"[\r\n]+|(?<=[.!?;:])\s+", text)
    return [p for p in (" ".join(part.split()) for part in parts) if len(p) >= _PIECE and p != " ".join(text.split())]


@lru_cache(maxsize=32)
def _compiled(secrets: tuple[str, ...]) -> re.Pattern[str] | None:
    texts = [s for s in secrets if s and len(s.strip()) >= 2]
    texts += [piece for s in texts for piece in _pieces(s)]
    values = sorted({" ".join(s.split()) for s in texts}, key=len, reverse=True)
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
    if flow.request.locale and flow.request.locale != flow.locale:  # a template rendered for --locale too
        values += flow.request.typed_texts(form, flow.request.locale)
    values += [shown for key, shown in flow.fields_sent.items()
               if key in form.fields and form.fields[key].value is None
               and form.fields[key].input not in UNMASKED_INPUTS]
    return [v for v in values if v and v.strip()]
