"""The ontology, web assets and shipped data reach an installed copy, not only a checkout."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
    )
    (built,) = out.glob("clustergraph-*.whl")
    return built


def test_wheel_carries_the_shared_folders(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "clustergraph/_share/ontology/clustergraph.ttl",
        "clustergraph/_share/ontology/shapes.ttl",
        "clustergraph/_share/web/templates/base.html",
        "clustergraph/_share/data/announcements/biosaxony-go-cluster-2014.txt",
    ):
        assert required in names, required
    assert any(n.startswith("clustergraph/_share/data/reference/") and n.endswith(".ttl") for n in names)
    assert any(n.startswith("clustergraph/queries/") and n.endswith(".rq") for n in names)


def test_installed_copy_finds_its_files_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    probe = (
        "import clustergraph.resources as r, pathlib;"
        "assert '_share' in str(r.ontology_path()), r.ontology_path();"
        "assert r.ontology_path().is_file() and r.shapes_path().is_file();"
        "assert any(r.reference_dir().glob('*.ttl'));"
        "assert (r.web_dir() / 'templates' / 'base.html').is_file();"
        "print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
