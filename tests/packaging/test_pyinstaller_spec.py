"""packaging/stockdesk.spec: what goes into the bundle on each system, checked without building."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from spec_runner import ROOT, run_spec

from stockdesk import __version__

# Files PyInstaller collects from a PySide6 wheel, as (bundle path, keep?) per system.
LINUX_FILES = [
    ("PySide6/Qt/translations/qtbase_ru.qm", True),
    ("PySide6/Qt/translations/qt_ru.qm", True),
    ("PySide6/Qt/translations/qtbase_en.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/designer_ru.qm", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", False),
    ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqico.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libicudata.so.73", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
    ("libssl.so.3", True),
    ("resources/i18n/stockdesk_ru.qm", True),
]
WINDOWS_FILES = [
    ("PySide6\\translations\\qtbase_ru.qm", True),
    ("PySide6\\translations\\qtbase_fr.qm", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
    ("PySide6\\opengl32sw.dll", False),
    ("PySide6\\Qt6Network.dll", False),
    ("PySide6\\Qt6Widgets.dll", True),
]
MACOS_FILES = [
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork", False),
    ("PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets", True),
]


@pytest.mark.parametrize("dest, keep", LINUX_FILES + WINDOWS_FILES + MACOS_FILES)
def test_qt_files_kept_are_the_ones_the_app_loads(monkeypatch, dest, keep):
    keep_qt_file = run_spec(monkeypatch, "linux").namespace["keep_qt_file"]
    assert keep_qt_file(dest) is keep


def test_linux_bundle_drops_plugins_their_orphaned_libraries_and_symlinks_to_them(monkeypatch):
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/qt/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "/qt/libqxdg.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/qt/libQt6Network.so.6", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libglib-2.0.so.0", "/usr/lib/libglib-2.0.so.0", "BINARY"),
        ("libgssapi_krb5.so.2", "/usr/lib/libgssapi_krb5.so.2", "BINARY"),
        ("_ssl.cpython-311-x86_64-linux-gnu.so", "/py/_ssl.so", "EXTENSION"),
    ]
    datas = [
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libglib-2.0.so.0.link", "libglib-2.0.so.0", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_ru.qm", "/qt/qtbase_ru.qm", "DATA"),
    ]
    imports = {  # ldd-style: every library each binary needs
        "/qt/libqgtk3.so": ["libgtk-3.so.0", "libglib-2.0.so.0"],
        "/qt/libqxdg.so": ["libglib-2.0.so.0"],
        "/qt/libQt6Network.so.6": ["libgssapi_krb5.so.2"],
    }
    run = run_spec(monkeypatch, "linux", binaries=binaries, datas=datas, imports=imports)

    assert [b[0] for b in run.analysis.binaries] == [
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "libglib-2.0.so.0",  # still needed by a kept plugin
        "_ssl.cpython-311-x86_64-linux-gnu.so",
    ]
    assert [d[0] for d in run.analysis.datas] == ["libglib-2.0.so.0.link", "PySide6/Qt/translations/qtbase_ru.qm"]


def test_analysis_collects_the_app_its_resources_and_keyring_backends(monkeypatch):
    run = run_spec(monkeypatch, "linux")
    a = run.analysis
    assert a.scripts == [str(ROOT / "stockdesk" / "__main__.py")]
    hidden = a.kwargs["hiddenimports"]
    assert {"stockdesk.found", "keyring.backends.found", "PySide6.QtWidgets"} <= set(hidden)
    datas = a.kwargs["datas"]
    assert ("/site/keyring.dist-info", "keyring.dist-info") in datas  # entry points name the backends
    shipped = {Path(src).relative_to(ROOT) for src, _ in datas if src.startswith(str(ROOT))}
    expected = {p.relative_to(ROOT) for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix != ".ts"}
    assert shipped == expected
    assert all(dest == str(Path(src).parent.relative_to(ROOT)) for src, dest in datas if src.startswith(str(ROOT)))
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtWebEngineCore", "pytest"} <= set(a.kwargs["excludes"])


def test_linux_build_is_one_windowed_executable_stripped_when_strip_exists(monkeypatch):
    run = run_spec(monkeypatch, "linux")
    exe = run.one("EXE")
    assert exe.kwargs["name"] == "StockDesk" and exe.kwargs["console"] is False
    assert exe.kwargs["strip"] is (shutil.which("strip") is not None) and exe.kwargs["upx"] is False
    collect = run.one("COLLECT")
    assert collect.kwargs["name"] == "StockDesk" and collect.args[0] is exe
    assert "BUNDLE" not in run.calls


def test_windows_build_has_a_console_twin_and_a_version_resource(monkeypatch):
    run = run_spec(monkeypatch, "win32")
    windowed, console = run.calls["EXE"]
    assert (windowed.kwargs["name"], windowed.kwargs["console"]) == ("StockDesk", False)
    assert (console.kwargs["name"], console.kwargs["console"]) == ("stockdesk-debug", True)
    assert windowed.kwargs["strip"] is False
    kind, _, version = windowed.kwargs["version"]
    assert kind == "VSVersionInfo"
    numbers = run.namespace["version_tuple"](__version__)
    assert version["ffi"] == ("FixedFileInfo", (), {"filevers": numbers, "prodvers": numbers})
    ico = ROOT / "resources" / "icons" / "stockdesk.ico"
    assert windowed.kwargs["icon"] == (str(ico) if ico.exists() else None)
    assert run.one("COLLECT").args[:2] == (windowed, console)


def test_macos_build_is_an_app_bundle_with_a_proper_info_plist(monkeypatch):
    run = run_spec(monkeypatch, "darwin")
    assert run.one("EXE").kwargs["console"] is False  # console=True would make it a background-only app
    bundle = run.one("BUNDLE").kwargs
    assert bundle["name"] == "StockDesk.app"
    assert bundle["bundle_identifier"] == "ru.stockdesk.app"
    assert bundle["version"] == __version__
    plist = bundle["info_plist"]
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["CFBundleDevelopmentRegion"] == "ru"
    assert set(plist["CFBundleLocalizations"]) == {"ru", "en"}
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSMinimumSystemVersion"]


@pytest.mark.parametrize("version, numbers", [("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)),
                                              ("2.0", (2, 0, 0, 0)), ("1.4.2+local.7", (1, 4, 2, 0))])
def test_windows_version_numbers(monkeypatch, version, numbers):
    assert run_spec(monkeypatch, "linux").namespace["version_tuple"](version) == numbers


def imported_modules() -> set[str]:
    found = set()
    for path in (ROOT / "stockdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_stockdesk_imports_nothing_the_bundle_excludes(monkeypatch):
    spec = run_spec(monkeypatch, "linux").namespace
    excluded = {f"PySide6.{m}" for m in spec["QT_MODULES_UNUSED"]} | set(spec["DEV_PACKAGES"])
    used = {m for m in imported_modules() if any(m == e or m.startswith(e + ".") for e in excluded)}
    assert not used, f"the spec excludes modules StockDesk imports: {sorted(used)}"
