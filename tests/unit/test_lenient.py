"""Lenient matching of Meta's wording: case, accents, apostrophes, hyphens, spaces, word starts."""

from __future__ import annotations

import pytest

from meta_optout_assist.site.lenient import normalise, pattern


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("Email address", "EMAIL ADDRESS"),
        ("E-Mail-Adresse", "E-Mail-Adresse"),
        ("E-Mail-Adresse", "email-adresse"),
        ("Ciò significa che", "Cio significa che la tua richiesta"),
        ("Ciò significa che", "CIÒ SIGNIFICA CHE"),
        ("Sélectionnez un pays", "Selectionnez   un\npays"),
        ("This content isn't available", "This content isn’t available right now"),
        ("Wyślij", "WYŚLIJ"),
        ("prompt", "the prompts you entered"),
    ],
)
def test_matches_despite_case_accents_spacing(phrase, text):
    assert pattern([phrase]).search(text)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("Nome", "Cognome"),  # first name must never match surname (Italian)
        ("Send", "Resend the code"),
        ("Email address", "Email"),
    ],
)
def test_phrase_must_start_at_a_word(phrase, text):
    assert not pattern([phrase]).search(text)


def test_exact_anchors_the_whole_text():
    send = pattern(["Send", "Senden"], exact=True)
    assert send.search("  Send ") and send.search("senden")
    assert not send.search("Send feedback")


def test_no_phrases_is_an_error():
    with pytest.raises(ValueError):
        pattern(["  "])


def test_normalise_folds_case_accents_and_spaces():
    assert normalise("  Österreich ") == normalise("osterreich")
    assert normalise("Łódź") == "lodz"
