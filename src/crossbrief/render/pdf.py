"""HTML to PDF with WeasyPrint, inside the sandbox, with fixed metadata and bytes."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from crossbrief.render.sandbox import SandboxFetcher

log = logging.getLogger(__name__)


def to_pdf(
    html: str, templates: Path, allowed: list[Path], source_date_epoch: int
) -> tuple[bytes, int]:
    """Render ``html`` to PDF bytes; also the number of pages.

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
    options = {
        "stylesheets": [print_css],
        "attachments": [],
        "presentational_hints": False,
        "pdf_tags": True,
        "pdf_identifier": hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii"),
    }
    # What HTML.write_pdf does, in two calls, so that the page count is known.
    document = HTML(string=html, base_url=str(templates) + "/", url_fetcher=fetcher)
    rendered = document.render(font_config=fonts, **options)
    data: bytes = rendered.write_pdf(**options)
    for url in fetcher.refused:
        log.warning("sandbox refused %s", url)
    return data, len(rendered.pages)
