"""The terminal's language: the lines a person acts on (log in, type the code, open the link, the
review, the result, the questions) come from gettext catalogs, in the system's language unless
--lang (or ASSIST_LANG) says otherwise.

Catalogs: src/meta_optout_assist/locale/<lang>/LC_MESSAGES/assist.po, compiled to assist.mo beside
it (both committed, so a fresh clone, `pip install .` and pipx have them). `make i18n` extracts the
marked strings with babel and refreshes both. The English text is the message id: English needs no
catalog. Error messages stay English: they are also what the journal keeps.
"""

from __future__ import annotations

import gettext as _gettext
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")
DEFAULT = "en"
DOMAIN = "assist"
LANG_ENV = "ASSIST_LANG"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
# GNU gettext's order: LANGUAGE (a list) first, then the first of these that is set.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_translation: _gettext.NullTranslations | None = None
_language: str | None = None


def supported(text: str | None) -> str | None:
    """The catalog for a locale name ("de", "de_AT.UTF-8", "pt-BR", "fr_FR@euro"), or None."""
    if not text:
        return None
    primary = re.split(r"[_.@-]", text.strip(), maxsplit=1)[0].lower()
    return primary if primary in LANGUAGES else None


def check_lang(value: str) -> str:
    """--lang as given, or ValueError saying which languages there are."""
    found = supported(value)
    if found is None:
        raise ValueError(f"{value!r} is not a language the terminal speaks; use one of {', '.join(LANGUAGES)}")
    return found


def _windows_language() -> str | None:
    import ctypes
    import locale

    try:
        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return locale.windows_locale.get(lcid)


def system_language(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str:
    """The language the system asks programs to speak, when the terminal has a catalog for it:
    LANGUAGE's list, else LC_ALL, LC_MESSAGES or LANG (the first set), else, on Windows, the user's
    display language, else the C library's locale. English otherwise (also for "C" and "POSIX")."""
    for entry in (env.get("LANGUAGE") or "").split(":"):
        if supported(entry):
            return supported(entry)  # type: ignore[return-value]
    for name in _LOCALE_VARIABLES:
        value = env.get(name)
        if value:
            return supported(value) or DEFAULT
    if platform.startswith("win"):
        return supported(_windows_language()) or DEFAULT
    import locale

    try:
        return supported(locale.getlocale()[0]) or DEFAULT
    except ValueError:
        return DEFAULT


def use(lang: str | None = None) -> str:
    """Speak `lang` (--lang), else ASSIST_LANG, else the system's language, from now on. Returns
    the language chosen."""
    global _translation, _language
    chosen = supported(lang) or supported(os.environ.get(LANG_ENV)) or system_language()
    _language = chosen
    _translation = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen], fallback=True)
    return chosen


def language() -> str:
    """The language the terminal speaks now."""
    if _language is None:
        use()
    return _language  # type: ignore[return-value]


def _(message: str) -> str:
    """The message in the terminal's language (the English text when there is no translation)."""
    if _translation is None:
        use()
    return _translation.gettext(message)  # type: ignore[union-attr]


def ngettext(singular: str, plural: str, n: int) -> str:
    if _translation is None:
        use()
    return _translation.ngettext(singular, plural, n)  # type: ignore[union-attr]


def pgettext(context: str, message: str) -> str:
    """A short message whose meaning depends on where it is used ("done" typed by the person)."""
    if _translation is None:
        use()
    return _translation.pgettext(context, message)  # type: ignore[union-attr]


def N_(message: str) -> str:
    """Marks a message for the catalog without translating it yet (translated where it is shown)."""
    return message
