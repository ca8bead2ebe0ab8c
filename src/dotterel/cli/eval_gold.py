"""`dotterel eval plover` and `dotterel eval petrarch`: the event coder against gold records."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from ..errors import DotterelError
from . import _fail, console, eval_app


def _check(gold: Path) -> None:
    if not gold.is_file():
        _fail(DotterelError(f"no gold file at {gold}"), code=2)


def _json(report: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(report, ensure_ascii=False, default=str, indent=1) + "\n")


def _print_plover(r: dict[str, Any]) -> None:
    console.print(f"[bold]PLOVER gold[/bold] {r['gold']}: {r['records']} records in {r['sentences']} sentences",
                  highlight=False)
    console.print(f"coder: {r['model']}", highlight=False)
    src, tgt = r["countries"]["source"], r["countries"]["target"]
    console.print(f"top-k accuracy {r['top_k_accuracy']:.3f} · macro-F1 {r['macro_f1']:.3f} · "
                  f"no event in {r['no_event_share']:.1%} of sentences · source country "
                  f"{src['accuracy']:.3f} ({src['correct']}/{src['scored']} scored) · target country "
                  f"{tgt['accuracy']:.3f} ({tgt['correct']}/{tgt['scored']} scored)", highlight=False)
    table = Table(title="per type")
    for col in ("type", "n", "predicted", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for t, row in r["per_type"].items():
        table.add_row(t, str(row["n"]), str(row["predicted"]), f"{row['precision']:.2f}",
                      f"{row['recall']:.2f}", f"{row['f1']:.2f}")
    console.print(table)
    if r.get("folds"):
        sp = r["spread"]
        console.print(f"{r['cv']}-fold cross-validation (figures above pool the folds); per fold: " + "; ".join(
            f"{k.replace('_', ' ')} mean {v['mean']:.3f} ± {v['std']:.3f} (min {v['min']:.3f}, max {v['max']:.3f})"
            for k, v in sp.items()), highlight=False)
        for f in r["folds"]:
            console.print(f"  fold {f['fold']}: {f['records']} records, top-k {f['top_k_accuracy']:.3f}, macro-F1 "
                          f"{f['macro_f1']:.3f}, source country {f['source_country']:.3f}, target country "
                          f"{f['target_country']:.3f}", highlight=False)
    labels = sorted({p for row in r["confusion"].values() for p in row})
    conf = Table(title="confusion (rows: gold, columns: produced)")
    conf.add_column("gold")
    for p in labels:
        conf.add_column(p[:5], justify="right")
    for g, row in r["confusion"].items():
        conf.add_row(g, *(str(row.get(p, "")) for p in labels))
    console.print(conf)
    rel = Table(title="reliability (top-k events by confidence)")
    for col in ("confidence", "n", "mean confidence", "accuracy"):
        rel.add_column(col, justify="right")
    for b in r["reliability"]:
        rel.add_row(str(b["bucket"]), str(b["n"]), f"{b['mean_confidence']:.2f}", f"{b['accuracy']:.2f}")
    console.print(rel)
    for e in r["errors"]:
        exp = e["expected"]
        console.print(f"\n[bold]{e['doc_id']}[/bold] {e['sentence']}", highlight=False)
        console.print(f"  expected {exp['type']} ({exp['trigger']}) {exp['source']} → {exp['target']}",
                      highlight=False, markup=False)
        produced = "; ".join(f"{p['type']} '{p['trigger']}' {p['source']}→{p['target']} {p['confidence']:.2f}"
                             for p in e["produced"]) or "nothing"
        console.print(f"  produced {produced}", highlight=False, markup=False)


@eval_app.command("plover")
def eval_plover(
    gold: Path = typer.Argument(..., help="plover_gsr_dev.jsonl"),
    errors: int = typer.Option(0, "--errors", help="Show the N worst misses."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    cv: int = typer.Option(0, "--cv", help="K-fold cross-validate the learned type model (retrained per fold)."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Code with the rules only, no learned model."),
) -> None:
    """Score the event coder against PLOVER gold records (type P/R/F1, top-k, countries).

    The shipped type model was trained on the dev records, so plain figures on them are
    optimistic (the report says so); `--cv K` gives honest, cross-validated ones."""
    from ..eval.plover import cross_validate, evaluate_plover
    from ..pipeline import Pipeline

    _check(gold)
    if cv and rules_only:
        _fail(DotterelError("--cv trains the learned model: it cannot be combined with --rules-only"), code=2)
    if cv == 1 or cv < 0:
        _fail(DotterelError("--cv needs K >= 2"), code=2)
    if cv:
        report = cross_validate(gold, cv, errors=errors)
    else:
        report = evaluate_plover(gold, errors=errors,
                                 pipeline=Pipeline(batch_size=64, type_model=False) if rules_only else None)
    if as_json:
        _json(report)
    else:
        _print_plover(report)


@eval_app.command("petrarch")
def eval_petrarch(
    gold: Path = typer.Argument(..., help="petrarch_validate_dev.jsonl"),
    errors: int = typer.Option(0, "--errors", help="Show the first N disagreements."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Mechanics agreement with the PETRARCH2 test records (event/no-event, roots, full sets)."""
    from ..eval.petrarch import evaluate_petrarch

    _check(gold)
    report = evaluate_petrarch(gold, errors=errors)
    if as_json:
        _json(report)
        return
    console.print(f"[bold]PETRARCH2 records[/bold] {report['gold']}: {report['records']} ({report['note']})",
                  highlight=False)
    measures = list(report["overall"])
    table = Table(title="agreement (n: records the measure applies to)")
    table.add_column("group")
    for m in measures:
        table.add_column(m.replace("_", " "), justify="right")

    def cell(rate: float | None, n: int | None = None) -> str:
        return "–" if rate is None else (f"{rate:.2f}" + (f" ({n})" if n is not None else ""))

    table.add_row("overall", *(cell(v["rate"], v["n"]) for v in report["overall"].values()))
    for cat, row in report["by_category"].items():
        table.add_row(f"{cat} ({row['n']})", *(cell(row[m]) for m in measures))
    console.print(table)
    for e in report["errors"]:
        console.print(f"\n[bold]{e['id']}[/bold] [{e['category']}] {e['sentence']}", highlight=False)
        console.print(f"  expected {e['expected'] or 'no event'}", highlight=False, markup=False)
        console.print(f"  produced {e['produced'] or 'nothing'}", highlight=False, markup=False)
