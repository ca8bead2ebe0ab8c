from __future__ import annotations

import json

from dotterel.errors import FormatError, InputError
from dotterel.ingest import Source, jsonl


def _read(lines: list[str]) -> list[Source | InputError]:
    return list(jsonl.read("\n".join(lines).encode(), "docs.jsonl"))


def test_jsonl_malformed_line_is_one_error_and_others_go_on() -> None:
    good = json.dumps({"id": "a", "text": "Kenya deployed police.", "title": "T", "published": "2025-06-01",
                       "desk": "africa"})
    out = _read([good, "{not json", json.dumps({"text": "Second."})])
    assert [type(x).__name__ for x in out] == ["Source", "FormatError", "Source"]
    err = out[1]
    assert isinstance(err, FormatError) and err.line == 2 and "docs.jsonl:2" in str(err)
    first = out[0]
    assert isinstance(first, Source)
    assert (first.doc_id, first.title, first.published) == ("a", "T", "2025-06-01")
    assert first.metadata == {"desk": "africa"}


def test_jsonl_record_without_text_is_an_error() -> None:
    out = _read([json.dumps({"id": "x", "body": "no text field"}), json.dumps([1, 2])])
    assert all(isinstance(x, FormatError) for x in out)
    assert "'text'" in str(out[0]) and "JSON object" in str(out[1])


def test_jsonl_empty_file_is_an_error() -> None:
    assert isinstance(_read([""])[0], FormatError)
