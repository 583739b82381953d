"""A briefing slide as a PNG: title, date range, map of the claims, legend, sources and
attribution, drawn offline with matplotlib (no browser, no tiles), ready to paste into a slide."""

from __future__ import annotations

import io

import geopandas
import matplotlib

matplotlib.use("Agg")  # no display on a server
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

import pandas as pd  # noqa: E402

from dashboard.style import DISPUTED_DASH, SIDE_COLOURS, SIDE_LABELS, TYPE_LABELS, TYPE_STYLES  # noqa: E402
from geodata.boundaries import ATTRIBUTION  # noqa: E402

__all__ = ["briefing_png"]

ASPECT = 1.5


def briefing_png(places: pd.DataFrame, oblasts: geopandas.GeoDataFrame, *, title: str, subtitle: str,
                 sources_note: str, width_px: int = 1600, height_px: int = 1000) -> bytes:
    """The slide as PNG bytes. ``places`` is dashboard.filters.settlements(...)."""
    dpi = 100
    fig = plt.figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
    ax = fig.add_axes((0.02, 0.09, 0.70, 0.78))
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
        if len(places) <= 40:
            for row in places.itertuples():
                ax.annotate(str(row.place_name or row.settlement), (row.lon, row.lat), xytext=(7, 5),
                            textcoords="offset points", fontsize=10, zorder=5)
        west, south, east, north = places["lon"].min(), places["lat"].min(), places["lon"].max(), places["lat"].max()
    else:
        west, south, east, north = oblasts.total_bounds
    # fill the map box: at 48-50 degrees north a degree of longitude is 2/3 of a degree of latitude
    box = (0.70 * width_px) / (0.78 * height_px) * ASPECT
    pad = max(0.5, 0.12 * max(east - west, north - south))
    x0, x1, y0, y1 = west - pad, east + pad, south - pad, north + pad
    if (x1 - x0) / (y1 - y0) < box:
        grow = ((y1 - y0) * box - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = ((x1 - x0) / box - (y1 - y0)) / 2
        y0, y1 = y0 - grow, y1 + grow
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(ASPECT)
    ax.set_axis_off()
    fig.text(0.02, 0.95, title, fontsize=24, fontweight="bold", va="top")
    fig.text(0.02, 0.905, subtitle, fontsize=14, color="#333", va="top")
    handles = [Line2D([], [], marker="o", linestyle="", markersize=12, markerfacecolor=c, markeredgecolor=c,
                      label=SIDE_LABELS[s]) for s, c in SIDE_COLOURS.items()]
    handles += [Line2D([], [], marker="o", linestyle="", markersize=max(5, st.radius), markerfacecolor=(0.33, 0.33, 0.33, st.fill_opacity),
                       markeredgecolor="#555", markeredgewidth=st.weight * 0.7, label=TYPE_LABELS[k]) for k, st in TYPE_STYLES.items()]
    handles.append(Line2D([], [], color="#555", linestyle=(0, tuple(int(x) for x in DISPUTED_DASH.split())), linewidth=2,
                          label="dashed: disputed by the other side"))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.74, 0.86), frameon=True, fontsize=12,
               title="Claims of control", title_fontsize=13)
    fig.text(0.74, 0.30, sources_note, fontsize=11, color="#333", va="top", wrap=True)
    fig.text(0.02, 0.03, "Claims are claims: each point shows what a named claimant says, not verified fact. "
             + ATTRIBUTION + ".", fontsize=10, color="#555")
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi)
    plt.close(fig)
    return out.getvalue()
