"""folium elements whose output is added to the page as text.

branca's MacroElement turns each rendered part (header, html, script) into a new Jinja template
and compiles it: slow for the hundreds of kilobytes of a claims layer or the place names, and
unsafe with text from articles in it, where "{{ ... }}" would be run as Jinja on the server.
RawMacroElement adds the same parts as plain text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from branca.element import Element, Figure, MacroElement

__all__ = ["RawMacroElement", "Raw", "script_json", "no_jinja"]

_OPENERS = re.compile(r"\{(?=[{%#])")


class Raw(Element):
    """Text that renders as itself."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class RawMacroElement(MacroElement):
    """A MacroElement whose rendered parts are added as text, never compiled again."""

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("this element can only be rendered inside a Figure")
        module = self._template.module.__dict__
        for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            macro = module.get(part)
            if macro is not None:
                target.add_child(Raw(str(macro(self, kwargs))), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element (as Jinja's tojson: no "<", ">", "&", "'"), compact,
    and with no "{{", "{%" or "{#" for a template engine to read (they only occur in strings,
    where a JSON escape reads the same)."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")
    return _OPENERS.sub(r"\\u007b", text)


def no_jinja(html_text: str) -> str:
    """HTML text (already escaped) with "{" as an entity: a template engine reads no tag in it."""
    return html_text.replace("{", "&#123;")
