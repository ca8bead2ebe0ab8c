from __future__ import annotations

import bz2
import gzip
import json
import random
from pathlib import Path

import pytest

from dotterel.errors import FormatError
from dotterel.ingest import Source, read_paths
from dotterel.ingest.compressed import decompress

zstandard = pytest.importorskip("zstandard")

RECORDS = [{"uid": "a1", "body": "Kenya deployed police officers to Haiti on Sunday.", "date": "2025-06-02",
            "headline": "Police deployed", "link": "https://wire.example/a1", "desk": "africa"},
           {"uid": "a2", "body": "Japan and China held security talks in Tokyo.", "date": "2024-07-10",
            "headline": "Talks in Tokyo", "link": "https://wire.example/a2"}]
RAW = ("\n".join(json.dumps(r) for r in RECORDS) + "\n").encode()
COMPRESS = {".gz": gzip.compress, ".bz2": lambda b: bz2.compress(b, 1), ".zst": lambda b: zstandard.ZstdCompressor().compress(b)}
FIELDS = {"text_field": "body", "date_field": "date", "title_field": "headline", "id_field": "uid",
          "url_field": "link"}


@pytest.mark.parametrize("suffix", list(COMPRESS))
def test_compressed_jsonl_with_custom_fields(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"dump.jsonl{suffix}"
    path.write_bytes(COMPRESS[suffix](RAW))
    out = list(read_paths([path], **FIELDS))
    assert all(isinstance(s, Source) for s in out), out
    first = out[0]
    assert isinstance(first, Source)
    assert (first.doc_id, first.title, first.published, first.url) == ("a1", "Police deployed", "2025-06-02",
                                                                        "https://wire.example/a1")
    assert first.text.startswith("Kenya") and first.metadata == {"desk": "africa"}


def test_compressed_jsonl_default_fields_say_which_key_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(RAW))
    errors = list(read_paths([path]))
    assert all(isinstance(e, FormatError) and "'text'" in e.reason for e in errors) and len(errors) == 2


@pytest.mark.parametrize("suffix", list(COMPRESS))
def test_compressed_bomb_is_refused(suffix: str) -> None:
    bomb = COMPRESS[suffix](b"\0" * 200_000)
    with pytest.raises(FormatError, match="more than 100,000 bytes"):
        decompress(bomb, f"bomb.jsonl{suffix}", limit=100_000)


def test_compressed_bomb_through_read_paths_is_an_error_row(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import dotterel.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100_000)
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b"\0" * 200_000))
    (err,) = list(read_paths([path]))
    assert isinstance(err, FormatError) and "refused" in err.reason


@pytest.mark.parametrize("suffix", list(COMPRESS))
def test_compressed_truncated_keeps_whole_records(tmp_path: Path, suffix: str) -> None:
    rng = random.Random(5)  # incompressible text, so that the first blocks end before the cut
    big = ("\n".join(json.dumps({"text": f"Record {i}: " + rng.randbytes(40).hex()}) for i in range(12000))
           + "\n").encode()
    data = COMPRESS[suffix](big)
    path = tmp_path / f"cut.jsonl{suffix}"
    path.write_bytes(data[: len(data) // 2])
    out = list(read_paths([path]))
    assert isinstance(out[-1], FormatError) and "truncated" in out[-1].reason
    assert sum(isinstance(s, Source) for s in out) > 0


@pytest.mark.parametrize("data", [b"not gzip at all", b"\x1f\x8b\x08garbage"])
def test_compressed_invalid_data_is_one_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(data)
    (err,) = list(read_paths([path]))
    assert isinstance(err, FormatError) and "gzip" in err.reason


def test_compressed_unnamed_gzip_on_stdin_is_sniffed() -> None:
    unpacked = decompress(gzip.compress(RAW), "-", limit=10**6)
    assert unpacked.data == RAW and unpacked.error is None
