"""Writing outputs so that a crash never leaves half a file: write beside, then rename."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temporary file in the same folder + rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        Path(tmp).chmod(0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def dumps(value: Any) -> str:
    """Canonical JSON: sorted keys, no wasted space, UTF-8 kept readable."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(path: Path, rows: Iterable[Any]) -> None:
    write_text(path, "".join(dumps(row) + "\n" for row in rows))


def read_jsonl(path: Path) -> Iterator[Any]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def write_json(path: Path, value: Any) -> None:
    write_text(path, json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1) + "\n")


class NotRegularFile(OSError):
    """A path that is a named pipe, socket, device or folder: not read (opening a
    pipe waits for a writer, a device may never end)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(
            f"{path} is {kind}, not a regular file; only regular files are read: "
            "save the content as an ordinary file instead"
        )
        self.kind = kind


def irregular(mode: int) -> str | None:
    """What a file of this ``st_mode`` is, or None when it is a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``; with a ``limit``, at most ``limit + 1``
    of them, so that a caller can tell the file is over it.

    Anything else raises :class:`NotRegularFile` without being opened (``stat`` does
    not open); the file is then opened non-blocking and checked again with ``fstat``,
    in case it was swapped in between.
    """
    kind = irregular(path.stat().st_mode)
    if kind is not None:
        raise NotRegularFile(path, kind)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        kind = irregular(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegularFile(path, kind)
        chunks: list[bytes] = []
        size = 0
        while limit is None or size <= limit:
            want = 1 << 20 if limit is None else min(1 << 20, limit + 1 - size)
            chunk = os.read(fd, want)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_regular_text(path: Path) -> str:
    """:func:`read_regular` decoded as UTF-8 (raises UnicodeDecodeError)."""
    return read_regular(path).decode("utf-8")


def sweep_temporaries(*folders: Path) -> int:
    """Remove the temporary files a killed build left behind (``.NAME.XXXX.tmp``, as
    :func:`write_bytes` makes them). Call it only while holding the build lock, so no
    other build is writing. Returns how many were removed."""
    removed = 0
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in folder.rglob(".*.tmp"):
            if path.is_file() and not path.is_symlink():
                path.unlink(missing_ok=True)
                removed += 1
    return removed
