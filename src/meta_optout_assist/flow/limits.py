"""The longest waits the tool accepts. Playwright counts a timeout in milliseconds in a 32-bit
integer (at most 2,147,483,647 ms, 24.8 days): above that it wraps round and fires at once, so a
wait of 2,147,486 s ended after about a second. The limits are far below that, and far above any
wait a person needs (Meta's emailed code is valid for about an hour)."""

from __future__ import annotations

#: --wait-timeout: seconds to wait for the person (log in, type the code, open the link).
MAX_WAIT_TIMEOUT_S = 24 * 3600
#: --page-timeout: seconds to wait for a page to show something the tool knows.
MAX_PAGE_TIMEOUT_S = 600


def check(wait_timeout_s: int, page_timeout_s: int) -> None:
    """BadInput naming the flag when a timeout is outside 1 s … its maximum."""
    from meta_optout_assist.errors import BadInput

    for flag, value, most in (("--wait-timeout", wait_timeout_s, MAX_WAIT_TIMEOUT_S),
                              ("--page-timeout", page_timeout_s, MAX_PAGE_TIMEOUT_S)):
        if not 1 <= value <= most:
            raise BadInput(f"{flag} {value}: give between 1 and {most} seconds",
                           hint="`assist fill --help` says what each timeout is for")
