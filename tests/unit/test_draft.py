"""The starter topic file, drafted from invented articles of an invented theatre."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crossbrief import draft
from crossbrief.draftyaml import DraftError, write
from crossbrief.records import Document, Paragraph
from crossbrief.topic import load

ARTICLES = {
    "a.txt": (
        "Mali Today\n\n"
        "Gunmen attacked the army post in the Malian town of Tessalit on Tuesday, killing "
        "six soldiers, the spokesman Mohammed Kassem Haidara said. Bamako said it would send more "
        "troops. The convoy later arrived in Kidal, Mali, under escort."
    ),
    "b.txt": (
        "Sahel Wire\n\n"
        "Six soldiers were killed when gunmen attacked the army post at Tessalit on May 6, "
        "according to Muhammad Qasim Haydara. Officials in Kidal said the road was closed."
    ),
}


def doc(name: str, text: str) -> Document:
    return Document(
        name, name, "0", len(text), "utf-8", text, (Paragraph(0, len(text), "body"),), ()
    )


def test_spellings_of_one_name_are_one_entity() -> None:
    found = draft.entities([doc(n, t) for n, t in ARTICLES.items()])
    named = [f for f in found if "Haidara" in f.name or "Haydara" in f.name]
    assert len(named) == 1
    assert {"Mohammed Kassem Haidara", "Muhammad Qasim Haydara"} <= set(named[0].spellings)


def test_places_take_the_country_the_text_gives() -> None:
    places = {p.name: p for p in draft.places([doc(n, t) for n, t in ARTICLES.items()])}
    assert places["Tessalit"].country == "Mali"
    assert places["Kidal"].country == "Mali"


def test_a_capital_that_speaks_is_an_actor_alias() -> None:
    assert draft.actors([doc(n, t) for n, t in ARTICLES.items()]) == {"Mali": ("Bamako",)}


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "sources.yaml").write_text(
        "a.txt: {published: 2031-05-08}\nb.txt: {published: 2031-05-07}\n", encoding="utf-8"
    )
    return folder


def test_the_draft_is_a_valid_topic_and_proposes_the_event(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "topic.yaml"
    write(seeds, out)
    topic = load(out)
    assert topic.places["Tessalit"][0] == "Mali"
    assert topic.actor_aliases == {"Mali": ("Bamako",)}
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    (event,) = data["events"].values()
    assert str(event["date"]) == "2031-05-06"
    assert event["match"][0]["date"] == "required"
    assert "# CHECK" in out.read_text(encoding="utf-8")


def test_an_existing_file_is_kept_unless_forced(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "topic.yaml"
    out.write_text("name: mine\n", encoding="utf-8")
    with pytest.raises(DraftError, match="--force"):
        write(seeds, out)
    assert out.read_text(encoding="utf-8") == "name: mine\n"
    write(seeds, out, force=True)
    assert "# CHECK" in out.read_text(encoding="utf-8")
