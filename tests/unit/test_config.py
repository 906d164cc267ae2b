import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from crossbrief.config import ConfigError, load_schema, settings

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = load_schema(ROOT / "config" / "config.schema.yaml")


def test_shipped_config_is_valid_and_auto_is_the_build_day() -> None:
    config = yaml.safe_load((ROOT / "config" / "config.yaml").read_text())
    s = settings(config, SCHEMA, Path(), today=dt.date(2026, 1, 2))
    assert s.report_date == dt.date(2026, 1, 2)
    assert s.shards == 8


def test_defaults_fill_an_empty_config() -> None:
    s = settings({}, SCHEMA, Path(), today=dt.date(2026, 1, 2))
    assert (s.shards, s.strict, str(s.seeds)) == (8, False, "seeds")


def test_every_key_has_a_description_and_a_default() -> None:
    for key, spec in SCHEMA["properties"].items():
        assert spec.get("description"), key
        assert "default" in spec, key


def test_a_date_written_unquoted_in_yaml_is_accepted() -> None:
    s = settings({"report_date": dt.date(2024, 8, 1)}, SCHEMA, Path())
    assert s.report_date == dt.date(2024, 8, 1)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"shard": 3}, "unknown config key 'shard'.*allowed keys:.*shards"),
        ({"report_date": "yesterday"}, "'report_date'.*auto or a date written YYYY-MM-DD"),
        ({"report_date": "2024-02-30"}, "not a calendar date"),
        ({"shards": 0}, "'shards' is 0; allowed: a whole number >= 1"),
        ({"headline_policy": "mean"}, "one of median, conservative, latest"),
    ],
)
def test_bad_config_names_the_key_and_the_allowed_values(
    config: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        settings(config, SCHEMA, Path())


def test_command_line_text_values_are_read_as_their_type() -> None:
    s = settings({"strict": "true", "shards": "4"}, SCHEMA, Path(), today=dt.date(2026, 1, 2))
    assert (s.strict, s.shards) == (True, 4)
    with pytest.raises(ConfigError, match="'strict'"):
        settings({"strict": "maybe"}, SCHEMA, Path())
