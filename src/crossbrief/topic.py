"""Topic knowledge from ``config/topic.yaml``: the name and description of the topic."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class TopicError(ValueError):
    """The topic file cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Topic:
    name: str
    description: str


def load(path: Path) -> Topic:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise TopicError(f"{path}: cannot be read as YAML ({err})") from err
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise TopicError(f"{path}: needs at least a 'name:' line naming the topic")
    return Topic(name=data["name"], description=str(data.get("description") or "").strip())
