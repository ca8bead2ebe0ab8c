"""Build dotterel's CAMEO tables from the ontology files in ../shared/ontology.

Run by hand from the repository root when the ontology changes:

    python tools/build_cameo_table.py [--ontology ../shared/ontology]

It writes two files into src/dotterel/data/:

* ``cameo.csv`` -- one row per CAMEO code in CAMEO2PLOVER-2021.txt:
  ``code,name,plover_type,mode,context,goldstein``.  The Goldstein weight comes
  from cameo_goldstein.tsv, falling back to the nearest parent code.
* ``plover_cameo.csv`` -- the reverse mapping used when the coder knows only a
  PLOVER type (and maybe a mode and context): ``type,mode,context,cameo``, one
  default row per type and one row for each (type, mode), (type, context) and
  (type, mode, context) that the 2021 table distinguishes.  Codes are picked by
  a fixed rule (prefer the type's own CAMEO root, then the shortest code, then
  the lowest), except where ``CHOICES`` below names a more representative one.

Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ONTOLOGY = REPO.parent / "shared" / "ontology"
DATA = REPO / "src" / "dotterel" / "data"

#: Typos in the table's comments, fixed in the short names we ship.
NAME_FIXES = {
    "055": "Apologize",
    "1051": "Demand easing of administrative sanctions",
    "1444": "Obstruct passage to demand change in institutions, regime",
}

#: Values the table puts in the mode column that are PLOVER contexts, not modes
#: (175 "Use violent repression": `pro_autocracy`).  They move to the context.
CONTEXT_NAMES = {"pro_autocracy"}

#: The default CAMEO code for each PLOVER type: the cue category's generic code,
#: or for types spanning several roots the one most news events belong to.
DEFAULTS = {
    "AGREE": ("030", "express intent to cooperate"),
    "CONSULT": ("040", "consult (generic)"),
    "SUPPORT": ("050", "engage in diplomatic cooperation (generic)"),
    "CONCEDE": ("080", "yield (generic)"),
    "COOPERATE": ("060", "engage in material cooperation (generic)"),
    "AID": ("070", "provide aid (generic)"),
    "RETREAT": ("084", "return, release (first RETREAT code in 08x)"),
    "REQUEST": ("100", "demand (generic)"),
    "ACCUSE": ("112", "accuse: QuadClass 3; investigations (09x, QuadClass 2) need mode investigate"),
    "REJECT": ("120", "reject (generic)"),
    "THREATEN": ("130", "threaten (generic)"),
    "PROTEST": ("140", "engage in political dissent (generic)"),
    "SANCTION": ("160", "reduce relations (generic)"),
    "MOBILIZE": ("150", "demonstrate military or police power (generic)"),
    "COERCE": ("170", "coerce (generic)"),
    "ASSAULT": ("190", "use conventional military force; 18x/20x codes need a mode"),
}

#: Hand choices for (type, mode, context) keys, where the fixed rule would pick
#: a less representative code, and for modes the PLOVER manual defines but the
#: 2021 table does not use (marked "manual mode").
CHOICES: dict[tuple[str, str, str], tuple[str, str]] = {
    ("CONSULT", "", "diplomatic"): ("040", "a plain consultation; 045/046 are mediation/negotiation"),
    ("CONSULT", "multilateral", ""): ("044", "manual mode: meeting in an IGO/alliance setting"),
    ("SUPPORT", "", "diplomatic"): ("050", "every SUPPORT code is diplomatic: use the generic one"),
    ("RETREAT", "", "legal"): ("0841", "release of persons, not 0813 ease curfew"),
    ("RETREAT", "withdraw", ""): ("0874", "retreat militarily; the table's only withdraw code is 0872 ease blockade"),
    ("RETREAT", "withdraw", "military"): ("0874", "as (RETREAT, withdraw); 0872 is ease blockade"),
    ("RETREAT", "disarm", ""): ("087", "de-escalate military engagement (generic)"),
    ("RETREAT", "resign", ""): ("0831", "manual mode: accede to change in leadership (a CONCEDE code)"),
    ("REQUEST", "assist", ""): ("101", "demand material cooperation (generic)"),
    ("REQUEST", "yield", ""): ("105", "demand that target yields"),
    ("REJECT", "yield", ""): ("124", "decline to yield"),
    ("ACCUSE", "disapprove", ""): ("111", "criticize or denounce"),
    ("ACCUSE", "allege", ""): ("112", "accuse"),
    ("THREATEN", "relations", ""): ("1313", "threaten to reduce or break relations"),
    ("THREATEN", "restrict", ""): ("1312", "threaten to boycott, embargo or sanction"),
    ("THREATEN", "violence", ""): ("138", "threaten with military force"),
    ("THREATEN", "arrest", ""): ("132", "manual mode: threaten with administrative sanctions"),
    ("THREATEN", "relations", "diplomatic"): ("1313", "threaten to reduce or break relations"),
    ("THREATEN", "", "diplomatic"): ("1313", "threaten to reduce or break relations"),
    ("PROTEST", "strike", ""): ("143", "manual mode: 143 is 'conduct strike or boycott'"),
    ("PROTEST", "vandalize", ""): ("145", "manual mode: symbolic damage, nearest is riot"),
    ("MOBILIZE", "weapons", ""): ("154", "manual mode: increase armed forces"),
    ("MOBILIZE", "militia", ""): ("154", "manual mode: increase armed forces"),
    ("MOBILIZE", "police", ""): ("153", "mobilize or increase police power"),
    ("MOBILIZE", "troops", ""): ("154", "mobilize or increase armed forces"),
    ("MOBILIZE", "troops", "military"): ("154", "mobilize or increase armed forces, not 152 alert"),
    ("MOBILIZE", "", "military"): ("154", "mobilize or increase armed forces, not 152 alert"),
    ("SANCTION", "discontinue", ""): ("162", "reduce or stop aid"),
    ("SANCTION", "withdraw", ""): ("161", "reduce or break diplomatic relations"),
    ("COERCE", "seize", ""): ("171", "seize or damage property (generic)"),
    ("COERCE", "restrict", ""): ("172", "impose administrative sanctions"),
    ("COERCE", "censor", ""): ("1721", "manual mode: restrict freedom of expression"),
    ("COERCE", "withhold", ""): ("172", "manual mode: nearest is administrative sanctions"),
    ("COERCE", "cyber", ""): ("170", "manual mode: no CAMEO code, generic coerce"),
    ("ASSAULT", "explosives", ""): ("183", "non-military bombing (generic)"),
    ("ASSAULT", "heavy-weapons", ""): ("194", "fight with artillery and tanks"),
    ("ASSAULT", "assassinate", ""): ("186", "assassinate"),
    ("ASSAULT", "abduct", ""): ("181", "abduct, hijack; 184 human shield is rarer"),
    ("ASSAULT", "massacre", ""): ("202", "mass killings"),
    ("ASSAULT", "cleansing", ""): ("203", "ethnic cleansing"),
    ("ASSAULT", "unconventional", ""): ("204", "weapons of mass destruction"),
    ("ASSAULT", "seize", ""): ("1712", "the table's mode for 1712 destroy property"),
    ("ASSAULT", "aerial", ""): ("195", "manual mode: employ aerial weapons"),
    ("ASSAULT", "drone", ""): ("195", "manual mode: employ aerial weapons"),
    ("ASSAULT", "targeted", ""): ("186", "manual mode: assassinations and executions"),
    ("ASSAULT", "destroy", ""): ("1712", "manual mode: destroy property"),
    ("ASSAULT", "primitive", ""): ("180", "manual mode: no CAMEO code, unconventional violence"),
    ("ASSAULT", "crowd-control", ""): ("175", "manual mode: violent repression"),
    ("ASSAULT", "cleansing", "religion_ethnicity"): ("203", "ethnic cleansing, not 201 mass expulsion"),
    ("ASSAULT", "", "religion_ethnicity"): ("202", "mass killings"),
    ("ASSAULT", "", "military"): ("190", "conventional military force, not 175 repression"),
}

LINE_RE = re.compile(r"^(\d{2,4}):\s*(.*?)\s*$")


def parse_table(path: Path) -> list[dict[str, str]]:
    """The CAMEO2PLOVER rows: code, name, plover_type, mode, context."""
    rows: dict[str, dict[str, str]] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#") or set(line) == {"~"}:
            continue
        match = LINE_RE.match(line)
        if not match:
            raise SystemExit(f"{path}:{lineno}: cannot parse {raw!r}")
        code, rest = match.groups()
        body, _, comment = rest.partition("#")
        fields = [f.strip() for f in body.split(",")]
        if len(code) == 2:          # a cue-category heading such as "04: CONSULT"
            continue
        if len(fields) != 3:
            raise SystemExit(f"{path}:{lineno}: expected type, mode, context in {raw!r}")
        ptype, mode, context = fields
        contexts = [c.strip() for c in context.split(";") if c.strip()]
        if mode in CONTEXT_NAMES:
            contexts = [mode] + [c for c in contexts if c != mode]
            mode = ""
        # 0813 carries a dated editor's note after the name.
        name = re.split(r"\s{2,}\d\d\.\d\d\.\d\d:", comment)[0].strip()
        name = NAME_FIXES.get(code, name)
        row = {"code": code, "name": name, "plover_type": ptype, "mode": mode,
               "context": "|".join(contexts)}
        if code in rows:
            old = rows[code]
            if (old["plover_type"], old["mode"], old["context"]) != (ptype, mode, row["context"]):
                raise SystemExit(f"{path}:{lineno}: code {code} repeated with a different mapping")
            continue                # 175 appears twice with the same mapping
        rows[code] = row
    return sorted(rows.values(), key=lambda r: r["code"])


def parse_goldstein(path: Path) -> dict[str, float]:
    """CAMEO code -> Goldstein weight."""
    weights: dict[str, float] = {}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if lineno == 1 or not raw.strip():
            continue
        code, value = raw.split("\t")
        weights[code.strip()] = float(value)
    return weights


def goldstein_for(code: str, weights: dict[str, float]) -> float:
    """The code's weight, else its nearest parent's (1213 -> 121)."""
    probe = code
    while len(probe) >= 2:
        if probe in weights:
            return weights[probe]
        probe = probe[:-1]
    raise SystemExit(f"no Goldstein weight for {code} or any parent")


def pick(codes: list[str], root: str) -> str:
    """Prefer the type's own root, then shorter codes, then lower ones."""
    return min(codes, key=lambda c: (c[:2] != root, len(c), c))


def reverse_rows(table: list[dict[str, str]]) -> list[tuple[str, str, str, str, str]]:
    """(type, mode, context, cameo, why) rows for plover_cameo.csv."""
    keys: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in table:
        t, m = row["plover_type"], row["mode"]
        contexts = row["context"].split("|") if row["context"] else []
        if m:
            keys[(t, m, "")].append(row["code"])
        for ctx in contexts:
            keys[(t, "", ctx)].append(row["code"])
            if m:
                keys[(t, m, ctx)].append(row["code"])
    out = []
    codes = {r["code"] for r in table}
    for ptype, (code, why) in DEFAULTS.items():
        out.append((ptype, "", "", code, why))
    for key in sorted(set(keys) | set(CHOICES)):
        ptype = key[0]
        if key in CHOICES:
            code, why = CHOICES[key]
        else:
            code = pick(keys[key], DEFAULTS[ptype][0][:2])
            why = ""
        if code not in codes:
            raise SystemExit(f"choice {key} -> {code} is not in the table")
        out.append((*key, code, why))
    return out


def write_csv(path: Path, header: list[str], rows: list[list[str]], comments: list[str]) -> None:
    buf = io.StringIO()
    for line in comments:
        buf.write(f"# {line}\n")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--ontology", type=Path, default=DEFAULT_ONTOLOGY)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)

    table = parse_table(args.ontology / "CAMEO2PLOVER-2021.txt")
    weights = parse_goldstein(args.ontology / "cameo_goldstein.tsv")
    args.out.mkdir(parents=True, exist_ok=True)

    write_csv(
        args.out / "cameo.csv",
        ["code", "name", "plover_type", "mode", "context", "goldstein"],
        [[r["code"], r["name"], r["plover_type"], r["mode"], r["context"],
          f"{goldstein_for(r['code'], weights):.1f}"] for r in table],
        ["CAMEO event codes with their PLOVER mapping (CAMEO2PLOVER-2021.txt, PLOVER draft 0.8)",
         "and Goldstein weight (cameo_goldstein.tsv; a code without one takes its parent's).",
         "Generated by tools/build_cameo_table.py -- edit that script, not this file.",
         "Cue-category headings (2-digit) are not rows; 175's mode `pro_autocracy` is a context."],
    )

    rows = []
    for ptype, mode, ctx, code, why in reverse_rows(table):
        rows.append([ptype, mode, ctx, code])
        if why:
            rows[-1].append(why)
    comments = [
        "PLOVER (type, mode, context) -> representative CAMEO code, for events whose",
        "trigger gives no code of its own. The most specific matching row wins:",
        "(type, mode, context) > (type, mode) > (type, context) > type.",
        "Rule: among the 2021 table's codes with that type/mode/context, prefer the type's",
        "default root, then the shortest code, then the lowest; hand choices are commented.",
        "ACCUSE spans 09x (investigate, QuadClass 2) and 11x (accuse, QuadClass 3): the",
        "code chosen decides the QuadClass; ACCUSE without mode investigate maps to 11x.",
        "Generated by tools/build_cameo_table.py -- edit that script, not this file.",
    ]
    out = io.StringIO()
    for line in comments:
        out.write(f"# {line}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["type", "mode", "context", "cameo"])
    for row in rows:
        if len(row) == 5:
            out.write(f"# {row[0]} {row[1] or '-'} {row[2] or '-'}: {row[4]}\n")
        writer.writerow(row[:4])
    (args.out / "plover_cameo.csv").write_text(out.getvalue(), encoding="utf-8")
    print(f"cameo.csv: {len(table)} codes; plover_cameo.csv: {len(rows)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
