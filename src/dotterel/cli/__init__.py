"""The `dotterel` command line: thin commands over the library, rendered with rich.

Each module of this package registers its commands on `app`:
`core` (run, events, documents, explain, dates) and `evaluate` (eval …).

Exit codes of `dotterel run`: 0 every document coded; 2 usage error;
3 some documents failed (see the `errors` table); 1 nothing could be done.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console

from ..errors import DotterelError

T = TypeVar("T")

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dotterel: political event data from foreign-affairs news.")
eval_app = typer.Typer(no_args_is_help=True, help="Score dotterel against gold files.")
app.add_typer(eval_app, name="eval")

console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, soft_wrap=True)
DB_OPTION = typer.Option("dotterel.duckdb", "--db", help="DuckDB database file.")
FORMAT_HELP = "table, jsonl or csv."


def _fail(exc: Exception, debug: bool = False, code: int = 1) -> NoReturn:
    if debug:
        err_console.print_exception()
    err_console.print(f"[red]error:[/red] {exc}")
    raise typer.Exit(code)


def _open(db: str, read_only: bool = True):  # type: ignore[no-untyped-def]
    from ..store import open_store

    try:
        return open_store(db, read_only=read_only)
    except DotterelError as exc:
        _fail(exc)


def _read(db: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`fn(store, *args, **kwargs)` on the database opened read-only; errors end the command."""
    store = _open(db)
    try:
        return fn(store, *args, **kwargs)
    except DotterelError as exc:
        _fail(exc)
    finally:
        store.close()


def _print_jsonl(rows: list[dict[str, Any]]) -> None:
    out = sys.stdout
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")


def main() -> None:
    app()


# Register the commands (import for their side effect on `app`).
from . import analytics, core, eval_clusters, eval_gold, evaluate  # noqa: E402,F401
