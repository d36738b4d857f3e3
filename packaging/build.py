#!/usr/bin/env python3
"""Build StockDesk for the system this runs on, with one command.

    python packaging/build.py                 # bundle + this system's package, see below
    python packaging/build.py --smoke         # ... and check the frozen app before packaging it
    python packaging/build.py --no-package    # dist/StockDesk/ (dist/StockDesk.app on macOS) only

Packages: Windows dist/StockDesk-<version>-setup.exe (Inno Setup 6's ISCC.exe must be installed),
macOS dist/StockDesk-<version>-macos-<arch>.dmg, Linux dist/StockDesk-<version>-linux-<arch>.tar.gz.
Signing: Windows when STOCKDESK_SIGN_PFX (+ STOCKDESK_SIGN_PASSWORD) is set; macOS see
packaging/macos/make_dmg.sh.
"""

from __future__ import annotations

import argparse
import glob
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "stockdesk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
APP = "StockDesk"
TIMESTAMP_URL = "http://timestamp.digicert.com"


def app_version() -> str:
    sys.path.insert(0, str(ROOT))
    from stockdesk import __version__

    return __version__


def bundle() -> Path:
    return DIST / f"{APP}.app" if sys.platform == "darwin" else DIST / APP


def frozen_executable() -> Path:
    """The binary to run checks with; on Windows the console twin, so its output is visible."""
    if sys.platform == "darwin":
        return bundle() / "Contents" / "MacOS" / APP
    if sys.platform == "win32":
        return bundle() / "stockdesk-debug.exe"
    return bundle() / APP


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def run(cmd: list[str | Path], *, show: bool = True, **kwargs) -> None:
    if show:
        print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def build_bundle(clean: bool) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", DIST, "--workpath", WORK, SPEC]
    run(cmd + (["--clean"] if clean else []), cwd=ROOT)


def smoke() -> None:
    """The frozen app must start, report its version and pass its own headless self-check."""
    exe = frozen_executable()
    run([exe, "--version"])
    run([exe, "smoke"])


def find_iscc() -> Path | None:
    candidates = [shutil.which("iscc")] + [
        os.path.join(os.environ.get(var, ""), "Inno Setup 6", "ISCC.exe")
        for var in ("ProgramFiles(x86)", "ProgramFiles")
    ] + [os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs", "Inno Setup 6", "ISCC.exe")]
    return next((Path(c) for c in candidates if c and os.path.isfile(c)), None)


def find_signtool() -> str:
    """signtool.exe from STOCKDESK_SIGNTOOL, PATH or the newest Windows 10/11 SDK."""
    found = os.environ.get("STOCKDESK_SIGNTOOL") or shutil.which("signtool")
    if found:
        return found
    kits = os.path.join(os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"), "Windows Kits", "10", "bin")
    sdk = sorted(glob.glob(os.path.join(kits, "10.*", "x64", "signtool.exe")))
    if not sdk:
        raise SystemExit("STOCKDESK_SIGN_PFX is set but signtool.exe was not found (set STOCKDESK_SIGNTOOL)")
    return sdk[-1]


def package_windows(version: str) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup 6 (ISCC.exe) not found: skipping the installer. Get it from https://jrsoftware.org/isdl.php")
        return None
    cmd: list[str | Path] = [iscc, "/Qp", f"/DSourceDir={bundle()}", f"/DOutputDir={DIST}", f"/DAppVersion={version}"]
    pfx = os.environ.get("STOCKDESK_SIGN_PFX")
    if pfx:  # Inno signs the program files, the uninstaller and the installer with this command
        # $q is Inno's quote: literal quotes would not survive Windows command-line quoting
        sign = (f'$q{find_signtool()}$q sign /fd sha256 /td sha256 '
                f'/tr {os.environ.get("STOCKDESK_SIGN_TIMESTAMP_URL", TIMESTAMP_URL)} /f $q{pfx}$q')
        if os.environ.get("STOCKDESK_SIGN_PASSWORD"):
            sign += f' /p $q{os.environ["STOCKDESK_SIGN_PASSWORD"]}$q'
        cmd += ["/DSIGN", f"/Sstockdesk={sign} $f"]
        print("Signing with", pfx)
    else:
        print("STOCKDESK_SIGN_PFX not set: the installer is not signed (Windows SmartScreen will warn)")
    print("+ ISCC packaging/windows/stockdesk.iss", flush=True)
    run(cmd + [PACKAGING / "windows" / "stockdesk.iss"], show=False)  # the command may hold a password
    return DIST / f"{APP}-{version}-setup.exe"


def package_macos(version: str) -> Path:
    dmg = DIST / f"{APP}-{version}-macos-{arch()}.dmg"
    run(["bash", PACKAGING / "macos" / "make_dmg.sh", bundle(), dmg])
    return dmg


def package_linux(version: str) -> Path:
    archive = DIST / f"{APP}-{version}-linux-{arch()}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle(), arcname=APP)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build StockDesk (PyInstaller onedir) and its installer for this system.")
    parser.add_argument("--no-package", action="store_true", help="build the bundle only, no installer/DMG/tarball")
    parser.add_argument("--smoke", action="store_true", help="run the frozen app's --version and headless smoke check")
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    parser.add_argument("--max-size-mb", type=float, metavar="MB", help="fail if the unpacked bundle is larger")
    args = parser.parse_args(argv)

    version = app_version()
    started = time.monotonic()
    build_bundle(args.clean)
    built = time.monotonic()
    size = size_mb(bundle())
    print(f"Built {bundle().relative_to(ROOT)} (StockDesk {version}) in {built - started:.0f} s: {size:.0f} MB unpacked")
    if args.smoke:
        smoke()
        print(f"Frozen smoke check passed in {time.monotonic() - built:.1f} s")
    if args.max_size_mb and size > args.max_size_mb:
        print(f"The bundle is {size:.0f} MB, over the {args.max_size_mb:.0f} MB limit", file=sys.stderr)
        return 1
    if args.no_package:
        return 0
    packager = {"win32": package_windows, "darwin": package_macos}.get(sys.platform, package_linux)
    package = packager(version)
    if package is not None:
        print(f"Package: {package.relative_to(ROOT)} ({size_mb(package):.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
