"""`assist escalate ID`: the complaint kit (Art. 21 objection to Meta's DPO, Art. 77 complaint to
the person's authority, README), in the person's language, citing the receipt's evidence."""

from __future__ import annotations

import importlib
import io
import json
import re
import sys
import types
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from string import Template

import pytest

import meta_optout_assist
import meta_optout_assist.cli as cli
import meta_optout_assist.legal
from meta_optout_assist.errors import BadInput
from meta_optout_assist.legal import escalation
from meta_optout_assist.store.journal import Journal, State, utc_now
from meta_optout_assist.store.receipts import Receipt
from meta_optout_assist.ui import terminal
from tests.support.posix import has_mode

EVIDENCE = ("form-before-send.png", "confirmation.png", "confirmation.html", "sent.json",
            "manifest.json")


@dataclass(frozen=True)
class FakeAuthority:
    country: str
    name: str
    name_en: str
    url: str
    complaint_url: str | None


@dataclass(frozen=True)
class FakeDPO:
    name: str
    short_name: str
    address: str
    contact_url: str
    note: str


@pytest.fixture
def fake_authorities(monkeypatch):
    """A stand-in for meta_optout_assist.legal.authorities with the agreed signatures."""
    table = {
        "DE": FakeAuthority("DE", "Landesbeauftragte Test", "Test Commissioner",
                            "https://dpa.example.de", "https://dpa.example.de/beschwerde"),
        "FR": FakeAuthority("FR", "CNIL Test", "CNIL Test EN", "https://dpa.example.fr", None),
    }
    mod = types.ModuleType("meta_optout_assist.legal.authorities")
    mod.authority_for = lambda code: table.get(code.upper())
    mod.meta_dpo = lambda platform=None: FakeDPO(
        "Meta Platforms Ireland Ltd.", "Meta", "Merrion Road\nDublin 4\nIreland",
        "https://dpo.example.com/form", "Check the form first.")
    monkeypatch.setitem(sys.modules, "meta_optout_assist.legal.authorities", mod)
    monkeypatch.setattr(meta_optout_assist.legal, "authorities", mod, raising=False)
    return mod


def _record(data_dir: Path, state: State = State.REJECTED, *, receipt: bool = True, **kw) -> str:
    j = Journal(data_dir)
    fields = dict(platform="facebook", form="objection", account="default", country="DE",
                  email="person@example.eu", form_url="https://www.facebook.com/help/contact/1",
                  tool_version="0.1.0", selectors_version="2025.1")
    fields.update(kw)
    rec = j.start(**fields)
    if state in (State.FAILED, State.ABORTED, State.STARTED):
        if state is not State.STARTED:
            j.update(rec.id, state=state, reason="the site showed an error page")
        return rec.id
    j.update(rec.id, state=State.SUBMITTED, submitted_at=utc_now() - timedelta(days=40))
    j.update(rec.id, state=State.CONFIRMED)
    if state is not State.CONFIRMED:
        j.update(rec.id, state=state)
    if receipt:
        r = Receipt.create(data_dir, rec.id)
        r.add_bytes("form-before-send.png", b"png")
        r.add_bytes("confirmation.png", b"png")
        r.add_text("confirmation.html", "<html></html>")
        r.add_json("sent.json", {"email": fields["email"]})
        r.write_manifest(record=j.get(rec.id), fields_sent={}, timestamps={})
        j.update(rec.id, receipt_dir=str(r.dir))
    return rec.id


def test_kit_for_a_rejected_objection_in_german(tmp_path, fake_authorities):
    data = tmp_path / "data"
    rid = _record(data)
    j = Journal(data)
    kit = escalation.escalate(j, data, rid)
    rec = j.get(rid)

    assert kit.language == "de"
    assert kit.dir == Path(rec.receipt_dir) / "complaint-kit"
    assert has_mode(kit.dir, 0o700)
    assert {p.name for p in kit.dir.iterdir()} == {
        "README.txt", "1-objection-to-meta-dpo.de.txt",
        "2-complaint-to-data-protection-authority.de.txt"}
    for p in kit.files:
        assert has_mode(p, 0o600)

    objection = kit.objection.read_text()
    assert "Art. 21" in objection and "Widerspruch" in objection
    assert "Datenschutzbeauftragte" in objection and "Meta Platforms Ireland Ltd." in objection
    assert "https://dpo.example.com/form" in objection
    assert "person@example.eu" in objection and "Deutschland" in objection
    assert rid in objection and "abgelehnt" in objection
    for name in EVIDENCE:
        assert name in objection

    complaint = kit.complaint.read_text()
    assert "Art. 77" in complaint and "Landesbeauftragte Test" in complaint
    assert "https://dpa.example.de/beschwerde" in complaint
    submitted = rec.submitted_at.date().isoformat()
    assert submitted in complaint and rec.outcome_at.date().isoformat() in complaint
    for name in EVIDENCE:
        assert name in complaint

    readme = kit.readme.read_text()
    assert kit.objection.name in readme and kit.complaint.name in readme
    assert str(rec.receipt_dir) in readme and f"assist mark {rid}" in readme
    assert "Check the form first." in readme
    for text in (objection, complaint, readme):
        assert "$" not in text
    assert rec.escalated_at is not None


def test_language_choice(tmp_path, fake_authorities):
    data = tmp_path / "data"
    j = Journal(data)
    cy = _record(data, country="CY")  # Greek: no template yet, so English
    fr = _record(data, country="FR")
    loc = _record(data, country="BE", locale="fr_BE")
    assert escalation.escalate(j, data, cy).language == "en"
    kit = escalation.escalate(j, data, fr)
    assert kit.language == "fr" and "CNIL Test" in kit.complaint.read_text()
    assert "voir https://dpa.example.fr" in kit.complaint.read_text()  # no complaint form known
    assert escalation.escalate(j, data, loc).language == "fr"
    assert escalation.escalate(j, data, fr, language="pl").language == "pl"
    with pytest.raises(BadInput, match="No letter templates"):
        escalation.escalate(j, data, fr, language="el")


def test_failed_attempt_without_receipt_and_unknown_authority(tmp_path, fake_authorities):
    data = tmp_path / "data"
    j = Journal(data)
    rid = _record(data, State.FAILED, country="US")
    kit = escalation.escalate(j, data, rid)
    rec = j.get(rid)
    assert rec.receipt_dir == str(data / "receipts" / rid)  # created and recorded
    assert kit.language == "en"
    complaint = kit.complaint.read_text()
    assert "the data protection authority of your country" in complaint
    assert "edpb.europa.eu" in complaint
    objection = kit.objection.read_text()
    assert "the form did not work" in objection
    assert "the site showed an error page" in objection
    assert "no files were saved" in objection


def test_honoured_objection_has_nothing_to_escalate(tmp_path, fake_authorities):
    data = tmp_path / "data"
    rid = _record(data, State.HONORED)
    with pytest.raises(BadInput, match="nothing to escalate"):
        escalation.escalate(Journal(data), data, rid)


@pytest.mark.parametrize("lang", escalation.available_languages())
def test_every_template_renders_for_every_state(tmp_path, fake_authorities, lang):
    assert {"en", "de", "fr", "es", "it", "nl", "pl", "pt"} <= set(escalation.available_languages())
    data = tmp_path / "data"
    j = Journal(data)
    for state in (State.STARTED, State.FAILED, State.ABORTED, State.SUBMITTED, State.CONFIRMED,
                  State.REJECTED, State.NO_REPLY):
        rid = _record(data, state, form="third-party" if state is State.SUBMITTED else "objection")
        kit = escalation.escalate(j, data, rid, language=lang)
        for path in kit.files:
            text = path.read_text()
            assert "$" not in text, (lang, state, path.name)
            assert rid in text and "person@example.eu" in text or path.name == "README.txt"
        assert "https://dpa.example.de" in kit.complaint.read_text()


def test_template_faults_name_the_file_and_key(monkeypatch):
    letters = escalation.load_letters("en")
    bad = letters.model_copy(update={"reason_line": "Noted: $reson"})
    monkeypatch.setattr(escalation.LetterSet, "model_validate", classmethod(lambda cls, d: bad))
    escalation.load_letters.cache_clear()
    try:
        with pytest.raises(BadInput, match=r"letters/en.yaml, key 'reason_line'.*\$reson"):
            escalation.load_letters("en")
    finally:
        escalation.load_letters.cache_clear()


def test_escalate_command(tmp_path, monkeypatch, capsys, fake_authorities):
    data = tmp_path / "data"
    monkeypatch.setenv("ASSIST_DATA_DIR", str(data))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(
        cli, "_register", lambda: importlib.import_module("meta_optout_assist.cli.records"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    rid = _record(data, State.NO_REPLY)

    def run(*args):
        terminal.console_out.cache_clear()
        terminal.console_err.cache_clear()
        with pytest.raises(SystemExit) as exc:
            cli.main(list(args))
        out, err = capsys.readouterr()
        return int(exc.value.code or 0), out, err

    code, out, err = run("escalate", rid[-6:], "--lang", "it")
    assert code == 0, err
    kit = Path(Journal(data).get(rid).receipt_dir) / "complaint-kit"
    assert str(kit) in out and "README.txt" in out and "Landesbeauftragte Test" in out
    assert (kit / "1-objection-to-meta-dpo.it.txt").exists()
    assert "Meta non ha risposto" in (kit / "2-complaint-to-data-protection-authority.it.txt"
                                      ).read_text()
    code, out, err = run("escalate", "nope")
    assert code == 2 and "nope" in err and "Traceback" not in err


def test_with_the_real_authorities_table(tmp_path):
    """The kit against data/authorities.yaml and countries.py as shipped."""
    authorities = pytest.importorskip("meta_optout_assist.legal.authorities")
    data = tmp_path / "data"
    j = Journal(data)
    for country, lang in (("FR", "fr"), ("DE", "de"), ("PL", "pl"), ("IE", "en"), ("NO", "en"),
                          ("PT", "pt"), ("BR", "pt")):
        rid = _record(data, country=country)
        kit = escalation.escalate(j, data, rid)
        assert kit.language == lang
        auth = authorities.authority_for(country)
        complaint = kit.complaint.read_text()
        assert auth.url in complaint
        assert authorities.meta_dpo().contact_url in kit.objection.read_text()
        assert "$" not in complaint + kit.objection.read_text() + kit.readme.read_text()
        if auth.regional_list_url:  # Germany: the Land's authority is the one to write to
            assert auth.regional_list_url in complaint.replace("\n", "")


def test_escalate_command_for_a_brazilian_record_writes_portuguese_letters_to_the_anpd(
        tmp_path, monkeypatch, capsys):
    """`assist escalate` for a record made in Brazil, with the authorities and letters as shipped:
    Portuguese letters that object under the LGPD beside the GDPR and petition the ANPD."""
    data = tmp_path / "data"
    monkeypatch.setenv("ASSIST_DATA_DIR", str(data))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(
        cli, "_register", lambda: importlib.import_module("meta_optout_assist.cli.records"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    rid = _record(data, State.NO_REPLY, country="BR", email="pessoa@example.com.br")
    terminal.console_out.cache_clear()
    terminal.console_err.cache_clear()
    with pytest.raises(SystemExit) as exc:
        cli.main(["escalate", rid[-6:]])
    out, err = capsys.readouterr()
    assert int(exc.value.code or 0) == 0, err
    assert "Autoridade Nacional de Proteção de Dados (ANPD)" in " ".join(out.split())

    kit = Path(Journal(data).get(rid).receipt_dir) / "complaint-kit"
    assert {p.name for p in kit.iterdir()} == {
        "README.txt", "1-objection-to-meta-dpo.pt.txt", "2-complaint-to-data-protection-authority.pt.txt"}
    objection = " ".join((kit / "1-objection-to-meta-dpo.pt.txt").read_text().split())
    complaint = " ".join((kit / "2-complaint-to-data-protection-authority.pt.txt").read_text().split())
    readme = " ".join((kit / "README.txt").read_text().split())
    assert "oponho-me ao tratamento dos meus dados pessoais" in objection
    assert "no Brasil, do artigo 18, § 2.º, da Lei Geral de Proteção de Dados Pessoais" in objection
    assert "País de residência: Brasil" in objection and "pessoa@example.com.br" in objection
    assert "Encarregado da Proteção de Dados" in objection
    assert complaint.startswith("Para: Autoridade Nacional de Proteção de Dados (ANPD) https://www.gov.br/anpd")
    assert "Formulário: https://www.gov.br/pt-br/servicos/abrir-requerimento-relacionado-a-lgpd" in complaint
    assert "petição de titular (artigo 18, § 1.º, da LGPD)" in complaint
    assert "A Meta não respondeu" in complaint and rid in complaint
    assert "Uma queixa (no Brasil, uma petição de titular) a: Autoridade Nacional de Proteção de Dados" in readme
    assert "first made the request to Meta" in readme  # the ANPD's condition, from the authority's note
    for text in (objection, complaint, readme):
        assert "$" not in text


def test_a_whatsapp_record_goes_to_whatsapp_ireland(tmp_path):
    """WhatsApp's EU data is controlled by WhatsApp Ireland, not Meta Platforms Ireland: the letters
    say so, and name the platform as it names itself."""
    data = tmp_path / "data"
    rid = _record(data, platform="whatsapp", country="DE",
                  form_url="https://www.whatsapp.com/contact/forms/382532939919295/")
    kit = escalation.escalate(Journal(data), data, rid, language="en")
    objection = kit.objection.read_text()
    assert "WhatsApp Ireland Limited" in objection and "Meta Platforms Ireland" not in objection
    assert "WhatsApp" in objection and "Whatsapp" not in objection


#: Where a letter may still say "Meta" for a WhatsApp record: AI at Meta and Meta AI (Meta's AI,
#: what the objection is about) and, in Portuguese, "a empresa do grupo Meta" (Brazil's controller).
_META_AI = re.compile(r"\b(?:AI|IA|KI|intelligence|artificielle|artificiale|artificial|Intelligenz|"
                      r"intelligentie|inteligencji|grupo)\s+(?:at|bei|chez|de|di|bij|w|da)?\s*Meta\b"
                      r"|\bMeta AI\b")


def _kit_texts(kit) -> dict[str, str]:
    """Each file of a kit, its lines joined: a name may be wrapped over two lines."""
    return {p.name: " ".join(p.read_text().split()) for p in kit.files}


@pytest.mark.parametrize("lang", escalation.available_languages())
def test_every_language_names_the_platforms_controller(tmp_path, lang):
    """The letters name the company that controls the platform's data, through placeholders, in
    every language: WhatsApp Ireland for WhatsApp (never Meta Platforms Ireland, never Meta as the
    one who refused or answered), Meta Platforms Ireland for Facebook and Instagram."""
    authorities = pytest.importorskip("meta_optout_assist.legal.authorities")
    german_note = " ".join(authorities.authority_for("DE").note.split())  # names Meta: not ours
    data = tmp_path / "data"
    j = Journal(data)
    for state in (State.REJECTED, State.NO_REPLY, State.FAILED):
        whatsapp = _record(data, state, platform="whatsapp",
                           form_url="https://www.whatsapp.com/contact/forms/382532939919295/")
        for name, text in _kit_texts(escalation.escalate(j, data, whatsapp, language=lang)).items():
            where = (lang, state.value, name)
            assert "WhatsApp Ireland Limited" in text, where
            assert "Meta Platforms" not in text and "Whatsapp" not in text, where
            assert "$" not in text, where
            text = text.replace(german_note, "")
            assert len(re.findall(r"\bMeta\b", text)) == len(_META_AI.findall(text)), where

        facebook = _record(data, state)
        for name, text in _kit_texts(escalation.escalate(j, data, facebook, language=lang)).items():
            where = (lang, state.value, name)
            assert "Meta Platforms Ireland" in text, where
            assert "WhatsApp" not in text and "$" not in text, where


def test_portuguese_names_each_company_with_its_own_article(tmp_path):
    """a Meta, o WhatsApp: the Portuguese letters take the forms of the name from the template."""
    pytest.importorskip("meta_optout_assist.legal.authorities")
    data = tmp_path / "data"
    j = Journal(data)
    whatsapp = _record(data, State.NO_REPLY, platform="whatsapp", country="PT")
    texts = _kit_texts(escalation.escalate(j, data, whatsapp))
    objection = texts["1-objection-to-whatsapp-dpo.pt.txt"]
    complaint = texts["2-complaint-to-data-protection-authority.pt.txt"]
    assert "pelo WhatsApp (na UE, a WhatsApp Ireland Limited)" in objection
    assert "O WhatsApp não respondeu" in complaint and "ordenem ao WhatsApp" in complaint
    assert not re.search(r"\b[aà] Meta\b(?! AI)", objection + complaint)  # a Meta AI: Meta's AI
    facebook = _record(data, State.NO_REPLY, country="PT")
    complaint = _kit_texts(escalation.escalate(j, data, facebook))[
        "2-complaint-to-data-protection-authority.pt.txt"]
    assert "A Meta não respondeu" in complaint and "ordenem à Meta" in complaint


def test_a_language_that_lists_forms_of_the_name_needs_them_for_every_company():
    letters = escalation.load_letters("pt")
    assert letters.company_values("WhatsApp", "letters/pt.yaml")["company_by"] == "pelo WhatsApp"
    with pytest.raises(BadInput, match=r"letters/pt.yaml, key 'company_forms': no forms for Acme"):
        letters.company_values("Acme", "letters/pt.yaml")
    assert escalation.load_letters("en").company_values("Acme", "letters/en.yaml") == {}


def test_paragraphs_are_wrapped_again_once_filled():
    """A placeholder's text is longer or shorter than its name: the paragraph it is in is wrapped
    again, without a stub of a line; address lines and list items stay lines of their own, and a
    line never breaks between "Art." and its number."""
    template = (
        "To: $title\n$address\n\n"
        "A paragraph wrapped by hand at about ninety characters, which names $controller, so that\n"
        "it is wrapped again once it is filled in: Art. 21 and Art. 21 and Art. 21, Art. 21, Art. 21\n"
        "and this is its last line.\n"
        "1. a list item stays a line of its own\n"
        "2. and so does the next one\n")
    text = escalation._render(template, {"title": "Officer", "address": "Street 1\nCity",
                                         "controller": "WhatsApp Ireland Limited " * 3})
    lines = text.splitlines()
    assert lines[:4] == ["To: Officer", "Street 1", "City", ""]
    assert lines[-2:] == ["1. a list item stays a line of its own", "2. and so does the next one"]
    paragraph = lines[4:-2]
    assert all(len(line) <= 96 for line in paragraph)
    assert all(len(line) >= 80 for line in paragraph[:-1]), paragraph
    assert not any(line.endswith("Art.") for line in paragraph)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", escalation.available_languages())
def test_a_whatsapp_objection_covers_messages_with_ais_in_every_language(tmp_path, lang):
    """WhatsApp's form objects to the use of one's messages with AIs (Meta AI chats), not posts:
    the letters say so in every language; Facebook's and the third-party form's say what theirs
    cover, as before."""
    pytest.importorskip("meta_optout_assist.legal.authorities")
    letters = escalation.load_letters(lang)
    data = tmp_path / "data"
    j = Journal(data)
    whatsapp = _record(data, platform="whatsapp")
    facebook = _record(data)
    third_party = _record(data, State.SUBMITTED, form="third-party")
    posts = {p: _flat(letters.matter["objection"].replace("$platform", p))
             for p in ("WhatsApp", "Facebook")}

    texts = _kit_texts(escalation.escalate(j, data, whatsapp, language=lang))
    for name in (f"1-objection-to-whatsapp-dpo.{lang}.txt",
                 f"2-complaint-to-data-protection-authority.{lang}.txt"):
        assert _flat(letters.matter["whatsapp-objection"]) in texts[name], (lang, name)
        assert "Meta AI" in texts[name] and posts["WhatsApp"] not in texts[name], (lang, name)

    texts = _kit_texts(escalation.escalate(j, data, facebook, language=lang))
    assert posts["Facebook"] in texts[f"1-objection-to-meta-dpo.{lang}.txt"]
    assert "Meta AI" not in " ".join(texts.values())
    texts = _kit_texts(escalation.escalate(j, data, third_party, language=lang))
    third = _flat(Template(letters.matter["third-party"]).substitute(
        company="Meta", **letters.company_values("Meta", lang)))
    assert third in texts[f"1-objection-to-meta-dpo.{lang}.txt"]


def test_a_matter_key_must_name_a_form(monkeypatch):
    """matter: objection and third-party are needed; others are <platform>-<form>, and a key that
    is neither is named with the file."""
    letters = escalation.load_letters("en")
    assert set(letters.matter) == {"objection", "third-party", "whatsapp-objection"}
    assert letters.matter_for("instagram", "objection") == letters.matter["objection"]
    assert letters.matter_for("whatsapp", "objection") == letters.matter["whatsapp-objection"]
    assert letters.matter_for("facebook", "third-party") == letters.matter["third-party"]
    for matter, error in ((dict(letters.matter, posts="my posts"), r"key 'matter.posts': not a form"),
                          ({"objection": "x"}, r"key 'matter': missing third-party")):
        bad = letters.model_copy(update={"matter": matter})
        monkeypatch.setattr(escalation.LetterSet, "model_validate",
                            classmethod(lambda cls, d, bad=bad: bad))
        escalation.load_letters.cache_clear()
        try:
            with pytest.raises(BadInput, match=rf"letters/en.yaml, {error}"):
                escalation.load_letters("en")
        finally:
            escalation.load_letters.cache_clear()


def _whatsapp_record(data: Path, sent: dict | None, state: State = State.REJECTED) -> str:
    """A WhatsApp record whose receipt holds the fields sent (sent.json), or no receipt."""
    rid = _record(data, state, receipt=False, platform="whatsapp",
                  form_url="https://www.whatsapp.com/contact/forms/382532939919295/")
    if sent is not None:
        r = Receipt.create(data, rid)
        r.add_json("sent.json", sent)
        Journal(data).update(rid, receipt_dir=str(r.dir))
    return rid


@pytest.mark.parametrize("lang", escalation.available_languages())
def test_a_whatsapp_account_is_named_by_its_phone_number(tmp_path, lang):
    """WhatsApp knows an account by its number, not by an email: the letters give the number the
    form was sent with (sent.json), or ask for it where the receipt has none; Facebook's still give
    the email it is registered with."""
    letters = escalation.load_letters(lang)
    data = tmp_path / "data"
    j = Journal(data)
    rid = _whatsapp_record(data, {"email": "person@example.eu",
                                  "phone": "Deutschland (+49) 1511234567"})
    texts = _kit_texts(escalation.escalate(j, data, rid, language=lang))
    objection = texts[f"1-objection-to-whatsapp-dpo.{lang}.txt"]
    complaint = texts[f"2-complaint-to-data-protection-authority.{lang}.txt"]
    lines = letters.account["whatsapp"]
    assert _flat(Template(lines.objection).substitute(
        platform="WhatsApp", phone="+491511234567", email="person@example.eu")) in objection
    assert _flat(Template(lines.complaint).substitute(
        platform="WhatsApp", phone="+491511234567")) in complaint
    default = letters.account["default"]
    assert _flat(default.complaint.replace("$platform", "WhatsApp")) not in complaint

    unsent = _whatsapp_record(data, None, State.FAILED)
    texts = _kit_texts(escalation.escalate(j, data, unsent, language=lang))
    for text in texts.values():
        assert "+49" not in text and "$" not in text
    assert letters.no_phone in texts[f"2-complaint-to-data-protection-authority.{lang}.txt"]

    facebook = _record(data)
    texts = _kit_texts(escalation.escalate(j, data, facebook, language=lang))
    assert _flat(Template(default.objection).substitute(
        platform="Facebook", email="person@example.eu")) in texts[f"1-objection-to-meta-dpo.{lang}.txt"]
    assert letters.no_phone not in " ".join(texts.values())


def test_the_phone_number_comes_from_what_was_sent(tmp_path):
    data = tmp_path / "data"
    receipt = Receipt.create(data, "20260101-abcdef")
    assert escalation._sent_phone(receipt) is None  # no sent.json
    for sent, phone in (({"phone": "+4915112345678"}, "+4915112345678"),
                        ({"phone": "Deutschland (+49) 151 1234567"}, "+491511234567"),
                        ({"phone": "+1 (US) 2015550123"}, "+12015550123"),
                        ({"phone": "0151 1234567"}, "0151 1234567"),  # no country code: as sent
                        ({"phone": "—"}, None), ({"email": "a@b.eu"}, None), (["+49"], None)):
        (receipt.dir / "sent.json").write_text(json.dumps(sent))
        assert escalation._sent_phone(receipt) == phone, sent
    (receipt.dir / "sent.json").write_text("{not json")
    assert escalation._sent_phone(receipt) is None


def test_account_lines_need_a_default(monkeypatch):
    letters = escalation.load_letters("en")
    assert letters.account_for("instagram") == letters.account["default"]
    assert letters.account_for("whatsapp") == letters.account["whatsapp"]
    bad = letters.model_copy(update={"account": {"whatsapp": letters.account["whatsapp"]}})
    monkeypatch.setattr(escalation.LetterSet, "model_validate", classmethod(lambda cls, d: bad))
    escalation.load_letters.cache_clear()
    try:
        with pytest.raises(BadInput, match=r"letters/en.yaml, key 'account': missing default"):
            escalation.load_letters("en")
    finally:
        escalation.load_letters.cache_clear()


def test_the_objection_file_is_named_after_the_company_it_goes_to(tmp_path):
    pytest.importorskip("meta_optout_assist.legal.authorities")
    data = tmp_path / "data"
    j = Journal(data)
    kit = escalation.escalate(j, data, _whatsapp_record(data, None), language="en")
    assert kit.objection.name == "1-objection-to-whatsapp-dpo.en.txt"
    assert kit.objection.name in kit.readme.read_text()
    assert escalation.escalate(j, data, _record(data)).objection.name == (
        "1-objection-to-meta-dpo.de.txt")
    honoured = _record(data, State.HONORED, platform="whatsapp")
    with pytest.raises(BadInput, match="WhatsApp honoured the objection"):
        escalation.escalate(j, data, honoured)
