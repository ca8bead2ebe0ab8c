"""Train the learned event-type model on PLOVER gold records and write it into the package.

    .venv/bin/python tools/train_type_model.py ../shared/gold/plover_gsr_dev.jsonl \
        [--out src/dotterel/data/models/type_model.json] [--cv K]

Candidates come from the rule coder itself (`CandidateRecorder`), labelled from each
record's trigger words (`eval.plover.label_candidates`); training is the pure-numpy
softmax regression of `events/typemodel.py` (no scikit-learn). With `--cv K` it first
prints K-fold cross-validated figures (folds grouped by sentence), which are the
figures to report; the written model is then trained on every record, so
`dotterel eval plover` on those records is optimistic and says so.

The written file is trained on the PLOVER gold standard records (© 2016 Open Event
Data Alliance, CC BY-SA 4.0): it is CC BY-SA 4.0 itself; see data/models/NOTICE.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dotterel.eval.plover import cross_validate, fit, group_sentences, load_records, training_data
from dotterel.nlp import load_model

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--out", type=Path, default=REPO / "src" / "dotterel" / "data" / "models" / "type_model.json")
    ap.add_argument("--cv", type=int, default=0, help="print K-fold cross-validated figures first")
    args = ap.parse_args()
    nlp = load_model()
    if args.cv:
        r = cross_validate(args.gold, args.cv, nlp=nlp)
        json.dump({k: r[k] for k in ("cv", "top_k_accuracy", "macro_f1", "countries", "spread", "folds")},
                  sys.stdout, indent=1)
        sys.stdout.write("\n")
    sentences = group_sentences(load_records(args.gold))
    data = training_data(sentences, nlp)
    n = sum(len(s.records) for s in sentences)
    model = fit(data, meta={"trained_on": f"{args.gold.name} ({n} records, all of them)",
                            "trained_file": args.gold.name, "licence": "CC BY-SA 4.0, see NOTICE"})
    model.save(args.out)
    print(f"wrote {args.out} ({len(model.rows)} feature rows, {sum(len(c) for c, _ in data)} candidates)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
