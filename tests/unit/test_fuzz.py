"""Fuzzing: whatever a person types, or whatever a selectors file holds, the tool answers with a
message and exit 2, never a traceback, and never opens a browser for bad input.

Property tests (hypothesis) over the input models (inputs.build_request, profiles.build_profile),
the selectors loader (random YAML written into a copy of selectors/) and `assist fill`'s options
(run in-process through cli.main with Playwright replaced by a trap). Example counts are modest so
the file runs in seconds; the seeds hypothesis finds are kept in .hypothesis/ between runs.
"""

from __future__ import annotations

import contextlib
import copy
import random
import shutil
import string
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meta_optout_assist.errors import BadInput, SelectorsError
from meta_optout_assist.inputs import FillRequest, build_request
from meta_optout_assist.site import files, registry
from meta_optout_assist.site import selectors as selector_data
from meta_optout_assist.store.profiles import Profile, build_profile
from tests.support.cli_inprocess import run_cli

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# -- value strategies ----------------------------------------------------------------------------

# Text people (and shells) actually produce: any unicode but surrogates, some of it near the rules.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
emailish = st.one_of(
    st.emails().map(str), any_text,
    st.builds(lambda a, b: f"{a}@{b}", any_text, any_text),
)
countryish = st.one_of(
    st.sampled_from(["DE", "de", "FR", "GB", "NO", "US", "XX", "DEU", "Germany", "Deutschland", "",
                     "  ", "Congo", "ÖSTERREICH"]),
    st.text(string.ascii_letters, min_size=1, max_size=3), any_text,
)
localeish = st.one_of(st.none(), st.sampled_from(["de_DE", "fr-FR", "pl", "tlh", "", "en_US.UTF-8"]),
                      any_text)
nameish = st.one_of(st.none(), st.sampled_from(["Anna", "Jean-Luc", "O'Brien", "Zoë", "1x", ""]), any_text)
templateish = st.one_of(st.none(), st.sampled_from(["art21-particular-situation", "creative-work",
                                                    "nope", ""]), any_text)
long_text = st.one_of(any_text, st.text(min_size=90, max_size=120),
                      st.integers(0, 6000).map(lambda n: "x" * n))
# Any type at all, for the callers that pass objects rather than typed flags.
junk = st.one_of(st.none(), st.integers(), st.floats(allow_nan=True), st.booleans(), st.binary(max_size=8),
                 st.lists(st.integers(), max_size=2), st.dictionaries(any_text, st.integers(), max_size=2))


def _evidence_paths() -> st.SearchStrategy:
    """Paths that exist or not, too long, with NUL bytes, directories, non-images, images."""
    return st.one_of(
        st.none(),
        any_text.map(Path),
        st.sampled_from(["/", "/etc/hostname", "/dev/null", "~", "~nobody-here/x.png", "x" * 300,
                         ("d" * 200 + "/") * 30 + "a.png", "a\x00b.png"]).map(Path),
    )


# -- 1. the input models -------------------------------------------------------------------------


def _check_fill(values: dict) -> None:
    try:
        result = build_request(**values)
    except BadInput as err:
        assert err.message.strip(), "a BadInput must say what is wrong"
        assert err.exit_code == 2
        return
    assert isinstance(result, FillRequest)
    # What the page objects will type: must not fail on a valid request.
    result.values(registry.load().entry(result.platform, result.form), "en")


@FUZZ
@given(
    platform=st.one_of(st.sampled_from(["facebook", "instagram"]), any_text),
    form=st.sampled_from(["objection", "third-party", "other"]),
    email=emailish, country=countryish, locale=localeish,
    reason=st.one_of(st.none(), long_text), reason_template=templateish,
    request=st.one_of(st.none(), st.sampled_from(["object", "delete", "burn"])),
    first_name=nameish, last_name=nameish,
    prompts=st.lists(st.one_of(any_text, st.just("p" * 2100)), max_size=3).map(tuple),
    evidence=_evidence_paths(), details=st.one_of(st.none(), long_text),
)
def test_fill_request_validates_or_says_why(**values):
    _check_fill(values)


@FUZZ
@given(field=st.sampled_from(sorted(FillRequest.model_fields) + ["unknown_flag"]), value=junk)
def test_fill_request_with_wrong_types_says_why(field, value):
    values = {"platform": "facebook", "email": "a@example.org", "country": "DE", "reason": "mine"}
    _check_fill({**values, field: value})


def _check_profile(values: dict) -> None:
    try:
        result = build_profile(**values)
    except BadInput as err:
        assert err.message.startswith("the profile is not valid"), err.message
        return
    assert isinstance(result, Profile)


@FUZZ
@given(name=st.one_of(st.sampled_from(["me", "work-2", "-x", "a" * 41]), any_text), email=emailish,
       country=countryish, locale=localeish, first_name=nameish, last_name=nameish,
       reason_template=templateish,
       created_at=st.one_of(st.none(), st.datetimes(), any_text, st.just("2024-02-30T00:00:00")))
def test_profile_validates_or_says_why(**values):
    if values["created_at"] is None:
        del values["created_at"]
    _check_profile(values)


@FUZZ
@given(field=st.sampled_from(sorted(Profile.model_fields)), value=junk)
def test_profile_with_wrong_types_says_why(field, value):
    _check_profile({"name": "me", "email": "a@example.org", "country": "DE", field: value})


# -- 2. the selectors loader ---------------------------------------------------------------------

BUNDLED = files.bundled_dir()
FILES = ("common.yaml", "facebook.yaml", "instagram.yaml",
         *(f"forms/{p.name}" for p in sorted((BUNDLED / "forms").glob("*.yaml"))))
ORIGINAL = {name: yaml.safe_load((BUNDLED / name).read_text(encoding="utf-8")) for name in FILES}

scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 2**70), st.floats(allow_nan=False),
                    any_text, st.dates(), st.sampled_from(["https://www.facebook.com/x", "email", "css",
                                                           "2025-06-15", "text", "choice", 1]))
yaml_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.one_of(any_text, st.sampled_from(
                                ["css", "role", "name", "kind", "locators", "addresses", "en"])),
                                inner, max_size=3)),
    max_leaves=8,
)


def _paths(node, prefix=()):
    """Every key path in a YAML tree (dict keys and list indexes)."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


def _mutate(tree, rnd: random.Random, value, how: str):
    """Replace, delete or add at a random path of a deep copy of `tree`."""
    tree = copy.deepcopy(tree)
    paths = [p for p in _paths(tree) if p]
    path = rnd.choice(paths)
    parent = tree
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent[f"extra_{rnd.randrange(99)}"] = value
    elif how == "add" and isinstance(parent, list):
        parent.append(value)
    else:
        parent[last] = value
    return tree


@contextlib.contextmanager
def _selectors_copy():
    with tempfile.TemporaryDirectory(prefix="sel-fuzz-") as tmp:
        directory = Path(tmp) / "selectors"
        shutil.copytree(BUNDLED, directory)
        yield directory


def _check_load(directory: Path, changed: str, platform: str) -> None:
    """Load the form the changed file belongs to (the platform's objection form for a site file or
    common.yaml): it loads, or the error is a SelectorsError that names a file."""
    selector_data.clear_caches()  # each example is a new folder: keep no stale copies
    if changed.startswith("forms/"):
        form_id = changed.removeprefix("forms/").removesuffix(".yaml")
    else:
        form_id = f"{platform if changed == 'common.yaml' else changed.removesuffix('.yaml')}-objection"
    try:
        sel = selector_data.load(form_id, directory)
    except SelectorsError as err:
        assert err.exit_code == 2
        # A file's broken references surface while checking the form that merges it, and any
        # broken form document stops the registry: naming one of those counts.
        named = [f for f in (changed, "forms/", f"{form_id}.yaml") if str(directory / f) in err.message]
        assert named, f"the error does not name the file: {err.message}"
        return
    assert sel.form.id == form_id


SELECTORS_FUZZ = settings(FUZZ, max_examples=25)
platforms = st.sampled_from(["facebook", "instagram"])


def _dump(value) -> str:
    return yaml.dump(value, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True)


@SELECTORS_FUZZ
@given(which=st.sampled_from(FILES), seed=st.integers(0, 2**32), value=yaml_values,
       how=st.sampled_from(["replace", "replace", "delete", "add"]), platform=platforms)
def test_selectors_mutated_load_or_name_the_file(which, seed, value, how, platform):
    mutated = _mutate(ORIGINAL[which], random.Random(seed), value, how)
    with _selectors_copy() as directory:
        (directory / which).write_text(_dump(mutated), encoding="utf-8")
        _check_load(directory, which, platform)


@SELECTORS_FUZZ
@given(which=st.sampled_from(FILES), platform=platforms, content=st.one_of(
    yaml_values.map(_dump),
    any_text,
    st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
    st.sampled_from(["", "schema_version: 2\n", "[1, 2", "a: b: c", "!!python/object:os.system {}",
                     "schema_version: 2\nlast_verified: 2025-13-01\n", "&a [*a]", "\t- x",
                     "schema_version: !!binary aGk=\n"]),
), raw=st.booleans())
def test_selectors_random_file_is_a_clear_error(which, platform, content, raw):
    with _selectors_copy() as directory:
        if raw:  # bytes that may not even be UTF-8
            (directory / which).write_bytes(content.encode("utf-8", "surrogatepass")[:200] + b"\xff\xfe")
        else:
            (directory / which).write_text(content, encoding="utf-8")
        _check_load(directory, which, platform)


def test_selectors_missing_file_and_folder_are_clear_errors(tmp_path):
    with _selectors_copy() as directory:
        (directory / "common.yaml").unlink()
        with pytest.raises(SelectorsError, match="common.yaml"):
            selector_data.load_site("facebook", "objection", directory)
    with pytest.raises(SelectorsError, match="not found"):
        selector_data.load_site("facebook", "objection", tmp_path / "nowhere")


# -- 3. the command line ---------------------------------------------------------------------------

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing answers there


GOOD = {"--email": "person@example.org", "--country": "DE", "--reason": "My posts are mine."}
OPTIONS = {
    "--platform": st.one_of(st.sampled_from(["facebook", "instagram", "all", "twitter", ""]), any_text),
    "--form": st.one_of(st.sampled_from(["objection", "third-party", "x"]), any_text),
    "--email": emailish, "--country": countryish,
    "--reason": long_text, "--reason-template": templateish.filter(lambda v: v is not None),
    "--locale": localeish.filter(lambda v: v is not None),
    "--wait-timeout": st.one_of(st.integers(-5, 10**12).map(str), any_text),
    "--page-timeout": st.one_of(st.integers(-5, 10**6).map(str), any_text),
    "--base-url": st.one_of(st.sampled_from(["ftp://x", "http://[::1", "http://[zz]:1/", "http://",
                                             "http://h:port", "https://éx.org", UNREACHABLE]), any_text),
    "--selectors": st.sampled_from(["/nonexistent", "/etc", "/dev/null", "a\x00b", "x" * 5000]),
    "--profile": st.one_of(st.sampled_from(["me", "-bad", "a" * 50]), any_text),
    "--browser": any_text, "--request": st.sampled_from(["object", "delete", "burn"]),
    "--first-name": nameish.filter(lambda v: v is not None),
    "--last-name": nameish.filter(lambda v: v is not None),
    "--prompt": any_text, "--evidence": _evidence_paths().filter(lambda v: v is not None).map(str),
    "--details": long_text,
}
# An option value that is wrong whatever else is given: the run must stop at exit 2.
ALWAYS_BAD = {
    "--email": st.sampled_from(["", "no-at-sign", "a@@b.org", "a b@c.org", "a@b", "@example.org"]),
    "--country": st.sampled_from(["XX", "Atlantis", "", "123", "ZZZ"]),
    "--locale": st.sampled_from(["tlh", "", "xx_XX"]),
    "--reason-template": st.sampled_from(["no-such-template", ""]),
    "--wait-timeout": st.sampled_from(["0", "-1", "soon", "1.5"]),
    "--platform": st.sampled_from(["twitter", "", "FACEBOOK "]),
    "--base-url": st.sampled_from(["ftp://example.org", "http://", "example.org", "http://[::1"]),
    "--selectors": st.sampled_from(["/nonexistent", "/dev/null", "a\x00b"]),
    "--evidence": st.sampled_from(["/nonexistent.png", "/etc/hostname", "x" * 300, "a\x00b.png"]),
}


def _argv(data_dir: Path, chosen: dict[str, str]) -> list[str]:
    values = {"--platform": "facebook", "--base-url": UNREACHABLE, **GOOD, **chosen}
    argv = ["fill", "--dry-run", "--headless", "--data-dir", str(data_dir)]
    for flag, value in values.items():
        argv += [flag, value]
    return argv


def _assert_clean_exit_2(code, text: str, calls: list[str], argv: list[str]) -> None:
    assert calls == [], f"a browser was started for bad input: {argv}"
    assert code == 2, f"exit {code} for {argv}:\n{text}"
    assert "Traceback" not in text, text
    assert text.strip(), f"no message for {argv}"


CLI_FUZZ = settings(FUZZ, max_examples=30)


@CLI_FUZZ
@given(data=st.data())
def test_fill_with_a_bad_option_exits_2_before_any_browser(no_browser, tmp_path, data):
    bad_flag = data.draw(st.sampled_from(sorted(ALWAYS_BAD)), label="bad flag")
    chosen = {bad_flag: data.draw(ALWAYS_BAD[bad_flag], label="bad value")}
    others = data.draw(st.lists(st.sampled_from(sorted(set(OPTIONS) - {bad_flag})), max_size=4, unique=True))
    for flag in others:
        chosen[flag] = data.draw(OPTIONS[flag], label=flag)
    argv = _argv(tmp_path / "data", chosen)
    code, text = run_cli(argv)
    _assert_clean_exit_2(code, text, no_browser, argv)
    assert not (tmp_path / "data" / "journal.jsonl").exists()


@CLI_FUZZ
@given(data=st.data())
def test_fill_with_random_options_never_tracebacks(no_browser, tmp_path, data):
    flags = data.draw(st.lists(st.sampled_from(sorted(OPTIONS)), min_size=1, max_size=6, unique=True))
    chosen = {flag: data.draw(OPTIONS[flag], label=flag) for flag in flags}
    argv = _argv(tmp_path / "data", chosen)
    no_browser.clear()
    code, text = run_cli(argv)
    if code == "browser":
        return  # everything validated: only then may a browser start
    _assert_clean_exit_2(code, text, no_browser, argv)


def test_the_trap_springs_for_valid_input(no_browser, tmp_path):
    """The fuzz tests above would be meaningless if valid input never reached the browser."""
    code, _ = run_cli(_argv(tmp_path / "data", {}))
    assert code == "browser" and no_browser == ["sync_playwright"]



# -- fixed examples: what the fuzzing found, and what must stop before a browser ------------------

THIRD_PARTY = ["--form", "third-party", "--request", "object", "--first-name", "Anna", "--last-name",
               "Muster", "--prompt", "who is Anna Muster", "--details", "d" * 120]


@pytest.mark.parametrize("extra", [
    ["--base-url", "http://[::1"],  # urlsplit raised ValueError: a traceback
    ["--base-url", "http://h:port"],
    [*THIRD_PARTY, "--evidence", "x" * 300],  # OSError: file name too long
    [*THIRD_PARTY, "--evidence", "~nobody-here/x.png"],  # RuntimeError from expanduser
    ["--selectors", "/nonexistent"],  # checked before the browser, not when the form is reached
], ids=["ipv6-unclosed", "port-not-a-number", "evidence-name-too-long", "evidence-unknown-home",
        "selectors-missing"])
def test_known_bad_options_cli(no_browser, tmp_path, extra):
    argv = _argv(tmp_path / "data", {}) + extra
    code, text = run_cli(argv)
    _assert_clean_exit_2(code, text, no_browser, argv)


def test_found_by_fuzzing_selectors_date():
    """PyYAML raises ValueError (not a YAMLError) for an impossible date."""
    with _selectors_copy() as directory:
        (directory / "common.yaml").write_text("schema_version: 1\nlast_verified: 2025-13-01\n")
        _check_load(directory, "common.yaml", "facebook")
