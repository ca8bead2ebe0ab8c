"""`dotterel eval clusters`: cross-document clustering against a corpus's story labels."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import DotterelError
from . import _fail, console, eval_app
from .evaluate import _report


@eval_app.command("clusters")
def eval_clusters(
    corpus: Path = typer.Argument(Path("../shared/corpus/dev.jsonl"), help="JSONL with `id` and `story_cluster`."),
    db: Optional[str] = typer.Option(None, "--db", help="Use this store (default: a temporary one)."),
    errors: int = typer.Option(0, "--errors", help="List up to N false-positive and false-negative pairs."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Pairwise precision/recall/F1 of "headline events in one cluster" against `story_cluster`."""
    from ..eval.clusters import evaluate_clusters

    if not corpus.exists():
        _fail(DotterelError(f"no corpus at {corpus}"), code=2)
    try:
        report = evaluate_clusters(corpus, db=db, errors=errors)
    except DotterelError as exc:
        _fail(exc)
    if as_json or errors:
        _report(report, as_json)
        return
    console.print(f"pairs: gold {report['gold_pairs']}, predicted {report['predicted_pairs']}, "
                  f"true {report['true_pos']}", highlight=False)
    console.print(f"precision {report['precision']:.3f} · recall {report['recall']:.3f} · "
                  f"F1 {report['f1']:.3f}", highlight=False)
    console.print(f"{report['articles']} articles ({report['with_headline_event']} with a headline event), "
                  f"{report['clusters']} clusters ({report['clusters_multi_article']} across articles)",
                  highlight=False)
    dups = report["near_duplicates"]
    console.print(f"near-duplicate pairs: {len(dups)}", highlight=False)
    for d in dups:
        console.print(f"  {d['doc_id']} → {d['duplicate_of']} ({d['reason']})", highlight=False, markup=False)
