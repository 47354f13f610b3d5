"""What the browser itself must not send or keep: Chromium's own services, kept quiet.

The page's requests go through network.py's route (Meta's addresses or --base-url only). The
browser also talks on its own, below that route: Chromium checks the password typed on Meta's
login page against Google's leak database (passwordsleakcheck-pa.googleapis.com), sends the
signatures of the forms being filled to Google's autofill server (content-autofill.googleapis.com),
asks accounts.google.com for signed-in accounts and update.googleapis.com for component updates.
It also keeps, in the browser profile, the values typed into the open pages (session restore: the
emailed code among them), autocomplete entries and offers to save passwords.

Three things stop that, all set before the browser starts:
- the profile's preferences turn off password saving, the leak check, autofill/autocomplete, sign-in,
  Safe Browsing lookups, search suggestions and network prediction (`prepare_profile`);
- session-restore files cannot be written (an empty file holds each of their folder names), so the
  code typed into Meta's pop-up is never written to disk (`prepare_profile`);
- Google's and Microsoft's service hosts do not resolve inside this browser (`LAUNCH_ARGS`), so
  whatever a browser version adds is stopped on this machine. (Through a proxy the destination is
  resolved by the proxy, not here; the preferences still hold.)
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

# Chromium preferences (Default/Preferences), merged into the profile before every launch.
PROFILE_PREFS: dict = {
    "credentials_enable_service": False,  # never offer to save the Meta password
    "credentials_enable_autosignin": False,
    "profile": {"password_manager_enabled": False, "password_manager_leak_detection": False},
    # Autofill and single-field autocomplete: nothing typed is remembered, no form data to Google.
    "autofill": {"enabled": False, "profile_enabled": False, "credit_card_enabled": False},
    "signin": {"allowed": False, "allowed_on_next_startup": False},
    "safebrowsing": {"enabled": False, "scout_reporting_enabled": False},
    "search": {"suggest_enabled": False},
    "alternate_error_pages": {"enabled": False},
    "net": {"network_prediction_options": 2},  # no prefetch, no preconnect
    "translate": {"enabled": False},
    "spellcheck": {"use_spelling_service": False},
    "url_keyed_anonymized_data_collection": {"enabled": False},
}

# Session restore writes every open tab's history with the values of its form fields (the code!).
SESSION_DIRS = ("Sessions", "Sessions_Encrypted")

# Hosts of the browser vendors' own services (Chrome/Chromium: Google; Edge: Microsoft). The page
# never needs them (network.py blocks them for pages anyway); the browser itself must not use them.
VENDOR_HOSTS = (
    "google.com", "googleapis.com", "gstatic.com", "gvt1.com", "gvt2.com", "googleusercontent.com",
    "google-analytics.com", "doubleclick.net", "microsoft.com", "msedge.net", "bing.com", "msn.com",
    "live.com", "windows.com", "azureedge.net",
)
LAUNCH_ARGS = [
    "--host-resolver-rules="
    + ", ".join(rule for host in VENDOR_HOSTS for rule in (f"MAP {host} ~NOTFOUND", f"MAP *.{host} ~NOTFOUND")),
]


def _merge(into: dict, new: dict) -> dict:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
    return into


def prepare_profile(user_data_dir: Path) -> None:
    """Before launching a persistent profile: quiet preferences, and no session-restore files."""
    default = Path(user_data_dir) / "Default"
    default.mkdir(parents=True, exist_ok=True, mode=0o700)
    prefs_file = default / "Preferences"
    try:
        current = json.loads(prefs_file.read_text(encoding="utf-8"))
        if not isinstance(current, dict):
            current = {}
    except (OSError, ValueError):
        current = {}
    tmp = prefs_file.with_name("Preferences.assist-tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(_merge(current, PROFILE_PREFS), out)
    os.replace(tmp, prefs_file)
    for name in SESSION_DIRS:
        path = default / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)  # written by an older version of the tool
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))  # a file where a folder goes
