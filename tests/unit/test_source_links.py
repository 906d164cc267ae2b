"""Manifest addresses become links on the Sources page only when they are http(s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossbrief.inventory import SOURCE_COLUMNS, web_link
from crossbrief.render.html import environment

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@pytest.mark.parametrize(
    "url",
    ["https://news.example.org/2021/05/story", "http://example.com/a?b=1&c=2#top"],
)
def test_http_addresses_are_links(url: str) -> None:
    assert web_link(url) == url


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:alert(1)",
        "JAVASCRIPT://example.com/%0aalert(1)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.com/file",
        "https://",
        "https://example.com/a b",
        'https://example.com/"onmouseover="x',
        "https://exa\u202emple.com/",
        "www.example.com/story",
    ],
)
def test_anything_else_is_not_a_link(url: str | None) -> None:
    assert web_link(url) == ""


def _sources_page(url: str) -> str:
    row = {column: "" for column in SOURCE_COLUMNS} | {
        "document": "a.txt",
        "outlet": "Example Daily",
        "title": "A headline",
        "url": url,
        "link": web_link(url),
        "reprint_group": "a.txt",
        "troop_figures": "0",
        "attack_counts": "0",
        "casualtys": "0",
        "events": "0",
    }
    macros = '{% import "_macros.html.j2" as m %}'
    template = environment(TEMPLATES).from_string(macros + '{% include "_sources.html.j2" %}')
    return template.render(sources=[row], sources_left=0)


def test_the_title_links_to_an_http_address() -> None:
    page = _sources_page("https://news.example.org/story")
    assert 'href="https://news.example.org/story"' in page
    assert 'rel="noopener noreferrer nofollow"' in page


def test_another_scheme_is_shown_as_text_not_linked() -> None:
    page = _sources_page("javascript:alert(1)")
    assert 'href="javascript' not in page
    assert "javascript:alert(1)" in page
