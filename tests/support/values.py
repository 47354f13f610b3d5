"""Values and small readers the test modules share (no test module imports another)."""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import quote, quote_plus

EMAIL = "person@example.org"
REASON = "My posts include photos of my children; I do not want them used to train AI."


def journal(data_dir: Path) -> list[dict]:
    """The journal's records as `assist status --json` would hold them."""
    from meta_optout_assist.store.journal import Journal

    return [r.model_dump(mode="json") for r in Journal(data_dir).records()]


def _forms(secret: str) -> set[bytes]:
    """The ways a secret can sit in a file: UTF-8, UTF-16 (Chromium's page state), URL-encoded."""
    out = set()
    for text in {secret, quote(secret), quote_plus(secret)}:
        out |= {text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")}
    return out


def files_holding(root: Path, secret_values: dict[str, str]) -> list[str]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        data = path.read_bytes()
        for name, value in secret_values.items():
            if any(form in data for form in _forms(value)):
                found.append(f"{name} in {path.relative_to(root)}")
    return found


def canary() -> str:
    return f"CANARY pw-{secrets.token_hex(6)}&ü"  # a space, an ampersand, a non-ASCII letter
