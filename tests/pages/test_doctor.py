"""`assist doctor`: each check on its own (fast, no browser), the real command once with a failing
setup and once live against the replica, and the live check's page handling in a real browser."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from keyring.backends import fail

from meta_optout_assist.browser.launch import choose as choose_browser
from meta_optout_assist.doctor import checks as doctor
from meta_optout_assist.doctor import data_folder, live
from meta_optout_assist.doctor.address import AddressReport, check_address
from meta_optout_assist.doctor.verdict import Check
from meta_optout_assist.pages.form import ContactForm
from meta_optout_assist.site import files
from meta_optout_assist.site import selectors as selector_data
from meta_optout_assist.site.schema import SCHEMA_VERSION
from meta_optout_assist.site.urls import path_of
from meta_optout_assist.store.profiles import WAYS_OUT
from tests.support.memory_keyring import installed_keyring
from tests.support.posix import POSIX, has_mode, only_posix

FB_OBJECTION = ("712876720715583", "6359191084165019")
THIRD_PARTY = ("510058597920541", "1266025207620918")
IG_OBJECTION = ("767264225370182", "233964459562201")


# -- the checks, one by one ---------------------------------------------------------------------------

def test_python_too_old_fails():
    assert doctor.check_python((3, 9, 18)).status == "fail"
    assert doctor.check_python((3, 12, 0)).status == "ok"


def test_playwright_minimum_is_the_one_pyproject_declares():
    """Read from the installed metadata, so it follows pyproject.toml instead of a copy in the code."""
    pyproject = (Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'"playwright>=([\d.]+)"', pyproject).group(1)
    assert doctor.declared_minimum("playwright") == tuple(int(p) for p in declared.split("."))


def test_declared_minimum_reads_requirement_strings():
    requirements = ["PyYAML >= 6.0", "playwright[extra]>=1.51,<2; python_version >= '3.10'",
                    "pytest>=8.0; extra == 'test'", "keyring~=24.1", "rich"]
    assert doctor.declared_minimum("playwright", requirements) == (1, 51)
    assert doctor.declared_minimum("pyyaml", requirements) == (6, 0)
    assert doctor.declared_minimum("keyring", requirements) == (24, 1)
    assert doctor.declared_minimum("pytest", requirements) is None  # the test extra, not the tool's own
    assert doctor.declared_minimum("rich", requirements) is None


def test_playwright_older_than_declared_warns_and_unknown_minimum_is_not_guessed(monkeypatch):
    old = doctor.check_playwright(minimum=(99, 0))
    assert old.status == "warn" and "older than 99.0" in old.detail
    assert old.todo == "pip install 'playwright>=99.0'"

    import importlib.metadata

    def no_metadata(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "requires", no_metadata)  # run from a source tree, uninstalled
    assert doctor.declared_minimum("playwright") is None
    assert doctor.check_playwright().status == "ok"


def test_display():
    linux_none = doctor.check_display({}, "linux")
    assert linux_none.status == "warn"
    assert "xvfb-run -a" in linux_none.todo and "--headless" in linux_none.todo
    assert doctor.check_display({"DISPLAY": ":99"}, "linux").status == "ok"
    assert doctor.check_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux").status == "ok"
    assert doctor.check_display({}, "darwin").status == "ok"


def test_keyring(memory_keyring):
    assert doctor.check_keyring().status == "ok"
    with installed_keyring(fail.Keyring()):
        no_backend = doctor.check_keyring()
    assert no_backend.status == "warn"  # `fill` works with flags: not a failure
    assert no_backend.todo == WAYS_OUT and "--email" in no_backend.todo


def _private_tree(root: Path) -> Path:
    root.mkdir(mode=0o700)
    (root / "journal.jsonl").write_text("{}\n")
    os.chmod(root / "journal.jsonl", 0o600)
    profile = root / "browser-profiles" / "default--facebook"
    profile.mkdir(parents=True)
    os.chmod(root / "browser-profiles", 0o700)
    os.chmod(profile, 0o700)
    (profile / "Local State").write_text("{}")
    os.chmod(profile / "Local State", 0o644)  # Chromium's own file, shielded by the 0700 profile
    return root


def test_data_dir_missing_is_fine_and_not_created(tmp_path):
    check = data_folder.check_data_dir(tmp_path / "nope", "--data-dir")
    assert check.status == "ok" and "not created yet" in check.detail
    assert not (tmp_path / "nope").exists()


@only_posix
def test_data_dir_private_then_loose_then_exposed(tmp_path):
    root = _private_tree(tmp_path / "data")
    assert data_folder.check_data_dir(root, "--data-dir").status == "ok"

    # A file looser than 0600 inside the 0700 folder: nobody else can reach it, but say so.
    os.chmod(root / "journal.jsonl", 0o644)
    loose = data_folder.check_data_dir(root, "--data-dir")
    assert loose.status == "warn" and "journal.jsonl (0644)" in loose.detail
    assert "chmod -R go-rwx" in loose.todo

    # The folder itself opened up: the journal is readable by others now; the browser profile
    # (0700) still shields Chromium's files.
    os.chmod(root, 0o755)
    exposed = data_folder.check_data_dir(root, "--data-dir")
    assert exposed.status == "fail"
    assert "journal.jsonl (0644)" in exposed.data["exposed"] and "./ (0755)" in exposed.data["exposed"]
    assert not any("Local State" in p for p in exposed.data["exposed"] + exposed.data["loose"])


def test_browser_profiles_are_listed(tmp_path):
    assert data_folder.check_browser_profiles(tmp_path).detail == "none kept yet"
    root = _private_tree(tmp_path / "data")
    (root / "browser-profiles" / "work--instagram").mkdir(mode=0o700)
    check = data_folder.check_browser_profiles(root)
    assert [p["name"] for p in check.data["profiles"]] == ["default--facebook", "work--instagram"]
    assert "logins" in check.detail and "assist forget" in check.todo


def _selectors_copy(tmp_path: Path, verified: str = "2025-06-15") -> Path:
    copy = tmp_path / "selectors"
    shutil.copytree(files.bundled_dir(), copy)
    for path in copy.rglob("*.yaml"):
        text = re.sub(r"^last_verified:.*$", f'last_verified: "{verified}"', path.read_text(encoding="utf-8"),
                      flags=re.MULTILINE)
        path.write_text(text, encoding="utf-8")
    return copy


def test_selectors_age_and_source(tmp_path, monkeypatch):
    verified = dt.date.fromisoformat(doctor.check_selectors(None)[0].data["last_verified"])
    fresh = doctor.check_selectors(None, today=verified + dt.timedelta(days=30))
    assert [c.status for c in fresh] == ["ok"] * len(fresh) and len(fresh) >= 3
    assert fresh[0].data["source"] == "the bundled copy" and fresh[0].data["age_days"] == 30
    assert fresh[0].data["schema_version"] == SCHEMA_VERSION
    stale = doctor.check_selectors(None, today=verified + dt.timedelta(days=181))
    assert [c.status for c in stale] == ["warn"] * len(stale) and "--selectors" in stale[0].todo

    copy = _selectors_copy(tmp_path, "2026-01-02")
    monkeypatch.setenv(files.SELECTORS_ENV, str(copy))
    from_env = doctor.check_selectors(None, ["instagram"], today=dt.date(2026, 1, 12))
    assert from_env[0].status == "ok"
    assert from_env[0].data["source"] == "ASSIST_SELECTORS" and from_env[0].data["age_days"] == 10


@pytest.mark.parametrize("written", ['last_verified: "2025-03-01"', "last_verified: 2025-03-01",
                                     '"last_verified": 2025-03-01', "last_verified: 2025-03-01T00:00:00"])
def test_selectors_age_counts_from_the_older_of_common_and_the_platform_file(tmp_path, written):
    """common.yaml verified before facebook.yaml: the age is common's, however YAML writes its date."""
    copy = _selectors_copy(tmp_path, "2025-06-15")
    common = copy / "common.yaml"
    common.write_text(re.sub(r"^last_verified:.*$", written, common.read_text(encoding="utf-8"), flags=re.MULTILINE),
                      encoding="utf-8")
    check = doctor.check_selectors(copy, ["facebook"], today=dt.date(2025, 7, 1))[0]
    assert check.status == "ok", check.detail
    assert check.data["last_verified"] == "2025-03-01" and check.data["age_days"] == 122


def test_broken_selectors_fail_naming_the_file(tmp_path):
    copy = _selectors_copy(tmp_path / "a")
    (copy / "facebook.yaml").write_text("schema_version: 2\nsite: [oops\n", encoding="utf-8")
    checks = {c.check: c for c in doctor.check_selectors(copy, today=dt.date(2025, 7, 1))}
    assert {name: c.status for name, c in checks.items()} == {  # both Facebook forms read facebook.yaml
        "Selectors (facebook-objection)": "fail", "Selectors (instagram-objection)": "ok",
        "Selectors (third-party)": "fail", "Selectors (whatsapp-objection)": "ok"}
    broken = checks["Selectors (facebook-objection)"]
    assert "facebook.yaml" in broken.detail and "--selectors" in broken.detail


# -- the real command ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_doctor_command_live_json_and_exit_2(site, assist, data_dir, tmp_path, playwright):
    """One run of the real command: a broken selectors file and a journal others can read make it
    exit 2, no keyring is only a warning, the browser really starts; live, every Facebook address
    is opened: the dead ids are reported gone, the live ones show their fields, the cookie banner
    is declined, nothing is typed or sent, and nothing is written to the data folder."""
    copy = _selectors_copy(tmp_path)
    (copy / "instagram.yaml").write_text("schema_version: 99\n", encoding="utf-8")
    data_dir.mkdir(mode=0o755)
    (data_dir / "journal.jsonl").write_text("{}\n")
    os.chmod(data_dir / "journal.jsonl", 0o644)
    site.configure(require_login=False, dead_form_ids=(FB_OBJECTION[0], THIRD_PARTY[1]), field_set="2025")

    run = assist("doctor", "--json", "--selectors", str(copy), "--live", "--platform", "facebook",
                 "--base-url", site.base_url, "--headless", "--page-timeout", "20")

    assert run.code == 2, run.text
    result = json.loads(run.out)
    assert result["ok"] is False
    by_name = {c["check"]: c for c in result["checks"]}
    assert by_name["Python"]["status"] == "ok" and by_name["Playwright"]["status"] == "ok"
    assert by_name["Browser"]["status"] == "ok" and by_name["Browser"]["data"]["version"]
    assert by_name["Browser"]["data"]["reason"] and by_name["Browser"]["data"]["reason"] in by_name["Browser"]["detail"]
    # The browser --headless runs take (the test run's own): said beside the person's.
    headless = choose_browser(playwright, None, headless=True).label
    assert by_name["Browser"]["data"]["headless_browser"] == headless
    if headless != by_name["Browser"]["data"]["browser"]:
        assert f"--headless runs use {headless}" in by_name["Browser"]["detail"]
    assert by_name["Keyring"]["status"] == "warn" and "assist fill --email" in by_name["Keyring"]["todo"]
    if POSIX:  # a journal others can read: Windows files have access lists, not modes
        assert by_name["Data folder"]["status"] == "fail"
        assert "journal.jsonl (0644)" in by_name["Data folder"]["detail"]
    assert by_name["Selectors (instagram-objection)"]["status"] == "fail"
    assert "schema_version is 99" in by_name["Selectors (instagram-objection)"]["detail"]
    assert by_name["Selectors (facebook-objection)"]["data"]["source"] == "--selectors"

    live = {(r["form"], path_of(r["address"])): r for r in result["live"]}
    assert len(live) == 8  # objection: 2 addresses, the gate, 2 Privacy Centre pages; third-party: 2 + 1
    for gone in (("objection", f"/help/contact/{FB_OBJECTION[0]}"), ("third-party", f"/help/contact/{THIRD_PARTY[1]}")):
        assert live[gone]["outcome"] == "gone" and live[gone]["http_status"] == 404
        assert live[gone]["status"] == "warn"  # another address of the form works
    objection = live[("objection", f"/help/contact/{FB_OBJECTION[1]}")]
    assert objection["outcome"] == "form" and objection["status"] == "warn"  # 2025: no country
    assert {k for k, f in objection["fields"].items() if f["found"]} == {"email", "reason"}
    assert objection["fields"]["email"]["way"] == 1
    third_party = live[("third-party", f"/help/contact/{THIRD_PARTY[0]}")]
    assert third_party["status"] == "ok" and all(f["found"] for f in third_party["fields"].values())
    assert live[("objection", "/help/contact/367438723733209")]["outcome"] == "gate question"
    assert live[("objection", "/privacy/genai")]["outcome"] == "link found"

    assert sorted(p.name for p in data_dir.iterdir()) == ["journal.jsonl"]  # no profile, no bundle
    assert has_mode(data_dir, 0o755)  # the doctor looks, it changes nothing
    assert site.submissions == []
    kinds = {e["type"] for e in site.events}
    assert kinds <= {"page", "cookie_consent"}, kinds
    assert {e["choice"] for e in site.events if e["type"] == "cookie_consent"} == {"essential"}


def test_the_report_is_a_table_with_what_to_do(capsys):
    from meta_optout_assist.cli.doctor import _print

    checks = [Check("Keyring", "warn", "no keyring backend", "use --email"),
              Check("Browser", "ok", "Chromium 1.2.3")]
    reports = [AddressReport("facebook", "objection", "form", "http://h/help/contact/1", status="warn",
                                    outcome="gone", http_status=404, detail="no longer answers",
                                    todo="fill skips it")]
    _print(checks, reports, failed=False)
    out = " ".join(capsys.readouterr().out.split())
    for text in ("Check", "Status", "Detail", "What to do", "no keyring backend", "use --email",
                 "/help/contact/1", "gone (HTTP 404)", "fill skips it", "Nothing fails"):
        assert text in out


def test_platform_needs_live(capsys):
    from meta_optout_assist.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["doctor", "--platform", "facebook"])
    assert exit_.value.code == 2 and "--live" in capsys.readouterr().err


# -- the live check's page handling, in-process -------------------------------------------------------

def _live(page, site, platform="facebook", form="objection", timeout_ms=20_000):
    sel = selector_data.load_site(platform, form)
    return {path_of(r.address): r for r in live.live_check(
        page, sel, base_url=site.base_url, page_timeout_ms=timeout_ms)}


def _one(page, site, path, kind="form", timeout_ms=20_000):
    flow = live.doctor_flow(page, selector_data.load_site("facebook"), site.base_url, timeout_ms)
    return check_address(flow, kind, site.base_url + path)


def test_login_wall_is_reported_as_login_needed(site, page):
    site.configure(cookie_banner="none")  # require_login stays on: the fields are behind it
    report = _one(page, site, f"/help/contact/{FB_OBJECTION[0]}")
    assert report.outcome == "login needed" and report.login_needed and report.status == "warn"
    assert report.landed_on == "/login" and report.fields == {}
    assert "not checked" in report.detail
    assert not [e for e in site.events if e["type"] == "login"]


def test_unknown_layout_and_gate_first(site, page):
    site.configure(cookie_banner="none", require_login=False, field_set="unknown")
    unknown = _one(page, site, f"/help/contact/{FB_OBJECTION[0]}", timeout_ms=1000)
    assert unknown.outcome == "not understood" and unknown.status == "fail"
    assert "diagnostics bundle" in unknown.todo

    site.configure(cookie_banner="none", require_login=False, gate_first=True)
    gated = _one(page, site, f"/help/contact/{FB_OBJECTION[1]}")
    assert gated.outcome == "gate question" and gated.status == "warn"
    assert gated.landed_on == "/help/contact/367438723733209"
    assert not [e for e in site.events if e["type"].startswith("gate")]  # not answered


def test_every_address_gone_fails(site, page):
    """Both Instagram form ids retired, and the Privacy Centre still links to one of them: no route
    is left, so the gone addresses fail (exit 2) instead of warning."""
    site.configure(cookie_banner="none", dead_form_ids=IG_OBJECTION)
    reports = _live(page, site, platform="instagram")
    gone = [reports[f"/contact/{i}"] for i in IG_OBJECTION]
    assert all(r.outcome == "gone" and r.status == "fail" for r in gone)
    assert "update" in gone[0].todo
    link = reports["/privacy/genai"]
    assert link.outcome == "link found" and link.status == "warn" and "gone" in link.detail


def test_a_doctor_flow_cannot_type_or_send(site, page):
    """The flow the doctor drives has nothing to type: the form's own act() fails before typing."""
    site.configure(cookie_banner="none", require_login=False)
    page.goto(f"{site.base_url}/help/contact/{FB_OBJECTION[0]}")
    flow = live.doctor_flow(page, selector_data.load_site("facebook"), site.base_url, 3000)
    with pytest.raises(AssertionError, match="never types"):
        ContactForm().act(flow)
    with pytest.raises(AssertionError, match="never sends"):
        flow.hooks.before_send(b"", {})
    assert page.locator('input[name="email"]').input_value() == ""
    assert site.submissions == []


def test_on_windows_the_data_folder_check_says_what_keeps_it_private(tmp_path, monkeypatch):
    """No 0700/0600 there: the doctor says what the platform gives instead of scanning modes."""
    from meta_optout_assist.doctor import data_folder
    from meta_optout_assist.store import files

    monkeypatch.setattr(files, "has_modes", lambda: False)
    (tmp_path / "journal.jsonl").write_text("{}\n")
    check = data_folder.check_data_dir(tmp_path, "--data-dir")
    assert check.status == "ok" and "Windows has no 0700/0600 modes" in check.detail
    assert check.data["privacy"] == files.privacy().summary
