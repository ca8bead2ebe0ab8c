from __future__ import annotations

import gzip
import io

import pytest

from dotterel.errors import FormatError, InputError
from dotterel.ingest import Source, read_paths, warc

from .pages import page

warcio = pytest.importorskip("warcio")

PAGES = [("https://one.example/a", "text/html; charset=utf-8", page("Envoys meet in Berlin", date=None, url=None),
          "2024-05-01T12:00:00Z"),
         ("https://cdn.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64), "2024-05-02T12:00:00Z"),
         ("https://two.example/b", "text/html", page("Talks resume in Geneva", url=None), "2024-05-03T12:00:00Z")]


def build_warc(gz: bool) -> bytes:
    """A WARC with two HTML responses, an image response and a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, ctype, body, date in PAGES:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=http, warc_headers_dict={"WARC-Date": date}))
    req = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "one.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://one.example/a", "request", payload=io.BytesIO(b""),
                                                  length=0, http_headers=req))
    return buf.getvalue()


def _read(tmp_path, data: bytes, name: str) -> list[Source | InputError]:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_paths([path]))


@pytest.mark.parametrize(("gz", "name"), [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_warc_html_responses_become_documents(tmp_path, gz: bool, name: str) -> None:  # type: ignore[no-untyped-def]
    out = _read(tmp_path, build_warc(gz), name)
    assert all(isinstance(s, Source) for s in out), out
    assert [s.url for s in out] == ["https://one.example/a", "https://two.example/b"]  # type: ignore[union-attr]
    first, second = out
    assert first.published == "2024-05-01T12:00:00Z"  # type: ignore[union-attr]  # no page date: capture date
    assert second.published is not None and second.published.startswith("2024-03-05")  # type: ignore[union-attr]
    assert first.title == "Envoys meet in Berlin" and "Berlin on Tuesday" in first.text  # type: ignore[union-attr]
    assert (first.outlet, second.outlet) == ("one.example", "two.example")  # type: ignore[union-attr]


def test_warc_truncated_gz_keeps_first_records_and_gives_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = build_warc(gz=True)
    out = _read(tmp_path, data[: len(data) * 3 // 4], "cut.warc.gz")
    assert [type(x).__name__ for x in out] == ["Source", "FormatError"], out
    err = out[-1]
    assert isinstance(err, FormatError) and "truncated" in err.reason and err.source.endswith("cut.warc.gz")


def test_warc_truncated_plain_record_is_an_error_at_its_offset() -> None:
    data = build_warc(gz=False)
    cut = data.index(b"Talks resume in Geneva") + 200
    out = list(warc.read(data[:cut], "cut.warc"))
    assert [type(x).__name__ for x in out] == ["Source", "FormatError"], out
    assert isinstance(out[1], FormatError) and out[1].line is not None and out[1].line > 0


def test_warc_not_an_archive_is_one_error() -> None:
    (err,) = list(warc.read(b"hello, not a warc", "x.warc"))
    assert isinstance(err, FormatError) and "not a WARC" in err.reason


def test_warc_gz_by_name_is_decompressed_once() -> None:
    assert gzip.decompress(build_warc(gz=True)).startswith(b"WARC/1")
