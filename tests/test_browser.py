"""Starting the browser's driver: Playwright's compiled code is cached in a private folder."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME places the cache on Linux")
def test_node_compile_cache_is_private_and_an_existing_choice_is_kept(tmp_path, monkeypatch):
    from meta_optout_assist import browser

    monkeypatch.delenv("NODE_COMPILE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    browser.cache_node_compilation()
    folder = Path(os.environ["NODE_COMPILE_CACHE"])
    assert folder.is_dir() and folder.is_relative_to(tmp_path / "cache")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700

    monkeypatch.setenv("NODE_COMPILE_CACHE", str(tmp_path / "mine"))
    browser.cache_node_compilation()
    assert os.environ["NODE_COMPILE_CACHE"] == str(tmp_path / "mine")
