"""PNG pages of a PDF with pdftoppm (Debian: poppler-utils), for a reviewer to look at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class PreviewError(RuntimeError):
    """The preview cannot be made; the message says what to install or fix."""


def preview(pdf: Path, out: Path, dpi: int = 80) -> list[Path]:
    """Write ``out/<name>-<page>.png`` for every page of ``pdf``; return the files."""
    if not pdf.is_file():
        raise PreviewError(f"{pdf}: no such PDF; build one first with `snakemake`")
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewError("pdftoppm not found; install it with `apt-get install poppler-utils`")
    out.mkdir(parents=True, exist_ok=True)
    prefix = out / pdf.stem
    for old in out.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    subprocess.run([tool, "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return sorted(out.glob(f"{pdf.stem}-*.png"))
