"""`assist doctor [--live]`: thin command; the checks live in doctor/ (checks.py: this machine,
live.py: Meta's pages)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from meta_optout_assist.cli import app
from meta_optout_assist.errors import BadInput, ExitCode

if TYPE_CHECKING:
    from meta_optout_assist.doctor.address import AddressReport
    from meta_optout_assist.doctor.verdict import Check


def _platforms() -> str:
    from meta_optout_assist.site.registry import names

    return "|".join(names()[0]) or "PLATFORM"


STYLE = {"ok": "[green]ok[/]", "warn": "[yellow]warn[/]", "fail": "[bold red]fail[/]"}


@app.command()
def doctor(
    live: Annotated[bool, typer.Option("--live", help="Also open each form address (types nothing, sends nothing) and report which fields are recognised.")] = False,
    platform: Annotated[str | None, typer.Option(metavar=_platforms(), help="With --live: only this platform's forms.")] = None,
    base_url: Annotated[str | None, typer.Option(help="With --live: send Meta's addresses to this origin instead (a replica), keeping paths (env ASSIST_BASE_URL).")] = None,
    headless: Annotated[bool, typer.Option(help="With --live: no browser window.")] = False,
    page_timeout: Annotated[int, typer.Option(min=1, help="With --live: seconds to wait for each page to show something the tool knows.")] = 20,
    browser: Annotated[str | None, typer.Option(envvar="ASSIST_BROWSER", help="chromium, chrome, msedge, or a path to a Chromium-based browser.")] = None,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="The data folder to check (env ASSIST_DATA_DIR; default: your user data folder).")] = None,
    selectors: Annotated[Path | None, typer.Option(help="A folder with updated selector files to check (env ASSIST_SELECTORS; default: the bundled copy).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON on stdout.")] = False,
) -> int:
    """Check this machine: Python, Playwright, the browser, the display, the keyring, the data folder
    (private?), the browser profiles and the selector files. Exit 0 when nothing fails, 2 otherwise.

    Examples:

      \b
      assist doctor

      \b
      assist doctor --live --platform instagram
    """
    from meta_optout_assist.doctor import checks
    from meta_optout_assist.doctor.live import live_in_context, run_live
    from meta_optout_assist.doctor.verdict import Check, worst
    from meta_optout_assist.site import urls
    from meta_optout_assist.store import layout as paths
    from meta_optout_assist.ui.terminal import console_err

    if not live and (platform is not None or base_url is not None):
        raise BadInput("--platform and --base-url go with --live", hint="add --live to open the form addresses")
    # Also reads ASSIST_BASE_URL. Any origin: the live check types nothing and sends nothing.
    base = urls.check_base_url(base_url, not_meta=True) if live else None
    if data_dir is not None:
        directory, source = paths.DataLayout(data_dir).root, "--data-dir"
    else:
        directory = paths.DataLayout.default().root
        source = paths.DATA_DIR_ENV if os.environ.get(paths.DATA_DIR_ENV) else "default"
    options = checks.Options(data_dir=directory, data_dir_source=source, selectors_dir=selectors, browser=browser)
    err = console_err()
    reports: list[AddressReport] = []
    live_failure: Check | None = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        results = checks.run_checks(options, None)
    else:
        live_args = dict(
            platforms=[platform] if platform else None, base_url=base,
            selectors_dir=selectors, page_timeout_ms=page_timeout * 1000,
            progress=None if as_json else lambda r: err.print(
                f"  {STYLE[r.status]} {r.platform} {r.form} · {r.address} · {r.outcome}"),
        )
        shared: dict = {}

        def live_in(context) -> None:  # headless: the browser check's own launch serves the live check
            if not as_json:
                err.print("[bold]Opening each form address[/] (nothing is typed, nothing is sent)…")
            shared["live"] = live_in_context(context, **live_args)

        from meta_optout_assist.browser.launch import cache_node_compilation

        cache_node_compilation()
        with sync_playwright() as pw:
            results = checks.run_checks(options, pw, use_browser=live_in if live and headless else None)
            if live and headless:
                reports, live_failure = shared.get("live", ([], None))
            elif live and _browser_ok(results):
                if not as_json:
                    err.print("[bold]Opening each form address[/] (nothing is typed, nothing is sent)…")
                reports, live_failure = run_live(pw, headless=False, browser_name=browser, **live_args)
    if live and not reports and live_failure is None:
        live_failure = Check("Live check", "fail", "not run: the browser does not start",
                             "fix the browser first (see above)")
    if live_failure is not None:
        results.append(live_failure)
    failed = worst([c.status for c in results] + [r.status for r in reports]) == "fail"
    if as_json:
        import json

        payload = {"ok": not failed, "checks": [c.as_json() for c in results]}
        if live:
            payload["live"] = [r.as_json() for r in reports]
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        _print(results, reports, failed)
    return int(ExitCode.BAD_INPUT) if failed else 0


def _browser_ok(results: list[Check]) -> bool:
    return all(c.status != "fail" for c in results if c.check in ("Playwright", "Browser"))


def _print(results: list[Check], reports: list[AddressReport], failed: bool) -> None:
    from rich.markup import escape
    from rich.table import Table

    from meta_optout_assist.ui.terminal import console_out

    console = console_out()
    table = Table(title="assist doctor", show_lines=True, expand=True)
    table.add_column("Check", style="bold", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Detail", overflow="fold", ratio=3)
    table.add_column("What to do", overflow="fold", ratio=2)
    for c in results:
        table.add_row(escape(c.check), STYLE[c.status], escape(c.detail), escape(c.todo))
    console.print(table)
    if reports:
        from meta_optout_assist.site import urls

        live = Table(title="Form addresses (live; nothing typed, nothing sent)", show_lines=True, expand=True)
        live.add_column("Form", style="bold", no_wrap=True)
        live.add_column("Address", overflow="fold")
        live.add_column("Status", no_wrap=True)
        live.add_column("What the page showed", overflow="fold", ratio=3)
        live.add_column("What to do", overflow="fold", ratio=2)
        for r in reports:
            where = urls.path_of(r.address) + (f"\n→ {r.landed_on}" if r.landed_on else "")
            http = f" (HTTP {r.http_status})" if r.http_status else ""
            live.add_row(f"{r.platform}\n{r.form}\n{r.kind}", escape(where), STYLE[r.status],
                         escape(f"{r.outcome}{http}: {r.detail}"), escape(r.todo))
        console.print(live)
    statuses = [c.status for c in results] + [r.status for r in reports]
    if failed:
        console.print(f"[bold red]{statuses.count('fail')} problem(s) to fix[/] (see “What to do”).")
    elif "warn" in statuses:
        console.print(f"[green]Nothing fails.[/] {statuses.count('warn')} warning(s) worth reading.")
    else:
        console.print("[green]All good.[/]")
