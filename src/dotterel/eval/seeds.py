"""Score the coder on `gold/seeds.yaml`: structure checks, must/should/must_not events.

The matching rules are the ones written at the top of seeds.yaml: a given
field must equal the produced one (or be one of a list), `symmetric` allows
source and target to be swapped, and one produced event may satisfy several
expectations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..ingest import read_paths
from ..pipeline import Pipeline
from ..records import Document, Event


def _one_of(expected: Any, produced: Any) -> bool:
    if isinstance(expected, list):
        return produced in expected
    return bool(produced == expected)


def _actor_ok(spec: dict[str, Any] | None, actor: Any) -> bool:
    if not spec:
        return True
    for key, want in spec.items():
        got = getattr(actor, key, None) if actor is not None else None
        if not _one_of(want, got):
            return False
    return True


def event_matches(spec: dict[str, Any], e: Event) -> bool:
    """True when a produced event satisfies an expectation of seeds.yaml."""
    if "type" in spec and not _one_of(spec["type"], str(e.type)):
        return False
    if "mode" in spec and not _one_of(spec["mode"], e.mode):
        return False
    pairs = [(e.source, e.target)]
    if spec.get("symmetric"):
        pairs.append((e.target, e.source))
    if not any(_actor_ok(spec.get("source"), s) and _actor_ok(spec.get("target"), t) for s, t in pairs):
        return False
    if "factuality" in spec and str(e.factuality) not in spec["factuality"]:
        return False
    if "date" in spec and e.date.value not in [str(d) for d in spec["date"]]:
        return False
    if "location" in spec and (e.location is None or spec["location"] not in e.location.name):
        return False
    if "min_mentions" in spec and e.mentions < spec["min_mentions"]:
        return False
    return True


def _structure_checks(spec: dict[str, Any], doc: Document) -> dict[str, bool]:
    roles = [str(s.role) for s in doc.sections]
    out: dict[str, bool] = {}
    if "published" in spec:
        out["published"] = doc.published == str(spec["published"])
    if "dateline" in spec:
        out["dateline"] = (doc.dateline or "").upper() == str(spec["dateline"]).upper()
    for key, role in (("bullets", "bullet"), ("captions", "caption")):
        if key in spec:
            out[key] = _one_of(spec[key] if isinstance(spec[key], list) else spec[key], roles.count(role))
    for heading in spec.get("headings", []):
        out[f"heading {heading!r}"] = any(s.text == heading and str(s.role) == "heading" for s in doc.sections)
    coded_text = "\n".join(s.text for s in doc.sections)
    for junk in spec.get("boilerplate_removed", []):
        out[f"removed {junk!r}"] = not any(s.text.strip() == junk for s in doc.sections) and \
            junk not in coded_text.split("\n")
    return out


def _must_not(rule: dict[str, Any], events: tuple[Event, ...]) -> list[str]:
    bad = []
    for e in events:
        if "evidence_contains" in rule:
            if rule["evidence_contains"] in e.evidence.sentence and \
                    str(e.factuality) not in rule.get("unless_factuality", []):
                bad.append(e.event_id)
        elif "event" in rule:
            if event_matches(rule["event"], e):
                bad.append(e.event_id)
        elif "no_event_dated" in rule:
            if e.date.value == str(rule["no_event_dated"]):
                bad.append(e.event_id)
    return bad


def code_seed_files(shared: Path, pipeline: Pipeline | None = None) -> list[Document]:
    """Code every seed file into documents."""
    pipeline = pipeline or Pipeline()
    out = []
    for result in pipeline.code(read_paths([shared / "seeds"])):
        if isinstance(result, Document):
            out.append(result)
    return out


def evaluate_seeds(gold_path: str | Path, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Check every seeds.yaml article; returns a JSON-able report."""
    gold_path = Path(gold_path)
    shared = gold_path.resolve().parent.parent
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    docs = code_seed_files(shared, pipeline)
    report: dict[str, Any] = {"articles": [], "must": [0, 0], "should": [0, 0], "must_not_violations": 0,
                              "structure": [0, 0]}
    for art in gold["articles"]:
        doc = next((d for d in docs if d.title == art["title"]
                    and Path(d.path or "").name == Path(art["file"]).name), None)
        entry: dict[str, Any] = {"title": art["title"], "found": doc is not None}
        if doc is None:
            report["articles"].append(entry)
            report["must"][1] += len(art.get("must", []))
            report["should"][1] += len(art.get("should", []))
            continue
        structure = _structure_checks(art.get("structure", {}), doc)
        entry["structure"] = structure
        report["structure"][0] += sum(structure.values())
        report["structure"][1] += len(structure)
        for level in ("must", "should"):
            results = {}
            for spec in art.get(level, []):
                results[spec["id"]] = any(event_matches(spec, e) for e in doc.events)
            entry[level] = results
            report[level][0] += sum(results.values())
            report[level][1] += len(results)
        violations = []
        for rule in art.get("must_not", []):
            bad = _must_not(rule, doc.events)
            if bad:
                violations.append({"rule": rule, "events": bad})
        entry["must_not_violations"] = violations
        report["must_not_violations"] += len(violations)
        entry["events"] = [e.to_dict() for e in doc.events]
        report["articles"].append(entry)
    return report
