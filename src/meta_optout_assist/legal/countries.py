"""Country codes, and the names Meta's forms show for them in the languages the tool speaks.

People type a code (DE), an alpha-3 code or a name; a form's country picker shows a name in the
page's language. This module maps between the two offline (pycountry plus the small overrides in
data/country_names.yaml). It also holds the locale rules and the YAML loader the other data
modules share, so that they all accept and reject the same things.

Nothing heavy happens at import: pycountry, PyYAML and the data are loaded on first use.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

SUPPORTED_LOCALES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")
# pycountry's catalogs for a language, best first, where the language's own is not the one Meta's
# pages use: Meta's Portuguese is Brazil's (Irã, Vietnã), and Portugal's names (Irão, Vietname)
# stay labels too.
CATALOGS: dict[str, tuple[str, ...]] = {"pt": ("pt_BR", "pt")}

_PACKAGE = "meta_optout_assist.legal"


class DataFileError(ValueError):
    """A data file shipped with the package is missing or malformed (a bug, not bad input)."""


# --- locales -------------------------------------------------------------------------------------


def normalize_locale(text: str) -> str:
    """Reduce "de", "de_DE", "de-DE", "DE", "de_DE.UTF-8" to the primary subtag the data uses."""
    raw = text.strip() if isinstance(text, str) else ""
    primary = re.split(r"[-_.@]", raw, maxsplit=1)[0].lower()
    if primary in SUPPORTED_LOCALES:
        return primary
    raise ValueError(
        f"Unsupported locale {text!r}: use one of {', '.join(SUPPORTED_LOCALES)} "
        "(a region is fine too, e.g. de_DE or de-AT)."
    )


# --- shared data loading -------------------------------------------------------------------------


def read_data_yaml(*parts: str) -> Any:
    """Parse a YAML file from the package's data folder; errors name the file."""
    from importlib import resources

    import yaml

    from meta_optout_assist.site.yaml_text import safe_load

    where = "/".join(("data", *parts))
    node = resources.files(_PACKAGE).joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    try:
        text = node.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise DataFileError(f"{where}: missing from the installed package") from exc
    try:
        return safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{where}: not valid YAML: {exc}") from exc


def read_validated(schema: Any, *parts: str) -> Any:
    """Parse a YAML data file and validate it with a pydantic model; errors name file and key."""
    raw = read_data_yaml(*parts)
    try:
        return schema.model_validate(raw)
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise data_error("/".join(("data", *parts)), exc) from exc


def data_error(where: str, exc: Exception) -> DataFileError:
    """Turn a pydantic ValidationError into one message naming the file and the key."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        lines = []
        for err in errors():
            key = ".".join(str(part) for part in err.get("loc", ())) or "(top level)"
            lines.append(f"{where}: {key}: {err.get('msg', 'invalid')}")
        return DataFileError("\n".join(lines))
    return DataFileError(f"{where}: {exc}")


# --- pycountry access ----------------------------------------------------------------------------


@functools.cache
def _countries() -> Any:
    import pycountry

    return pycountry.countries


@functools.cache
def _translation(catalog: str) -> Any:
    import gettext

    import pycountry

    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[catalog], fallback=True
    )


def _translated_in(catalog: str, msgid: str) -> str | None:
    trans = _translation(catalog)
    known = getattr(trans, "_catalog", None)
    if known is not None and msgid not in known:
        return None
    return trans.gettext(msgid)


def _translations(locale: str, msgid: str) -> list[str]:
    """The ISO name in that language, best catalog first; empty when pycountry has none."""
    if locale == "en":
        return [msgid]
    found = (_translated_in(catalog, msgid) for catalog in CATALOGS.get(locale, (locale,)))
    return [name for name in found if name]


def _translated(locale: str, msgid: str) -> str | None:
    """The ISO name in that language (its best catalog), or None when pycountry has none."""
    names = _translations(locale, msgid)
    return names[0] if names else None


def _uncomma(name: str) -> str:
    """'Korea, Republic of' -> 'Republic of Korea': ISO list order reads badly in a form."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    joined = f"{tail}{head}" if tail.endswith("'") else f"{tail} {head}"
    return joined[4:] if joined.startswith("The ") else joined


@functools.cache
def _name_data() -> dict[str, Any]:
    data = read_data_yaml("country_names.yaml") or {}
    known = {c.alpha_2 for c in _countries()}
    for section in ("names", "aliases", "wrong"):
        for code in data.get(section) or {}:
            if code not in known:
                raise DataFileError(f"data/country_names.yaml: {section}.{code}: not an ISO code")
    for alias, code in (data.get("codes") or {}).items():
        if code not in known:
            raise DataFileError(f"data/country_names.yaml: codes.{alias}: {code} is not ISO")
    return data


def _dedupe(labels: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for label in labels:
        key = _fold(label)
        if label and key not in seen:
            seen.add(key)
            out.append(label)
    return out


@functools.cache
def _labels(code: str, locale: str) -> tuple[str, ...]:
    """Every label for one country in one language, the one a form most likely shows first."""
    country = _countries().get(alpha_2=code)
    data = _name_data()
    override = ((data.get("names") or {}).get(code) or {}).get(locale)
    candidates: list[str | None] = [override]
    common = getattr(country, "common_name", None)
    if common:
        candidates.append(_translated(locale, common))
    iso_name = _translated(locale, country.name) or country.name
    if not override:  # where an override exists, the reordered ISO name is known to read wrong
        candidates.append(_uncomma(iso_name))
    candidates.extend(((data.get("aliases") or {}).get(code) or {}).get(locale) or ())
    candidates.append(iso_name)
    for msgid in (common, country.name):  # the language's other catalogs (Portugal's Portuguese)
        if msgid:
            candidates.extend(_translations(locale, msgid)[1:])
    official = getattr(country, "official_name", None)
    if official:
        candidates.append(_translated(locale, official))
    wrong = {_fold(w) for w in ((data.get("wrong") or {}).get(code) or {}).get(locale) or ()}
    return tuple(_dedupe(c for c in candidates if c and _fold(c) not in wrong))


# --- codes ---------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Compare names the way a person means them: no case, accents or stray spacing."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


@functools.cache
def _name_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for country in _countries():
        for locale in SUPPORTED_LOCALES:
            for label in _labels(country.alpha_2, locale):
                index.setdefault(_fold(label), set()).add(country.alpha_2)
    return {key: frozenset(codes) for key, codes in index.items()}


def _display(code: str) -> str:
    return f"{_labels(code, 'en')[0]} ({code})"


def normalize_code(text: str) -> str:
    """Return the ISO 3166-1 alpha-2 code (upper case) for a code, alpha-3 code or country name.

    Names are accepted in any supported language. Raises ValueError with close matches otherwise.
    """
    raw = text.strip() if isinstance(text, str) else ""
    if not raw:
        raise ValueError("No country given: use a two-letter ISO code such as DE, FR or GB.")
    if raw.isascii() and raw.isalpha() and len(raw) in (2, 3):
        upper = raw.upper()
        if len(upper) == 2:
            upper = (_name_data().get("codes") or {}).get(upper, upper)
            country = _countries().get(alpha_2=upper)
        else:
            country = _countries().get(alpha_3=upper)
        if country is not None:
            return country.alpha_2
    index = _name_index()
    codes = index.get(_fold(raw))
    if codes and len(codes) == 1:
        return next(iter(codes))
    if codes:
        options = ", ".join(_display(code) for code in sorted(codes))
        raise ValueError(f"{raw!r} could mean several countries: {options}. Use the code.")
    hint = ""
    if len(raw) > 3:
        import difflib

        close = difflib.get_close_matches(_fold(raw), index.keys(), n=5, cutoff=0.75)
        codes_close = _dedupe(code for key in close for code in sorted(index[key]))
        if codes_close:
            hint = " Did you mean " + " or ".join(_display(c) for c in codes_close[:3]) + "?"
    raise ValueError(
        f"Unknown country {raw!r}: use a two-letter ISO 3166-1 code such as DE, FR or GB.{hint}"
    )


# --- names ---------------------------------------------------------------------------------------


def country_name(code: str, locale: str = "en") -> str:
    """The country's name as a form in that language would show it (short, common form)."""
    return _labels(normalize_code(code), normalize_locale(locale))[0]


def country_names(code: str, locale: str | None = None) -> list[str]:
    """Every plausible label for the country, best first: that locale, then the others.

    A form's country picker may use any of these; matching against all of them copes with
    Meta's wording ("Czechia" or "Czech Republic") and with a page in another language.
    """
    alpha2 = normalize_code(code)
    first = normalize_locale(locale) if locale is not None else SUPPORTED_LOCALES[0]
    order = [first, *(loc for loc in SUPPORTED_LOCALES if loc != first)]
    return _dedupe(label for loc in order for label in _labels(alpha2, loc))
