"""The diagnostics bundle holds nothing the person typed (issue 23): not the email, the names, the
reason (as typed, with Windows line ends, quotes and accents, or rendered from a template), the
details, the prompts or the phone number; not whole, not line by line or sentence by sentence; not
in the page, the address, the page-state history, or the message that says what went wrong (the
reason used to reach REPORT.txt and facts.json verbatim, quoted by an error message: a Python
repr() writes a line end as \\n, which the masking did not know)."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote, unquote, unquote_plus

import pytest

from meta_optout_assist.doctor.bundle import write_bundle
from meta_optout_assist.doctor.masking import MASK
from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.flow.runner import Runner
from meta_optout_assist.legal.reasons import render
from meta_optout_assist.site.urls import rewrite
from tests.support.flow_helpers import make_flow

EMAIL = "zoe.angstrom+ai@example.org"
FIRST, LAST = "Zoë", "Ångström-Łukasiewicz"
REASON = ('My posts show my children, Zoë and Émile, at our home in Leipzig.\r\n'
          'I don\'t want "Meta AI" to learn their faces; they are 4 and 7 years old.\r\n\r\n'
          "Please stop using our family photos – all of them & every caption.")
DETAILS = ("Meta AI told a stranger that Zoë Ångström-Łukasiewicz lives at Lindenstraße 12 in Leipzig "
           "and works as a midwife at the Sankt Georg hospital. None of this was ever public.")
PROMPTS = ("Where does Zoë Ångström-Łukasiewicz live?", "Which hospital employs the midwife Zoë?")
PHONE = "+4915112345678"
FB_FORM = "https://www.facebook.com/help/contact/712876720715583"
THIRD_PARTY = "https://www.facebook.com/help/contact/510058597920541"
TEXT_FILES = ("page.html", "facts.json", "REPORT.txt", "ERROR.txt")


# -- what a reader of a file could decode ------------------------------------------------------------

_ESCAPES = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[nrt'\"\\/])")


def _unescape(text: str) -> str:
    """JSON, JavaScript and Python repr() escapes, undone."""
    def one(m: re.Match) -> str:
        e = m.group(1)
        if e[0] in "ux":
            return chr(int(e[1:], 16))
        return {"n": "\n", "r": "\r", "t": "\t"}.get(e, e)
    return _ESCAPES.sub(one, text)


def _views(text: str) -> list[str]:
    views = {text}
    for _ in range(2):
        for v in list(views):
            views |= {html.unescape(v), unquote(v), unquote_plus(v), _unescape(v),
                      re.sub(r"<br\s*/?>", "\n", v)}
    return [" ".join(unicodedata.normalize("NFC", v).split()).lower() for v in views]


def pieces(value: str) -> list[str]:
    """The value, and each of its lines and sentences long enough to tell something (24+)."""
    parts = re.split(r"[\r\n]+|(?<=[.!?;:])\s+", value)
    out = [value, *(p for p in parts if len(" ".join(p.split())) >= 24)]
    return [" ".join(unicodedata.normalize("NFC", p).split()).lower() for p in out]


def assert_bundle_holds_none(folder: Path, fields: dict[str, str | tuple[str, ...]]) -> None:
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in TEXT_FILES if (folder / name).exists()}
    assert {"page.html", "facts.json", "REPORT.txt"} <= set(texts), sorted(texts)
    views = {name: _views(text) for name, text in texts.items()}
    leaks = []
    for field, values in fields.items():
        for value in (values if isinstance(values, tuple) else (values,)):
            for piece in pieces(value):
                for name, seen in views.items():
                    if any(piece in view for view in seen):
                        leaks.append(f"{field}: {piece[:50]!r}… in {name}")
    assert not leaks, "\n".join(leaks)


def _plant(page, values: list[str]) -> None:
    """The values on the page the way pages carry them: text with line breaks, a text box, an
    attribute, a link, a script's JSON."""
    page.evaluate(
        """values => {
            for (const v of values) {
                const p = document.createElement('p');
                v.split(/\\r?\\n/).forEach((line, i) => {
                    if (i) p.append(document.createElement('br'));
                    p.append(line);
                });
                p.setAttribute('data-said', v);
                const a = document.createElement('a');
                a.href = '/search?q=' + encodeURIComponent(v);
                a.textContent = 'again';
                const t = document.createElement('textarea');
                t.value = v;
                const s = document.createElement('script');
                s.type = 'application/json';
                s.textContent = JSON.stringify({said: v, ascii: v.replace(/[^\\x20-\\x7e]/g,
                    c => '\\\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))});
                document.body.append(p, a, t, s);
            }
        }""",
        values,
    )


def _bundle(page, site, tmp_path, values: list[str], **request) -> Path:
    flow = make_flow(page, site, **request)
    _plant(page, values)
    flow.history += [f"goto {page.url}?q={quote(v, safe='')}" for v in values]
    flow.history += [f"form at /help/contact/x · {v!r}" for v in values]
    why = "; ".join(f"typed into a field but it shows {v!r} ({v[:70]!r}…)" for v in values)
    folder = write_bundle(flow, tmp_path / "data", why)
    assert folder is not None
    return folder


def test_objection_typed_reason_email_and_phone(site, page, tmp_path):
    site.configure(require_login=False, cookie_banner="none")
    page.goto(rewrite(FB_FORM, site.base_url))
    folder = _bundle(page, site, tmp_path, [REASON, EMAIL, PHONE, PHONE[3:]], reason=REASON, email=EMAIL,
                     phone=PHONE)
    assert_bundle_holds_none(folder, {"reason": REASON, "email": EMAIL, "phone": (PHONE, PHONE[3:])})
    report = (folder / "REPORT.txt").read_text(encoding="utf-8")
    assert MASK in report and "typed into a field" in report  # the report still says what happened


@pytest.mark.parametrize("language", ["en", "de"])
def test_objection_reason_from_a_template(site, page, tmp_path, language):
    site.configure(require_login=False, cookie_banner="none", locale=language)
    page.goto(rewrite(FB_FORM, site.base_url))
    rendered = render("art21-particular-situation", language, email=EMAIL, platform="facebook",
                      country_code="DE", name=None)
    flow_args = {"reason": None, "reason_template": "art21-particular-situation", "email": EMAIL}
    flow = make_flow(page, site, **flow_args)
    flow.locale = language  # the runner reads it from the page before filling
    _plant(page, [rendered])
    folder = write_bundle(flow, tmp_path / "data", f"typed into the reason field but it shows {rendered!r}")
    assert folder is not None
    assert_bundle_holds_none(folder, {"reason (template)": rendered, "email": EMAIL})


def test_third_party_names_details_and_prompts(site, page, tmp_path):
    page.goto(rewrite(THIRD_PARTY, site.base_url))
    values = [FIRST, LAST, f"{FIRST} {LAST}", DETAILS, *PROMPTS, EMAIL]
    folder = _bundle(page, site, tmp_path, values, form="third-party", email=EMAIL, first_name=FIRST,
                     last_name=LAST, request="object", prompts=PROMPTS, details=DETAILS)
    assert_bundle_holds_none(folder, {"first name": FIRST, "last name": LAST, "details": DETAILS,
                                      "prompts": PROMPTS, "email": EMAIL})


def test_a_dialog_after_send_that_echoes_the_reason(site, page, tmp_path):
    """Through the runner, as a run meets it: after Send, a dialog the tool does not know quotes
    what was sent. The error quotes the dialog; the bundle holds none of it."""
    site.configure(require_login=False, cookie_banner="none", code_step=False)
    echo = html.escape(REASON).replace("\r\n", "<br>")
    answer = (f'<html lang="en"><body><div role="dialog"><h2>Check your message</h2><p>{echo}</p>'
              f'<p>From {html.escape(EMAIL)}</p></div></body></html>')

    def sent_then_echoed(route):  # the replica receives the form; the page answers with the dialog
        route.fetch()
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=answer)

    page.route("**/ajax/help/contact/submit/**", sent_then_echoed)
    flow = make_flow(page, site, page_timeout_ms=2000, reason=REASON, email=EMAIL)
    data = tmp_path / "data"
    with pytest.raises(PageNotUnderstood) as caught:
        Runner(flow, lambda f, why: write_bundle(f, data, why)).run()
    folder = caught.value.diagnostics
    assert folder is not None
    assert_bundle_holds_none(folder, {"reason": REASON, "email": EMAIL})
    assert [s for s in site.submissions if s["form"].endswith("objection")], "the form was sent"
    assert "Check your message" in caught.value.message  # the person is told what the page says
    facts = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
    assert "Check your message" in facts["why"] and MASK in facts["why"]
