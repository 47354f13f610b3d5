"""Trust (issue 23): where the run goes and what it says about it, before any browser opens.

A --base-url that is not this computer needs --i-know-this-is-not-meta, is said at the start of
the run, and may not carry credentials; timeouts have a documented maximum (Playwright keeps its
timeouts in a 32-bit count of milliseconds); the review shows control and bidi characters escaped;
a selectors file may allow Meta's registrable domains only (the public suffix list says which part
of a name is registrable)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from meta_optout_assist.errors import SelectorsError
from meta_optout_assist.site import urls
from tests.support.cli_inprocess import run_cli

FLAG = "--i-know-this-is-not-meta"
GOOD = ["fill", "--platform", "facebook", "--email", "person@example.org", "--country", "DE",
        "--reason", "My posts are mine.", "--headless", "--yes"]


def fill(tmp_path: Path, *extra: str) -> tuple[int | str, str]:
    """The command's exit (or "browser") and its output with the console's line wrapping undone."""
    code, out = run_cli([*GOOD, "--data-dir", str(tmp_path / "data"), *extra])
    return code, " ".join(out.split())


# -- --base-url -------------------------------------------------------------------------------------

@pytest.mark.parametrize("base", ["http://127.0.0.1:8000", "http://127.8.9.10", "http://localhost:8000",
                                  "http://[::1]:8000", "http://replica.localhost:8000"])
def test_this_computer_needs_no_flag(no_browser, tmp_path, base):
    assert urls.is_loopback(base)
    code, out = fill(tmp_path, "--base-url", base)
    assert code == "browser", out
    assert urls.site_name(base) == "Meta"  # the replica plays Meta


@pytest.mark.parametrize("base", ["http://203.0.113.7:8000", "https://meta-replica.example",
                                  "http://127.0.0.1.nip.io", "http://10.0.0.2"])
def test_another_origin_needs_the_flag_and_is_said_at_the_start(no_browser, tmp_path, monkeypatch, base):
    assert not urls.is_loopback(base)
    code, out = fill(tmp_path, "--base-url", base)
    assert code == 2, out
    assert FLAG in out and base in out and "not Meta" in out
    assert no_browser == []

    monkeypatch.setenv("ASSIST_BASE_URL", base)
    code, out = fill(tmp_path)
    assert code == 2 and FLAG in out, out

    code, out = run_cli([*GOOD, "--data-dir", str(tmp_path / "data"), FLAG])
    assert code == "browser", out
    first = out.strip().splitlines()[0]  # the first thing the run says
    assert base in first and "not Meta" in first, out
    assert urls.site_name(base) == base


@pytest.mark.parametrize("base", ["http://user:secret-pw@127.0.0.1:8000", "https://token@meta-replica.example",
                                  "http://:secret-pw@localhost"])
def test_credentials_in_the_base_url_are_refused(no_browser, tmp_path, base):
    code, out = fill(tmp_path, "--base-url", base, FLAG)
    assert code == 2, out
    assert "credentials" in out and "secret-pw" not in out and "token@" not in out
    assert not (tmp_path / "data" / "journal.jsonl").exists()


# -- timeouts ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("flag", "value"), [("--wait-timeout", "2147486"), ("--wait-timeout", "86401"),
                                             ("--page-timeout", "99999999"), ("--page-timeout", "601")])
def test_timeouts_above_their_maximum_are_bad_input(no_browser, tmp_path, flag, value):
    code, out = fill(tmp_path, "--base-url", "http://127.0.0.1:9", flag, value)
    assert code == 2, out
    assert flag in out and "Traceback" not in out
    assert no_browser == []


def test_timeouts_at_their_maximum_are_taken(no_browser, tmp_path):
    from meta_optout_assist.flow.limits import MAX_PAGE_TIMEOUT_S, MAX_WAIT_TIMEOUT_S

    assert MAX_WAIT_TIMEOUT_S * 1000 < 2**31 and MAX_PAGE_TIMEOUT_S * 1000 < 2**31
    code, out = fill(tmp_path, "--base-url", "http://127.0.0.1:9", "--wait-timeout", str(MAX_WAIT_TIMEOUT_S),
                     "--page-timeout", str(MAX_PAGE_TIMEOUT_S))
    assert code == "browser", out


def test_the_maximum_is_in_the_help():
    from meta_optout_assist.flow.limits import MAX_PAGE_TIMEOUT_S, MAX_WAIT_TIMEOUT_S

    code, out = run_cli(["fill", "--help"])
    assert code == 0
    words = " ".join(out.split())
    assert f"at most {MAX_WAIT_TIMEOUT_S}" in words and f"at most {MAX_PAGE_TIMEOUT_S}" in words


def test_run_options_refuse_what_playwright_cannot_wait(tmp_path):
    from meta_optout_assist.errors import BadInput
    from meta_optout_assist.flow.filling import RunOptions

    with pytest.raises(BadInput, match="--wait-timeout"):
        RunOptions(data_dir=tmp_path, wait_timeout_s=2147486)
    with pytest.raises(BadInput, match="--page-timeout"):
        RunOptions(data_dir=tmp_path, page_timeout_s=0)


# -- the review ---------------------------------------------------------------------------------------

HOSTILE = "I object.\x1b[2K\x1b[1A\rSend nothing\x07 \u202egnihton dneS\u202c \u2066x\u2069 \x9b31m end"


def test_the_review_shows_control_and_bidi_characters_escaped():
    from meta_optout_assist.ui.progress import UI

    sink = io.StringIO()
    ui = UI(Console(file=sink, width=300, color_system=None), interactive=False)
    ui.review([("Reason", HOSTILE), ("Email\x1b[8m", "person@example.org")], ask=False)
    shown = sink.getvalue()
    for raw in ("\x1b", "\u202e", "\u202c", "\u2066", "\u2069", "\x9b", "\x07", "\r"):
        assert raw not in shown, repr(raw)
    assert r"I object.\x1b[2K\x1b[1A\rSend nothing\x07 \u202egnihton dneS\u202c \u2066x\u2069 \x9b31m end" in shown
    assert r"Email\x1b[8m" in shown


def test_line_breaks_and_accents_are_shown_as_they_are():
    from meta_optout_assist.ui.shown import visible

    assert visible("Zoë Ångström\nsecond line\ttab 👩‍👩‍👧") == "Zoë Ångström\nsecond line\ttab 👩‍👩‍👧"
    assert visible("a\u200fb\u061cc\u2028d") == r"a\u200fb\u061cc\u2028d"


# -- allowed_hosts -------------------------------------------------------------------------------------

def _common(tmp_path: Path, hosts: list[str]) -> Path:
    from meta_optout_assist.site.files import bundled_dir

    text = (bundled_dir() / "common.yaml").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("allowed_hosts:"))
    path = tmp_path / "common.yaml"
    path.write_text(text.replace(line, "allowed_hosts: [" + ", ".join(f'"{h}"' for h in hosts) + "]"), encoding="utf-8")
    return path


@pytest.mark.parametrize(("hosts", "words"), [
    (["com", "net", "org"], "`com` is a public suffix"),
    (["facebook.com", "co.uk"], "`co.uk` is a public suffix"),
    (["facebook.com", "github.io"], "`github.io` is a public suffix"),
    (["facebook.com", "evil.example"], "`evil.example` is not one of Meta's domains"),
    (["facebook.com", "facebook.com.evil.example"], "not one of Meta's domains"),
    (["www.facebook.com"], "give its registrable domain, facebook.com"),
    (["facebook.com", "*.com"], "`*.com`"),
])
def test_allowed_hosts_must_be_registrable_domains_of_metas(tmp_path, hosts, words):
    from meta_optout_assist.site.files import load_file
    from meta_optout_assist.site.schema import CommonFile

    path = _common(tmp_path, hosts)
    with pytest.raises(SelectorsError) as caught:
        load_file(CommonFile, path)
    assert "allowed_hosts" in caught.value.message and str(path) in caught.value.message
    assert words in caught.value.message, caught.value.message


def test_the_bundled_hosts_and_meta_case_are_fine(tmp_path):
    from meta_optout_assist.site.files import load_file
    from meta_optout_assist.site.schema import CommonFile

    common = load_file(CommonFile, _common(tmp_path, ["Facebook.com", "fbcdn.net", "instagram.com"]))
    assert common.allowed_hosts == ["facebook.com", "fbcdn.net", "instagram.com"]


def test_a_selectors_folder_with_public_suffixes_stops_the_fill(no_browser, tmp_path):
    import shutil

    from meta_optout_assist.site.files import bundled_dir

    folder = tmp_path / "selectors"
    shutil.copytree(bundled_dir(), folder)
    _common(tmp_path, ["com", "net", "org"]).replace(folder / "common.yaml")
    code, out = fill(tmp_path, "--base-url", "http://127.0.0.1:9", "--selectors", str(folder))
    assert code == 2, out
    assert "allowed_hosts" in out and "public suffix" in out and no_browser == []


def test_the_public_suffix_list_is_never_fetched(monkeypatch):
    """The list ships with the library: looking a name up opens no connection."""
    import socket

    from meta_optout_assist.site import domains

    def no_network(*_a, **_k):
        raise AssertionError("the public suffix check tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    domains._list.cache_clear()
    assert domains.problem("com") and domains.problem("facebook.com") is None
