#!/usr/bin/env bash
# StockDesk.app -> a .dmg the owner opens and drags onto the Applications link.
#   packaging/macos/make_dmg.sh dist/StockDesk.app dist/StockDesk-0.1.0-macos-arm64.dmg
# (python packaging/build.py runs this on macOS.)
#
# Signing runs when MACOS_SIGN_IDENTITY is set, e.g. "Developer ID Application: Name (TEAMID)", with the
# certificate in a keychain codesign can reach. Notarization runs after signing when either
# NOTARY_KEYCHAIN_PROFILE (made with `xcrun notarytool store-credentials`) or APPLE_ID, APPLE_TEAM_ID
# and APPLE_APP_PASSWORD (an app-specific password) are set. Without them each step is skipped with a note.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 StockDesk.app output.dmg" >&2
  exit 2
fi
app=${1%/}
dmg=$2
here=$(cd "$(dirname "$0")" && pwd)
entitlements="$here/entitlements.plist"
[[ -d "$app/Contents/MacOS" ]] || { echo "$app is not an .app bundle" >&2; exit 2; }

sign() {
  codesign --force --timestamp --options runtime --entitlements "$entitlements" \
    --sign "$MACOS_SIGN_IDENTITY" "$@"
}

signed=no
if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
  echo "Signing $app as \"$MACOS_SIGN_IDENTITY\""
  # Inside out: every Mach-O file, then the framework bundles that hold some of them, then the app.
  while IFS= read -r -d '' file; do
    if file -b "$file" | grep -q "Mach-O"; then sign "$file"; fi
  done < <(find "$app/Contents" -type f -print0)
  while IFS= read -r -d '' framework; do
    sign "$framework"
  done < <(find "$app/Contents/Frameworks" -type d -name "*.framework" -print0)
  sign "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
  signed=yes
else
  echo "MACOS_SIGN_IDENTITY not set: skipping code signing. The DMG works, but on first launch the owner"
  echo "must right-click StockDesk and choose Open (Gatekeeper blocks unsigned apps from the internet)."
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
# hdiutil sometimes fails with "Resource busy" on CI machines; a retry is enough.
for attempt in 1 2 3; do
  if hdiutil create -volname "StockDesk" -srcfolder "$staging" -fs HFS+ -format ULFO -ov "$dmg"; then
    break
  fi
  [[ $attempt -lt 3 ]] || { echo "hdiutil create failed" >&2; exit 1; }
  sleep 5
done

if [[ $signed == yes ]]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi

if [[ $signed == yes && -n "${NOTARY_KEYCHAIN_PROFILE:-}" ]]; then
  auth=(--keychain-profile "$NOTARY_KEYCHAIN_PROFILE")
elif [[ $signed == yes && -n "${APPLE_ID:-}" && -n "${APPLE_TEAM_ID:-}" && -n "${APPLE_APP_PASSWORD:-}" ]]; then
  auth=(--apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD")
else
  auth=()
  echo "Skipping notarization: it needs a signed app and NOTARY_KEYCHAIN_PROFILE or APPLE_ID + APPLE_TEAM_ID + APPLE_APP_PASSWORD."
fi
if [[ ${#auth[@]} -gt 0 ]]; then
  echo "Submitting $dmg for notarization (usually a few minutes)"
  result=$(xcrun notarytool submit "$dmg" "${auth[@]}" --wait --timeout 1h --output-format json)
  echo "$result"
  status=$(plutil -extract status raw -o - - <<<"$result")
  if [[ $status != Accepted ]]; then
    id=$(plutil -extract id raw -o - - <<<"$result")
    xcrun notarytool log "$id" "${auth[@]}" || true
    echo "Notarization failed: $status" >&2
    exit 1
  fi
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi
echo "Created $dmg"
