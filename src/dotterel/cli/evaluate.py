"""`dotterel eval …`: scores against gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from ..errors import DotterelError
from . import _fail, console, eval_app


def _report(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, default=str, indent=1) + "\n")
    else:
        console.print_json(json.dumps(report, ensure_ascii=False, default=str))


@eval_app.command("seeds")
def eval_seeds(
    gold: Path = typer.Argument(Path("../shared/gold/seeds.yaml"), help="seeds.yaml"),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Check the seed articles against seeds.yaml (structure, must, should, must_not)."""
    from ..eval.seeds import evaluate_seeds

    if not gold.exists():
        _fail(DotterelError(f"no gold file at {gold}"), code=2)
    report = evaluate_seeds(gold)
    if as_json:
        _report(report, True)
        return
    for art in report["articles"]:
        console.print(f"[bold]{art['title']}[/bold]", highlight=False)
        for key, ok in art.get("structure", {}).items():
            console.print(f"  structure {key}: {'ok' if ok else 'FAIL'}", highlight=False)
        for level in ("must", "should"):
            for key, ok in art.get(level, {}).items():
                console.print(f"  {level} {key}: {'ok' if ok else 'MISS'}", highlight=False)
        for v in art.get("must_not_violations", []):
            console.print(f"  must_not violated: {v['rule']}", highlight=False)
    console.print(f"must {report['must'][0]}/{report['must'][1]} · should {report['should'][0]}/"
                  f"{report['should'][1]} · structure {report['structure'][0]}/{report['structure'][1]} · "
                  f"must_not violations {report['must_not_violations']}")


@eval_app.command("timex")
def eval_timex(
    gold: Path = typer.Argument(..., help="timex_dev.jsonl"),
    errors: int = typer.Option(0, "--errors", help="Show the N worst misses."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Score the date resolver against TempEval-3 records (exact value accuracy)."""
    from ..eval.timex import evaluate_timex

    report = evaluate_timex(gold, errors=errors)
    if as_json:
        _report(report, True)
        return
    table = Table(title=f"timex value accuracy: {report['accuracy']:.3f} exact (n={report['n']}); "
                        f"{report['accuracy_two_digit_weeks']:.3f} with two-digit week numbers")
    table.add_column("group")
    table.add_column("n", justify="right")
    table.add_column("accuracy", justify="right")
    for group in ("by_kind", "by_corpus"):
        for k, v in report[group].items():
            table.add_row(f"{group[3:]}: {k}", str(v["n"]), f"{v['accuracy']:.3f}")
    console.print(table)
    for e in report.get("errors", []):
        console.print(f"  {e['id']} {e['text']!r} (dct {e['dct']}): expected {e['expected']}, "
                      f"got {e['produced']} — {e.get('reason', '')}", highlight=False, markup=False)


