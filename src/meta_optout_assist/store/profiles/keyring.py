"""The OS keyring, where a profile's details live (service "meta-optout-assist", one entry per
profile name, the profile as JSON).

No keyring backend (a headless Linux box, a bare container) is a normal situation, not a crash:
every keyring access goes through `backend()`/`call()`, which turn it into `KeyringUnavailable`
(exit 2) with the ways out. `keyring` is imported when first needed: it costs ~0.15 s at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from meta_optout_assist.errors import KeyringUnavailable

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "meta-optout-assist"

_T = TypeVar("_T")

WAYS_OUT = (
    "choose one of these:\n"
    "  1. Start a Secret Service, the standard keyring on Linux desktops: gnome-keyring, or "
    "KeePassXC with its Secret Service integration enabled (KWallet works too). On macOS and "
    "Windows the system keychain works out of the box.\n"
    "  2. Knowingly use a file instead: `pip install keyrings.alt` and set "
    "PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring. That stores your profile in "
    "PLAIN TEXT in your home folder: anyone who can read your files can read it.\n"
    "  3. Skip profiles: `assist fill --email E --country CC ...` works without any profile."
)


def _unavailable(what: str) -> KeyringUnavailable:
    return KeyringUnavailable(
        f"cannot keep profiles: {what}. Profiles hold your email and country, so they are "
        "only stored in an OS keyring, never in a plain file.",
        hint=WAYS_OUT,
    )


def backend() -> KeyringBackend:
    """The current keyring backend, or KeyringUnavailable if there is none worth using."""
    import keyring
    from keyring.backends import fail, null

    env = os.environ.get("PYTHON_KEYRING_BACKEND")
    try:
        found = keyring.get_keyring()
        priority = found.priority
    except Exception as err:  # a configured backend that cannot load or start
        where = f"PYTHON_KEYRING_BACKEND={env}" if env else "the configured keyring backend"
        raise _unavailable(f"{where} could not be loaded ({type(err).__name__}: {err})") from None
    if isinstance(found, null.Keyring):
        raise _unavailable(
            "the keyring is disabled (keyring.backends.null.Keyring is configured, by "
            "PYTHON_KEYRING_BACKEND or keyringrc.cfg), so nothing would be saved"
        )
    if isinstance(found, fail.Keyring) or priority <= 0:
        raise _unavailable(
            "no keyring backend was found on this system (no Secret Service, KWallet, macOS "
            "Keychain or Windows Credential Locker is reachable)"
        )
    return found


def backend_name() -> str:
    """A display name for the keyring in use ("SecretService Keyring", …); raises if none."""
    return str(backend().name)


def backend_is_recommended() -> bool:
    """False for backends `keyring` itself does not recommend (priority < 1, e.g. plain text)."""
    return backend().priority >= 1


def call(operation: Callable[..., _T], *args: str) -> _T:
    """Run one keyring operation on our service; keyring's own errors become KeyringUnavailable."""
    from keyring.errors import KeyringError, KeyringLocked, NoKeyringError

    try:
        return operation(SERVICE, *args)
    except NoKeyringError:
        raise _unavailable("no keyring backend was found on this system") from None
    except KeyringLocked:
        raise KeyringUnavailable(
            "the keyring is locked", hint="unlock it (your desktop's keyring or password "
            "manager asks for its password) and run the command again"
        ) from None
    except KeyringError as err:
        raise _unavailable(f"the keyring refused ({type(err).__name__}: {err})") from None


def read(kr: KeyringBackend, name: str) -> str | None:
    """The entry kept under `name`, or None."""
    return call(kr.get_password, name)


def write(kr: KeyringBackend, name: str, text: str) -> None:
    call(kr.set_password, name, text)


def delete(kr: KeyringBackend, name: str) -> bool:
    """Delete the entry kept under `name`; False if there was none."""
    from keyring.errors import PasswordDeleteError

    if read(kr, name) is None:
        return False

    def delete_one(service: str, username: str) -> bool:
        try:
            kr.delete_password(service, username)
        except PasswordDeleteError:
            return False
        return True

    return call(delete_one, name)
