"""Who published an article when the manifest does not say: the site name a saved
page's title carries ("Story title - Site Name", "Story title | Site Name") or the wire
agency its dateline or a credit line names ("DAKAR, Senegal (AP) —", "— Reuters").
Word lists are in ``lexicon/agencies.yaml``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from crossbrief import lexicon

#: How many leading paragraphs may hold a dateline, and how far into one it may stand.
DATELINE_PARAGRAPHS = 4
DATELINE_CHARS = 200
#: The longest site name read from a title, in words and characters.
MAX_SITE_WORDS = 5
MAX_SITE_CHARS = 40
#: The fewest words the story title keeps before its site name.
MIN_STORY_WORDS = 3


@cache
def _forms() -> tuple[tuple[str, str], ...]:
    """(form as written, agency name), longest form first."""
    table = lexicon.load("agencies")["agencies"]
    pairs = [(str(form), str(name)) for name, forms in table.items() for form in forms]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def _form_pattern() -> str:
    return "|".join(re.escape(form) for form, _ in _forms())


@cache
def _dateline() -> re.Pattern[str]:
    forms = _form_pattern()
    return re.compile(rf"(?:^|[\s,.])(?:\(({forms})\)|/({forms})/)\s*(?:--|[-–—:.]|$)")


@cache
def _credit_line() -> re.Pattern[str]:
    prefixes = "|".join(lexicon.load("agencies")["credit_prefixes"])
    return re.compile(rf"\(?(?i:{prefixes})?(?:The\s+)?({_form_pattern()})\)?\.?")


@cache
def _in_name() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])({_form_pattern()})(?![\w])")


def _name_of(form: str) -> str:
    return dict(_forms())[form]


def dateline_agency(paragraphs: Sequence[str]) -> str | None:
    """The agency a dateline credits in one of the leading paragraphs."""
    for text in [p for p in paragraphs if p.strip()][:DATELINE_PARAGRAPHS]:
        found = _dateline().search(text[:DATELINE_CHARS])
        if found:
            return _name_of(found.group(1) or found.group(2))
    return None


def credited_agency(paragraphs: Sequence[str]) -> str | None:
    """The agency a dateline or a credit line of its own ("— Reuters") names."""
    agency = dateline_agency(paragraphs)
    if agency is not None:
        return agency
    for text in paragraphs:
        found = _credit_line().fullmatch(text.strip())
        if found:
            return _name_of(found.group(1))
    return None


def agency_in_name(outlet: str | None) -> str | None:
    """The agency an outlet's name names ("Associated Press (reprinted by X)")."""
    found = _in_name().search(outlet or "")
    return _name_of(found.group(1)) if found else None


def _looks_like_name(words: list[str]) -> bool:
    connectors = lexicon.words("agencies", "name_connectors")
    return (
        bool(words)
        and (words[0][:1].isupper() or words[0][:1].isdigit())
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in connectors for w in words)
        and not words[-1].endswith(("?", "!", ",", ":", ";"))
    )


def site_name(title: str | None) -> tuple[str, str] | None:
    """(story title, site name) when ``title`` ends with a site name after a separator."""
    if not title:
        return None
    for separator in lexicon.load("agencies")["title_separators"]:
        story, found, site = title.rpartition(separator)
        site = site.strip()
        words = site.split()
        if (
            found
            and len(story.split()) >= MIN_STORY_WORDS
            and 0 < len(words) <= MAX_SITE_WORDS
            and len(site) <= MAX_SITE_CHARS
            and _looks_like_name(words)
        ):
            return story.strip(), site
    return None


def inferred_outlet(title: str | None, paragraphs: Sequence[str]) -> str | None:
    """A readable name for an article's publisher: the site name in its title, else
    the wire agency its dateline or a credit line names."""
    split = site_name(title)
    if split is not None:
        return split[1]
    return credited_agency(paragraphs)
