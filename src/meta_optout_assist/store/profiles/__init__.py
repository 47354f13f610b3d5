"""Profiles: a person's details typed once, kept in the OS keyring, never in a plain file.

The details (email, country, names, …) are kept as JSON in the OS keyring (keyring.py); the only
plain file is `<data dir>/profiles.json`, which lists profile *names* so they can be listed and
forgotten (names.py). What a profile is and how it is checked: model.py. Here: what the commands
do with them (add, get, resolve, remove, list, forget all).
"""

from __future__ import annotations

from pathlib import Path

from meta_optout_assist.errors import BadInput, KeyringUnavailable
from meta_optout_assist.store.profiles import keyring as os_keyring
from meta_optout_assist.store.profiles.keyring import (
    SERVICE,
    WAYS_OUT,
    backend_is_recommended,
    backend_name,
)
from meta_optout_assist.store.profiles.model import (
    FIELD_FLAGS,
    PROFILE_NAME_RULE,
    Profile,
    build_profile,
    describe_validation_error,
    is_profile_name,
    load_profile,
    validate_profile_name,
)
from meta_optout_assist.store.profiles.names import (
    list_profiles,
    names_file,
    remove_names_file,
    write_names,
)

__all__ = [
    "FIELD_FLAGS", "PROFILE_NAME_RULE", "SERVICE", "WAYS_OUT", "Profile", "ProfileNotFound",
    "add_profile", "backend_is_recommended", "backend_name", "build_profile",
    "describe_validation_error", "forget_all", "get_profile", "list_profiles", "names_file",
    "profile_exists", "remove_profile", "resolve_profile", "validate_profile_name",
]


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
    return is_profile_name(name) and os_keyring.read(os_keyring.backend(), name) is not None


def add_profile(data_dir: Path, profile: Profile, overwrite: bool = False) -> bool:
    """Store the profile in the keyring and its name in data_dir/profiles.json.

    Raises BadInput if the name is taken (listed here, or in the keyring from another data dir)
    and not `overwrite`; KeyringUnavailable before anything is written if there is no keyring.
    Returns True if an existing profile was replaced.
    """
    kr = os_keyring.backend()
    names = list_profiles(data_dir)
    exists = profile.name in names or os_keyring.read(kr, profile.name) is not None
    if exists and not overwrite:
        raise BadInput(
            f"a profile named {profile.name!r} already exists",
            hint="add --force to replace it, or choose another name",
        )
    os_keyring.write(kr, profile.name, profile.model_dump_json())
    if profile.name not in names:
        write_names(data_dir, [*names, profile.name])
    return exists


def get_profile(data_dir: Path, name: str) -> Profile:
    """The stored profile; ProfileNotFound if there is none, BadInput if it no longer validates."""
    if not is_profile_name(name):
        raise ProfileNotFound(name)
    raw = os_keyring.read(os_keyring.backend(), name)
    if raw is None:
        raise ProfileNotFound(name, listed=name in list_profiles(data_dir))
    return load_profile(name, raw)


def resolve_profile(data_dir: Path, name: str) -> Profile:
    """For `assist fill --profile NAME`: the profile, or BadInput (exit 2) saying
    "no profile named 'NAME'; `assist profile list` shows yours" (ProfileNotFound is a BadInput);
    KeyringUnavailable if there is no keyring, whose hint says `fill` works with flags alone."""
    return get_profile(data_dir, name)


def remove_profile(data_dir: Path, name: str) -> None:
    """Delete the keyring entry and the listed name; ProfileNotFound if neither exists."""
    names = list_profiles(data_dir)
    deleted = is_profile_name(name) and os_keyring.delete(os_keyring.backend(), name)
    if name not in names and not deleted:
        raise ProfileNotFound(name)
    if name in names:
        write_names(data_dir, [n for n in names if n != name])


def forget_all(data_dir: Path) -> list[str]:
    """Delete every listed profile from the keyring, then the names file. Returns the names.

    If the keyring fails part-way, the names not yet forgotten stay listed and the error is raised,
    so running it again finishes the job.
    """
    names = list_profiles(data_dir)
    if names:
        kr = os_keyring.backend()
        for i, name in enumerate(names):
            try:
                os_keyring.delete(kr, name)
            except KeyringUnavailable:
                if i:
                    write_names(data_dir, names[i:])
                raise
    remove_names_file(data_dir)
    return names
