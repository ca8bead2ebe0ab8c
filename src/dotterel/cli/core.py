"""Core commands: run, events, documents, explain, dates."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .. import query
from ..errors import DotterelError
from . import DB_OPTION, FORMAT_HELP, _fail, _open, _print_jsonl, _read, app, console, err_console


@app.command()
def run(
    paths: list[str] = typer.Argument(..., help="Files or directories (text, JSONL, HTML, WARC, RSS/Atom; "
                                                 ".gz/.bz2/.zst too); '-' for stdin."),
    db: str = DB_OPTION,
    recode: bool = typer.Option(False, "--recode", help="Code stored documents again."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of failures."),
    input_format: Optional[str] = typer.Option(
        None, "--format", help="Read every input as text, jsonl, html, warc or feed "
                               "(default: by file name; stdin by its first bytes)."),
    text_field: str = typer.Option("text", "--text-field", help="JSONL key of the article text."),
    date_field: str = typer.Option("published", "--date-field", help="JSONL key of the publication date."),
    title_field: str = typer.Option("title", "--title-field", help="JSONL key of the title."),
    id_field: str = typer.Option("id", "--id-field", help="JSONL key of the document id."),
    url_field: str = typer.Option("url", "--url-field", help="JSONL key of the URL."),
) -> None:
    """Ingest and code documents into the database.

    Formats by file name (other names and stdin are sniffed):
    text (.txt), JSON Lines (.jsonl, .ndjson; keys set with --text-field etc.),
    HTML pages (.html, .htm: main text, title, date, outlet, author),
    web archives (.warc, .warc.gz: each HTML response, dated by its capture
    when the page states no date), RSS/Atom feeds (.rss, .atom, .xml: each entry);
    any of them compressed (.gz, .bz2, .zst).
    Documents not in English are stored with status `skipped`, not coded.

    Exit codes: 0 all documents coded (or already stored, or skipped); 3 some
    documents failed (one line each on stderr, rows in the `errors` table); 1
    nothing could be done; 2 usage error.
    """
    from ..ingest.formats import FORMATS
    from ..pipeline import Pipeline
    from ..runner import run as run_batch

    if input_format is not None and input_format not in FORMATS:
        raise typer.BadParameter(f"unknown format {input_format!r}: one of {', '.join(FORMATS)}",
                                 param_hint="--format")
    fields = {"text_field": text_field, "date_field": date_field, "title_field": title_field,
              "id_field": id_field, "url_field": url_field}
    for option, value in fields.items():
        if not value.strip():
            raise typer.BadParameter("must not be empty", param_hint="--" + option.replace("_", "-"))
    if debug:
        logging.basicConfig(level=logging.DEBUG)
    store = _open(db, read_only=False)
    pipeline = Pipeline(on_error="raise" if debug else "record")
    with Progress(SpinnerColumn(), TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]} docs/s · {task.fields[events]} events"), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=not err_console.is_terminal) as progress:
        task = progress.add_task("coding", total=None, rate="-", events=0)

        def on_progress(done: int, events: int) -> None:
            elapsed = progress.tasks[0].elapsed or 1e-9
            progress.update(task, completed=done, rate=f"{done / elapsed:.1f}", events=events)

        try:
            summary = run_batch(paths, store, pipeline, recode=recode, on_progress=on_progress,
                                read_options={"format": input_format, **fields})
        except DotterelError as exc:
            store.close()
            _fail(exc, debug)
    store.close()
    for line in summary.errors:
        err_console.print(f"error: {line}", highlight=False, markup=False)
    rate = summary.coded / summary.seconds if summary.seconds else 0.0
    err_console.print(
        f"{summary.documents} documents: {summary.coded} coded, {summary.already_stored} already stored, "
        f"{summary.skipped} skipped, {summary.failed} failed · {summary.events} events · {summary.seconds:.1f}s ({rate:.1f} docs/s) → {db}")
    raise typer.Exit(summary.exit_code)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _actor_cell(a: dict[str, Any] | None) -> str:
    if not a:
        return "-"
    cell = f"{a.get('code') or '?'} {_short(a.get('name') or a.get('text') or '', 24)}".strip()
    return cell + " (implied)" if a.get("implied") else cell


def _print_clusters(db: str, type: str | None, contested: bool, fmt: str, limit: int | None) -> None:
    """`events --clusters` / `--contested`: one row per cluster; contested ones with each source's claim."""
    rows = (_read(db, query.contested, limit=limit) if contested
            else _read(db, query.clusters, type=type, limit=limit))
    if type and contested:
        rows = [r for r in rows if r["type"] == type.upper()]
    if fmt == "jsonl":
        _print_jsonl(rows)
        return
    if fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(["cluster_id", "type", "source", "target", "date", "factuality", "contested",
                    "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen"])
        for r in rows:
            w.writerow([r["cluster_id"], r["type"], r["source_code"], r["target_code"], r["date_value"],
                        r["factuality"], r["contested"], r["num_mentions"], r["num_articles"], r["num_sources"],
                        r["first_seen"], r["last_seen"]])
        return
    if fmt != "table":
        raise typer.BadParameter(f"unknown format {fmt!r}: {FORMAT_HELP}")
    table = Table(title=f"{len(rows)} {'contested ' if contested else ''}clusters")
    for col in ("cluster", "type", "dyad", "date", "factuality", "mentions", "articles", "sources", "contested"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["cluster_id"][:9], r["type"] + (f"/{r['mode']}" if r["mode"] else ""),
                      f"{r['source_code'] or '-'} → {r['target_code'] or '-'}", str(r["date_value"] or "?"),
                      r["factuality"], str(r["num_mentions"]), str(r["num_articles"]), str(r["num_sources"]),
                      "yes" if r["contested"] else "")
    console.print(table)
    for r in rows if contested else []:
        console.print(f"[bold]{r['cluster_id'][:9]}[/bold] {r['type']} {r['source_code'] or '-'} → "
                      f"{r['target_code'] or '-'}", highlight=False)
        for c in r["claims"]:
            who = (c["attributed_to"] or {}).get("text") or "(the text)"
            console.print(f"  {c['factuality']:<10} {c['outlet'] or '?'} {c['published'] or ''} doc {c['doc_id']} "
                          f"· {who} · trigger {c['trigger']!r}", highlight=False, markup=False)


@app.command()
def events(
    db: str = DB_OPTION,
    type: Optional[str] = typer.Option(None, "--type", "-t", help="PLOVER event type, e.g. CONSULT."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="Two country codes, e.g. PAK,RUS (either direction)."),
    since: Optional[str] = typer.Option(None, help="Events dated on or after this ISO date."),
    until: Optional[str] = typer.Option(None, help="Events dated on or before this ISO date."),
    factuality: Optional[list[str]] = typer.Option(None, "--factuality", "-f", help="Keep only this factuality (repeatable)."),
    fmt: str = typer.Option("table", "--format", help=FORMAT_HELP),
    limit: Optional[int] = typer.Option(None, help="At most this many events."),
    clusters: bool = typer.Option(False, "--clusters", help="One row per cluster (real-world event across documents)."),
    contested: bool = typer.Option(False, "--contested", help="Contested clusters, with who says what."),
) -> None:
    """List coded events (every factuality; a column says which), or their clusters."""
    if clusters or contested:
        _print_clusters(db, type, contested, fmt, limit)
        return
    pair = tuple(dyad.replace(" ", ",").split(",")[:2]) if dyad else None
    if pair is not None and len(pair) != 2:
        raise typer.BadParameter("--dyad takes two codes, e.g. PAK,RUS")
    rows = _read(db, query.events, type=type, dyad=pair, since=since, until=until,
                 factuality=factuality, limit=limit)
    if fmt == "jsonl":
        _print_jsonl(rows)
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(["event_id", "doc_id", "type", "mode", "source", "target", "factuality", "date",
                    "granularity", "location", "cameo", "goldstein", "confidence", "mentions", "trigger"])
        for r in rows:
            w.writerow([r["event_id"], r["doc_id"], r["type"], r["mode"], (r["source"] or {}).get("code"),
                        (r["target"] or {}).get("code"), r["factuality"], r["date"]["value"],
                        r["date"]["granularity"], (r["location"] or {}).get("name"), r["cameo"]["code"],
                        r["cameo"]["goldstein"], r["confidence"], r["mentions"], r["evidence"]["trigger"]])
    elif fmt == "table":
        table = Table(title=f"{len(rows)} events", show_lines=False)
        for col in ("id", "type", "source", "target", "factuality", "date", "place", "n", "trigger"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(r["event_id"][:8], f"{r['type']}" + (f"/{r['mode']}" if r["mode"] else ""),
                          _actor_cell(r["source"]), _actor_cell(r["target"]), r["factuality"],
                          str(r["date"]["value"] or "?"), (r["location"] or {}).get("name") or "",
                          str(r["mentions"]), _short(r["evidence"]["trigger"], 28))
        console.print(table)
    else:
        raise typer.BadParameter(f"unknown format {fmt!r}: {FORMAT_HELP}")


@app.command()
def documents(
    db: str = DB_OPTION,
    fmt: str = typer.Option("table", "--format", help="table or jsonl."),
    limit: Optional[int] = typer.Option(None, help="At most this many documents."),
) -> None:
    """List stored documents: title, published, dateline, sections."""
    rows = _read(db, query.documents, limit=limit)
    if fmt == "jsonl":
        _print_jsonl(rows)
        return
    table = Table(title=f"{len(rows)} documents")
    for col in ("doc_id", "title", "published", "dateline", "sections", "events", "status"):
        table.add_column(col, overflow="fold")
    for r in rows:
        roles: dict[str, int] = {}
        for s in r["sections"]:
            roles[s["role"]] = roles.get(s["role"], 0) + 1
        table.add_row(r["doc_id"], r["title"] or "", str(r["published"] or ""), r["dateline"] or "",
                      ", ".join(f"{k} {v}" for k, v in roles.items()), str(r["num_events"]), r["status"] or "")
    console.print(table)


@app.command()
def explain(event_id: str = typer.Argument(..., help="An event id (or a unique prefix)."), db: str = DB_OPTION) -> None:
    """Why an event exists: its sentences, trigger, actors, factuality and date reasoning."""
    info = _read(db, query.explain, event_id)
    if info is None:
        _fail(DotterelError(f"no event {event_id!r}"))
    e = info["event"]
    doc = info["document"]
    console.print(f"[bold]{e['type']}[/bold]{'/' + e['mode'] if e['mode'] else ''}  "
                  f"{_actor_cell(e['source'])} → {_actor_cell(e['target'])}  [{e['factuality']}]"
                  f"  confidence {e['confidence']}")
    console.print(f"document: {doc['title']!r} ({doc['published']}, {doc['path']})", highlight=False)
    d = e["date"]
    console.print(f"date: {d['value']} ({d['granularity']}, {d['method']}) — {info['date_reason']}", highlight=False)
    if e["attributed_to"]:
        console.print(f"attributed to: {e['attributed_to']['text']} ({e['attributed_to']['code']})", highlight=False)
    if e["location"]:
        loc = e["location"]
        console.print(f"place: {loc['name']} ({loc['country']}) {loc['lat']}, {loc['lon']}", highlight=False)
    console.print(f"CAMEO {e['cameo']['code']} · QuadClass {e['cameo']['quad_class']} · "
                  f"Goldstein {e['cameo']['goldstein']}")
    console.print(f"{len(info['mentions'])} mention(s):")
    for m in info["mentions"]:
        ev = m["evidence"]
        console.print(f"  [{ev['section']} {ev['char_start']}–{ev['char_end']}] trigger {ev['trigger']!r} "
                      f"· {m['factuality']} · {m['date']['value']} ({m['date_reason']})", highlight=False,
                      markup=False)
        console.print(f"    {ev['sentence']}", highlight=False, markup=False)


@app.command()
def dates(
    text: Optional[str] = typer.Argument(None, help="A date expression, e.g. 'in April this year'."),
    published: Optional[str] = typer.Option(None, "--published", help="Creation date (ISO) to resolve against."),
    jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="Batch input: records {id, dct, sentence, char_start, char_end, text}."),
    out: Optional[Path] = typer.Option(None, "--out", help="Batch output file (default stdout)."),
) -> None:
    """Resolve a date expression, or a JSONL batch of them."""
    from .. import timex
    from ..eval.timex import resolve_records

    if jsonl is not None:
        with jsonl.open(encoding="utf-8") as fin:
            records = resolve_records(fin)
            if out is None:
                _print_jsonl(list(records))
            else:
                with out.open("w", encoding="utf-8") as fout:
                    for r in records:
                        fout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if not text:
        raise typer.BadParameter("give an expression or --jsonl FILE")
    spans = timex.find(text) or [(0, len(text))]
    for start, end in spans:
        t = timex.resolve(text, start, end, published)
        value = timex.to_date_value(t, published)
        console.print_json(json.dumps({"text": t.text, "value": t.value, "granularity": t.granularity,
                                       "start": value.start, "end": value.end, "method": t.method,
                                       "reason": t.reason}, default=str))


