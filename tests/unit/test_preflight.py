"""A data folder the tool cannot use is said before a browser opens (issue 23): read-only, a file
in the way, another user's, a disk with no room. Exit 2, the folder named, the way out said, no
traceback; nothing is written. (Before, the browser opened, the person logged in and filled the
form, and only then did a traceback end it.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.cli_inprocess import run_cli
from tests.support.disks import fill_up, tmpfs

GOOD = ["fill", "--platform", "facebook", "--email", "person@example.org", "--country", "DE",
        "--reason", "My posts are mine.", "--base-url", "http://127.0.0.1:9", "--headless", "--yes"]


def fill(data_dir: Path) -> tuple[int | str, str]:
    return run_cli([*GOOD, "--data-dir", str(data_dir)])


def _unwrapped(text: str) -> str:
    """The output without the line breaks and spaces the console puts in (it wraps long paths)."""
    return "".join(text.split())


def _assert_refused(code, out: str, folder: Path, *words: str) -> None:
    assert code == 2, out
    assert str(folder) in _unwrapped(out) and "--data-dir" in out and "Traceback" not in out, out
    for word in words:
        assert _unwrapped(word) in _unwrapped(out), out


def test_a_usable_folder_is_made_and_the_run_goes_on(no_browser, tmp_path):
    code, out = fill(tmp_path / "new" / "data")
    assert code == "browser", out
    assert (tmp_path / "new" / "data").is_dir()
    assert not [p for p in (tmp_path / "new" / "data").iterdir() if p.name.startswith(".assist-write-test")]


@pytest.mark.parametrize("inside", [False, True])
def test_a_read_only_file_system(no_browser, tmp_path, inside):
    with tmpfs(tmp_path / "ro", "1m", read_only=True) as ro:
        folder = ro / "data" if inside else ro
        code, out = fill(folder)
    _assert_refused(code, out, folder, "read-only file system")
    assert no_browser == []


def test_a_file_where_the_folder_or_a_parent_should_be(no_browser, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    code, out = fill(tmp_path / "notes.txt" / "data")
    _assert_refused(code, out, tmp_path / "notes.txt" / "data", "is a file", str(tmp_path / "notes.txt"))
    code, out = fill(tmp_path / "notes.txt")
    _assert_refused(code, out, tmp_path / "notes.txt", "is a file")
    assert (tmp_path / "notes.txt").read_text() == "mine" and no_browser == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder away needs root")
def test_a_folder_of_another_user(no_browser, tmp_path):
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    code, out = fill(folder)
    _assert_refused(code, out, folder, "another user (uid 65534)")
    assert list(folder.iterdir()) == [] and no_browser == []


def test_a_disk_with_too_little_room(no_browser, tmp_path):
    from meta_optout_assist.store.preflight import MIN_FREE_BYTES

    with tmpfs(tmp_path / "small", "24m") as disk:
        fill_up(disk, leave=MIN_FREE_BYTES // 4)
        code, out = fill(disk / "data")
    _assert_refused(code, out, disk / "data", "KB free", "Free some space")
    assert no_browser == []


def test_the_real_command_on_a_read_only_folder(assist, tmp_path):
    with tmpfs(tmp_path / "ro", "1m", read_only=True) as ro:
        run = assist(*GOOD, "--data-dir", str(ro / "data"))
    assert run.code == 2, run.text
    assert "read-only" in run.err and "Traceback" not in run.text and run.out == ""


@pytest.mark.parametrize("command", [["status"], ["status", "--json"], ["export"], ["mark", "1a2b", "--outcome",
                                                                                   "honored"]])
def test_other_commands_on_a_folder_they_cannot_read_say_so(tmp_path, command):
    (tmp_path / "notes.txt").write_text("mine")
    code, out = run_cli([*command, "--data-dir", str(tmp_path / "notes.txt" / "data")])
    assert code == 2, out
    assert "Traceback" not in out and str(tmp_path / "notes.txt") in _unwrapped(out), out
