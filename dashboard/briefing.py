"""A briefing slide as a PNG: title, date range, map of the claims with oblast, city and claimed
place names, legend, what each side claims event by event, sources and attribution, drawn offline
with matplotlib (no browser, no tiles), ready to paste into a slide: as a page (the events below
the map) or at 16:9 (1920 x 1080, the events beside it)."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

import geopandas
import matplotlib

matplotlib.use("Agg")  # no display on a server
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

import pandas as pd  # noqa: E402

from dashboard.style import (DISPUTED_DASH, SIDE_COLOURS, SIDE_LABELS, TYPE_LABELS, TYPE_STYLES,  # noqa: E402
                             label_priority)
from geodata.boundaries import ATTRIBUTION  # noqa: E402

__all__ = ["briefing_png", "MAX_NAMES"]

ASPECT = 1.5
MAX_NAMES = 25  # claimed places named on the map, the most important first
#: Digest columns on the PNG: (column, share of the width, characters per line).
_DIGEST_LAYOUT = (("place", 0.10, 16), ("date", 0.11, 18), ("claim", 0.15, 26), ("claimed by", 0.24, 44),
                  ("the other side", 0.24, 44), ("status", 0.12, 20))
_LINE_PX = 17
#: A town: (name, latitude, longitude), largest first.
Town = tuple[str, float, float]


def _digest_lines(digest: pd.DataFrame) -> list[list[list[str]]]:
    """Each row's cells wrapped to their column's width."""
    return [[textwrap.wrap(str(row[col]), width) or [""] for col, _, width in _DIGEST_LAYOUT]
            for _, row in digest.iterrows()]


def _draw_digest(fig: plt.Figure, rows: list[list[list[str]]], top_px: float, height_px: int) -> None:
    x = 0.02
    for col, share, _ in _DIGEST_LAYOUT:
        fig.text(x, 1 - top_px / height_px, col, fontsize=11, fontweight="bold", va="top")
        x += share
    y = top_px + 24
    for cells in rows:
        fig.add_artist(Line2D([0.02, 0.98], [1 - (y - 5) / height_px] * 2, color="#ccc", linewidth=0.8))
        x = 0.02
        for (_, share, _), lines in zip(_DIGEST_LAYOUT, cells):
            fig.text(x, 1 - y / height_px, "\n".join(lines), fontsize=10.5, va="top", linespacing=1.25)
            x += share
        y += _LINE_PX * max(len(lines) for lines in cells) + 10


def _draw_map(ax: plt.Axes, places: pd.DataFrame, oblasts: geopandas.GeoDataFrame, towns: Sequence[Town],
              box: float) -> None:
    """Oblasts, towns, the claims and the names of the most important claimed places, framed to
    fill an axes ``box`` times as wide as high."""
    oblasts.plot(ax=ax, facecolor="#f2efe9", edgecolor="#8c8c8c", linewidth=0.6)
    if not places.empty:
        for (side, kind, disputed), rows in places.groupby(
                [places["gaining_side"], places["event_type"], places["disputed"].astype(bool)]):
            style = TYPE_STYLES.get(kind, TYPE_STYLES["contested"])
            colour = SIDE_COLOURS.get(side, SIDE_COLOURS["none"])
            ax.scatter(rows["lon"], rows["lat"], s=(style.radius * 2.2) ** 2, c=colour, alpha=max(style.fill_opacity, 0.05),
                       edgecolors=colour, linewidths=style.weight * 0.8, linestyles="--" if disputed else "-", zorder=3)
            ax.scatter(rows["lon"], rows["lat"], s=(style.radius * 2.2) ** 2, facecolors="none", edgecolors=colour,
                       linewidths=style.weight * 0.8, linestyles="--" if disputed else "-", zorder=4)
        west, south, east, north = places["lon"].min(), places["lat"].min(), places["lon"].max(), places["lat"].max()
    else:
        west, south, east, north = oblasts.total_bounds
    # fill the map box: at 48-50 degrees north a degree of longitude is 2/3 of a degree of latitude
    pad = max(1.0, 0.12 * max(east - west, north - south))
    x0, x1, y0, y1 = west - pad, east + pad, south - pad, north + pad
    if (x1 - x0) / (y1 - y0) < box:
        grow = ((y1 - y0) * box - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = ((x1 - x0) / box - (y1 - y0)) / 2
        y0, y1 = y0 - grow, y1 + grow
    inside = lambda lon, lat: x0 < lon < x1 and y0 < lat < y1  # noqa: E731
    # oblast and city names give a slide its bearings
    for name, point in zip(oblasts["name"], oblasts.representative_point()):
        if name and inside(point.x, point.y):
            ax.annotate(str(name), (point.x, point.y), fontsize=9, color="#8c8c8c", style="italic", ha="center",
                        annotation_clip=True, zorder=2)
    shown_towns = [t for t in towns if inside(t[2], t[1])][:12]
    for name, lat, lon in shown_towns:
        ax.plot(lon, lat, marker="s", markersize=3, color="#555", zorder=2)
        ax.annotate(name, (lon, lat), xytext=(4, -9), textcoords="offset points", fontsize=8.5, color="#555", zorder=2)
    if not places.empty:
        top = places.loc[label_priority(places).sort_values(ascending=False, kind="stable").index[:MAX_NAMES]]
        taken: list[tuple[float, float]] = []
        for row in top.itertuples():
            # the eastern quarter writes names to the left of the point: none runs off the map
            right = row.lon < x1 - 0.25 * (x1 - x0)
            near = sum(abs(row.lat - a) < 0.12 and abs(row.lon - b) < 0.6 for a, b in taken)
            taken.append((row.lat, row.lon))
            ax.annotate(str(row.place_name or row.settlement), (row.lon, row.lat),
                        xytext=(7 if right else -7, 5 - 13 * near), textcoords="offset points",
                        ha="left" if right else "right", fontsize=10, zorder=5, annotation_clip=True,
                        bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "alpha": 0.6, "linewidth": 0})
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(ASPECT)
    ax.set_axis_off()


def _legend(fig: plt.Figure, anchor: tuple[float, float], fontsize: int = 12) -> None:
    handles = [Line2D([], [], marker="o", linestyle="", markersize=12, markerfacecolor=c, markeredgecolor=c,
                      label=SIDE_LABELS[s]) for s, c in SIDE_COLOURS.items()]
    handles += [Line2D([], [], marker="o", linestyle="", markersize=max(5, st.radius), markerfacecolor=(0.33, 0.33, 0.33, st.fill_opacity),
                       markeredgecolor="#555", markeredgewidth=st.weight * 0.7, label=TYPE_LABELS[k]) for k, st in TYPE_STYLES.items()]
    handles.append(Line2D([], [], color="#555", linestyle=(0, tuple(int(x) for x in DISPUTED_DASH.split())), linewidth=2,
                          label="dashed: disputed by the other side"))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=anchor, frameon=True, fontsize=fontsize,
               title="Claims of control", title_fontsize=fontsize + 1)


def briefing_png(places: pd.DataFrame, oblasts: geopandas.GeoDataFrame, *, title: str, subtitle: str,
                 sources_note: str, digest: pd.DataFrame | None = None, towns: Sequence[Town] = (),
                 width_px: int = 1600, map_height_px: int = 1000, widescreen: bool = False) -> bytes:
    """The slide as PNG bytes. ``places`` is dashboard.filters.settlements(...); ``digest``
    (dashboard.digest.event_digest) is printed below the map, row by row (beside it, the newest
    first, at 16:9); ``towns`` are named for orientation."""
    # every text on the slide is text: "$5 … $" in a source or title is no matplotlib maths
    with matplotlib.rc_context({"text.parse_math": False}):
        if widescreen:
            return _widescreen(places, oblasts, title=title, subtitle=subtitle, sources_note=sources_note,
                               digest=digest, towns=towns)
        return _page(places, oblasts, title=title, subtitle=subtitle, sources_note=sources_note, digest=digest,
                     towns=towns, width_px=width_px, map_height_px=map_height_px)


def _png(fig: plt.Figure, dpi: int) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi)
    plt.close(fig)
    return out.getvalue()


def _page(places: pd.DataFrame, oblasts: geopandas.GeoDataFrame, *, title: str, subtitle: str, sources_note: str,
          digest: pd.DataFrame | None, towns: Sequence[Town], width_px: int, map_height_px: int) -> bytes:
    dpi = 100
    digest_rows = _digest_lines(digest) if digest is not None and not digest.empty else []
    digest_px = (40 + sum(_LINE_PX * max(len(c) for c in cells) + 10 for cells in digest_rows)) if digest_rows else 0
    height_px = map_height_px + digest_px
    fig = plt.figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)

    def at(px: float) -> float:
        """A height in pixels from the top, as a figure fraction (the figure grows with the digest)."""
        return 1 - px / height_px

    ax = fig.add_axes((0.02, at(0.91 * map_height_px), 0.70, 0.78 * map_height_px / height_px))
    _draw_map(ax, places, oblasts, towns, (0.70 * width_px) / (0.78 * map_height_px) * ASPECT)
    fig.text(0.02, at(50), title, fontsize=24, fontweight="bold", va="top")
    fig.text(0.02, at(95), subtitle, fontsize=14, color="#333", va="top", wrap=True)
    _legend(fig, (0.74, at(140)))
    fig.text(0.74, at(700), textwrap.fill(sources_note, 46), fontsize=11, color="#333", va="top")
    if digest_rows:
        _draw_digest(fig, digest_rows, map_height_px - 40, height_px)
    fig.text(0.02, at(height_px - 30), "Claims are claims: each point shows what a named claimant says, not verified fact. "
             + ATTRIBUTION + ".", fontsize=10, color="#555")
    return _png(fig, dpi)


def _widescreen(places: pd.DataFrame, oblasts: geopandas.GeoDataFrame, *, title: str, subtitle: str,
                sources_note: str, digest: pd.DataFrame | None, towns: Sequence[Town]) -> bytes:
    """1920 x 1080: title, map on the left, legend and the newest events on the right."""
    dpi, width, height = 100, 1920, 1080
    fig = plt.figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    fig.text(0.02, 1 - 40 / height, title, fontsize=28, fontweight="bold", va="top")
    fig.text(0.02, 1 - 90 / height, textwrap.fill(subtitle, 150), fontsize=14, color="#333", va="top")
    ax = fig.add_axes((0.01, 0.07, 0.60, 0.78))
    _draw_map(ax, places, oblasts, towns, (0.60 * width) / (0.78 * height) * ASPECT)
    _legend(fig, (0.63, 1 - 140 / height), fontsize=11)
    y = 560
    if digest is not None and not digest.empty:
        fig.text(0.63, 1 - y / height, "Newest events", fontsize=13, fontweight="bold", va="top")
        y += 28
        for row in digest.head(6).to_dict("records"):
            line = textwrap.fill(f"{row['place']}, {row['date']}: {row['claim']} — {row['status']}", 62)
            who = textwrap.fill(f"claimed by {row['claimed by']}; the other side: {row['the other side']}", 70)
            fig.text(0.63, 1 - y / height, line, fontsize=11, fontweight="bold", va="top")
            y += 17 * len(line.split("\n"))
            fig.text(0.63, 1 - y / height, who, fontsize=10, color="#333", va="top")
            y += 15 * len(who.split("\n")) + 10
            if y > 960:
                break
    fig.text(0.63, 0.07, textwrap.fill(sources_note, 80), fontsize=10, color="#333", va="bottom")
    fig.text(0.02, 0.02, "Claims are claims: each point shows what a named claimant says, not verified fact. "
             + ATTRIBUTION + ".", fontsize=10, color="#555")
    return _png(fig, dpi)
