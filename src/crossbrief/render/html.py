"""The briefing as HTML: one self-contained file, every article string escaped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from crossbrief.render.formatting import hedged, number


def environment(templates: Path) -> jinja2.Environment:
    """Autoescape everywhere and fail on any undefined name."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["number"] = number
    env.filters["hedged"] = hedged
    return env


def render(templates: Path, context: dict[str, Any], name: str = "briefing.html.j2") -> str:
    env = environment(templates)
    css = (templates / "css" / "briefing.css").read_text(encoding="utf-8")
    return env.get_template(name).render(css=css, **context)
