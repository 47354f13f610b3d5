"""The diagnostics bundle: everything needed to report a page the tool did not understand, and
nothing of the person's: no email or name survives in any file, in any encoding a page uses; the
screenshot's fields showing them are covered; folders 0700, files 0600."""

from __future__ import annotations

import base64
import codecs
import html
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote, quote_plus, unquote, unquote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meta_optout_assist.doctor.bundle import write_bundle
from meta_optout_assist.doctor.masking import MASK, mask, mask_html
from meta_optout_assist.errors import PageNotUnderstood
from meta_optout_assist.flow.runner import Runner
from meta_optout_assist.site.urls import rewrite
from tests.support.flow_helpers import make_flow
from tests.support.posix import has_mode

EMAIL = "zoe.angstrom+ai@example.org"
FIRST, LAST = "Zoë", "Ångström-Łukasiewicz"
FB_FORM = "https://www.facebook.com/help/contact/712876720715583"
BUNDLE_FILES = {"page.html", "page.png", "facts.json", "REPORT.txt"}


def decoded_views(text: str) -> list[str]:
    """The text as a reader (or a script) could decode it: entities, URL-encoding (twice), JS
    escapes, Unicode normalisation, all in lower case."""
    views = {text, html.unescape(text)}
    for v in list(views):
        views |= {unquote(v), unquote_plus(v), unquote(unquote(v)), unquote_plus(unquote_plus(v))}
    for v in list(views):
        try:
            views.add(codecs.decode(v.replace("\\/", "/"), "unicode_escape"))
        except (UnicodeDecodeError, ValueError):
            pass
    views |= {unicodedata.normalize(form, v) for v in list(views) for form in ("NFC", "NFKC")}
    return [v.lower() for v in views]


def assert_no_secret(text: str, secrets: list[str], where: str = "") -> None:
    for view in decoded_views(text):
        for secret in secrets:
            assert unicodedata.normalize("NFC", secret).lower() not in view, f"{secret!r} unmasked in {where}"


# -- mask(): every encoding ---------------------------------------------------------------------------

ENCODINGS = {
    "plain": lambda s: s,
    "upper": str.upper,
    "url": lambda s: quote(s, safe=""),
    "url-plus": lambda s: quote_plus(s),
    "url-twice": lambda s: quote(quote(s, safe=""), safe=""),
    "entities-dec": lambda s: "".join(f"&#{ord(c)};" for c in s),
    "entities-hex": lambda s: "".join(f"&#x{ord(c):X};" for c in s),
    "entities-named": lambda s: html.escape(s).replace("@", "&commat;").replace("ë", "&euml;").replace("Å", "&Aring;"),
    "json": lambda s: json.dumps(s)[1:-1].replace("@", "\\u0040"),
    "json-ascii": lambda s: json.dumps(s, ensure_ascii=True)[1:-1],
    "decomposed": lambda s: unicodedata.normalize("NFD", s),
    "nbsp": lambda s: s.replace(" ", "\u00a0"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("secret", [EMAIL, FIRST, LAST, f"{FIRST} {LAST}"])
def test_mask_catches_every_encoding(encoding, secret):
    shown = ENCODINGS[encoding](secret)
    text = f'<a href="/x?v={shown}&next=%2Fhelp">Hello {shown}!</a> var u = "{shown}";'
    masked = mask(text, [EMAIL, FIRST, LAST, f"{FIRST} {LAST}"])
    assert MASK in masked
    assert_no_secret(masked, [secret], encoding)
    assert "/x?v=" in masked and "next=%2Fhelp" in masked  # the rest of the page stays readable


def test_mask_catches_any_email_even_one_the_person_did_not_give():
    """Meta prefills the address it has on file, which may differ from the one typed."""
    text = "owner%40example.net · Owner.Name@Example.NET · <b>x&#64;y.eu</b> · icon.png"
    masked = mask(text, [EMAIL])
    assert_no_secret(masked, ["owner@example.net", "owner.name@example.net", "x@y.eu"])
    assert "icon.png" in masked


def test_names_are_masked_as_words_and_markup_survives():
    page = ('<ul class="list"><li data-name="Li">Li Wang</li><li>Lila</li></ul>'
            '<!-- logged in as Li --><script>var n = "Li";</script>')
    masked = mask_html(page, ["Li", "Wang"])
    assert masked.count("<li") == 2 and 'class="list"' in masked  # tags and attribute names intact
    assert "Lila" in masked  # a longer word that starts with the name is not the name
    assert 'data-name="[masked]"' in masked and "[masked] [masked]" in masked
    assert "logged in as [masked]" in masked and '"[masked]"' in masked


@settings(max_examples=30, deadline=None)
@given(
    first=st.text(st.sampled_from("abcdeéëïłńöøßžÅÉŁ"), min_size=2, max_size=12),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    local=st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,15}", fullmatch=True),
)
def test_mask_property(first, encoding, local):
    email = f"{local}@example.org"
    text = f"<p>{ENCODINGS[encoding](first)} · {ENCODINGS[encoding](email)}</p>"
    assert_no_secret(mask_html(text, [email, first]), [email, first], encoding)


# -- the bundle, from a real page -------------------------------------------------------------------

def _png_pixels(page, png: bytes, points: list[tuple[int, int]]) -> list[list[int]]:
    """RGB of some pixels of a PNG, decoded by the browser itself (no imaging library needed)."""
    return page.evaluate(
        """async ([b64, points]) => {
            const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
            const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            return points.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)));
        }""",
        [base64.b64encode(png).decode(), points],
    )


def _assert_private(folder: Path) -> None:
    assert has_mode(folder, 0o700)
    assert has_mode(folder.parent, 0o700)  # diagnostics/ itself
    for path in folder.iterdir():
        assert has_mode(path, 0o600), path


def test_bundle_masks_a_prefilled_email_and_names_everywhere(site, page, tmp_path):
    """The 2025 form prefills the account's email; the page also shows the person's names in text,
    attributes, a link and a script. None of it reaches a file; the screenshot's field is covered."""
    site.configure(field_set="2025", account_email=EMAIL, cookie_banner="none")
    page.request.post(f"{site.base_url}/login/", form={"email": "someone", "pass": "secret"})
    page.goto(rewrite(FB_FORM, site.base_url))
    assert page.locator('input[name="email"]').input_value() == EMAIL  # the page shows it
    page.evaluate(
        """([first, last, email]) => {
            const p = document.createElement('p');
            p.textContent = `Logged in as ${first} ${last}`;
            p.setAttribute('data-owner', `${first} ${last}`);
            const a = document.createElement('a');
            a.href = '/profile?name=' + encodeURIComponent(first + ' ' + last) + '&e=' + encodeURIComponent(email);
            a.textContent = 'profile';
            const s = document.createElement('script');
            const json = JSON.stringify({name: first, email: email}).replace('@', '\\\\u0040');
            s.textContent = 'var viewer = ' + json + ';';
            document.body.prepend(p, a, s);
        }""",
        [FIRST, LAST, EMAIL],
    )
    flow = make_flow(page, site, form="third-party", email=EMAIL, first_name=FIRST, last_name=LAST,
                     request="object", prompts=("What do you know about Zoë?",),
                     details="x" * 120)
    flow.history += [f"goto {page.url}?email={quote(EMAIL, safe='')}", "form at /help/contact/712876720715583"]
    box = page.locator('input[name="email"]').bounding_box()

    folder = write_bundle(flow, tmp_path / "data", "no known page state appeared")

    assert folder is not None and folder.parent == tmp_path / "data" / "diagnostics"
    assert {p.name for p in folder.iterdir()} == BUNDLE_FILES
    _assert_private(folder)
    secrets = [EMAIL, FIRST, LAST]
    for name in ("page.html", "facts.json", "REPORT.txt"):
        text = (folder / name).read_text(encoding="utf-8")
        assert_no_secret(text, secrets, name)
        assert MASK in text or name == "REPORT.txt"
    page_html = (folder / "page.html").read_text(encoding="utf-8")
    assert 'name="email"' in page_html and 'value="[masked]"' in page_html  # the page stays readable
    facts = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
    assert facts["versions"]["tool"] and facts["versions"]["selectors"] == flow.sel.version
    assert facts["versions"]["playwright"] and facts["versions"]["browser"]
    assert facts["history"][-1] == "form at /help/contact/712876720715583"
    assert facts["recognised_now"]["fields"]["email"]["found"]
    assert facts["screenshot"]["masked_regions"] >= 2  # the field and the "Logged in as" line
    report = (folder / "REPORT.txt").read_text(encoding="utf-8")
    assert "did not understand a page" in report and "no known page state appeared" in report
    assert "cannot be masked reliably" in report and "Look at it before you share it" in report
    # The screenshot: the email field is a solid box of the mask colour.
    png = (folder / "page.png").read_bytes()
    assert png.startswith(b"\x89PNG")
    xs = [box["x"] + box["width"] * f for f in (0.1, 0.3, 0.5, 0.7, 0.9)]
    pixels = _png_pixels(page, png, [(int(x), int(box["y"] + box["height"] / 2)) for x in xs])
    assert pixels == [[0, 0, 0]] * 5
    # The page itself is left as it was.
    assert page.locator("[data-assist-masked]").count() == 0


def test_page_not_understood_saves_a_bundle_through_the_runner(site, page, tmp_path):
    """An unknown layout: the runner's wait ends, the bundle is written, the error points at it."""
    site.configure(field_set="unknown", require_login=False, cookie_banner="none")
    flow = make_flow(page, site, page_timeout_ms=1000, wait_timeout_ms=1000, email=EMAIL)
    data_dir = tmp_path / "data"
    runner = Runner(flow, lambda f, why: write_bundle(f, data_dir, why))
    with pytest.raises(PageNotUnderstood) as caught:
        runner.run()
    folder = caught.value.diagnostics
    assert folder is not None and folder.is_dir() and folder.parent.parent == data_dir
    assert {p.name for p in folder.iterdir()} == BUNDLE_FILES
    _assert_private(folder)
    report = (folder / "REPORT.txt").read_text(encoding="utf-8")
    assert "goto " in report and "known states: none" in report
    assert re.search(r"field email: not found", report)
    for name in ("page.html", "facts.json", "REPORT.txt"):
        assert_no_secret((folder / name).read_text(encoding="utf-8"), [EMAIL], name)
    assert site.submissions == []


def test_bundle_is_written_even_when_the_page_is_gone(site, context, tmp_path):
    """The browser window was closed: the bundle keeps what it can and says what is missing."""
    page = context.new_page()
    page.goto(rewrite(FB_FORM, site.base_url))
    flow = make_flow(page, site, email=EMAIL)
    page.close()
    folder = write_bundle(flow, tmp_path / "data", "the window was closed")
    assert folder is not None
    names = {p.name for p in folder.iterdir()}
    assert {"page.html", "facts.json", "REPORT.txt"} <= names and "page.png" not in names
    _assert_private(folder)
    assert "Could not save everything" in (folder / "REPORT.txt").read_text(encoding="utf-8")
    # A second bundle in the same second gets its own folder.
    again = write_bundle(flow, tmp_path / "data", "again")
    assert again is not None and again != folder
