import base64
from pathlib import Path

import pytest

from crossbrief.render.sandbox import SandboxFetcher


def test_data_urls_and_allowed_folders_are_read(tmp_path: Path) -> None:
    allowed = tmp_path / "templates"
    allowed.mkdir()
    (allowed / "a.css").write_text("p{}")
    fetcher = SandboxFetcher([allowed])
    assert fetcher.fetch((allowed / "a.css").as_uri()).read() == b"p{}"
    data = "data:text/plain;base64," + base64.b64encode(b"hi").decode()
    assert fetcher.fetch(data).read() == b"hi"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x",
        "https://example.org/x.png",
        "ftp://example.org/x",
        "file://otherhost/etc/passwd",
    ],
)
def test_everything_else_is_refused_and_recorded(tmp_path: Path, url: str) -> None:
    fetcher = SandboxFetcher([tmp_path])
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_a_path_that_climbs_out_of_an_allowed_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "secret.txt").write_text("s")
    fetcher = SandboxFetcher([tmp_path / "templates"])
    with pytest.raises(ValueError):
        fetcher.fetch((tmp_path / "templates").as_uri() + "/../secret.txt")
