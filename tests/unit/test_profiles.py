"""Profiles: keyring round trip, what the plain names file may hold, file modes, the missing
keyring backend, and a failing input for every validation rule."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from keyring.backends import fail, null

from meta_optout_assist.errors import BadInput, ExitCode, KeyringUnavailable
from meta_optout_assist.store.profiles import (
    SERVICE,
    Profile,
    ProfileNotFound,
    add_profile,
    build_profile,
    forget_all,
    get_profile,
    list_profiles,
    remove_profile,
    resolve_profile,
)
from tests.support.memory_keyring import MemoryKeyring, installed_keyring
from tests.support.posix import has_mode

SRC = Path(__file__).resolve().parents[2] / "src"
EMAIL = "jane.doe+meta@example.org"


@pytest.fixture
def kr():
    with installed_keyring(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"  # not created yet: the code must create it privately


@pytest.fixture
def template() -> str:
    from meta_optout_assist.legal.reasons import template_names

    names = template_names()
    assert names, "reasons.list_templates() returned nothing"
    return names[0]


def make(**overrides) -> Profile:
    fields = {"name": "me", "email": EMAIL, "country": "DE"}
    fields.update(overrides)
    return build_profile(**fields)


def flat(text: str) -> str:
    """Rich wraps long lines; compare on single spaces."""
    return " ".join(text.split())


# ------------------------------------------------------------------------- round trip, storage


def test_round_trip_through_the_keyring(kr, data_dir, template):
    profile = make(locale="de_DE", first_name="Jürgen", last_name="O’Neill-Müller",
                   reason_template=template)
    assert add_profile(data_dir, profile) is False
    assert get_profile(data_dir, "me") == profile
    assert resolve_profile(data_dir, "me") == profile
    assert list_profiles(data_dir) == ["me"]
    stored = json.loads(kr.store[(SERVICE, "me")])
    assert stored["email"] == EMAIL and stored["country"] == "DE" and stored["locale"] == "de"


def test_names_file_holds_names_only(kr, data_dir):
    add_profile(data_dir, make(name="work", first_name="Jane", last_name="Doe"))
    add_profile(data_dir, make(name="home", email="other@example.net", country="FR"))
    text = (data_dir / "profiles.json").read_text(encoding="utf-8")
    assert json.loads(text) == {"version": 1, "profiles": ["home", "work"]}
    for secret in (EMAIL, "example", "@", "DE", "FR", "Jane", "Doe"):
        assert secret not in text


def test_private_modes(kr, data_dir):
    add_profile(data_dir, make())
    assert has_mode(data_dir, 0o700)
    assert has_mode(data_dir / "profiles.json", 0o600)
    assert not (data_dir / ".profiles.json.tmp").exists()


def test_existing_name_needs_overwrite(kr, data_dir):
    add_profile(data_dir, make())
    with pytest.raises(BadInput, match="already exists") as err:
        add_profile(data_dir, make(email="new@example.org"))
    assert "--force" in err.value.hint
    assert add_profile(data_dir, make(email="new@example.org"), overwrite=True) is True
    assert get_profile(data_dir, "me").email == "new@example.org"
    assert list_profiles(data_dir) == ["me"]


def test_name_taken_in_keyring_by_another_data_dir(kr, tmp_path):
    add_profile(tmp_path / "a", make())
    with pytest.raises(BadInput, match="already exists"):
        add_profile(tmp_path / "b", make(email="new@example.org"))


def test_remove(kr, data_dir):
    add_profile(data_dir, make())
    add_profile(data_dir, make(name="work"))
    remove_profile(data_dir, "me")
    assert list_profiles(data_dir) == ["work"]
    assert (SERVICE, "me") not in kr.store
    with pytest.raises(ProfileNotFound, match="no profile named 'me'"):
        remove_profile(data_dir, "me")
    with pytest.raises(ProfileNotFound):
        get_profile(data_dir, "me")


def test_forget_all(kr, data_dir):
    for name in ("a", "b", "c"):
        add_profile(data_dir, make(name=name))
    assert forget_all(data_dir) == ["a", "b", "c"]
    assert kr.store == {}
    assert not (data_dir / "profiles.json").exists()
    assert list_profiles(data_dir) == []
    assert forget_all(data_dir) == []


def test_forget_all_with_nothing_needs_no_keyring(data_dir):
    with installed_keyring(fail.Keyring()):
        assert forget_all(data_dir) == []
        assert list_profiles(data_dir) == []


def test_resolve_profile_missing(kr, data_dir):
    with pytest.raises(BadInput) as err:
        resolve_profile(data_dir, "nobody")
    assert err.value.message == "no profile named 'nobody'; `assist profile list` shows yours"
    assert err.value.exit_code == ExitCode.BAD_INPUT


def test_listed_but_gone_from_keyring(kr, data_dir):
    add_profile(data_dir, make())
    kr.store.clear()
    with pytest.raises(ProfileNotFound, match="listed but its details are not in the keyring"):
        get_profile(data_dir, "me")
    remove_profile(data_dir, "me")  # the way out the message gives
    assert list_profiles(data_dir) == []


def test_damaged_names_file(kr, data_dir):
    data_dir.mkdir()
    (data_dir / "profiles.json").write_text('{"profiles": "me"}')
    with pytest.raises(BadInput, match="damaged"):
        list_profiles(data_dir)
    (data_dir / "profiles.json").write_text("not json")
    with pytest.raises(BadInput, match="damaged"):
        list_profiles(data_dir)


def test_stored_profile_that_no_longer_validates(kr, data_dir):
    add_profile(data_dir, make())
    raw = json.loads(kr.store[(SERVICE, "me")])
    kr.store[(SERVICE, "me")] = json.dumps({**raw, "email": "broken"})
    with pytest.raises(BadInput, match="no longer valid") as err:
        get_profile(data_dir, "me")
    assert "--email" in err.value.message and "--force" in err.value.hint


_name = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}", fullmatch=True)
_person = st.from_regex(r"[A-Za-zÀ-ÖØ-öø-ÿ]{1,20}([ '-][A-Za-zÀ-ÖØ-öø-ÿ]{1,20}){0,2}",
                        fullmatch=True)
_email = st.builds(
    "{}@{}.{}".format,
    st.from_regex(r"[A-Za-z0-9_+-]{1,20}(\.[A-Za-z0-9_+-]{1,10}){0,2}", fullmatch=True),
    st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True),
    st.sampled_from(["de", "org", "com", "co.uk", "xn--p1ai"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_name, email=_email, first=_person, last=_person,
       country=st.sampled_from(["DE", "fr", " ie ", "Pl"]))
def test_any_valid_profile_round_trips(tmp_path_factory, name, email, first, last, country):
    data_dir = tmp_path_factory.mktemp("d")
    with installed_keyring(MemoryKeyring()):
        profile = build_profile(name=name, email=email, country=country, first_name=first,
                                last_name=last)
        add_profile(data_dir, profile)
        assert get_profile(data_dir, name) == profile
        assert list_profiles(data_dir) == [name]
    assert profile.country == country.strip().upper()


# ------------------------------------------------------------------------- validation rules


@pytest.mark.parametrize(
    ("field", "value", "flag", "says"),
    [
        ("name", "", "NAME", "1 to 40"),
        ("name", "x" * 41, "NAME", "1 to 40"),
        ("name", "has space", "NAME", "not a usable profile name"),
        ("name", "-starts-with-dash", "NAME", "starting with a letter or digit"),
        ("name", "ümlaut", "NAME", "letters A-Z"),
        ("name", "a/b", "NAME", "not a usable profile name"),
        ("email", "", "--email", "empty"),
        ("email", "jane.example.org", "--email", "exactly one @"),
        ("email", "jane@@example.org", "--email", "exactly one @"),
        ("email", "@example.org", "--email", "nothing before the @"),
        ("email", "jane@", "--email", "nothing after the @"),
        ("email", "jane doe@example.org", "--email", "space"),
        ("email", "jane..doe@example.org", "--email", "not allowed"),
        ("email", ".jane@example.org", "--email", "not allowed"),
        ("email", "jane@localhost", "--email", "needs a dot"),
        ("email", "jane@example.c", "--email", "not a top-level domain"),
        ("email", "jane@example.123", "--email", "not a top-level domain"),
        ("email", "jane@-example.org", "--email", "not a valid domain"),
        ("email", "jane@exa_mple.org", "--email", "not a valid domain"),
        ("email", "jane@example..org", "--email", "not a valid domain"),
        ("email", "x" * 65 + "@example.org", "--email", "64 characters"),
        ("email", "j@" + "a" * 63 + ("." + "b" * 63) * 3 + ".org", "--email", "254"),
        ("country", "XX", "--country", "two-letter ISO"),
        ("country", "D", "--country", "two-letter ISO"),
        ("country", "123", "--country", "two-letter ISO"),
        ("country", "", "--country", "two-letter ISO"),
        ("locale", "xx_XX", "--locale", "use one of en, de, fr, es, it, nl, pl, pt"),
        ("locale", "klingon", "--locale", "use one of en, de, fr, es, it, nl, pl, pt"),
        ("reason_template", "no-such-template", "--reason-template", "no reason template"),
        ("first_name", "J4ne", "--first-name", "contains '4'"),
        ("first_name", "Jane!", "--first-name", "contains '!'"),
        ("first_name", "-Jane", "--first-name", "start with a letter"),
        ("last_name", "D" * 101, "--last-name", "101 characters"),
        ("last_name", "Doe <script>", "--last-name", "contains '<'"),
    ],
)
def test_every_rule_rejects_bad_input(field, value, flag, says):
    fields = {"first_name": "Jane", "last_name": "Doe"} if field.endswith("_name") else {}
    fields[field] = value
    with pytest.raises(BadInput) as err:
        make(**fields)
    assert err.value.exit_code == ExitCode.BAD_INPUT
    message = err.value.message
    assert f"{flag}: " in message, message
    assert says in message, message


def test_names_go_together():
    with pytest.raises(BadInput, match="--last-name is missing"):
        make(first_name="Jane")
    with pytest.raises(BadInput, match="--first-name is missing"):
        make(last_name="Doe")


def test_several_problems_are_all_named():
    with pytest.raises(BadInput) as err:
        build_profile(name="bad name", email="nope", country="XX")
    message = err.value.message
    assert "NAME: " in message and "--email: " in message and "--country: " in message


@pytest.mark.parametrize(
    ("fields", "expect"),
    [
        ({"email": "  Jane@Example.ORG "}, {"email": "Jane@example.org"}),
        ({"email": "jane@münchen.de"}, {"email": "jane@münchen.de"}),
        ({"email": "o'brien_x-y+z@sub.example.co.uk"},
         {"email": "o'brien_x-y+z@sub.example.co.uk"}),
        ({"country": "de"}, {"country": "DE"}),
        ({"locale": "de_DE"}, {"locale": "de"}),
        ({"locale": "fr"}, {"locale": "fr"}),
        ({"locale": ""}, {"locale": None}),
        ({"first_name": " María  José ", "last_name": "d’Alembert"},
         {"first_name": "María José", "last_name": "d’Alembert"}),
        ({"first_name": "Zoë", "last_name": "Łukasiewicz-O'Hara"},
         {"first_name": "Zoë", "last_name": "Łukasiewicz-O'Hara"}),
        ({"first_name": "Jose\u0301", "last_name": "Ng"}, {"first_name": "José"}),
        ({"name": "A" * 40}, {"name": "A" * 40}),
        ({"name": "work_ig-2"}, {"name": "work_ig-2"}),
    ],
)
def test_valid_inputs_are_normalised(fields, expect):
    profile = make(**fields)
    for key, value in expect.items():
        assert getattr(profile, key) == value


# ------------------------------------------------------------------------- no keyring backend


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_backend_is_a_clear_error_and_writes_nothing(data_dir, backend):
    with installed_keyring(backend):
        for call in (lambda: add_profile(data_dir, make()),
                     lambda: get_profile(data_dir, "me"),
                     lambda: remove_profile(data_dir, "me")):
            with pytest.raises(KeyringUnavailable) as err:
                call()
            assert err.value.exit_code == ExitCode.BAD_INPUT
            text = err.value.message + "\n" + err.value.hint
            for needed in ("Secret Service", "gnome-keyring", "KeePassXC", "macOS", "Windows",
                           "keyrings.alt",
                           "PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring",
                           "PLAIN TEXT", "assist fill --email E --country CC"):
                assert needed in text
        assert not data_dir.exists()


def test_keyring_errors_become_keyring_unavailable(data_dir):
    from keyring.errors import KeyringLocked, PasswordSetError

    class Broken(MemoryKeyring):
        error: Exception = PasswordSetError("D-Bus said no")

        def set_password(self, service, username, password):
            raise self.error

    broken = Broken()
    with installed_keyring(broken):
        with pytest.raises(KeyringUnavailable, match="D-Bus said no"):
            add_profile(data_dir, make())
        broken.error = KeyringLocked("locked")
        with pytest.raises(KeyringUnavailable, match="locked") as err:
            add_profile(data_dir, make())
        assert "unlock" in err.value.hint
    assert not (data_dir / "profiles.json").exists()


def _run_cli(*args: str, tmp_path: Path, backend: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHON_KEYRING_BACKEND": backend,
           "ASSIST_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "meta_optout_assist", *args],
        env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    "backend", ["keyring.backends.fail.Keyring", "no_such_module.Keyring"], ids=["fail", "bogus"]
)
def test_cli_without_backend_exits_2_with_the_ways_out(tmp_path, backend):
    for args in (["profile", "add", "me", "--email", EMAIL, "--country", "DE"],
                 ["profile", "show", "me"]):
        result = _run_cli(*args, tmp_path=tmp_path, backend=backend)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        err = flat(result.stderr)
        for needed in ("Secret Service", "KeePassXC", "keyrings.alt", "PLAIN TEXT",
                       "PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring",
                       "assist fill --email E --country CC"):
            assert needed in err, err
    assert not (tmp_path / "data" / "profiles.json").exists()
    listed = _run_cli("profile", "list", tmp_path=tmp_path, backend=backend)
    assert listed.returncode == 0 and "No profiles yet" in listed.stderr


# ------------------------------------------------------------------------- the commands


def _main(capsys, *argv: str) -> tuple[int, str, str]:
    from meta_optout_assist.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), flat(out), flat(err)


def test_cli_add_list_show_remove(kr, data_dir, capsys, monkeypatch, template):
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # no terminal to confirm on
    dd = ("--data-dir", str(data_dir))
    code, out, _ = _main(capsys, "profile", "add", "me", "--email", EMAIL, "--country", "de",
                         "--locale", "de_DE", "--first-name", "Jane", "--last-name", "Doe",
                         "--reason-template", template, *dd)
    assert code == 0 and "Saved profile 'me'" in out

    code, _, err = _main(capsys, "profile", "add", "me", "--email", EMAIL, "--country", "DE", *dd)
    assert code == 2 and "already exists" in err and "--force" in err
    code, out, _ = _main(capsys, "profile", "add", "me", "--email", EMAIL, "--country", "FR",
                         "--force", *dd)
    assert code == 0 and "Replaced profile 'me'" in out

    code, out, _ = _main(capsys, "profile", "list", *dd)
    assert code == 0 and out == "me"

    code, out, _ = _main(capsys, "profile", "show", "me", *dd)
    assert code == 0
    assert f"Email: {EMAIL}" in out and "Country: FR" in out and "First name: -" in out

    code, _, err = _main(capsys, "profile", "remove", "me", *dd)
    assert code == 2 and "--yes" in err
    assert list_profiles(data_dir) == ["me"]
    code, out, _ = _main(capsys, "profile", "remove", "me", "--yes", *dd)
    assert code == 0 and "Removed profile 'me'" in out
    assert list_profiles(data_dir) == [] and kr.store == {}

    code, _, err = _main(capsys, "profile", "show", "me", *dd)
    assert code == 2 and "no profile named 'me'; `assist profile list` shows yours" in err
    code, _, err = _main(capsys, "profile", "remove", "me", "--yes", *dd)
    assert code == 2 and "no profile named 'me'" in err


def test_cli_data_dir_from_env(kr, data_dir, capsys, monkeypatch):
    monkeypatch.setenv("ASSIST_DATA_DIR", str(data_dir))
    code, _, _ = _main(capsys, "profile", "add", "me", "--email", EMAIL, "--country", "DE")
    assert code == 0 and list_profiles(data_dir) == ["me"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--email", "nope", "--country", "DE"], "--email: 'nope' is not an email address"),
        (["--email", EMAIL, "--country", "XX"], "--country: Unknown country 'XX'"),
        (["--email", EMAIL, "--country", "DE", "--locale", "xx_XX"],
         "--locale: Unsupported locale 'xx_XX'"),
        (["--email", EMAIL, "--country", "DE", "--reason-template", "nope"],
         "--reason-template: there is no reason template 'nope'"),
        (["--email", EMAIL, "--country", "DE", "--first-name", "Jane"], "--last-name is missing"),
        (["--email", EMAIL], "--country"),
    ],
)
def test_cli_bad_input_exits_2_and_names_the_flag(kr, data_dir, capsys, args, says):
    code, _, err = _main(capsys, "profile", "add", "me", *args, "--data-dir", str(data_dir))
    assert code == 2 and says in err, err
    assert not data_dir.exists()


def test_cli_bad_profile_name(kr, data_dir, capsys):
    code, _, err = _main(capsys, "profile", "add", "bad name", "--email", EMAIL, "--country",
                         "DE", "--data-dir", str(data_dir))
    assert code == 2 and "NAME: 'bad name' is not a usable profile name" in err


# ------------------------------------------------------------------------- the package's shape


def test_keyring_is_imported_only_when_a_profile_needs_it(tmp_path):
    """`keyring` costs ~0.15 s: importing the profiles package, or listing names, does not load it."""
    code = ("import sys; from pathlib import Path\n"
            "from meta_optout_assist.store import profiles\n"
            "profiles.list_profiles(Path(sys.argv[1]))\n"
            "print('keyring' in sys.modules)\n")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path)], env=env, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"


def test_one_converter_for_flag_messages():
    """Profiles and `assist fill` say what is wrong the same way (inputs.flag_errors)."""
    from pydantic import ValidationError

    from meta_optout_assist.inputs import flag_errors
    from meta_optout_assist.store.profiles import FIELD_FLAGS

    def lines(**fields) -> list[str]:
        with pytest.raises(ValidationError) as caught:
            Profile(**fields)
        return flag_errors(caught.value, FIELD_FLAGS)

    assert lines(name="me", email="nope", country="DE") == [
        "--email: 'nope' is not an email address (it needs exactly one @); expected e.g. "
        "name@example.org"]
    # A rule across fields names its fields as flags.
    assert lines(name="me", email=EMAIL, country="DE", first_name="Jane") == [
        "--last-name is missing: --first-name and --last-name go together, give both or neither"]
    # A missing field reads as `assist fill` says it; pydantic's own words where there are no ours.
    assert lines(name="me", country="DE", created_at="soon") == [
        "--email: is required",
        "created_at: Input should be a valid datetime or date, input is too short"]
    with pytest.raises(ValidationError) as caught:
        Profile(name="me", country="DE")
    assert flag_errors(caught.value, {}) == ["email: is required"]  # no flag: the field's name
