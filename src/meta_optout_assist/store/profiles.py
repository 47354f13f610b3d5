"""Profiles: a person's details typed once, kept in the OS keyring, never in a plain file.

The personal data of a profile (email, country, names, …) is stored as JSON in the OS keyring
through `keyring` (service "meta-optout-assist", username = profile name). The only plain file is
`<data dir>/profiles.json`, which lists profile *names* so they can be listed and forgotten.

No keyring backend (a headless Linux box, a bare container) is a normal situation, not a crash:
every keyring access goes through `_backend()`/`_call()`, which turn it into `KeyringUnavailable`
(exit 2) with the ways out. `keyring` is imported lazily: it costs ~0.15 s at start-up.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from meta_optout_assist.errors import BadInput, KeyringUnavailable
from meta_optout_assist.inputs import check_country as validate_country
from meta_optout_assist.inputs import check_email as validate_email
from meta_optout_assist.inputs import check_locale as validate_locale
from meta_optout_assist.inputs import check_person_name as validate_person_name
from meta_optout_assist.inputs import check_reason_template as validate_reason_template
from meta_optout_assist.store.layout import private_dir, write_private

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "meta-optout-assist"
NAMES_FILE = "profiles.json"
NAMES_FILE_VERSION = 1

_T = TypeVar("_T")

# --------------------------------------------------------------------------------------------
# Validation rules (each raises ValueError with what is accepted; the field is named by caller)
# --------------------------------------------------------------------------------------------

_PROFILE_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}\Z")
PROFILE_NAME_RULE = (
    "1 to 40 characters: letters A-Z, digits, '-' and '_', starting with a letter or digit"
)

def validate_profile_name(value: str) -> str:
    """A profile name as typed, or ValueError saying what is accepted."""
    if not isinstance(value, str) or not _PROFILE_NAME_RE.match(value):
        raise ValueError(f"{value!r} is not a usable profile name; use {PROFILE_NAME_RULE}")
    return value


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------


class Profile(BaseModel):
    """One person's details for the forms. Validated on creation and again on every load."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)

    name: str
    email: str
    country: str
    locale: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    reason_template: str | None = None
    created_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))

    @field_validator("locale", "first_name", "last_name", "reason_template", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return validate_profile_name(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return validate_email(value)

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        return validate_country(value)

    @field_validator("locale")
    @classmethod
    def _locale(cls, value: str | None) -> str | None:
        return None if value is None else validate_locale(value)

    @field_validator("first_name", "last_name")
    @classmethod
    def _person_name(cls, value: str | None) -> str | None:
        return None if value is None else validate_person_name(value)

    @field_validator("reason_template")
    @classmethod
    def _reason_template(cls, value: str | None) -> str | None:
        return None if value is None else validate_reason_template(value)

    @model_validator(mode="after")
    def _both_names_or_neither(self) -> Profile:
        if (self.first_name is None) != (self.last_name is None):
            missing = "last_name" if self.last_name is None else "first_name"
            raise ValueError(
                f"{missing} is missing: first_name and last_name go together, give both or neither"
            )
        return self


# How each field is called on the command line, for error messages.
FIELD_FLAGS = {
    "name": "NAME",
    "email": "--email",
    "country": "--country",
    "locale": "--locale",
    "first_name": "--first-name",
    "last_name": "--last-name",
    "reason_template": "--reason-template",
    "created_at": "created_at",
}


_FIELD_WORD_RE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def describe_validation_error(err: ValidationError, labels: dict[str, str] | None = None) -> str:
    """One line per problem, each starting with the field (or flag) it is about."""
    labels = FIELD_FLAGS if labels is None else labels
    lines = []
    for problem in err.errors(include_url=False):
        loc = problem.get("loc") or ()
        field = str(loc[0]) if loc else ""
        if problem.get("type") == "value_error" and "error" in (problem.get("ctx") or {}):
            msg = str(problem["ctx"]["error"])
        else:
            msg = problem.get("msg", "invalid")
        if field:
            lines.append(f"{labels.get(field, field)}: {msg}")
        else:  # a rule across fields: it names them by their field names
            lines.append(_FIELD_WORD_RE.sub(lambda m: labels.get(m[0], m[0]), msg))
    return "\n".join(lines)


def build_profile(**fields: Any) -> Profile:
    """A Profile from what the person typed, or BadInput naming each wrong flag and what works."""
    try:
        return Profile(**fields)
    except ValidationError as err:
        raise BadInput(
            "the profile is not valid:\n" + describe_validation_error(err),
            hint="fix the flags named above and run the command again",
        ) from None


# --------------------------------------------------------------------------------------------
# The keyring
# --------------------------------------------------------------------------------------------

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


def _backend() -> KeyringBackend:
    """The current keyring backend, or KeyringUnavailable if there is none worth using."""
    import keyring
    from keyring.backends import fail, null

    env = os.environ.get("PYTHON_KEYRING_BACKEND")
    try:
        backend = keyring.get_keyring()
        priority = backend.priority
    except Exception as err:  # a configured backend that cannot load or start
        where = f"PYTHON_KEYRING_BACKEND={env}" if env else "the configured keyring backend"
        raise _unavailable(f"{where} could not be loaded ({type(err).__name__}: {err})") from None
    if isinstance(backend, null.Keyring):
        raise _unavailable(
            "the keyring is disabled (keyring.backends.null.Keyring is configured, by "
            "PYTHON_KEYRING_BACKEND or keyringrc.cfg), so nothing would be saved"
        )
    if isinstance(backend, fail.Keyring) or priority <= 0:
        raise _unavailable(
            "no keyring backend was found on this system (no Secret Service, KWallet, macOS "
            "Keychain or Windows Credential Locker is reachable)"
        )
    return backend


def backend_name() -> str:
    """A display name for the keyring in use ("SecretService Keyring", …); raises if none."""
    return str(_backend().name)


def backend_is_recommended() -> bool:
    """False for backends `keyring` itself does not recommend (priority < 1, e.g. plain text)."""
    return _backend().priority >= 1


def _call(operation: Callable[..., _T], *args: str) -> _T:
    """Run one keyring operation; keyring's own errors become KeyringUnavailable."""
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


def _read(backend: KeyringBackend, name: str) -> str | None:
    return _call(backend.get_password, name)


def _delete(backend: KeyringBackend, name: str) -> bool:
    """Delete the keyring entry; False if there was none."""
    from keyring.errors import PasswordDeleteError

    if _read(backend, name) is None:
        return False

    def delete(service: str, username: str) -> bool:
        try:
            backend.delete_password(service, username)
        except PasswordDeleteError:
            return False
        return True

    return _call(delete, name)


# --------------------------------------------------------------------------------------------
# The names file (profile names only: no email, no country)
# --------------------------------------------------------------------------------------------


def names_file(data_dir: Path) -> Path:
    return Path(data_dir) / NAMES_FILE


def _damaged(path: Path, why: str) -> BadInput:
    return BadInput(
        f"{path} is damaged ({why})",
        hint="it only lists profile names; delete it and add your profiles again with "
        "`assist profile add NAME ... --force`",
    )


def list_profiles(data_dir: Path) -> list[str]:
    """The profile names kept in data_dir/profiles.json (no keyring needed), sorted."""
    path = names_file(data_dir)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as err:
        raise BadInput(f"cannot read {path}: {err.strerror}") from None
    try:
        data = json.loads(raw)
    except ValueError as err:
        raise _damaged(path, f"not JSON: {err}") from None
    names = data.get("profiles") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(
        isinstance(n, str) and _PROFILE_NAME_RE.match(n) for n in names
    ):
        raise _damaged(path, 'expected {"profiles": [names...]}')
    return sorted(set(names))


def _write_names(data_dir: Path, names: list[str]) -> None:
    """Replace the names file atomically: a crash leaves the old or the new list, never half."""
    path = names_file(data_dir)
    private_dir(path.parent)
    payload = json.dumps({"version": NAMES_FILE_VERSION, "profiles": sorted(set(names))}, indent=2)
    tmp = path.with_name(f".{NAMES_FILE}.tmp")
    write_private(tmp, payload + "\n")
    os.replace(tmp, path)


# --------------------------------------------------------------------------------------------
# Public operations
# --------------------------------------------------------------------------------------------


class ProfileNotFound(BadInput):
    """No profile of that name (exit 2)."""

    def __init__(self, name: str, *, listed: bool = False) -> None:
        if listed:
            super().__init__(
                f"profile {name!r} is listed but its details are not in the keyring "
                "(the keyring was reset, or it is another keyring than before)",
                hint=f"remove it with `assist profile remove {name}` and add it again",
            )
        else:
            super().__init__(f"no profile named {name!r}; `assist profile list` shows yours")
        self.name = name


def profile_exists(data_dir: Path, name: str) -> bool:
    """True if the name is listed in data_dir or has an entry in the keyring."""
    if name in list_profiles(data_dir):
        return True
    return _PROFILE_NAME_RE.match(name) is not None and _read(_backend(), name) is not None


def add_profile(data_dir: Path, profile: Profile, overwrite: bool = False) -> bool:
    """Store the profile in the keyring and its name in data_dir/profiles.json.

    Raises BadInput if the name is taken (listed here, or in the keyring from another data dir)
    and not `overwrite`; KeyringUnavailable before anything is written if there is no keyring.
    Returns True if an existing profile was replaced.
    """
    backend = _backend()
    names = list_profiles(data_dir)
    exists = profile.name in names or _read(backend, profile.name) is not None
    if exists and not overwrite:
        raise BadInput(
            f"a profile named {profile.name!r} already exists",
            hint="add --force to replace it, or choose another name",
        )
    _call(backend.set_password, profile.name, profile.model_dump_json())
    if profile.name not in names:
        _write_names(data_dir, [*names, profile.name])
    return exists


def get_profile(data_dir: Path, name: str) -> Profile:
    """The stored profile; ProfileNotFound if there is none, BadInput if it no longer validates."""
    if not _PROFILE_NAME_RE.match(name):
        raise ProfileNotFound(name)
    raw = _read(_backend(), name)
    if raw is None:
        raise ProfileNotFound(name, listed=name in list_profiles(data_dir))
    try:
        profile = Profile.model_validate_json(raw)
    except ValidationError as err:
        raise BadInput(
            f"the stored profile {name!r} is no longer valid:\n" + describe_validation_error(err),
            hint=f"replace it: `assist profile add {name} --email E --country CC --force`",
        ) from None
    if profile.name != name:
        raise BadInput(
            f"the keyring entry for profile {name!r} holds a profile named {profile.name!r}",
            hint=f"replace it: `assist profile add {name} --email E --country CC --force`",
        )
    return profile


def resolve_profile(data_dir: Path, name: str) -> Profile:
    """For `assist fill --profile NAME`: the profile, or BadInput (exit 2) saying
    "no profile named 'NAME'; `assist profile list` shows yours" (ProfileNotFound is a BadInput);
    KeyringUnavailable if there is no keyring, whose hint says `fill` works with flags alone."""
    return get_profile(data_dir, name)


def remove_profile(data_dir: Path, name: str) -> None:
    """Delete the keyring entry and the listed name; ProfileNotFound if neither exists."""
    names = list_profiles(data_dir)
    deleted = _PROFILE_NAME_RE.match(name) is not None and _delete(_backend(), name)
    if name not in names and not deleted:
        raise ProfileNotFound(name)
    if name in names:
        _write_names(data_dir, [n for n in names if n != name])


def forget_all(data_dir: Path) -> list[str]:
    """Delete every listed profile from the keyring, then the names file. Returns the names.

    If the keyring fails part-way, the names not yet forgotten stay listed and the error is raised,
    so running it again finishes the job.
    """
    names = list_profiles(data_dir)
    path = names_file(data_dir)
    if names:
        backend = _backend()
        for i, name in enumerate(names):
            try:
                _delete(backend, name)
            except KeyringUnavailable:
                if i:
                    _write_names(data_dir, names[i:])
                raise
    path.unlink(missing_ok=True)
    path.with_name(f".{NAMES_FILE}.tmp").unlink(missing_ok=True)
    return names
