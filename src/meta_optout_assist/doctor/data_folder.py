"""`assist doctor` on the data folder: is it private (folders 0700, files 0600), and which browser
profiles (the person's Meta logins) does it keep? It only looks: it creates no folder and changes
no permission."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

from meta_optout_assist.doctor.verdict import FAIL, OK, WARN, Check
from meta_optout_assist.store.files import privacy
from meta_optout_assist.store.layout import DataLayout

MAX_LISTED = 8

_GROUP = (stat.S_IRGRP, stat.S_IWGRP, stat.S_IXGRP)
_OTHER = (stat.S_IROTH, stat.S_IWOTH, stat.S_IXOTH)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _permission_scan(data_dir: Path) -> tuple[list[str], list[str]]:
    """(exposed, loose): paths other users can read or change now (their whole way there open),
    and paths looser than 0700/0600 that a private folder above still shields.

    Inside browser profiles only exposure counts: Chromium keeps some of its own files 0644 in
    the 0700 profile folder, which is fine.
    """
    exposed: list[str] = []
    loose: list[str] = []
    # For each folder: can the group / others reach it (x on every folder from data_dir down)?
    reach: dict[Path, tuple[bool, bool]] = {}
    profiles_dir = DataLayout(data_dir).browser_profiles_dir

    def check(path: Path, is_dir: bool, parent_reach: tuple[bool, bool]) -> tuple[bool, bool]:
        mode = _mode(path)
        if mode & 0o077:
            readable = any(parent_reach[i] and mode & (bits[0] | bits[1]) for i, bits in enumerate((_GROUP, _OTHER)))
            rel = path.relative_to(data_dir).as_posix() if path != data_dir else "."
            shown = f"{rel}{'/' if is_dir else ''} ({mode:04o})"
            inside_profile = profiles_dir in path.parents and path.parent != profiles_dir
            if readable:
                exposed.append(shown)
            elif not inside_profile:
                loose.append(shown)
        if not is_dir:
            return (False, False)
        return (parent_reach[0] and bool(mode & stat.S_IXGRP), parent_reach[1] and bool(mode & stat.S_IXOTH))

    reach[data_dir] = check(data_dir, True, (True, True))
    for root, dirs, files in os.walk(data_dir, followlinks=False):
        here = Path(root)
        parent_reach = reach.get(here, (False, False))
        for name in dirs:
            path = here / name
            if not path.is_symlink():  # a link's own mode means nothing; os.walk does not follow it
                reach[path] = check(path, True, parent_reach)
        for name in files:
            if not (here / name).is_symlink():
                check(here / name, False, parent_reach)
    return exposed, loose


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    return shown + (f" and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else "")


def check_data_dir(data_dir: Path, source: str) -> Check:
    """Exists? writable? folders 0700 and files 0600 (others cannot read the journal or logins)."""
    where = f"{data_dir} ({source})"
    if not data_dir.exists():
        return Check("Data folder", OK, f"{where}: not created yet; the first run creates it private (0700)",
                     data={"path": str(data_dir), "exists": False})
    if not data_dir.is_dir():
        return Check("Data folder", FAIL, f"{where} is not a folder",
                     "move that file away, or choose another folder with --data-dir / ASSIST_DATA_DIR")
    if not os.access(data_dir, os.W_OK | os.X_OK):
        return Check("Data folder", FAIL, f"{where}: you cannot write there",
                     "fix its owner or permissions, or choose another folder with --data-dir")
    kept = privacy()
    if not kept.modes:  # Windows: what keeps it private is said, not checked mode by mode
        return Check("Data folder", OK, f"{where}: exists; {kept.summary}",
                     data={"path": str(data_dir), "exists": True, "privacy": kept.summary})
    try:
        exposed, loose = _permission_scan(data_dir)
    except OSError as err:
        return Check("Data folder", WARN, f"{where}: could not check everything: {err}",
                     f"check its permissions: `chmod -R go-rwx '{data_dir}'`")
    data = {"path": str(data_dir), "exists": True, "exposed": exposed, "loose": loose}
    fix = f"`chmod -R go-rwx '{data_dir}'` makes it private again"
    if exposed:
        return Check("Data folder", FAIL, f"{where}: other users of this computer can read or change: "
                     f"{_listing(exposed)}", fix, data)
    if loose:
        return Check("Data folder", WARN, f"{where}: private (0700), but looser than 0700/0600 inside: "
                     f"{_listing(loose)}", fix, data)
    return Check("Data folder", OK, f"{where}: private (folders 0700, files 0600)", data=data)


def check_browser_profiles(data_dir: Path) -> Check:
    """The browser profiles kept per account and platform: they hold the person's Meta logins."""
    folder = DataLayout(data_dir).browser_profiles_dir
    try:
        found = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    except OSError as err:
        return Check("Browser profiles", WARN, f"{folder}: cannot be listed ({err.strerror})")
    if not found:
        return Check("Browser profiles", OK, "none kept yet", data={"profiles": []})
    entries = []
    for p in found:
        used = dt.datetime.fromtimestamp(p.stat().st_mtime).date().isoformat()
        account, _, platform = p.name.rpartition("--")
        entries.append({"name": p.name, "account": account or p.name, "platform": platform,
                        "mode": f"{_mode(p):04o}", "last_used": used, "path": str(p)})
    listed = "; ".join(f"{e['name']} (last used {e['last_used']})" for e in entries[:MAX_LISTED])
    more = f" and {len(entries) - MAX_LISTED} more" if len(entries) > MAX_LISTED else ""
    return Check(
        "Browser profiles", OK,
        f"{len(entries)} in {folder}, holding your Meta logins (cookies): {listed}{more}",
        "`assist forget` removes them (you log in again next time); `--fresh-session` uses none",
        {"profiles": entries},
    )

