"""Ready to publish (issue 21, part 6): a LICENSE, the metadata a package index shows, pipx first
in the README's install section, ruff in the dev extra, and README pictures that keep working
where the README is rendered off the repository (a package index)."""

from __future__ import annotations

import re

import pytest

from meta_optout_assist.errors import ISSUES_URL
from tests.support.fixtures import ROOT

tomllib = pytest.importorskip("tomllib")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_license_and_metadata():
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert PROJECT["authors"] and PROJECT["classifiers"]
    assert {"Homepage", "Repository", "Issues"} <= set(PROJECT["urls"])
    assert PROJECT["urls"]["Issues"] == ISSUES_URL == PROJECT["urls"]["Repository"] + "/issues"
    assert "version" in PROJECT["dynamic"]  # read from the package: one place says it


def test_ruff_is_a_dev_tool():
    extras = PROJECT["optional-dependencies"]
    assert any(r.startswith("ruff") for r in extras["dev"])
    assert not any(r.startswith("ruff") for r in extras["test"])
    assert ".[test,dev]" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_pipx_is_the_first_way_to_install():
    install = README.split("## Install", 1)[1].split("\n## ", 1)[0]
    first_block = install.split("```sh", 1)[1].split("```", 1)[0]
    assert first_block.strip().startswith("pipx install ")
    assert PROJECT["urls"]["Repository"] in first_block


def test_readme_pictures_are_absolute_and_exist():
    raw = PROJECT["urls"]["Repository"].replace("https://github.com/", "https://raw.githubusercontent.com/") + "/main/"
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert pictures
    for url in pictures:
        assert url.startswith(raw), url
        assert (ROOT / url.removeprefix(raw)).is_file(), url
