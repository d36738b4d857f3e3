"""`stockdesk smoke`, the self-check the frozen app runs in CI, run here from the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from stockdesk.cli import smoke

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "stockdesk_ru.qm"


def has_translations(path: Path) -> bool:
    translator = QTranslator()
    return translator.load(str(path)) and not translator.isEmpty()


def run_smoke(*code: str) -> subprocess.CompletedProcess:
    """The smoke run in its own process (own QApplication), never near the real keychain."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    return subprocess.run([sys.executable, *code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(not has_translations(CATALOGUE), reason="resources/i18n/stockdesk_ru.qm has no translations yet")
def test_smoke_passes_every_check_on_the_source_tree():
    result = run_smoke("-m", "stockdesk", "smoke", "--offscreen")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    checks = ["translations", "keychain", "database", "sandbox reconstruction", "main window"]
    assert [line.split("  ")[1].strip() for line in lines[:-1]] == checks
    assert "'Отмена'" in lines[0]
    assert "none usable (keyring.backends.null.Keyring)" in lines[1]
    assert lines[-1].startswith("smoke: all 5 checks passed")


def test_smoke_fails_naming_the_check_when_the_catalogue_is_missing(tmp_path):
    script = ("import argparse, pathlib, sys; import stockdesk.paths as paths;"
              f"paths.resources_dir = lambda: pathlib.Path({str(tmp_path)!r});"
              "from stockdesk.cli import smoke;"
              "sys.exit(smoke.cmd_smoke(argparse.Namespace(offscreen=True)))")
    result = run_smoke("-c", script)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == (
        f"smoke: translations check failed: StockDesk's Russian catalogue "
        f"{tmp_path / 'i18n' / 'stockdesk_ru.qm'} is missing, unreadable or empty")


def test_offscreen_when_asked_or_when_linux_has_no_display(monkeypatch):
    def platform_after(platform: str, force: bool, **env: str) -> str | None:
        for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "platform", platform)
        smoke.use_offscreen(force)
        return os.environ.get("QT_QPA_PLATFORM")

    assert platform_after("linux", False) == "offscreen"
    assert platform_after("linux", False, DISPLAY=":0") is None
    assert platform_after("linux", False, WAYLAND_DISPLAY="wayland-0") is None
    assert platform_after("linux", False, QT_QPA_PLATFORM="xcb") == "xcb"
    assert platform_after("linux", True, DISPLAY=":0", QT_QPA_PLATFORM="xcb") == "offscreen"
    assert platform_after("win32", False) is None
    assert platform_after("darwin", True) == "offscreen"


def test_smoke_ignores_the_owners_overrides(monkeypatch):
    monkeypatch.setenv("STOCKDESK_EVOTOR_TOKEN", "real-token")
    monkeypatch.setenv("STOCKDESK_EVOTOR_URL", "https://api.evotor.ru")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    smoke.isolate_environment()
    assert not [name for name in os.environ if name.startswith("STOCKDESK_")]
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_smoke_secrets_never_read_or_write_the_keychain(memory_keyring):
    memory_keyring.set_password("StockDesk", "yandex", "the owner's real token")
    secrets = smoke.MemoryOnlySecrets()
    assert secrets.get("yandex") is None
    assert secrets.set("evotor", "sandbox-token") == "session"
    assert secrets.get("evotor") == "sandbox-token"
    secrets.delete("yandex")
    assert memory_keyring.passwords == {("StockDesk", "yandex"): "the owner's real token"}
