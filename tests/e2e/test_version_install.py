"""`assist --version`, the version in `doctor`, and `assist install-browser` with a fake installer:
Playwright's installer, run by the very Python assist runs on (pipx and venv users get the right
one)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from meta_optout_assist import __version__
from tests.support.fixtures import ROOT

FAKE_PLAYWRIGHT = '''
import json, os, sys
with open(os.environ["FAKE_INSTALLER_RECORD"], "w") as fh:
    json.dump({"executable": sys.executable, "args": sys.argv[1:]}, fh)
print("fake installer: downloading Chromium…")
sys.exit(int(os.environ.get("FAKE_INSTALLER_EXIT", "0")))
'''


def _fake_playwright(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A `playwright` package whose `python -m playwright` records how it was run."""
    package = tmp_path / "fake" / "playwright"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "__main__.py").write_text(FAKE_PLAYWRIGHT)
    record = tmp_path / "installer.json"
    env = {"PYTHONPATH": f"{package.parent}{':' if sys.platform != 'win32' else ';'}{ROOT / 'src'}",
           "FAKE_INSTALLER_RECORD": str(record)}
    return env, record


def test_version(assist):
    run = assist("--version")
    assert run.code == 0, run.text
    assert run.out.strip() == f"meta-optout-assist {__version__}"


def test_version_in_doctor():
    from meta_optout_assist.doctor.checks import check_version

    check = check_version("/opt/pipx/venvs/meta-optout-assist/bin/python")
    assert check.status == "ok" and __version__ in check.detail
    assert "/opt/pipx/venvs/meta-optout-assist/bin/python" in check.detail
    assert check.data == {"version": __version__, "python": "/opt/pipx/venvs/meta-optout-assist/bin/python"}


def test_install_browser_runs_playwright_with_this_python(assist, tmp_path):
    env, record = _fake_playwright(tmp_path)
    run = assist("install-browser", env=env)
    assert run.code == 0, run.text
    ran = json.loads(record.read_text())
    assert ran["args"] == ["install", "chromium"]
    assert Path(ran["executable"]).resolve() == Path(sys.executable).resolve()  # the one that ran assist
    assert sys.executable in run.err and "fake installer: downloading Chromium" in run.out
    assert "assist doctor" in run.err

    run = assist("install-browser", "--with-deps", env=env)
    assert run.code == 0, run.text
    assert json.loads(record.read_text())["args"] == ["install", "--with-deps", "chromium"]


def test_install_browser_that_fails_says_what_else_works(assist, tmp_path):
    env, record = _fake_playwright(tmp_path)
    run = assist("install-browser", env={**env, "FAKE_INSTALLER_EXIT": "1"})
    assert run.code == 2, run.text
    assert record.exists()
    text = " ".join(run.err.split())
    assert "was not installed (its installer exited with code 1" in text
    assert "apt-get install chromium" in text and "--browser PATH" in text
    assert "Traceback" not in run.text


def test_the_hints_name_install_browser():
    from meta_optout_assist.browser.launch import INSTALL_HINT

    assert "`assist install-browser`" in INSTALL_HINT
    script = (ROOT / "scripts" / "install-browser.sh").read_text()
    assert "assist install-browser" in script


def test_help_and_version_import_nothing_heavy():
    """`assist --help` starts quickly: no browser driver, no validation library, no keyring, no YAML
    is imported for it (nor for --version)."""
    import subprocess

    for flag in ("--help", "--version"):
        code = (
            "import sys\n"
            "from meta_optout_assist import cli\n"
            "try:\n"
            f"    cli.main([{flag!r}])\n"
            "except SystemExit:\n"
            "    pass\n"
            "heavy = {'playwright', 'pydantic', 'keyring', 'yaml', 'pycountry', 'rich.progress'} & set(sys.modules)\n"
            "assert not heavy, heavy\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
