"""Bytes to text: byte-order marks, strict UTF-8, then a charset detector.

Nothing is garbled silently: a file is decoded with the encoding named in the
result, decoded with its few invalid bytes replaced and a warning that counts them,
or rejected with a reason that says what to do.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Signatures of binary formats people save under a text name by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.odt)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

#: Above this share of invalid bytes a "UTF-8" file is not UTF-8 at all.
_MAX_INVALID_UTF8_SHARE = 0.001
#: charset-normalizer's chaos measure above which a decoding is not trusted.
_MAX_CHAOS = 0.25


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why and what to do."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes) -> Decoded:
    """Decode an article's raw bytes, or raise :class:`DecodeError`."""
    if not data:
        raise DecodeError("the file is empty; remove it or paste the article's text into it")
    for signature, what in _MAGIC:
        if data.startswith(signature):
            raise DecodeError(
                f"the file is {what}, not text; save the article as .txt, .md or .html"
            )
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"the file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} at byte {err.start + len(bom)}; re-save it as UTF-8"
                ) from err
            return _checked(text, encoding, ())
    nuls = data.count(b"\x00")
    if nuls:
        raise DecodeError(
            f"the file holds {nuls} NUL bytes and no byte-order mark: it is "
            "binary or UTF-16 without a BOM; re-save it as UTF-8"
        )
    try:
        return _checked(data.decode("utf-8"), "utf-8", ())
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise DecodeError(
            "the encoding could not be detected with confidence; re-save the file as UTF-8"
        )
    encoding = best.encoding
    text = str(best)
    if encoding != "cp1252" and _decodes_same(data, "cp1252", text):
        encoding = "cp1252"  # the most common of equivalent readings
    return _checked(
        text,
        encoding,
        (f"decoded as {encoding} (detected; not UTF-8): check a few accented letters",),
    )


def _decodes_same(data: bytes, encoding: str, text: str) -> bool:
    try:
        return data.decode(encoding) == text
    except UnicodeDecodeError:
        return False


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray bytes: decoded with replacements and a warning."""
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for ch in decoded if ord(ch) > 127 and ch != "\ufffd")
    if multibyte == 0 or bad > max(1, int(len(data) * _MAX_INVALID_UTF8_SHARE)):
        return None
    return _checked(
        decoded,
        "utf-8",
        (f"{bad} invalid UTF-8 byte(s) replaced with U+FFFD; re-save the file as UTF-8",),
    )


def _checked(text: str, encoding: str, warnings: tuple[str, ...]) -> Decoded:
    if not text.strip():
        raise DecodeError(
            "the file holds only white space; remove it or paste the article's text into it"
        )
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 200):
        raise DecodeError(
            f"the file holds {controls} control characters: it is binary, not an article"
        )
    return Decoded(text, encoding, warnings)
