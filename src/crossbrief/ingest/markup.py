"""HTML and Markdown articles to plain text that the layout rules can read."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: htmldate refuses dates after this; a fixed bound keeps ingest free of clock reads.
_MAX_DATE = "2099-12-31"


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    author: str | None
    published: str | None
    outlet: str | None


def from_html(html: str) -> Extracted:
    """Main text and metadata of a web page, with trafilatura (no network access).

    Paragraphs are separated by blank lines so that only mid-sentence cuts are
    joined later. Scripts, styles, comments, images and links never reach the text.
    """
    import trafilatura  # heavy; only HTML articles need it

    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        with_metadata=False,
    )
    meta = trafilatura.extract_metadata(
        html, date_config={"extensive_search": False, "original_date": True, "max_date": _MAX_DATE}
    )
    body = "\n\n".join(line for line in (text or "").splitlines() if line.strip())
    return Extracted(
        text=body,
        title=_clean(meta.title),
        author=_clean(meta.author),
        published=_clean(meta.date),
        outlet=_clean(meta.sitename),
    )


_MD_HEADING = re.compile(r"^(\s{0,3}(?:#{1,6}|>+)\s*)", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def from_markdown(text: str) -> str:
    """Markdown without heading and quote markers, links reduced to their text and
    images to a "Photo: alt" caption line. Lines keep their length where they can so
    offsets stay close to the source."""
    text = _MD_HEADING.sub(lambda m: " " * len(m.group(1)), text)
    text = _MD_IMAGE.sub(lambda m: f"\n\nPhoto: {m.group(1)}\n\n" if m.group(1) else "", text)
    return _MD_LINK.sub(lambda m: m.group(1), text)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
