"""Settings of a build: the config dict validated against its schema, defaults filled,
the report date resolved. Errors name the key, what was given and what is allowed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from crossbrief.plausible import explain, plausible


class ConfigError(ValueError):
    """The configuration cannot be used; the message says which key and how to fix it."""


@dataclass(frozen=True)
class Settings:
    base: Path
    seeds: Path
    manifest: Path
    topic: Path
    results: Path
    reports: Path
    report_date: dt.date
    shards: int
    max_article_bytes: int
    strict: bool
    headline_policy: str
    same_time_days: int = 45
    corrections: Path = Path("seeds/corrections.yaml")


def load_schema(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def settings(
    config: dict[str, Any], schema: dict[str, Any], base: Path, today: dt.date | None = None
) -> Settings:
    """Validate ``config``; paths are ``base`` joined with the configured folder
    (pass ``Path()`` for paths relative to the working directory, as Snakemake uses).

    ``today`` is the build day that ``report_date: auto`` stands for; it is read from
    the clock only when not given, and nowhere else in the project.
    """
    properties: dict[str, Any] = schema["properties"]
    values = {k: _coerce(v, properties.get(k, {})) for k, v in config.items()}
    for key in sorted(values):
        if key not in properties:
            raise ConfigError(
                f"unknown config key {key!r}; allowed keys: {', '.join(sorted(properties))} "
                "(see config/config.schema.yaml)"
            )
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(values), key=lambda e: list(e.absolute_path))
    if errors:
        raise ConfigError(_explain(errors[0], properties))
    full = {k: values.get(k, spec.get("default")) for k, spec in properties.items()}
    if full["report_date"] == "auto":
        report_date = today or dt.date.today()
    else:
        try:
            report_date = dt.date.fromisoformat(full["report_date"])
        except ValueError as err:
            raise ConfigError(
                f"config key 'report_date' is {full['report_date']!r}, not a calendar date; "
                "use auto or YYYY-MM-DD"
            ) from err
    if not plausible(report_date):
        raise ConfigError(f"config key 'report_date': {explain(report_date, 'the date')}")
    for key in ("results", "reports"):
        folder = base / full[key]
        if folder.exists() and not folder.is_dir():
            raise ConfigError(
                f"config key {key!r} names {folder}, which is a file, not a folder; move "
                f"the file away or set {key} to another folder (--config {key}=DIR)"
            )
    return Settings(
        base=base,
        seeds=base / full["seeds"],
        manifest=base / full["manifest"],
        topic=base / full["topic"],
        results=base / full["results"],
        reports=base / full["reports"],
        report_date=report_date,
        shards=full["shards"],
        max_article_bytes=full["max_article_bytes"],
        strict=full["strict"],
        headline_policy=full["headline_policy"],
        same_time_days=full["same_time_days"],
        corrections=base / full["corrections"],
    )


_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _coerce(value: Any, spec: dict[str, Any]) -> Any:
    """Values as `snakemake --config KEY=VALUE` passes them (text) to the schema's type."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        kind = spec.get("type")
        if kind == "boolean" and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        if kind == "integer" and value.strip().lstrip("-").isdigit():
            return int(value)
    return value


def _explain(error: jsonschema.ValidationError, properties: dict[str, Any]) -> str:
    key = str(error.absolute_path[0]) if error.absolute_path else "?"
    spec = properties.get(key, {})
    allowed: str
    if "enum" in spec:
        allowed = "one of " + ", ".join(map(str, spec["enum"]))
    elif key == "report_date":
        allowed = "auto or a date written YYYY-MM-DD"
    elif spec.get("type") == "integer":
        bounds = [
            f">= {spec['minimum']}" if "minimum" in spec else "",
            f"<= {spec['maximum']}" if "maximum" in spec else "",
        ]
        allowed = "a whole number " + " and ".join(b for b in bounds if b)
    else:
        allowed = f"a {spec.get('type', 'value')}"
    return (
        f"config key {key!r} is {error.instance!r}; allowed: {allowed}. "
        f"{spec.get('description', '').strip()}"
    ).strip()
