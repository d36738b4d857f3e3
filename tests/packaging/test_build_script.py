"""packaging/build.py: the one command that builds for the current system."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_PY = ROOT / "packaging" / "build.py"


@pytest.fixture
def build():
    spec = importlib.util.spec_from_file_location("stockdesk_build", BUILD_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_help_runs_without_pyinstaller_work():
    result = subprocess.run([sys.executable, str(BUILD_PY), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for option in ("--no-package", "--smoke", "--clean", "--max-size-mb"):
        assert option in result.stdout


@pytest.mark.parametrize("platform, executable", [
    ("linux", "dist/StockDesk/StockDesk"),
    ("win32", "dist/StockDesk/stockdesk-debug.exe"),
    ("darwin", "dist/StockDesk.app/Contents/MacOS/StockDesk"),
])
def test_checks_run_the_binary_that_shows_its_output(monkeypatch, build, platform, executable):
    monkeypatch.setattr(sys, "platform", platform)
    assert build.frozen_executable() == ROOT / executable


def test_version_is_the_package_version(build):
    from stockdesk import __version__

    assert build.app_version() == __version__


def test_size_counts_files_once_and_not_symlinks(tmp_path, build):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libQt6Core.so.6").write_bytes(b"x" * 1_500_000)
    (tmp_path / "libQt6Core.so.6").symlink_to("lib/libQt6Core.so.6")
    (tmp_path / "StockDesk").write_bytes(b"x" * 500_000)
    assert build.size_mb(tmp_path) == pytest.approx(2.0)


def test_linux_package_is_a_tarball_of_the_bundle(tmp_path, monkeypatch, build):
    import tarfile

    bundle = tmp_path / "StockDesk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "StockDesk").write_text("#!/bin/sh\n")
    monkeypatch.setattr(build, "DIST", tmp_path)
    monkeypatch.setattr(sys, "platform", "linux")
    archive = build.package_linux("9.9.9")
    assert archive.name == f"StockDesk-9.9.9-linux-{build.arch()}.tar.gz"
    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == ["StockDesk", "StockDesk/StockDesk", "StockDesk/_internal"]
