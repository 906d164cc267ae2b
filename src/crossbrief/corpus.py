"""Which files in the seeds folder are articles, and which shard each belongs to."""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path

from crossbrief.fileio import irregular

#: Article types read (kept here, light, because Snakemake imports this module on every
#: start to list the seeds).
SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class Skipped:
    """A file in the seeds folder that is not read, and why."""

    name: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    articles: tuple[str, ...]  # file names relative to the seeds folder, sorted
    skipped: tuple[Skipped, ...]
    shards: int

    def shard_of(self, name: str) -> int:
        return shard_of(name, self.shards)

    def in_shard(self, shard: int) -> tuple[str, ...]:
        return tuple(n for n in self.articles if self.shard_of(n) == shard)


def shard_of(name: str, shards: int) -> int:
    """A stable shard for a file name: the same on every machine and every run."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()
    return int(digest[:12], 16) % shards


def scan(seeds: Path, shards: int, manifest: Path | None = None, *analyst_files: Path) -> Corpus:
    """The articles under ``seeds`` (recursively) and the files passed over.

    Hidden files, the manifest and the analyst's other files (the corrections) are
    ignored silently; links that lead outside the
    folder, files of other types and anything but a regular file (a named pipe,
    socket or device, which are never opened) are reported.
    """
    root = seeds.resolve()
    articles: list[str] = []
    skipped: list[Skipped] = []
    if not seeds.is_dir():
        return Corpus((), (), shards)
    ignored = {p.resolve() for p in (manifest, *analyst_files) if p is not None}
    for path in sorted(seeds.rglob("*")):
        name = path.relative_to(seeds).as_posix()
        if any(part.startswith(".") for part in Path(name).parts):
            continue
        if path.resolve() in ignored:
            continue
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                skipped.append(
                    Skipped(
                        name,
                        "a link to a file outside the seeds folder; "
                        "copy the article into seeds/ instead",
                    )
                )
                continue
        try:
            mode = path.stat().st_mode  # follows links; opens nothing
        except OSError as err:
            broken = path.is_symlink() or isinstance(err, FileNotFoundError)
            skipped.append(Skipped(name, "a broken link" if broken else f"cannot be read: {err}"))
            continue
        if stat.S_ISDIR(mode):
            continue
        kind = irregular(mode)
        if kind is not None:
            skipped.append(
                Skipped(
                    name,
                    f"{kind}, not a regular file: never opened, since reading it could "
                    "block the build; save the article as an ordinary file",
                )
            )
        elif path.suffix.lower() not in SUFFIXES:
            skipped.append(Skipped(name, f"not an article type ({', '.join(SUFFIXES)})"))
        else:
            articles.append(name)
    return Corpus(tuple(articles), tuple(skipped), shards)


def emptiness(corpus: Corpus, seeds: Path) -> str | None:
    """What to tell the analyst when there is no article to read, else None."""
    if not seeds.is_dir():
        return (
            f"the seeds folder {seeds} does not exist; the briefing will have no sources. "
            "Create it, or point the config key 'seeds' at your articles"
        )
    if not corpus.articles:
        return (
            f"no articles ({', '.join(SUFFIXES)}) in {seeds}; the briefing will have no "
            "sources. Add articles, or point the config key 'seeds' at your articles"
        )
    return None
