"""One line of `assist doctor`'s report (ok / warn / fail, what was found, what to do), shared by
the checks of this machine, of its data folder and of Meta's pages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

OK, WARN, FAIL = "ok", "warn", "fail"


@dataclass
class Check:
    """One line of the report."""

    check: str
    status: str  # ok | warn | fail
    detail: str
    todo: str = ""
    data: dict[str, Any] = field(default_factory=dict)  # extra facts for --json

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def worst(statuses: Iterable[str]) -> str:
    order = {OK: 0, WARN: 1, FAIL: 2}
    return max(statuses, key=order.__getitem__, default=OK)
