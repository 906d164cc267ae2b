import codecs

import pytest

from crossbrief.ingest.decode import DecodeError, decode

ARTICLE = "US troops “left” Iraq — about 2,500 remain, officials said on Monday in Baghdad.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_round_trip(data: bytes, encoding: str) -> None:
    result = decode(data)
    assert result.text == ARTICLE
    assert result.encoding == encoding
    assert result.warnings == ()


def test_cp1252_smart_quotes_are_detected_and_flagged() -> None:
    text = "The minister said “we will stay” – and the troops’ numbers did not change. " * 6
    result = decode(text.encode("cp1252"))
    assert result.text == text
    assert result.warnings and "not UTF-8" in result.warnings[0]


def test_cp1256_arabic_is_decoded() -> None:
    text = "قال المتحدث إن القوات الأمريكية ستبقى في العراق حتى نهاية العام. " * 6
    result = decode(text.encode("cp1256"))
    assert result.text == text


def test_latin1_accents_survive() -> None:
    text = "Le ministre français a déclaré que les troupes resteront à Gao cette année. " * 6
    result = decode(text.encode("latin-1"))
    assert result.text == text


def test_a_few_invalid_utf8_bytes_are_replaced_and_counted() -> None:
    data = ("Baghdad — “2,500 troops” remain in the country, officials said. " * 40).encode()
    data = data[:100] + b"\xff" + data[100:]
    result = decode(data)
    assert result.encoding == "utf-8"
    assert result.text.count("\ufffd") == 1
    assert "1 invalid UTF-8 byte" in result.warnings[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \r\n ", "white space"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"some text\x00\x00 with NUL bytes", "NUL"),
    ],
)
def test_unreadable_files_are_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode(data)
