#!/usr/bin/env bash
# Frozen-app check for CI (Linux): build the onedir bundle with packaging/stockdesk.spec, run the frozen
# binary's --version and headless `smoke`, and fail if the unpacked bundle exceeds the size limit.
#   bash packaging/ci_frozen_check.sh          (uses .venv/bin/python when present, else python3; or $PYTHON)
# STOCKDESK_MAX_BUNDLE_MB overrides the 150 MB limit.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-}
if [[ -z $python ]]; then
  if [[ -x .venv/bin/python ]]; then python=.venv/bin/python; else python=python3; fi
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  "$python" -m pip install --quiet "pyinstaller>=6.6,<7"
fi

if ! command -v strip >/dev/null; then
  echo "note: strip (binutils) is missing, so the bundle keeps ~40 MB of debug symbols and may exceed the limit"
fi

started=$(date +%s)
"$python" packaging/build.py --no-package --smoke --max-size-mb "${STOCKDESK_MAX_BUNDLE_MB:-150}"
echo "Unpacked size: $(du -sh dist/StockDesk | cut -f1); frozen check took $(( $(date +%s) - started )) s"
