"""Runs packaging/stockdesk.spec the way PyInstaller does, with recording stand-ins for its build steps.

PyInstaller executes a spec as Python with Analysis, PYZ, EXE, COLLECT, BUNDLE and SPECPATH in scope.
Here those record their arguments, and the PyInstaller helpers the spec imports are replaced, so the
spec's decisions (files kept, executables, Info.plist) can be checked for any system in milliseconds
and without PyInstaller installed.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "stockdesk.spec"


@dataclass
class Call:
    args: tuple
    kwargs: dict


@dataclass
class SpecRun:
    namespace: dict
    analysis: "FakeAnalysis"
    calls: dict[str, list[Call]] = field(default_factory=dict)

    def one(self, kind: str) -> Call:
        assert len(self.calls.get(kind, [])) == 1, self.calls.get(kind)
        return self.calls[kind][0]


class FakeAnalysis:
    """What PyInstaller's Analysis would have found: given by the test."""

    def __init__(self, scripts, found_binaries, found_datas, **kwargs):
        self.scripts = scripts
        self.kwargs = kwargs  # what the spec asked for
        self.pure = []
        self.binaries = list(found_binaries)
        self.datas = list(found_datas)


def _module(name: str, **attrs) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update(attrs)
    return module


def _recording_versioninfo() -> types.ModuleType:
    def recorder(kind):
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct")
    return _module("PyInstaller.utils.win32.versioninfo", **{n: recorder(n) for n in names})


def run_spec(monkeypatch, platform: str, *, binaries=(), datas=(), imports: dict[str, list[str]] | None = None) -> SpecRun:
    """Execute the spec as if on `platform` ('linux', 'win32', 'darwin').

    `imports` maps a binary's source path to the library names it links (PyInstaller's get_imports).
    """
    imports = imports or {}
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(sys, "path", list(sys.path))
    versioninfo = _recording_versioninfo()
    fakes = {
        "PyInstaller.utils.hooks": _module(
            "PyInstaller.utils.hooks",
            collect_submodules=lambda package: [f"{package}.found"],
            copy_metadata=lambda package: [(f"/site/{package}.dist-info", f"{package}.dist-info")],
        ),
        "PyInstaller.depend.bindepend": _module(
            "PyInstaller.depend.bindepend",
            get_imports=lambda src: [(name, None) for name in imports.get(src, [])],
        ),
        "PyInstaller.utils.win32": _module("PyInstaller.utils.win32", versioninfo=versioninfo),
        "PyInstaller.utils.win32.versioninfo": versioninfo,
    }
    for name, module in fakes.items():
        monkeypatch.setitem(sys.modules, name, module)

    calls: dict[str, list[Call]] = {}
    holder: dict[str, FakeAnalysis] = {}

    def recorder(kind):
        def record(*args, **kwargs):
            call = Call(args, kwargs)
            calls.setdefault(kind, []).append(call)
            return call
        return record

    def analysis(scripts, **kwargs):
        holder["a"] = FakeAnalysis(scripts, binaries, datas, **kwargs)
        return holder["a"]

    namespace = {"SPECPATH": str(SPEC.parent), "Analysis": analysis,
                 **{kind: recorder(kind) for kind in ("PYZ", "EXE", "COLLECT", "BUNDLE")}}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return SpecRun(namespace, holder["a"], calls)
