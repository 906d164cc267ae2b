"""A plain, non-editable install of the package builds the sample: every data file the
package reads at run time is in the wheel.

The wheel is built offline (no build isolation; setuptools comes from the development
lock) and installed into a fresh virtual environment that has no access to ``src/``.
The run-time dependencies are borrowed from the test's own environment by a path line,
which does not activate that environment's editable install of crossbrief.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_DATE, copy_project

pytestmark = pytest.mark.workflow


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, env=env, timeout=600, check=False
    )
    assert result.returncode == 0, f"{args[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _package_data() -> set[str]:
    """Every non-Python file under src/crossbrief, as a path inside the package."""
    package = ROOT / "src" / "crossbrief"
    return {
        p.relative_to(package.parent).as_posix()
        for p in package.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the source tree so that no build folder or
    egg-info (which would list files the configuration forgot) is read or left behind."""
    tree = tmp_path_factory.mktemp("tree")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, tree / name)
    shutil.copytree(
        ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    dist = tmp_path_factory.mktemp("dist")
    _run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"),
            *("--no-build-isolation", "--disable-pip-version-check", "-w", str(dist), str(tree)),
        ],
        cwd=tree,
    )
    (found,) = dist.glob("crossbrief-*.whl")
    return found


def test_the_wheel_carries_every_package_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(_package_data() - names)
    assert not missing, f"not in the wheel: {missing}; add them to package-data in pyproject"


def test_an_installed_wheel_builds_the_sample(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "env"
    _run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], cwd=tmp_path)
    python = env_dir / "bin" / "python"
    site = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            cwd=tmp_path,
        ).strip()
    )
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    # Dependencies from this environment, as a plain path: its .pth files (the editable
    # install of crossbrief among them) are not processed.
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")} | {
        "PATH": f"{env_dir / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONHASHSEED": "0",
    }
    where = _run(
        [str(python), "-c", "import crossbrief; print(crossbrief.__file__)"], tmp_path, env
    )
    assert Path(where.strip()).is_relative_to(site), where

    project = copy_project(tmp_path / "project")
    assert not (project / "src").exists()
    _run([str(python), "-m", "snakemake", "--config", f"report_date={SAMPLE_DATE}"], project, env)
    pdf = project / "reports" / f"briefing-{SAMPLE_DATE}.pdf"
    assert pdf.stat().st_size > 10_000
    assert (project / "results" / "charts" / "troops.svg").exists()
