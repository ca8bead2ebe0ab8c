"""Dyad charts: the HTML works offline (nothing loaded from the network), the PNG is drawn."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dotterel import dyad, plots
from dotterel.errors import ConfigError
from tests.test_dyad import build_store

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


class _Links(HTMLParser):
    """Every src/href attribute of the page's tags, and the text of its <style> blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.styles: list[str] = []
        self.scripts: list[int] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v or "" for k, v in attrs if k in ("src", "href", "data")]
        self._in = tag

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.styles.append(data)
        if self._in == "script":
            self.scripts.append(len(data))

    def handle_endtag(self, tag: str) -> None:
        self._in = None


@pytest.fixture(scope="module")
def chart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = build_store()
    rows = dyad.dyad_series(store, "PAK", "RUS")
    top = dyad.top_events(store, "PAK", "RUS")
    return plots.write_chart(tmp_path_factory.mktemp("plot") / "pak_rus.html", "PAK", "RUS", rows, top)


def test_plots_html_loads_nothing_from_the_network(chart: Path) -> None:
    page = chart.read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(page)
    remote = re.compile(r"^\s*(https?:)?//", re.I)
    assert not [link for link in parser.links if remote.match(link)]
    assert not [s for s in parser.styles if re.search(r"@import|url\(\s*['\"]?(https?:)?//", s)]
    # href="https://…" strings do occur inside plotly.js (attribution links it may render); they are
    # link targets in script text, not resources, and the parser above sees no such tag attribute.
    assert 'src="http' not in page and "<link" not in page
    assert max(parser.scripts) > 1_000_000  # plotly.js itself is inlined


def test_plots_hover_text_names_top_events(chart: Path) -> None:
    page = chart.read_text(encoding="utf-8")
    assert "CONSULT\\u002fvisit RUSGOV \\u2192 PAKGOV 2021-04 (4 mentions)" in page  # JSON-escaped


def test_plots_png(tmp_path: Path) -> None:
    store = build_store()
    path = plots.write_chart(tmp_path / "c.png", "PAK", "RUS", dyad.dyad_series(store, "PAK", "RUS"))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plots_rejects_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        plots.write_chart(tmp_path / "c.svg", "PAK", "RUS", [])


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine")
def test_plots_html_renders_offline_in_chromium(chart: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    # No network at all: a proxy that does not exist, so anything remote would fail to load.
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
                    "--virtual-time-budget=5000", "--window-size=1000,700", f"--screenshot={shot}",
                    chart.as_uri()], check=True, capture_output=True, timeout=120)
    assert shot.stat().st_size > 10_000
