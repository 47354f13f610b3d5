"""`assist` alone in a terminal (the guided start: next commit); for now the help."""

from __future__ import annotations


def guided_start(lang: str | None = None) -> int:
    import click

    ctx = click.get_current_context()
    click.echo(ctx.get_help(), err=True)
    return 2
