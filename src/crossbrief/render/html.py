"""The briefing as HTML: one self-contained file, every article string escaped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from crossbrief.render.formatting import hedged, number
from crossbrief.textsafety import isolate


def _finalize(value: Any) -> Any:
    """Every printed value: no control that can reorder the page, and text with
    right-to-left letters isolated. Markup (the charts) is left as it is."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return isolate(value)
    return value


def environment(templates: Path) -> jinja2.Environment:
    """Autoescape everywhere and fail on any undefined name."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters["number"] = number
    env.filters["hedged"] = hedged
    return env


def render(templates: Path, context: dict[str, Any], name: str = "briefing.html.j2") -> str:
    env = environment(templates)
    css = (templates / "css" / "briefing.css").read_text(encoding="utf-8")
    return env.get_template(name).render(css=css, **context)
