"""What the tool recognises on a page now: the known page states whose markers show, and for each
field of the form whether it is found and by which of its strategies. Written into a diagnostics
bundle (doctor/bundle.py) and reported by `assist doctor --live` (doctor/address.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meta_optout_assist.pages.base import Flow
    from meta_optout_assist.site.selectors import Strategy


def describe_strategy(strategy: Strategy) -> str:
    """A locator strategy from selectors/ in a few words: `css input[name="email"]`, `label «email»`."""
    if strategy.css:
        text = f"css {strategy.css}"
    elif strategy.role:
        text = f"role {strategy.role}" + (f" named «{strategy.name}»" if strategy.name else "")
    elif strategy.label:
        text = f"label «{strategy.label}»"
    elif strategy.placeholder:
        text = f"placeholder «{strategy.placeholder}»"
    else:
        text = f"text «{strategy.text}»"
    if strategy.has_text:
        text += f" with «{strategy.has_text}»"
    return text


def recognised_fields(flow: Flow) -> dict[str, dict]:
    """For each field of the flow's form: found now? by which of its strategies (1 = the first,
    most stable one)? The same lookup the fill does (locate.first_visible), one strategy at a time."""
    from meta_optout_assist.site import locate

    found: dict[str, dict] = {}
    for key, spec in flow.form.fields.items():
        entry: dict = {"found": False, "way": None, "how": None}
        for i, strategy in enumerate(spec.locators, start=1):
            if locate.first_visible(flow.page, [strategy], flow.sel) is not None:
                entry = {"found": True, "way": i, "how": describe_strategy(strategy)}
                break
        found[key] = entry
    return found


def visible_states(flow: Flow) -> list[str]:
    """The known page states whose markers are visible now (none: the page is not understood)."""
    from meta_optout_assist.flow.states import STATES

    return [s.name for s in STATES if s.applies(flow) and s.marker(flow).count() > 0]


def survey(flow: Flow) -> dict:
    """What the tool recognises on the page now; {"error": ...} if the page cannot be read."""
    try:
        return {"states": visible_states(flow), "fields": recognised_fields(flow)}
    except Exception as err:  # noqa: BLE001 - the browser may be gone
        return {"error": error_line(err)}


def error_line(err: BaseException) -> str:
    """An error in one line for a report: its type and the first line of its message."""
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0] if text else ''}".strip()
