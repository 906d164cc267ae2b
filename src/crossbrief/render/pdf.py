"""HTML to PDF with WeasyPrint, inside the sandbox, with fixed metadata and bytes."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from crossbrief.render.sandbox import SandboxFetcher

log = logging.getLogger(__name__)


def to_pdf(html: str, templates: Path, allowed: list[Path], source_date_epoch: int) -> bytes:
    """Render ``html`` to PDF bytes.

    Only ``data:`` URLs and files under ``allowed`` can be read; the print stylesheet
    and bundled fonts come from ``templates``. Attachments are off, presentational
    hints are off, and the PDF identifier is derived from the HTML, so the same HTML
    gives the same bytes.
    """
    os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = SandboxFetcher([templates, *allowed])
    fonts = FontConfiguration()
    print_css = CSS(
        filename=str(templates / "css" / "print.css"), url_fetcher=fetcher, font_config=fonts
    )
    document = HTML(string=html, base_url=str(templates) + "/", url_fetcher=fetcher)
    data: bytes = document.write_pdf(
        stylesheets=[print_css],
        font_config=fonts,
        attachments=[],
        presentational_hints=False,
        pdf_tags=True,
        pdf_identifier=hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii"),
    )
    for url in fetcher.refused:
        log.warning("sandbox refused %s", url)
    return data
