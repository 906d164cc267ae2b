"""Hostile values through the real workflow: bidi controls, spreadsheet formulas,
mathtext in labels, absurd figures and dates, and corpora with nothing in them. One
bad value gives a flagged row, never a failed build."""

from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from tests.conftest import SAMPLE_DATE, copy_project, run_snakemake

pytestmark = pytest.mark.workflow

RLO = "\u202e"
ARABIC = "\u0627\u0644\u0645\u0631\u0635\u062f"
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u200e\u200f"

ARTICLES = {
    "bidi.txt": (
        f"There are 3,000 US troops in Iraq, said spokesman {RLO}Omar Haddad. "
        "About 900 US troops are in Syria, officials said.\n"
    ),
    "formula.txt": (
        '=HYPERLINK("http://198.51.100.7/x","open") There are 2,500 US troops in Iraq.\n\n'
        "@SUM(1+1) said there were 1,200 US troops in Syria.\n"
    ),
    "price $5 and $6.txt": "There are 2,500 US troops in Iraq, a $10 $x^{ report said.\n",
    "huge.txt": "There are " + "9" * 401 + " US troops in Iraq.\n",
    "ancient.txt": "January 1, 0001\n\nYesterday 2,500 US troops left Iraq.\n",
    "far.txt": "December 31, 9999\n\nTomorrow 2,500 US troops will leave Iraq, they said.\n",
}
MANIFEST = {
    "bidi.txt": {"outlet": f"{ARABIC} {RLO}Daily", "published": "2024-02-01"},
    "formula.txt": {"outlet": "=cmd|' /C calc'!A0", "title": "+1 weird", "author": "-x"},
    "huge.txt": {"outlet": "Costs $1 and $2 Weekly", "published": "2024-02-02"},
    "ancient.txt": {"title": "T" * 3000, "outlet": "W" * 400, "published": "2024-01-30"},
}


def build_hostile(project: Path) -> None:
    seeds = project / "seeds"
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    manifest = yaml.safe_load((seeds / "sources.yaml").read_text(encoding="utf-8"))
    manifest.update(MANIFEST)
    (seeds / "sources.yaml").write_text(
        yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8"
    )
    topic_path = project / "config" / "topic.yaml"
    topic = yaml.safe_load(topic_path.read_text(encoding="utf-8"))
    topic["places"]["Camp $a$ and $b$"] = {"country": "Iraq"}
    first = next(iter(topic["events"]))
    topic["events"][first]["name"] = "The $\\frac{1}{$ attack"
    topic_path.write_text(yaml.safe_dump(topic, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("values") / "project")
    build_hostile(project)
    run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    return project


def outputs(project: Path) -> dict[str, str]:
    html = project / "reports" / f"briefing-{SAMPLE_DATE}.html"
    pdf = PdfReader(project / "reports" / f"briefing-{SAMPLE_DATE}.pdf")
    texts = {"html": html.read_text(encoding="utf-8")}
    texts["pdf"] = "\n".join(page.extract_text() or "" for page in pdf.pages)
    for path in sorted((project / "results").glob("*/*.csv")):
        texts[path.name] = path.read_text(encoding="utf-8")
    for path in sorted((project / "results" / "charts").glob("*.svg")):
        texts[path.name] = path.read_text(encoding="utf-8")
    return texts


def test_no_reordering_control_reaches_any_output(hostile: Path) -> None:
    for name, text in outputs(hostile).items():
        assert not any(c in text for c in CONTROLS), name
    html = (hostile / "reports" / f"briefing-{SAMPLE_DATE}.html").read_text(encoding="utf-8")
    assert f"\u2068{ARABIC} Daily\u2069" in html  # a right-to-left outlet is isolated
    inputs = (hostile / "results" / "tables" / "sources.csv").read_text(encoding="utf-8")
    assert "bidirectional control" in inputs  # and the removal is reported


def test_no_csv_cell_is_a_live_formula(hostile: Path) -> None:
    tables = sorted((hostile / "results" / "tables").glob("*.csv"))
    seen_guarded = 0
    for path in tables:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    try:
                        float(cell)
                        continue  # a number, negative or not, is data
                    except ValueError:
                        pass
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path, cell)
                    seen_guarded += cell.startswith("'=")
    assert seen_guarded  # the formula outlet is there, neutralised
    html = (hostile / "reports" / f"briefing-{SAMPLE_DATE}.html").read_text(encoding="utf-8")
    assert "=cmd|&#39; /C calc&#39;!A0" in html  # shown as the analyst wrote it


def test_dollar_signs_stay_text_in_charts_and_pages(hostile: Path) -> None:
    texts = outputs(hostile)
    assert "price $5 and $6.txt" in texts["html"]
    assert any("$" in text for name, text in texts.items() if name.endswith(".svg"))


def test_absurd_dates_and_figures_are_flagged_rows(hostile: Path) -> None:
    sources = (hostile / "results" / "tables" / "sources.csv").read_text(encoding="utf-8")
    for name in ("ancient.txt", "far.txt", "huge.txt"):
        assert name in sources
    assert "0001-01-01 is outside" in sources and "9999-12-31 is outside" in sources


def test_long_unbroken_names_stay_inside_the_page(hostile: Path) -> None:
    pdf = hostile / "reports" / f"briefing-{SAMPLE_DATE}.pdf"
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = boxes.split("<page ")[1:]
    width = float(re.search(r'width="([\d.]+)"', pages[0]).group(1))  # type: ignore[union-attr]
    words = [
        (n, float(x), text)
        for n, page in enumerate(pages, 1)
        for x, text in re.findall(r'xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', page)
    ]
    assert any("WWWWWWWW" in text for _, _, text in words)
    margin = 30  # points: every page keeps a margin of about 51
    assert not [(n, x, t[:20]) for n, x, t in words if x > width - margin]
    sources = (hostile / "results" / "tables" / "sources.csv").read_text(encoding="utf-8")
    assert "the title is 3,000 characters long; cut to 300" in sources


def write_topic_without_events(project: Path) -> None:
    path = project / "config" / "topic.yaml"
    topic = yaml.safe_load(path.read_text(encoding="utf-8"))
    topic["events"] = {}
    path.write_text(yaml.safe_dump(topic, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    "case", ["no events, no articles", "no seeds folder", "every file rejected"]
)
def test_nothing_to_show_still_builds_and_says_so(tmp_path: Path, case: str) -> None:
    project = copy_project(tmp_path / "p")
    seeds = project / "seeds"
    if case == "no events, no articles":
        # (with articles, events: {} shows the events sources date: test_discovered.py)
        write_topic_without_events(project)
        for path in seeds.glob("*.txt"):
            path.unlink()
    elif case == "no seeds folder":
        for path in seeds.iterdir():
            path.unlink()
        seeds.rmdir()
    else:
        for path in seeds.glob("*.txt"):
            path.write_bytes(b"")
    result = run_snakemake(project, "--config", f"report_date={SAMPLE_DATE}")
    assert (project / "reports" / f"briefing-{SAMPLE_DATE}.pdf").stat().st_size > 0
    html = (project / "reports" / f"briefing-{SAMPLE_DATE}.html").read_text(encoding="utf-8")
    if case == "no events, no articles":
        assert "The topic file lists no events" in html
    elif case == "no seeds folder":
        assert "seeds folder seeds does not exist" in result.stderr
    else:
        assert html.count("rejected") >= 5
