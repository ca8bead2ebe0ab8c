"""Analyst commands: export, import, dyad, dyads."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from ..errors import DotterelError
from . import DB_OPTION, FORMAT_HELP, _fail, _open, _print_jsonl, _read, app, console, err_console

EXPORT_FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet")
_FACT_HELP = "Keep only this factuality (repeatable)."
_ALL_HELP = "Count every factuality (default: asserted only)."


def _pair(a: str, b: str) -> tuple[str, str]:
    return a.upper(), b.upper()


def _factualities(factuality: Optional[list[str]], all_factualities: bool,
                  default: Optional[tuple[str, ...]]) -> Optional[list[str]]:
    if factuality:
        return factuality
    if all_factualities:
        return None
    return list(default) if default is not None else None


@app.command()
def export(
    out: str = typer.Argument(..., help="Output file ('-' for stdout), or a folder for parquet."),
    db: str = DB_OPTION,
    fmt: str = typer.Option(..., "--format", help="gdelt, gdelt-mentions, plover or parquet."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="PLOVER event type, e.g. CONSULT."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="Two country codes, e.g. PAK,RUS (either direction)."),
    since: Optional[str] = typer.Option(None, help="Events dated on or after this ISO date."),
    until: Optional[str] = typer.Option(None, help="Events dated on or before this ISO date."),
    factuality: Optional[list[str]] = typer.Option(None, "--factuality", "-f", help=_FACT_HELP),
    all_factualities: bool = typer.Option(False, "--all-factualities", help=_ALL_HELP + " GDELT formats only."),
    header: bool = typer.Option(False, "--header", help="GDELT formats: write the column names first."),
) -> None:
    """Export clusters as GDELT 2.0 Events/Mentions, events as PLOVER JSON, or every table as Parquet.

    GDELT rows count clusters and default to asserted ones; PLOVER records are
    events of every factuality unless -f is given; parquet writes the whole store.
    """
    from .. import export as ex
    from ..dyad import DEFAULT_FACTUALITY

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}: one of {', '.join(EXPORT_FORMATS)}")
    pair = tuple(dyad.replace(" ", ",").split(",")) if dyad else None
    if pair is not None and len(pair) != 2:
        raise typer.BadParameter("--dyad takes two codes, e.g. PAK,RUS")
    store = _open(db)
    try:
        if fmt == "parquet":
            if any((type, dyad, since, until, factuality, all_factualities)):
                raise typer.BadParameter("parquet exports the whole store: filters do not apply")
            written = ex.write_parquet(store, out)
            err_console.print(", ".join(f"{t} {n}" for t, n in written.items()) + f" rows → {out}/")
            return
        filters: dict[str, Any] = {"type": type, "dyad": pair, "since": since, "until": until}
        if fmt == "plover":
            rows: Any = (json.dumps(r, ensure_ascii=False, default=str)
                         for r in ex.plover_records(store, factuality=factuality, **filters))
        else:
            fact = _factualities(factuality, all_factualities, DEFAULT_FACTUALITY)
            layout = "gdelt_events" if fmt == "gdelt" else "gdelt_mentions"
            produce = ex.gdelt_events if fmt == "gdelt" else ex.gdelt_mentions
            lines = ("\t".join(r) for r in produce(store, factuality=fact, **filters))
            rows = ((["\t".join(ex.column_names(layout))] if header else []) + list(lines))
        n = _write_lines(out, rows)
    except DotterelError as exc:
        _fail(exc)
    finally:
        store.close()
    err_console.print(f"{n} {fmt} rows → {out}")


def _write_lines(out: str, lines: Any) -> int:
    n = 0
    if out == "-":
        for line in lines:
            sys.stdout.write(line + "\n")
            n += 1
        return n
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
            n += 1
    return n


@app.command("import")
def import_(
    folder: Path = typer.Argument(..., help="A folder written by `dotterel export --format parquet`."),
    db: str = DB_OPTION,
) -> None:
    """Load a Parquet export back into a database (rows with the same key are replaced)."""
    from ..export import read_parquet

    store = _open(db, read_only=False)
    try:
        loaded = read_parquet(store, folder)
    except DotterelError as exc:
        _fail(exc)
    finally:
        store.close()
    err_console.print(", ".join(f"{t} {n}" for t, n in loaded.items()) + f" rows → {db}")


_SERIES_COLUMNS = ("period", "direction", "events", "verbal_coop", "material_coop", "verbal_conflict",
                   "material_conflict", "goldstein_mean", "goldstein_sum", "asserted", "claimed", "unverified",
                   "denied", "negated", "planned", "hypothetical", "sources", "z", "departure")


@app.command()
def dyad(
    a: str = typer.Argument(..., help="First country (or actor code prefix), e.g. PAK."),
    b: str = typer.Argument(..., help="Second country, e.g. RUS."),
    db: str = DB_OPTION,
    by: str = typer.Option("month", "--by", help="Period: week, month or year (of the resolved event date)."),
    since: Optional[str] = typer.Option(None, help="Events dated on or after this ISO date."),
    until: Optional[str] = typer.Option(None, help="Events dated on or before this ISO date."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="PLOVER event type."),
    factuality: Optional[list[str]] = typer.Option(None, "--factuality", "-f", help=_FACT_HELP),
    all_factualities: bool = typer.Option(False, "--all-factualities", help=_ALL_HELP),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also write a chart: out.html (interactive) or out.png."),
    fmt: str = typer.Option("table", "--format", help=FORMAT_HELP),
) -> None:
    """The time series of a dyad: clusters per period by QuadClass, Goldstein, factuality, sources.

    Counts clusters of the selected factualities (asserted by default); the
    factuality columns count every factuality, so denials stay visible. `z`
    compares a period's count with the 6 periods before it; `!` marks |z| >= 2.
    """
    from .. import dyad as dy

    if fmt not in ("table", "csv", "jsonl"):
        raise typer.BadParameter(f"unknown format {fmt!r}: {FORMAT_HELP}")
    a, b = _pair(a, b)
    fact = _factualities(factuality, all_factualities, dy.DEFAULT_FACTUALITY)
    store = _open(db)
    try:
        rows = dy.dyad_series(store, a, b, by=by, since=since, until=until, type=type, factuality=fact)
        top = dy.top_events(store, a, b, by=by, since=since, until=until, type=type, factuality=fact) if plot else {}
        if plot is not None:
            from ..plots import write_chart

            write_chart(plot, a, b, rows, top)
    except DotterelError as exc:
        _fail(exc)
    finally:
        store.close()
    if plot is not None:
        err_console.print(f"chart → {plot}")
    if fmt == "jsonl":
        _print_jsonl(rows)
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(_SERIES_COLUMNS)
        for r in rows:
            w.writerow(["" if r[c] is None else r[c] for c in _SERIES_COLUMNS])
    else:
        _print_series(a, b, rows, by, fact)


def _print_series(a: str, b: str, rows: list[dict[str, Any]], by: str, fact: Optional[list[str]]) -> None:
    both = [r for r in rows if r["direction"] == "both"]
    per = {(r["period"], r["direction"]): r for r in rows}
    which = "every factuality" if fact is None else ", ".join(fact)
    table = Table(title=f"{a}–{b} by {by}: {sum(r['events'] for r in both)} events ({which})")
    for col in ("period", f"{a}→{b}", f"{b}→{a}", "events", "v.coop", "m.coop", "v.confl", "m.confl",
                "Gs mean", "Gs sum", "asserted", "deny/neg", "claim/unv", "plan/hyp", "sources", "z"):
        table.add_column(col, justify="left" if col == "period" else "right")
    for r in both:
        z = "" if r["z"] is None else f"{r['z']:+.1f}" + (" !" if r["departure"] else "")
        table.add_row(r["period"][:10 if by == "week" else 7 if by == "month" else 4],
                      str(per[(r["period"], "A→B")]["events"]), str(per[(r["period"], "B→A")]["events"]),
                      str(r["events"]), str(r["verbal_coop"]), str(r["material_coop"]), str(r["verbal_conflict"]),
                      str(r["material_conflict"]), "" if r["goldstein_mean"] is None else f"{r['goldstein_mean']:.2f}",
                      f"{r['goldstein_sum']:.1f}", str(r["asserted"]), str(r["denied"] + r["negated"]),
                      str(r["claimed"] + r["unverified"]), str(r["planned"] + r["hypothetical"]), str(r["sources"]), z)
    console.print(table)


@app.command()
def dyads(
    db: str = DB_OPTION,
    since: Optional[str] = typer.Option(None, help="Events dated on or after this ISO date."),
    until: Optional[str] = typer.Option(None, help="Events dated on or before this ISO date."),
    limit: int = typer.Option(20, help="At most this many dyads."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="PLOVER event type."),
    factuality: Optional[list[str]] = typer.Option(None, "--factuality", "-f", help=_FACT_HELP),
    all_factualities: bool = typer.Option(False, "--all-factualities", help=_ALL_HELP),
    fmt: str = typer.Option("table", "--format", help=FORMAT_HELP),
) -> None:
    """The most active dyads (two different countries): clusters each way, QuadClass, Goldstein."""
    from .. import dyad as dy

    if fmt not in ("table", "csv", "jsonl"):
        raise typer.BadParameter(f"unknown format {fmt!r}: {FORMAT_HELP}")
    fact = _factualities(factuality, all_factualities, dy.DEFAULT_FACTUALITY)
    rows = _read(db, dy.top_dyads, since=since, until=until, limit=limit, type=type, factuality=fact)
    if fmt == "jsonl":
        _print_jsonl(rows)
        return
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        if rows:
            w.writerow(list(rows[0]))
        for r in rows:
            w.writerow(["" if v is None else v for v in r.values()])
        return
    table = Table(title=f"{len(rows)} most active dyads ({'every factuality' if fact is None else ', '.join(fact)})")
    for col in ("dyad", "events", "a→b", "b→a", "v.coop", "m.coop", "v.confl", "m.confl", "Gs mean", "Gs sum"):
        table.add_column(col, justify="left" if col == "dyad" else "right")
    for r in rows:
        table.add_row(f"{r['a']}–{r['b']}", str(r["events"]), str(r["a_to_b"]), str(r["b_to_a"]),
                      str(r["verbal_coop"]), str(r["material_coop"]), str(r["verbal_conflict"]),
                      str(r["material_conflict"]), f"{r['goldstein_mean']:.2f}", f"{r['goldstein_sum']:.1f}")
    console.print(table)
