"""One input file to one Document (or a Rejection that says why and how to fix it)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from crossbrief.ingest import layout, markup, metadata, outlet
from crossbrief.ingest.decode import DecodeError, decode
from crossbrief.ingest.manifest import Entry
from crossbrief.ingest.mapped import MappedText
from crossbrief.records import META_FIELDS, Document, Known, Paragraph, Rejection
from crossbrief.textsafety import count_controls, strip_controls


def ingest_bytes(doc_id: str, path: str, data: bytes, entry: Entry | None) -> Document | Rejection:
    """Read one article's bytes; never raises for bad content."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        decoded = decode(data)
    except DecodeError as err:
        return Rejection(doc_id, path, digest, len(data), str(err))
    warnings = list(decoded.warnings)
    suffix = Path(path).suffix.lower()
    from_page: markup.Extracted | None = None
    source = decoded.text
    if suffix in (".html", ".htm"):
        from_page = markup.from_html(source)
        source = from_page.text
        warnings.append("offsets refer to the text extracted from the HTML page")
        if not source.strip():
            return Rejection(
                doc_id,
                path,
                digest,
                len(data),
                "no article text found in the HTML page; save the article's own page "
                "or its text as .txt",
            )
    elif suffix == ".md":
        source = markup.from_markdown(source)
    controls = count_controls(source)
    if controls:
        warnings.append(
            f"removed {controls:,} bidirectional control character(s) (U+202A-U+202E, "
            "U+2066-U+2069, U+200E/F, U+061C): they can reorder what is displayed"
        )
    blocks = layout.layout(source)
    if not any(b.role in ("body", "heading") for b in blocks):
        return Rejection(
            doc_id,
            path,
            digest,
            len(data),
            "no article text left after removing page furniture; check the file's content",
        )
    inferred = metadata.infer(blocks, (entry or Entry()).date_order)
    warnings.extend(inferred.warnings)
    if inferred.dateline_index is not None:
        blocks[inferred.dateline_index] = layout.Block(
            blocks[inferred.dateline_index].text, "byline"
        )
    text, paragraphs, offsets = _assemble(blocks)
    document = Document(
        id=doc_id,
        path=path,
        sha256=digest,
        size=len(data),
        encoding=decoded.encoding,
        text=text,
        paragraphs=paragraphs,
        offsets=offsets,
    )
    site = outlet.site_name(inferred.title)
    from_text = {
        "title": site[0] if site else inferred.title,
        "outlet": outlet.inferred_outlet(
            inferred.title, [b.text.text for b in blocks if b.role in ("body", "heading", "byline")]
        ),
        "author": inferred.author,
        "published": inferred.published.isoformat() if inferred.published else None,
    }
    if from_page is not None:
        page = {
            "title": from_page.title,
            "author": from_page.author,
            "published": from_page.published,
            "outlet": from_page.outlet,
        }
        from_text = {k: page.get(k) or from_text.get(k) for k in {*page, *from_text}}
    return _with_metadata(document, entry or Entry(), from_text, warnings)


def _assemble(
    blocks: list[layout.Block],
) -> tuple[str, tuple[Paragraph, ...], tuple[tuple[int, int], ...]]:
    pieces: list[MappedText | str] = []
    paragraphs: list[Paragraph] = []
    length = 0
    for block in blocks:
        if length:
            pieces.append("\n\n")
            length += 2
        start = length
        pieces.append(block.text)
        length += len(block.text.text)
        paragraphs.append(Paragraph(start, length, block.role))
    joined = MappedText.concat(pieces)
    return joined.text, tuple(paragraphs), joined.anchors


#: The longest metadata value kept; a longer one is cut (with a warning): a
#: 3,000-character title is a mistake or an attack, and would swamp every page.
MAX_META_CHARS = {"outlet": 120, "title": 300, "author": 160, "genre": 60, "url": 2000}


def _clean(name: str, value: str | None, warnings: list[str]) -> str | None:
    """A metadata value without bidi controls (they would reorder the page around it),
    cut to its longest length."""
    if value is None:
        return None
    value = strip_controls(value)
    limit = MAX_META_CHARS.get(name)
    if limit is not None and len(value) > limit:
        warnings.append(f"the {name} is {len(value):,} characters long; cut to {limit}")
        value = value[: limit - 1] + "…"
    return value


def _with_metadata(
    document: Document, entry: Entry, from_text: dict[str, str | None], warnings: list[str]
) -> Document:
    values: dict[str, str | None] = {}
    known: dict[str, Known] = {}
    for name in META_FIELDS:
        given = _clean(name, getattr(entry, name), warnings)
        found = _clean(name, from_text.get(name), warnings)
        if given is not None:
            values[name], known[name] = given, "manifest"
            if name == "published" and found and found != given:
                warnings.append(
                    f"the manifest dates the article {given} but its dateline says {found}"
                )
        elif found is not None:
            values[name], known[name] = found, "text"
        else:
            values[name], known[name] = None, "unknown"
    if values["published"] is None:
        warnings.append(
            "publication date unknown: relative dates stay unresolved; add 'published' "
            "to seeds/sources.yaml"
        )
    return replace(
        document,
        outlet=values["outlet"],
        title=values["title"],
        author=values["author"],
        published=values["published"],
        url=values["url"],
        genre=values["genre"],
        reliability=entry.reliability,
        date_order=entry.date_order,
        known=known,
        warnings=tuple(warnings),
    )
