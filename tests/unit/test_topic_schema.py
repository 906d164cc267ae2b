"""The topic file as hostile input: every problem is a TopicError naming the file, the
path of the key, what is wrong and the fix; real topic files keep loading."""

from __future__ import annotations

import textwrap
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml

from crossbrief.topic import MAX_PROBLEMS, Topic, TopicError, load

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT.parent / "shared" / "devset"
REAL = [ROOT / "config" / "topic.yaml", ROOT / "tests" / "data" / "sahel_topic.yaml"]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "topic.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def topic(tmp_path: Path, text: str) -> Topic:
    return load(write(tmp_path, text))


def problems(tmp_path: Path, text: str) -> list[str]:
    """The lines of the TopicError that loading ``text`` raises."""
    path = write(tmp_path, text)
    with pytest.raises(TopicError) as caught:
        load(path)
    lines = str(caught.value).splitlines()
    for line in lines:
        assert line.startswith(f"topic file {path}: "), line
        assert "; fix: " in line or line.endswith("more problem") or "more problems" in line
    return lines


def one(tmp_path: Path, text: str) -> str:
    found = problems(tmp_path, text)
    assert len(found) == 1, found
    return found[0]


# --- real files ----------------------------------------------------------------------


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_the_project_topic_files_load(path: Path) -> None:
    assert load(path).events


def test_the_devset_topic_files_load() -> None:
    found = sorted(DEVSET.glob("*/topic.yaml"))
    if not found:
        pytest.skip(f"no development set at {DEVSET} (shared/devset is absent)")
    for path in found:
        assert load(path).events, path


def test_the_schema_is_valid_and_shipped_as_package_data() -> None:
    text = files("crossbrief").joinpath("topic.schema.yaml").read_text(encoding="utf-8")
    jsonschema.Draft202012Validator.check_schema(yaml.safe_load(text))
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"topic.schema.yaml"' in pyproject


@pytest.mark.parametrize("events", ["events: {}\n", "events:\n", ""])
def test_a_topic_without_events_loads(tmp_path: Path, events: str) -> None:
    loaded = topic(tmp_path, "name: Exercise Blue Harbor\n" + events)
    assert loaded.name == "Exercise Blue Harbor"
    assert loaded.events == ()


def test_a_full_topic_parses(tmp_path: Path) -> None:
    loaded = topic(
        tmp_path,
        """\
        name: Exercise Blue Harbor
        description: >
          Invented forces on an invented exercise.
        default_actor: United States
        places:
          Port Amsel: {country: Norway, territory: true, aliases: [Amsel harbour]}
          Kestrel Ridge: {country: jordan}
        entities:
          Admiral Vane: [Admiral Vane, Vane]
          Harbor Command:
        actors:
          North Korea: [Pyongyang, DPRK, the North]
          USA: [Washington]
          Harbor Command: [the command]
        events:
          vane_visit:
            name: Admiral Vane visits Port Amsel
            date: 2031-05
            participants: [Admiral Vane]
            notes: invented
            match:
              - all: [["@Admiral Vane"], [visit*, toured], ["@Port Amsel"]]
                date: required
              - all: [Kestrel convoy]
        """,
    )
    assert loaded.default_actor == "US"
    assert loaded.places["Kestrel Ridge"] == ("Jordan", ())
    assert loaded.territories == frozenset({"Port Amsel"})
    assert loaded.entities["Harbor Command"] == ("Harbor Command",)
    assert loaded.actor_aliases == {
        "North Korea": ("Pyongyang", "DPRK", "the North"),
        "US": ("Washington",),
        "Harbor Command": ("the command",),
    }
    event = loaded.events[0]
    assert (event.id, event.date, event.participants) == (
        "vane_visit",
        "2031-05",
        ("Admiral Vane",),
    )
    assert event.rules[0].groups == (
        ("@Admiral Vane",),
        ("visit*", "toured"),
        ("Port Amsel", "Amsel harbour"),  # @Place: the place's name and aliases
    )
    assert event.rules[0].date_required
    assert event.rules[1].groups == (("Kestrel convoy",),)


def test_values_are_text(tmp_path: Path) -> None:
    loaded = topic(
        tmp_path,
        """\
        name: 1984
        events:
          e:
            match:
              - all: [[22, no, on]]
        """,
    )
    assert loaded.name == "1984"
    assert loaded.events[0].rules[0].groups == (("22", "no", "on"),)


# --- duplicate keys --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: T\nplaces:\n  Port Amsel: {country: Norway}\n  Port Amsel: {country: Sweden}\n",
            "places: 'Port Amsel' is written twice (lines 3 and 4)",
        ),
        (
            "name: T\nentities:\n  Vane: [Vane]\n  Other: [Other]\n  Vane: [Admiral Vane]\n",
            "entities: 'Vane' is written twice (lines 3 and 5)",
        ),
        (
            "name: T\nevents:\n  a: {name: A}\n  a: {name: B}\n",
            "events: 'a' is written twice (lines 3 and 4)",
        ),
        ("name: T\nname: U\n", "'name' is written twice (lines 1 and 2)"),
    ],
)
def test_a_key_written_twice_names_both_lines(tmp_path: Path, text: str, expected: str) -> None:
    line = one(tmp_path, text)
    assert expected in line
    assert "fix: keep one of them" in line


# --- unknown keys and wrong shapes -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path", "suggestion"),
    [
        ("name: T\ndefault_actr: US\n", ": unknown key 'default_actr'", "default_actor"),
        (
            "name: T\nplaces:\n  Gao: {country: Mali, teritory: true}\n",
            "places.Gao: unknown key 'teritory'",
            "territory",
        ),
        ("name: T\nevents:\n  e: {nmae: X}\n", "events.e: unknown key 'nmae'", "name"),
        (
            "name: T\nevents:\n  e:\n    match:\n      - all: [[x]]\n        dates: required\n",
            "events.e.match[0]: unknown key 'dates'",
            "date",
        ),
    ],
)
def test_unknown_keys_at_every_level(tmp_path: Path, text: str, path: str, suggestion: str) -> None:
    line = one(tmp_path, text)
    assert path in line
    assert f"did you mean {suggestion!r}" in line


@pytest.mark.parametrize("all_", ['"Tower 22"', '["Tower 22"]', '[["Tower 22"]]'])
def test_a_single_term_is_one_group(tmp_path: Path, all_: str) -> None:
    loaded = topic(tmp_path, f"name: T\nevents:\n  e:\n    match:\n      - all: {all_}\n")
    assert loaded.events[0].rules[0].groups == (("Tower 22",),)


def test_a_flat_list_of_terms_is_refused_with_both_readings(tmp_path: Path) -> None:
    line = one(tmp_path, 'name: T\nevents:\n  e:\n    match:\n      - all: ["Tower 22", Jordan]\n')
    assert "events.e.match[0].all: is a list of 2 terms, not of term groups" in line
    assert "[[Tower 22, Jordan]] if any one of them is enough" in line
    assert "[[Tower 22], [Jordan], ...] if every one must appear" in line


def test_a_bare_term_among_groups_is_refused(tmp_path: Path) -> None:
    line = one(tmp_path, "name: T\nevents:\n  e:\n    match:\n      - all: [[attack], Jordan]\n")
    assert "events.e.match[0].all[1]: 'Jordan' is a term where a group" in line
    assert "fix: write it as [Jordan]" in line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: [a]\n", "name: is a list, expected text"),
        ("name: T\nplaces: [Gao]\n", "places: is a list, expected a mapping of keys or empty"),
        ("name: T\nplaces:\n  Agadez: Niger\n", "places.Agadez: is text, expected a mapping"),
        ("name: T\nplaces:\n  Agadez: {aliases: [Agades]}\n", "the key 'country' is missing"),
        ("name: T\nentities:\n  Vane: Admiral Vane\n", "entities.Vane: is text, expected a list"),
        ("name: T\nevents:\n  - a\n", "events: is a list, expected a mapping"),
        ("name: T\nevents:\n  e:\n    match: [[x]]\n", "events.e.match[0]: is a list"),
        ("name: T\nevents:\n  e:\n    match:\n      - date: required\n", "'all' is missing"),
        ("name: T\nevents:\n  e:\n    match:\n      - all: []\n", "all: is an empty list"),
        ("name: T\nevents:\n  e:\n    match:\n      - all: [[]]\n", "all[0]: is an empty list"),
        (
            "name: T\nevents:\n  e:\n    match:\n      - all: [[{a: b}]]\n",
            "all[0][0]: is a mapping",
        ),
        ("name: T\nplaces:\n  Gao: {country: Mali, territory: yes}\n", "territory: is text"),
        ("name: T\nevents:\n  bad id!: {name: X}\n", "events.\"bad id!\": 'bad id!' is not an id"),
        ("name: T\nevents:\n  true: {name: X}\n", "events.true: the key true is not text"),
        ("", "is empty, expected a mapping of keys"),
        ("- a\n- b\n", "is a list, expected a mapping of keys"),
        ("description: x\n", "the key 'name' is missing"),
    ],
)
def test_wrong_shapes_name_the_key_and_the_fix(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in one(tmp_path, text)


# --- names and terms -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'places:\n  Gao: {country: Mali, aliases: [""]}',
            "places.Gao.aliases[0]: '' has no letter",
        ),
        ('places:\n  Gao: {country: Mali, aliases: ["  "]}', "'  ' has no letter or digit"),
        ('entities:\n  Vane: [Vane, " "]', "entities.Vane[1]: ' ' has no letter or digit"),
        ('entities:\n  Vane: [" Vane"]', "starts or ends with a space"),
        ("entities:\n  Vane*: [Vane]", "contains *"),
        ('events:\n  e:\n    match:\n      - all: [["*"]]', "all[0][0]: '*' has no letter"),
        ('events:\n  e:\n    match:\n      - all: [["..."]]', "'...' has no letter or digit"),
        ('events:\n  e:\n    match:\n      - all: [[""]]', "'' has no letter or digit"),
        ('events:\n  e:\n    match:\n      - all: [["  "]]', "'  ' has no letter or digit"),
        ('events:\n  e:\n    match:\n      - all: [["kill*ed"]]', "has a * that is not at its end"),
        ('events:\n  e:\n    match:\n      - all: [["a**"]]', "has a * that is not at its end"),
        ('events:\n  e:\n    match:\n      - all: [["@"]]', "'@' has no letter or digit"),
        ('events:\n  e:\n    match:\n      - all: [["a@b"]]', "has an @ that is not at its start"),
        ('events:\n  e:\n    match:\n      - all: [["@ Vane"]]', "has a space after the @"),
        ('events:\n  e:\n    match:\n      - all: [[" kill"]]', "starts or ends with a space"),
    ],
)
def test_blank_and_junk_names_and_terms(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in one(tmp_path, "name: T\n" + text + "\n")


def test_an_at_name_with_a_wildcard_is_refused(tmp_path: Path) -> None:
    text = (
        'name: T\nentities:\n  Vane: [Vane]\nevents:\n  e:\n    match:\n      - all: [["@Vane*"]]\n'
    )
    assert "puts a * after an @Name" in one(tmp_path, text)


def test_an_at_name_that_names_nothing_gets_suggestions(tmp_path: Path) -> None:
    line = one(
        tmp_path,
        """\
        name: T
        entities:
          Wagner Group: [Wagner]
        events:
          e:
            match:
              - all: [["@Wagner Grup"]]
        """,
    )
    assert "events.e.match[0].all[0][0]: '@Wagner Grup' names no entity or place" in line
    assert "did you mean 'Wagner Group'?" in line
    assert "add 'Wagner Grup' under entities" in line


def test_an_at_name_of_a_country_says_to_write_a_plain_term(tmp_path: Path) -> None:
    line = one(tmp_path, 'name: T\nevents:\n  e:\n    match:\n      - all: [["@Iraq"]]\n')
    assert "fix: countries and organisations are matched as plain terms: write Iraq" in line


def test_an_unknown_country_gets_the_closest_known_names(tmp_path: Path) -> None:
    line = one(tmp_path, "name: T\nplaces:\n  Tower 22: {country: Jordn}\n")
    assert "places.\"Tower 22\".country: 'Jordn' is not a country the gazetteer knows" in line
    assert "did you mean 'Jordan'" in line
    assert "countries.yaml" in line


def test_a_place_with_an_unknown_country_is_one_problem_not_two(tmp_path: Path) -> None:
    text = "name: T\nplaces:\n  Gao: {country: Maly}\n"
    text += 'events:\n  e:\n    match:\n      - all: ["@Gao"]\n'
    assert "'Maly' is not a country" in one(tmp_path, text)


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("28/01/2024", "is not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        ("2024-1-28", "is not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        ("January 2024", "is not a date written YYYY-MM-DD, YYYY-MM or YYYY"),
        ("2024-02-30", "is not a calendar date"),
        ("2024-13", "is not a calendar date"),
        ("0001-01-01", "is outside 1900-01-01..2200-12-31"),
        ("2201", "is outside 1900-01-01..2200-12-31"),
    ],
)
def test_bad_event_dates(tmp_path: Path, date: str, expected: str) -> None:
    line = one(tmp_path, f"name: T\nevents:\n  e:\n    date: {date}\n")
    assert "events.e.date: " in line
    assert expected in line


@pytest.mark.parametrize("date", ["1900", "2024-02", "2024-02-29", "2200-12-31"])
def test_good_event_dates(tmp_path: Path, date: str) -> None:
    assert topic(tmp_path, f"name: T\nevents:\n  e:\n    date: {date}\n").events[0].date == date


def test_date_required_needs_an_event_date(tmp_path: Path) -> None:
    line = one(
        tmp_path, "name: T\nevents:\n  e:\n    match:\n      - all: [[x]]\n        date: required\n"
    )
    assert "events.e.match[0].date: the rule requires a date but the event has none" in line


def test_date_in_a_rule_is_required_or_absent(tmp_path: Path) -> None:
    text = "name: T\nevents:\n  e:\n    date: 2024\n    match:\n      - all: [[x]]\n"
    text += "        date: yes\n"
    assert "is 'yes'; the only value allowed is 'required'" in one(tmp_path, text)


# --- actors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "actors:\n  Narnia: [Cair Paravel]",
            "actors.Narnia: 'Narnia' is neither a country or organisation",
        ),
        ("actors:\n  South Korea: [Seoul, North Korea]", "'North Korea' names North Korea, not"),
        (
            "actors:\n  North Korea: [the North]\n  South Korea: [the North]",
            "'the North' is already listed under 'North Korea'",
        ),
        (
            "actors:\n  United States: [Washington]\n  US: [the Americans]",
            "'US' and 'United States' are the same actor (US)",
        ),
        ("actors:\n  North Korea: Pyongyang", "is text, expected a list or empty"),
        ('actors:\n  North Korea: [""]', "has no letter or digit"),
        ("default_actor: Frnace", "default_actor: 'Frnace' is neither"),
        ('default_actor: ""', "has no letter or digit"),
    ],
)
def test_bad_actors(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in one(tmp_path, "name: T\n" + text + "\n")


def test_an_unknown_actor_gets_suggestions(tmp_path: Path) -> None:
    assert "did you mean 'France'" in one(tmp_path, "name: T\ndefault_actor: Frnace\n")


def test_no_actors_is_an_empty_mapping(tmp_path: Path) -> None:
    assert topic(tmp_path, "name: T\nactors:\n").actor_aliases == {}


# --- hostile files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"name: Caf\xe9\n", "not UTF-8"),
        (b"name: T\x00\n", "is not allowed in YAML"),
        (b"name: [unclosed\n", "invalid YAML at line 2"),
        (b"name: T\nevents: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply"),
        (b"name: T\nevents: &x\n  e: *x\n", "refers to the value that contains it"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "fix:"),
    ],
)
def test_hostile_files_give_a_message_not_a_traceback(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "topic.yaml"
    path.write_bytes(content)
    with pytest.raises(TopicError, match=expected) as caught:
        load(path)
    assert str(caught.value).startswith(f"topic file {path}: ")
    assert "fix:" in str(caught.value)


def test_a_missing_topic_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(TopicError, match=r"cannot be read .*fix: check that the path"):
        load(tmp_path / "absent.yaml")


def test_many_problems_are_listed_up_to_a_limit(tmp_path: Path) -> None:
    events = "".join(f"  e{i}: {{date: 2024-13-0{1 + i % 9}}}\n" for i in range(MAX_PROBLEMS + 3))
    found = problems(tmp_path, "name: T\nevents:\n" + events)
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1].endswith("... and 3 more problems")


def test_topic_error_is_a_value_error() -> None:
    assert issubclass(TopicError, ValueError)


# --- random shapes ---------------------------------------------------------------------

_VALUES: list[object] = [
    None, "", " ", "x", "*", "@", "@Nobody", [], {}, ["a"], [["a"]], [[["a"]]],
    {"a": "b"}, True, [None], [{}], [[None]], "2024-13-01", {"all": "x"},
]  # fmt: skip


def _paths(node: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(_paths(value, (*prefix, i)))
    return out


def test_random_wrong_shapes_are_caught_by_the_schema_or_the_checks() -> None:
    """Any value of the project's topic replaced by a value of another shape gives a
    Topic or a TopicError naming the key, never the fallback for unforeseen shapes."""
    import copy
    import random

    from crossbrief import yamlinput
    from crossbrief.topic import parse

    base = yamlinput.read(ROOT / "config" / "topic.yaml")
    base["actors"] = {"North Korea": ["Pyongyang"]}
    rng = random.Random(7)
    for _ in range(200):
        data = copy.deepcopy(base)
        for _ in range(rng.choice((1, 2))):
            path = rng.choice(_paths(data)[1:])
            node = data
            for part in path[:-1]:
                node = node[part]
            node[path[-1]] = copy.deepcopy(rng.choice(_VALUES))
        try:
            parse(data, "topic file t.yaml")
        except TopicError as err:
            assert "cannot read" not in str(err), (path, str(err))
            assert "; fix: " in str(err)


def test_the_fast_path_for_terms_accepts_nothing_the_detailed_patterns_refuse() -> None:
    import itertools
    import re

    text = files("crossbrief").joinpath("topic.schema.yaml").read_text(encoding="utf-8")
    term = yaml.safe_load(text)["$defs"]["term"]
    fast = re.compile(term["if"]["pattern"])
    detailed = [re.compile(rule["pattern"]) for rule in term["else"]["allOf"]]
    for n in range(6):
        for chars in itertools.product("a1 @*\n.é", repeat=n):
            candidate = "".join(chars)
            if fast.search(candidate):
                assert all(p.search(candidate) for p in detailed), repr(candidate)
