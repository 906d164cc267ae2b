"""HTML and Markdown articles to plain text that the layout rules can read."""

from __future__ import annotations

import re
from collections.abc import Callable
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


def from_markdown(text: str) -> str:
    """Markdown without heading and quote markers, links reduced to their text and
    images to a "Photo: alt" caption line. Lines keep their length where they can so
    offsets stay close to the source."""
    text = _MD_HEADING.sub(lambda m: " " * len(m.group(1)), text)
    text = _replace_links(text, "![", 0, lambda alt: f"\n\nPhoto: {alt}\n\n" if alt else "")
    return _replace_links(text, "[", 1, lambda label: label)


def _replace_links(text: str, opener: str, min_label: int, replace: Callable[[str], str]) -> str:
    """Each ``<opener>label](target)`` replaced by ``replace(label)``, left to right
    and without overlaps, as ``re.sub`` did with a pattern for the opener, a label of
    at least ``min_label`` characters up to the first "]", "(" and a target up to the
    first ")".

    The regular expression rescans to the end of the text from every opener when a
    closing bracket or parenthesis is missing, so "![" repeated took hours on 5 MB.
    Here the next "]" and the next ")" are looked up once and reused while they lie
    ahead, which keeps the scan linear.
    """
    out: list[str] = []
    done = 0  # text before this is settled
    bracket = paren = -2  # cached positions of the next "]" and ")"; -1 when none
    at = text.find(opener)
    while at >= 0:
        label_start = at + len(opener)
        if bracket != -1 and bracket < label_start:
            bracket = text.find("]", label_start)
        if bracket == -1:
            break  # no "]" ahead: no later opener can match either
        matched = bracket - label_start >= min_label and text.startswith("(", bracket + 1)
        if matched:
            if paren != -1 and paren < bracket + 2:
                paren = text.find(")", bracket + 2)
            matched = paren != -1
        if matched:
            out.append(text[done:at])
            out.append(replace(text[label_start:bracket]))
            done = paren + 1
            at = text.find(opener, done)
        else:
            at = text.find(opener, at + 1)
    out.append(text[done:])
    return "".join(out)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
