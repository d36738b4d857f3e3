"""The installer scripts that only Windows/macOS machines run: what can be checked from here."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import platformdirs.windows

from stockdesk.paths import APP_NAME
from stockdesk.secrets import SERVICE

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "packaging" / "windows" / "stockdesk.iss").read_text(encoding="utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")


def iss_setting(name: str) -> str:
    match = re.search(rf"^{name}=(.*)$", ISS, re.MULTILINE)
    assert match, f"{name} missing from stockdesk.iss"
    return match.group(1).strip()


def test_installer_is_per_user_without_admin_and_keeps_its_identity():
    assert iss_setting("PrivilegesRequired") == "lowest"
    assert iss_setting("PrivilegesRequiredOverridesAllowed") == "dialog"
    assert iss_setting("DefaultDirName") == r"{autopf}\{#AppName}"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", iss_setting("AppId"))


def test_installer_speaks_russian_and_english():
    assert 'MessagesFile: "compiler:Languages\\Russian.isl"' in ISS
    assert 'MessagesFile: "compiler:Default.isl"' in ISS
    assert re.search(r"^ru\.DeleteDataPrompt=.*[А-Яа-я]", ISS, re.MULTILINE)
    assert re.search(r"^en\.DeleteDataPrompt=", ISS, re.MULTILINE)


def test_upgrade_removes_the_previous_bundle_first():
    install_delete = ISS.split("[InstallDelete]")[1].split("\n[")[0]
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in install_delete


def test_uninstaller_offers_to_delete_the_folder_the_app_keeps_its_data_in(monkeypatch):
    local = r"C:\Users\owner\AppData\Local"
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: {"CSIDL_LOCAL_APPDATA": local}[csidl])
    data_dir = platformdirs.windows.Windows(appname=APP_NAME, appauthor=False).user_data_dir  # as stockdesk.paths
    assert data_dir.replace("/", "\\") == local + "\\StockDesk"
    assert "ExpandConstant('{localappdata}\\StockDesk')" in ISS
    assert f"KeyringService = '{SERVICE}';" in ISS


def test_signing_is_optional_and_signs_what_it_installs():
    assert re.search(r"#ifdef SIGN\s+SignTool=stockdesk\s+SignedUninstaller=yes\s+#endif", ISS)
    assert 'Flags: ignoreversion {#SignFlag}' in ISS


def test_release_workflow_builds_every_system_with_the_frozen_check():
    for runner in ("windows-latest", "macos-15", "macos-15-intel", "ubuntu-22.04"):
        assert runner in WORKFLOW
    assert len(re.findall(r"^\s+run: python packaging/build.py --smoke", WORKFLOW, re.MULTILINE)) == 3
    for path in set(re.findall(r"packaging/[\w./-]+\.\w+", WORKFLOW)):
        assert (ROOT / path).exists(), path


def test_dmg_script_skips_signing_and_notarization_with_a_note_without_credentials():
    script = (ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "--options runtime" in script and "--timestamp" in script and "entitlements.plist" in script
    assert "notarytool submit" in script and "stapler staple" in script
    assert "skipping code signing" in script and "Skipping notarization" in script
    assert subprocess.run(["bash", "-n", str(ROOT / "packaging" / "macos" / "make_dmg.sh")]).returncode == 0
    assert subprocess.run(["bash", "-n", str(ROOT / "packaging" / "ci_frozen_check.sh")]).returncode == 0


def test_dmg_script_refuses_something_that_is_not_an_app(tmp_path):
    result = subprocess.run(["bash", str(ROOT / "packaging" / "macos" / "make_dmg.sh"), str(tmp_path), str(tmp_path / "x.dmg")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "is not an .app bundle" in result.stderr
