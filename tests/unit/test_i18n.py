"""The terminal's language (issue 21, part 5): gettext catalogs for eight languages, complete and
compiled from their .po files, chosen from the system locale unless --lang (ASSIST_LANG) says."""

from __future__ import annotations

import io
import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from meta_optout_assist.ui import i18n

SOURCE = i18n.LOCALE_DIR.parent
TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != i18n.DEFAULT]
_FIELD = re.compile(r"\{[^{}]*\}")


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.use("en")


def _catalog(lang: str):
    with open(i18n.LOCALE_DIR / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po", "rb") as fh:
        return read_po(fh, locale=lang)


def _template():
    with open(i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot", "rb") as fh:
        return read_po(fh)


def _key(message) -> tuple:
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))


def test_the_template_holds_every_marked_string_of_the_source():
    """`make i18n` was run after the last change to a translated string."""
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
            str(SOURCE), method_map=[("**.py", "python")]):
        found.add((context, message if isinstance(message, str) else tuple(message)))
    assert found == {_key(m) for m in _template() if m.id}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_with_the_same_fields(lang):
    catalog = _catalog(lang)
    assert {_key(m) for m in catalog if m.id} == {_key(m) for m in _template() if m.id}
    for m in catalog:
        if not m.id:
            continue
        assert "fuzzy" not in m.flags, m.id
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        assert all(s.strip() for s in strings), (lang, m.id)
        if not isinstance(m.id, str):
            assert len(strings) == catalog.num_plurals, (lang, m.id)
        fields = set(_FIELD.findall(ids[-1]))
        for i, s in enumerate(strings):
            if i == 0 and len(ids) > 1:  # the singular may leave the count out, as English does
                assert set(_FIELD.findall(s)) <= fields, (lang, m.id, s)
            else:
                assert set(_FIELD.findall(s)) == fields, (lang, m.id, s)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalog_is_the_po_file(lang):
    """The .mo files are committed (a fresh clone, `pip install .` and pipx need them): each is
    exactly what babel compiles from its .po."""
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(lang))
    mo = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    assert mo.read_bytes() == compiled.getvalue(), f"run `make i18n`: {mo} is not compiled from its .po"


@pytest.mark.parametrize("env, expected", [
    ({"LANG": "de_DE.UTF-8"}, "de"),
    ({"LANG": "fr_CA.UTF-8"}, "fr"),
    ({"LANG": "pt_BR.UTF-8"}, "pt"),
    ({"LC_ALL": "nl_BE.UTF-8", "LANG": "de_DE.UTF-8"}, "nl"),
    ({"LC_MESSAGES": "pl_PL.UTF-8", "LANG": "de_DE.UTF-8"}, "pl"),
    ({"LANGUAGE": "sv:it", "LANG": "sv_SE.UTF-8"}, "it"),
    ({"LANG": "sv_SE.UTF-8"}, "en"),  # no catalog: English
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({"LANG": "es_ES@euro"}, "es"),
])
def test_the_system_language(env, expected):
    assert i18n.system_language(env, "linux") == expected


def test_windows_asks_the_user_display_language(monkeypatch):
    monkeypatch.setattr(i18n, "_windows_language", lambda: "it_IT")
    assert i18n.system_language({}, "win32") == "it"
    monkeypatch.setattr(i18n, "_windows_language", lambda: None)
    assert i18n.system_language({}, "win32") == "en"
    assert i18n.system_language({"LANG": "de_DE"}, "win32") == "de"  # a set variable still wins


def test_lang_overrides_the_environment_and_the_system(monkeypatch):
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    assert i18n.use() == "fr"
    assert i18n._("Send this to Meta now?") == "Envoyer ceci à Meta maintenant ?"
    monkeypatch.setenv(i18n.LANG_ENV, "it")
    assert i18n.use() == "it"
    assert i18n.use("de") == "de"
    assert i18n._("Send this to Meta now?") == "Jetzt an Meta senden?"
    assert i18n.language() == "de"
    assert i18n.use("en") == "en" and i18n._("Send this to Meta now?") == "Send this to Meta now?"


def test_plurals_follow_each_language():
    i18n.use("pl")
    forms = [i18n.ngettext("Confirmed by Meta.", "All {n} confirmed by Meta.", n).format(n=n) for n in (1, 3, 5, 22)]
    assert forms == ["Potwierdzone przez Metę.", "Wszystkie 3 potwierdzone przez Metę.",
                     "Wszystkich 5 potwierdzonych przez Metę.", "Wszystkie 22 potwierdzone przez Metę."]


@pytest.mark.parametrize("value, expected", [("de", "de"), ("DE", "de"), ("pt_BR", "pt"), ("fr-FR", "fr")])
def test_check_lang(value, expected):
    assert i18n.check_lang(value) == expected


def test_check_lang_names_the_languages():
    with pytest.raises(ValueError, match="en, de, fr, es, it, nl, pl, pt"):
        i18n.check_lang("sv")
