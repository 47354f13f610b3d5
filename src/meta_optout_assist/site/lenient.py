"""Lenient text matching: Meta's wording drifts, so a phrase matches whatever its case, accents,
apostrophes, hyphens or runs of white space, and (unless exact) as part of a longer text,
starting at a word."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

_LETTER_CLASSES = {
    "a": "aàáâãäåąă", "c": "cçćč", "e": "eèéêëęě", "i": "iìíîïı", "n": "nñńň", "o": "oòóôõöøő",
    "u": "uùúûüůű", "y": "yýÿ", "s": "sśšș", "z": "zźżž", "l": "lł", "r": "rř", "t": "tț",
    "d": "dď", "g": "gğ",
}
_APOSTROPHES = "'’‘`´"
_HYPHENS = "-‐‑–"


def base_letter(ch: str) -> str:
    """The unaccented lower-case letter under `ch` (é → e, Ł → l)."""
    if ch in "łŁ":
        return "l"
    decomposed = unicodedata.normalize("NFD", ch.lower())
    return decomposed[0] if decomposed else ch


def _char_pattern(ch: str) -> str:
    if ch.isspace():
        return r"\s+"
    if ch in _APOSTROPHES:
        return "[" + re.escape(_APOSTROPHES) + "]"
    if ch in _HYPHENS:
        return "[" + re.escape(_HYPHENS) + r"]?\s*"
    base = base_letter(ch)
    if base != ch.lower() and base in _LETTER_CLASSES:
        # An accented letter also matches its plain and differently accented twins (é ~ e ~ è).
        # Plain letters stay plain: the pattern stays small, and compiling it stays cheap.
        return "[" + _LETTER_CLASSES[base] + "]"
    return re.escape(ch)


def phrase_pattern(phrase: str) -> str:
    """A regex source for one phrase; collapses white space runs first."""
    phrase = " ".join(phrase.split())
    out: list[str] = []
    for ch in phrase:
        piece = _char_pattern(ch)
        if piece == r"\s+" and out and out[-1] == r"\s+":
            continue
        out.append(piece)
    return "".join(out)


@cache
def _compile(phrases: tuple[str, ...], exact: bool) -> re.Pattern[str]:
    # Longest first, so that "Email address" wins over "Email" where both could match.
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(phrase_pattern(p) for p in ordered)
    # Not exact: a phrase may end inside a word ("prompt" in "prompts") but must start at one,
    # so that "Nome" (first name) never matches "Cognome" (surname).
    source = rf"^\s*(?:{body})\s*$" if exact else rf"(?<![^\W_])(?:{body})"
    return re.compile(source, re.IGNORECASE)


def pattern(phrases: Iterable[str], *, exact: bool = False) -> re.Pattern[str]:
    """One case-insensitive regex matching any of the phrases leniently."""
    items = tuple(p for p in phrases if p.strip())
    if not items:
        raise ValueError("no phrases to match")
    return _compile(items, exact)


def normalise(text: str) -> str:
    """Fold case, accents and white space: for comparing option labels in Python."""
    return " ".join("".join(base_letter(c) for c in text).split())
