"""The country to propose when the tool asks where the person lives: the system's time zone
(Europe/Berlin → DE, through the tz database's zone.tab), else the system locale's territory
(de_AT → AT). Only a proposal: the person confirms it or types another. No network.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

_LOCALE_VARIABLES = ("LC_ALL", "LC_CTYPE", "LANG")


def _zone_tables() -> Iterable[Path]:
    """zone.tab (one country per zone) and zone1970.tab (the first of several), wherever the tz
    database is: the system's folders (zoneinfo.TZPATH), else the tzdata package (Windows)."""
    import zoneinfo

    folders = [Path(p) for p in zoneinfo.TZPATH]
    try:
        from importlib.resources import files

        folders.append(Path(str(files("tzdata") / "zoneinfo")))
    except (ImportError, ModuleNotFoundError, TypeError):
        pass
    for folder in folders:
        for name in ("zone.tab", "zone1970.tab"):
            yield folder / name


@functools.cache
def _zone_countries(tables: tuple[Path, ...] | None = None) -> dict[str, str]:
    """Time zone name → ISO country code, from the first tables that can be read."""
    found: dict[str, str] = {}
    for table in tables if tables is not None else tuple(_zone_tables()):
        try:
            text = table.read_text(encoding="utf-8")
        except OSError:
            continue
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) >= 3:
                found.setdefault(parts[2], parts[0].split(",")[0])
    return found


def country_of_zone(zone: str | None, tables: tuple[Path, ...] | None = None) -> str | None:
    """DE for Europe/Berlin; None for UTC, Etc/… and zones the tables do not list."""
    if not zone:
        return None
    return _zone_countries(tables).get(zone.strip().lstrip(":"))


def system_zone() -> str | None:
    """The system's time zone name (IANA), as tzlocal reads it on every OS (TZ first)."""
    try:
        from tzlocal import get_localzone_name

        return get_localzone_name()
    except Exception:  # noqa: BLE001 - no zone configured, an unreadable one: nothing to propose
        return None


def country_of_locale(name: str | None) -> str | None:
    """AT for de_AT.UTF-8 or de-AT; None for C, POSIX, or a locale without a territory."""
    if not name:
        return None
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    if len(parts) < 2 or len(parts[1]) != 2 or not parts[1].isalpha():
        return None
    return parts[1].upper()


def _system_locale(env: Mapping[str, str], platform: str) -> str | None:
    for name in _LOCALE_VARIABLES:
        if env.get(name):
            return env[name]
    if platform.startswith("win"):
        import ctypes
        import locale

        try:
            return locale.windows_locale.get(ctypes.windll.kernel32.GetUserDefaultLCID())  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return None
    import locale

    try:
        return locale.getlocale()[0]
    except ValueError:
        return None


def _known(code: str | None) -> str | None:
    if code is None:
        return None
    from meta_optout_assist.legal.countries import normalize_code

    try:
        return normalize_code(code)
    except ValueError:
        return None


def guess_country(env: Mapping[str, str] = os.environ, platform: str = sys.platform,
                  zone: str | None = None) -> str | None:
    """The country to propose, or None when the system says nothing usable. `zone`: the time zone
    (default: the system's)."""
    return _known(country_of_zone(zone if zone is not None else system_zone())) or \
        _known(country_of_locale(_system_locale(env, platform)))
