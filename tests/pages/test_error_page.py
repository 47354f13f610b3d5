"""A navigation the page itself starts (a form posted, a link followed) that cannot reach the site
leaves the browser on its own error page: the run says "could not reach", not "page not known"."""

from __future__ import annotations

import socket

from meta_optout_assist.browser.unreachable import on_error_page


def test_the_browser_error_page_names_the_cause(page, site):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    page.goto(site.base_url + "/")
    assert on_error_page(page) is None  # a page of the site is not an error page
    page.set_content(f'<a href="http://127.0.0.1:{port}/help/contact/1">Send</a>')
    page.get_by_role("link", name="Send").click()
    page.wait_for_url("chrome-error://**")
    page.wait_for_load_state()
    err = on_error_page(page)
    assert err is not None and err.exit_code == 5
    assert err.message.startswith("could not reach ") and "bug" not in err.message + err.hint
    # The headless shell's error page is blank: the cause is Chromium's (next test), when it says it.


def test_chromium_names_the_cause_on_its_error_page(playwright, person_browser, site):
    """The full Chromium a person's run opens writes Chromium's code on its error page."""
    from meta_optout_assist.browser.launch import launch_args

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    browser = playwright.chromium.launch(executable_path=person_browser, headless=True, args=launch_args())
    try:
        page = browser.new_page()
        page.set_content(f'<a href="http://127.0.0.1:{port}/help/contact/1">Send</a>')
        page.get_by_role("link", name="Send").click()
        page.wait_for_url("chrome-error://**")
        page.get_by_text("ERR_CONNECTION_REFUSED").wait_for()
        err = on_error_page(page)
    finally:
        browser.close()
    assert err is not None and err.exit_code == 5
    assert err.message.startswith("could not reach ")
    assert err.message.endswith(": the connection was refused (ERR_CONNECTION_REFUSED)"), err.message
