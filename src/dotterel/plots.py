"""Dyad charts: stacked QuadClass bars per period with a mean-Goldstein line.

`write_html` writes an interactive Plotly page with plotly.js **inlined**
(no CDN, no MathJax, no web fonts), so it opens offline; the most reported
events of each period are its bars' hover text. `write_png` draws the same
chart with matplotlib (no browser needed, unlike kaleido). Both take the rows
of `dyad.dyad_series` and the `dyad.top_events` mapping.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .dyad import QUAD_NAMES
from .errors import ConfigError

QUAD_LABELS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
QUAD_COLOURS = ("#8fbcd4", "#2b7bba", "#f4a582", "#c0392b")
GOLDSTEIN_COLOUR = "#222222"


def _both(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [r for r in rows if r["direction"] == "both"]


def _title(a: str, b: str, rows: Sequence[Mapping[str, Any]]) -> str:
    total = sum(int(r["events"]) for r in rows)
    return f"{a.upper()}–{b.upper()}: {total} events by QuadClass, mean Goldstein"


def hover_text(period: str, row: Mapping[str, Any], top: Sequence[Mapping[str, Any]]) -> str:
    """The hover text of a period: its counts and its most reported events (HTML-escaped)."""
    lines = [f"<b>{html.escape(period)}</b>: {row['events']} events, Goldstein mean "
             f"{row['goldstein_mean'] if row['goldstein_mean'] is not None else '–'}"]
    if row.get("departure"):
        lines.append(f"departs from baseline (z = {row['z']})")
    for e in top:
        kind = e["type"] + (f"/{e['mode']}" if e.get("mode") else "")
        lines.append(html.escape(f"{kind} {e['source_code'] or '-'} → {e['target_code'] or '-'} "
                                 f"{e['date_value'] or ''} ({e['num_mentions']} mentions)"))
    return "<br>".join(lines)


def figure(a: str, b: str, rows: Sequence[Mapping[str, Any]],
           top: Mapping[str, Sequence[Mapping[str, Any]]] | None = None) -> Any:
    """A Plotly figure of the dyad: stacked QuadClass bars (left axis), mean Goldstein (right axis)."""
    import plotly.graph_objects as go

    both = _both(rows)
    periods = [r["period"] for r in both]
    hover = [hover_text(p, r, (top or {}).get(p, ())) for p, r in zip(periods, both)]
    fig = go.Figure()
    for name, label, colour in zip(QUAD_NAMES, QUAD_LABELS, QUAD_COLOURS):
        fig.add_trace(go.Bar(x=periods, y=[r[name] for r in both], name=label, marker_color=colour,
                             hovertext=hover, hoverinfo="text+name"))
    fig.add_trace(go.Scatter(x=periods, y=[r["goldstein_mean"] for r in both], name="mean Goldstein",
                             mode="lines+markers", yaxis="y2", line={"color": GOLDSTEIN_COLOUR},
                             connectgaps=False, hoverinfo="y+name"))
    flagged = [r for r in both if r.get("departure")]
    if flagged:
        fig.add_trace(go.Scatter(x=[r["period"] for r in flagged], y=[r["events"] for r in flagged],
                                 mode="markers", name="departs from baseline",
                                 marker={"symbol": "star", "size": 12, "color": "#000000"}))
    fig.update_layout(barmode="stack", title=_title(a, b, both), template="plotly_white",
                      font={"family": "sans-serif"}, xaxis={"title": "period (resolved event date)"},
                      yaxis={"title": "events (clusters)"},
                      yaxis2={"title": "Goldstein", "overlaying": "y", "side": "right", "range": [-10, 10],
                              "tickmode": "linear", "dtick": 5, "showgrid": False},
                      legend={"orientation": "h", "y": -0.2})
    return fig


def write_html(path: str | Path, a: str, b: str, rows: Sequence[Mapping[str, Any]],
               top: Mapping[str, Sequence[Mapping[str, Any]]] | None = None) -> Path:
    """Write the interactive chart as one self-contained HTML file (plotly.js inlined, works offline)."""
    path = Path(path)
    figure(a, b, rows, top).write_html(str(path), include_plotlyjs=True, include_mathjax=False, full_html=True,
                                       config={"displaylogo": False})
    return path


def write_png(path: str | Path, a: str, b: str, rows: Sequence[Mapping[str, Any]]) -> Path:
    """Write the chart as a PNG with matplotlib (headless Agg canvas; no global pyplot state)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    both = _both(rows)
    periods = [r["period"] for r in both]
    fig = Figure(figsize=(max(8.0, 0.45 * len(periods) + 3), 5.0), dpi=120)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    x = list(range(len(periods)))
    bottom = [0] * len(periods)
    for name, label, colour in zip(QUAD_NAMES, QUAD_LABELS, QUAD_COLOURS):
        heights = [int(r[name]) for r in both]
        ax.bar(x, heights, bottom=bottom, label=label, color=colour)
        bottom = [b_ + h for b_, h in zip(bottom, heights)]
    for i, r in enumerate(both):
        if r.get("departure"):
            ax.plot([i], [r["events"]], marker="*", color="black", markersize=12)
    ax.set_ylim(0, max(bottom + [1]) * 1.15)
    ax.set_ylabel("events (clusters)")
    ax.set_xticks(x, periods, rotation=45, ha="right", fontsize=8)
    ax2 = ax.twinx()
    ax2.plot(x, [float("nan") if r["goldstein_mean"] is None else r["goldstein_mean"] for r in both],
             color=GOLDSTEIN_COLOUR, marker="o", label="mean Goldstein")
    ax2.set_ylim(-10, 10)
    ax2.set_ylabel("Goldstein")
    ax.set_title(_title(a, b, both))
    handles, labels = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    fig.legend(handles + h2, labels + l2, fontsize=8, loc="lower center", ncol=3, frameon=False)
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    fig.savefig(str(path), format="png")
    return Path(path)


def write_chart(path: str | Path, a: str, b: str, rows: Sequence[Mapping[str, Any]],
                top: Mapping[str, Sequence[Mapping[str, Any]]] | None = None) -> Path:
    """Write the chart as HTML or PNG, by the file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        return write_html(path, a, b, rows, top)
    if suffix == ".png":
        return write_png(path, a, b, rows)
    raise ConfigError(f"cannot plot to {path}: use a .html or .png file")
