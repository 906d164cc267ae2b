"""Hostile and broken inputs through the real workflow: markup stays text, nothing is
fetched or read from outside, broken files are listed and the rest still builds."""

from __future__ import annotations

import codecs
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from crossbrief.tablefile import read_table
from tests.conftest import SAMPLE_DATE, copy_project, run_snakemake

pytestmark = pytest.mark.workflow

SECRET = "CROSSBRIEF-SECRET-5f1c2e"
BODY = (
    "There are about 2,500 US troops in Iraq, the ministry said on Monday. "
    "Officials said the talks would go on next month.\n"
)


HITS: list[str] = []  # every request the local listener receives


class Counter(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        HITS.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"x")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def listener() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def attack_markup(port: int, secret: Path) -> str:
    url = f"http://127.0.0.1:{port}"
    return (
        f'<link rel="attachment" href="{secret.as_uri()}">'
        f'<img src="{secret.as_uri()}"><img src="{url}/img">'
        f'<div style="background: url({url}/style)">styled</div>'
        f"<style>@import url({url}/import.css);</style>"
        f'<svg xmlns="http://www.w3.org/2000/svg"><image href="{url}/svg"/>'
        f'<use href="{secret.as_uri()}#x"/></svg>'
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, listener: int) -> Path:
    project = make_hostile(tmp_path_factory.mktemp("hostile"), listener)
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    return project


def make_hostile(root: Path, port: int) -> Path:
    """A copy of the project whose seeds hold every kind of hostile or broken input."""
    secret = root / "secret.txt"
    secret.write_text(SECRET)
    project = copy_project(root / "project")
    seeds = project / "seeds"
    markup = attack_markup(port, secret)
    (seeds / "markup.txt").write_text(
        "<script>alert(1)</script> Troops {{ 7*7 }} {% if x %}\n\n"
        "There are about 2,500 US troops in Iraq <img src=x onerror=alert(1)>, officials said. "
        "<script>alert('x')</script> {{ config }} {% for x in y %}{% endfor %}\n"
    )
    (seeds / "attack page.html").write_text(
        f"<html><head><title>Attack page</title></head><body><article><h1>Attack page</h1>"
        f"<p>{BODY}</p>{markup}<p>The coalition said some 900 US troops stay in Syria, "
        f"a spokesman told reporters on Tuesday in a long statement.</p></article></body></html>"
    )
    (seeds / "attack.txt").write_text("Attack as text\n\n" + BODY + markup + "\n")
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "blank.txt").write_text("   \n\t\n  ")
    (seeds / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (seeds / "nul.txt").write_bytes(b"Troops\x00in\x00Iraq" * 10)
    with (seeds / "huge.txt").open("wb") as handle:
        handle.write(b"x" * 60_000_000)
    (seeds / "oneline.txt").write_text("the troops in Iraq and Syria " * 36_000)
    (seeds / "numbers.txt").write_text(" ".join(f"{i} troops in Iraq," for i in range(10_000)))
    text = "The minister’s “2,500 troops” stay in Iraq, officials said on Monday. " * 5
    (seeds / "utf16le.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (seeds / "utf16be.txt").write_bytes(codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    (seeds / "cp1252.txt").write_bytes(text.encode("cp1252"))
    arabic = "قال المتحدث إن القوات الأمريكية ستبقى في العراق حتى نهاية العام. " * 8
    (seeds / "cp1256.txt").write_bytes(arabic.encode("cp1256"))
    (seeds / "latin1.txt").write_bytes(
        ("Le ministre français a déclaré à Gao. " * 8).encode("latin-1")
    )
    (seeds / "badutf8.txt").write_bytes(text.encode() * 4 + b"\xff" + text.encode())
    shutil.copy(seeds / "002_93a72a21d3ae996a.txt", seeds / "copy.txt")
    (seeds / "-dash.txt").write_text("Dash title\n\n" + BODY)
    (seeds / "ünï code.txt").write_text("Unicode title\n\n" + BODY)
    (seeds / "outside.txt").symlink_to(secret)
    manifest = seeds / "sources.yaml"
    manifest.write_text(
        manifest.read_text()
        + "missing.txt:\n  outlet: Nowhere News\ncp1252.txt:\n  outlet: Future Post\n"
        "  published: 2030-01-01\n"
    )
    return project


def inputs(project: Path) -> dict[str, dict[str, str]]:
    table = read_table(project / "results" / "tables" / "inputs.csv", as_text=True)
    return {
        str(row["file"]): {str(k): str(v) for k, v in row.items()}
        for row in table.to_dict("records")
    }


def outputs(project: Path) -> tuple[str, bytes, str]:
    reports = project / "reports"
    html = (reports / f"briefing-{SAMPLE_DATE}.html").read_text()
    pdf = (reports / f"briefing-{SAMPLE_DATE}.pdf").read_bytes()
    text = "\n".join(
        p.extract_text() or "" for p in PdfReader(reports / f"briefing-{SAMPLE_DATE}.pdf").pages
    )
    return html, pdf, text


def test_markup_in_articles_is_literal_text(hostile: Path) -> None:
    html, _, text = outputs(hostile)
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{% if x %}" in html
    flat = " ".join(text.split())
    assert "<script>alert(1)</script>" in flat
    assert "{{ 7*7 }}" in flat


def test_nothing_is_fetched_and_no_local_file_leaks(hostile: Path) -> None:
    html, pdf, _ = outputs(hostile)
    assert HITS == []
    reader = PdfReader(hostile / "reports" / f"briefing-{SAMPLE_DATE}.pdf")
    assert not reader.attachments
    assert SECRET.encode() not in pdf and SECRET not in html
    assert b"/EmbeddedFile" not in pdf


def test_broken_files_are_rejected_with_reasons(hostile: Path) -> None:
    table = inputs(hostile)
    expected = {
        "empty.txt": "empty",
        "blank.txt": "white space",
        "image.txt": "PNG",
        "nul.txt": "NUL",
        "huge.txt": "max_article_bytes",
    }
    for name, reason in expected.items():
        assert table[name]["status"] == "rejected", name
        assert reason in table[name]["reason"], (name, table[name]["reason"])
    assert "60,000,000 bytes" in table["huge.txt"]["reason"]
    for name in ("oneline.txt", "numbers.txt", "-dash.txt", "ünï code.txt", "attack page.html"):
        assert table[name]["status"] == "read", name


def test_encodings_are_decoded_or_flagged(hostile: Path) -> None:
    table = inputs(hostile)
    assert table["utf16le.txt"]["encoding"] == "utf-16-le"
    assert table["utf16be.txt"]["encoding"] == "utf-16-be"
    assert table["cp1256.txt"]["encoding"] in ("cp1256", "windows-1256")
    assert table["cp1252.txt"]["encoding"] in ("cp1252", "windows-1252")
    assert "not UTF-8" in table["latin1.txt"]["reason"]
    assert "invalid UTF-8 byte" in table["badutf8.txt"]["reason"]
    claims = read_table(hostile / "results" / "tables" / "claims.csv", as_text=True)
    quotes = claims[claims["document"] == "utf16be.txt"]["sentence"].tolist()
    assert quotes and "“2,500 troops”" in quotes[0]


def test_manifest_problems_and_duplicates_are_listed(hostile: Path) -> None:
    table = inputs(hostile)
    assert table["missing.txt"]["status"] == "missing"
    assert "after the report date" in table["cp1252.txt"]["reason"]
    assert table["copy.txt"]["status"] == "duplicate"
    assert "002_93a72a21d3ae996a.txt" in table["copy.txt"]["reason"]
    assert table["outside.txt"]["status"] == "skipped"
    assert "outside the seeds folder" in table["outside.txt"]["reason"]


def test_rejections_are_in_the_briefing_and_the_rest_builds(hostile: Path) -> None:
    _, _, text = outputs(hostile)
    flat = " ".join(text.split())
    for name in ("empty.txt", "image.txt", "huge.txt", "outside.txt", "missing.txt"):
        assert name in flat
    assert "Iran Daily" in flat and "World at Large" in flat


def test_strict_mode_fails_with_the_same_message(hostile: Path) -> None:
    result = run_snakemake(
        hostile,
        "--config",
        f"report_date={SAMPLE_DATE}",
        "strict=true",
        "--forcerun",
        "compare",
        check=False,
    )
    assert result.returncode != 0
    output = (
        result.stdout
        + result.stderr
        + "".join(p.read_text() for p in (hostile / "results" / "logs").glob("compare.log"))
    )
    assert "strict: true" in output and "empty.txt" in output and "huge.txt" in output
