"""Rendering: Jinja2 HTML (autoescaped) and a sandboxed WeasyPrint PDF."""
