"""The analyst's corrections file (``seeds/corrections.yaml``): reject or amend a claim,
leave a source out, each with its reason. Read as hostile input, checked against
``corrections.schema.yaml`` (shipped with the package); applied by
:mod:`crossbrief.correcting` between extraction and comparison."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crossbrief import yamlinput

if TYPE_CHECKING:
    import jsonschema

#: Claim fields a correction may set that hold numbers; the rest hold text.
NUMBER_FIELDS = ("value", "low", "high")


class CorrectionsError(ValueError):
    """The corrections file cannot be used; the message names the key and the fix."""


@dataclass(frozen=True)
class ClaimFix:
    """Reject a claim, or set some of its fields (``values``), for ``reason``."""

    claim: str
    reason: str
    reject: bool
    values: tuple[tuple[str, str | float], ...] = ()


@dataclass(frozen=True)
class SourceExclusion:
    """Leave the article ``file`` out of the comparison, for ``reason``."""

    file: str
    reason: str


@dataclass(frozen=True)
class Corrections:
    claims: tuple[ClaimFix, ...] = ()
    sources: tuple[SourceExclusion, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.claims or self.sources)


@cache
def _validator() -> jsonschema.protocols.Validator:
    from importlib.resources import files

    import jsonschema
    import yaml

    text = files("crossbrief").joinpath("corrections.schema.yaml").read_text(encoding="utf-8")
    schema = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # our file
    return jsonschema.Draft202012Validator(schema)


def _problem(error: jsonschema.ValidationError) -> str:
    where = yamlinput.keypath(list(error.absolute_path)) or "the file"
    schema = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.instance
    if error.validator == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(schema.get("properties") or {})
        unknown = sorted(str(k) for k in value if k not in allowed)
        return (
            f"{where}: unknown key {unknown[0]!r}; allowed: {', '.join(allowed)}; "
            "fix: correct the spelling or remove the key"
        )
    if error.validator == "type":
        return f"{where}: is {type(value).__name__}, expected {error.validator_value}"
    if error.validator == "pattern":
        what = schema.get("x-problem") or "does not have the expected form"
        return f"{where}: {value!r} {what}"
    if error.validator == "required":
        return f"{where}: {error.message}; fix: add it with the reason"
    return f"{where}: {error.message}"


def parse(data: Any) -> Corrections:
    """The corrections in a YAML document (None, an empty file, is no correction)."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        raise CorrectionsError(_problem(errors[0]))
    if not data:
        return Corrections()
    fixes = []
    for claim, spec in sorted((data.get("claims") or {}).items()):
        where = yamlinput.keypath(["claims", claim])
        if ("reject" in spec) == ("set" in spec):
            raise CorrectionsError(
                f'{where}: give either reject: "why" or set: {{...}} with reason: "why"'
            )
        if "reject" in spec:
            if "reason" in spec:
                raise CorrectionsError(f"{where}: reject: holds the reason; remove reason:")
            fixes.append(ClaimFix(claim, spec["reject"].strip(), True))
            continue
        if "reason" not in spec:
            raise CorrectionsError(f'{where}: set: needs reason: "why" beside it')
        values = tuple(
            (key, float(value.replace(",", "")) if key in NUMBER_FIELDS else value.strip())
            for key, value in sorted(spec["set"].items())
        )
        fixes.append(ClaimFix(claim, spec["reason"].strip(), False, values))
    sources = tuple(
        SourceExclusion(name, spec["exclude"].strip())
        for name, spec in sorted((data.get("sources") or {}).items())
    )
    return Corrections(tuple(fixes), sources)


def load(path: Path | None) -> Corrections:
    """The corrections in ``path``; none when there is no such file (the file is optional)."""
    if path is None or not path.exists():
        return Corrections()
    try:
        return parse(yamlinput.read(path))
    except (yamlinput.YamlInputError, CorrectionsError) as err:
        raise CorrectionsError(f"corrections file {path}: {err}") from None


def unknown_sources(corrections: Corrections, articles: Sequence[str]) -> list[str]:
    """A warning for each excluded file name that names no article of the seeds folder
    (checked when the build starts; claim ids can only be checked after extraction)."""
    known = set(articles)
    return [
        f"corrections: source {s.file!r} is not an article in the seeds folder, so its "
        "exclusion does nothing; check the file name against Inputs"
        for s in corrections.sources
        if s.file not in known
    ]
