"""The map's legend: a folium element drawn inside the map, so screenshots carry it."""

from __future__ import annotations

import html

from branca.element import MacroElement, Template

from dashboard.style import DISPUTED_DASH, SIDE_COLOURS, SIDE_LABELS, TYPE_LABELS, TYPE_STYLES

__all__ = ["Legend"]


class Legend(MacroElement):
    """Colours by gaining side, styles by event type, dashed outline for disputed events."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>
          .fc-popup { font: 12px/1.4 sans-serif; max-width: 300px; color: #222; }
          .fc-popup i { color: #666; }
          /* a small attribution, whole, clear of the scale bar, for slide screenshots */
          .leaflet-control-attribution { font: 10px/1.4 sans-serif; max-width: calc(100% - 110px); }
          .leaflet-bottom.leaflet-left .leaflet-control-scale { margin-bottom: 6px; }
        </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
        <div id="{{ this.get_name() }}" class="fc-legend" role="note" aria-label="Map legend"
             style="position:absolute; top:10px; right:10px; z-index:1000; background:rgba(255,255,255,0.92);
                    padding:6px 8px; border:1px solid #999; border-radius:4px; font:11px/1.3 sans-serif;
                    color:#222; max-width:230px; box-shadow:0 1px 4px rgba(0,0,0,0.25);">
          {{ this.body }}
        </div>
        {% endmacro %}
    """)

    def __init__(self, title: str = "Claims of control", note: str = "") -> None:
        super().__init__()
        self._name = "Legend"
        rows = [f"<div style='font-weight:bold;margin-bottom:4px'>{html.escape(title)}</div>"]
        for side, colour in SIDE_COLOURS.items():
            rows.append(f"<div><svg width='14' height='14'><circle cx='7' cy='7' r='6' fill='{colour}' "
                        f"stroke='{colour}'/></svg> {html.escape(SIDE_LABELS[side])}</div>")
        rows.append("<div style='margin-top:4px'>")
        for kind, style in TYPE_STYLES.items():
            r = max(3, style.radius - 3)
            rows.append(f"<div><svg width='16' height='16'><circle cx='8' cy='8' r='{r}' fill='#555' "
                        f"fill-opacity='{style.fill_opacity}' stroke='#555' stroke-width='{min(style.weight, 3)}'/>"
                        f"</svg> {html.escape(TYPE_LABELS[kind])}</div>")
        rows.append(f"<div><svg width='16' height='16'><circle cx='8' cy='8' r='6' fill='none' stroke='#555' "
                    f"stroke-width='2' stroke-dasharray='{DISPUTED_DASH}'/></svg> disputed by the other side</div>")
        rows.append("</div>")
        if note:
            rows.append(f"<div style='margin-top:4px;color:#555'>{html.escape(note)}</div>")
        self.body = "".join(rows)
