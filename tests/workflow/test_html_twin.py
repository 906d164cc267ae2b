"""The HTML twin in headless Chromium (Debian's chromium and chromium-driver): every
internal link resolves, nothing is fetched, and it reads at phone width."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLE_DATE

pytestmark = pytest.mark.workflow

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.fail("chromium and chromedriver are needed: run tools/setup-system.sh test")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
    ):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def open_twin(browser: Any, project: Path, width: int, height: int) -> None:
    browser.set_window_size(width, height)
    browser.get((project / "reports" / f"briefing-{SAMPLE_DATE}.html").as_uri())


def test_every_internal_link_resolves(browser: Any, sample_build: Path) -> None:
    open_twin(browser, sample_build, 1280, 900)
    result = browser.execute_script(
        """
        const links = [...document.querySelectorAll('a[href^="#"]')];
        const missing = links.map(a => a.getAttribute('href').slice(1))
                             .filter(id => !document.getElementById(id));
        return {count: links.length, missing: missing};
        """
    )
    assert result["count"] > 50
    assert result["missing"] == []


def test_figures_link_to_their_quotes(browser: Any, sample_build: Path) -> None:
    open_twin(browser, sample_build, 1280, 900)
    quote = browser.execute_script(
        """
        const cell = [...document.querySelectorAll('#troops a.cite')]
            .find(a => a.textContent.includes('3,000'));
        const target = document.getElementById(cell.getAttribute('href').slice(1));
        return target.nextElementSibling.querySelector('mark').textContent;
        """
    )
    assert quote == "3,000 troops in Iraq"


def test_self_contained_nothing_fetched(browser: Any, sample_build: Path) -> None:
    open_twin(browser, sample_build, 1280, 900)
    resources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(r => r.name);"
    )
    assert resources == []
    assert browser.execute_script("return document.querySelectorAll('svg').length") >= 4


def test_readable_at_phone_width(browser: Any, sample_build: Path) -> None:
    open_twin(browser, sample_build, 390, 844)
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth;"
    )
    assert overflow <= 1
    assert (
        browser.execute_script(
            "return getComputedStyle(document.querySelector('table.data thead')).display;"
        )
        == "none"
    )
