#!/usr/bin/env bash
# make dist-windows: freeze the app for Windows x64 under wine (the toolchain must be ready:
# tools/windows/toolchain.sh) and package it:
#   dist/windows/DA Navigator/DA Navigator.exe      onedir, windowed
#   dist/DA-Navigator-<version>-win64.zip           the same folder, portable
#   dist/DA-Navigator-<version>-setup.exe           per-user NSIS installer
# The database, font subset and translations are the ones `make db resources` built on Linux.
# Step times go to build/windows/timing.json (read by bench/bundle_bench.py).
set -euo pipefail
source "$(dirname "$0")/wine_env.sh"
cd "$ROOT"
OUT=dist/windows
APP="$OUT/DA Navigator"
ZIP=dist/DA-Navigator-$VERSION-win64.zip
SETUP=dist/DA-Navigator-$VERSION-setup.exe
[[ -f $WIN_PY/python.exe ]] || { echo "dist-windows: no Windows toolchain; run tools/windows/toolchain.sh (make does)" >&2; exit 1; }
t0=$SECONDS; declare -A took
rm -rf "$OUT" "$ZIP" "$SETUP"
mkdir -p build/windows

echo "dist-windows: PyInstaller $VERSION under wine"
s=$SECONDS
# PyInstaller warns about every api-ms-win-crt-* DLL it cannot find in wine: Windows 10+ has them all.
DA_NAVIGATOR_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown) \
  wpy -m PyInstaller --noconfirm --log-level WARN --distpath "$(winpath "$OUT")" \
      --workpath "$(winpath build/windows)" build.spec \
  | { grep -vE "Library not found: could not resolve 'api-ms-win-" || true; }
took[pyinstaller]=$((SECONDS - s))
[[ -f "$APP/DA Navigator.exe" ]] || { echo "dist-windows: PyInstaller made no $APP/DA Navigator.exe" >&2; exit 1; }

"${PYTHON:-.venv/bin/python}" tools/windows/check_bundle.py "$APP" --prefix "$WINEPREFIX" \
  --stub "$WIN_TOOLS/icuuc.dll" --version "$VERSION"

echo "dist-windows: $ZIP"
s=$SECONDS
(cd "$OUT" && zip -qr "$ROOT/$ZIP" "DA Navigator")   # deflate -6: zip -9 takes twice the time for 1 %
took[zip]=$((SECONDS - s))

echo "dist-windows: $SETUP (makensis $(makensis -VERSION))"
s=$SECONDS
makensis -V2 -DSRCDIR="$ROOT/$APP" -DVERSION="$VERSION" -DOUTFILE="$ROOT/$SETUP" \
  -DICON="$ROOT/resources/icons/app.ico" tools/windows/installer.nsi
took[installer]=$((SECONDS - s))
took[total]=$((SECONDS - t0))

printf '{"pyinstaller_s": %d, "zip_s": %d, "installer_s": %d, "total_s": %d}\n' \
  "${took[pyinstaller]}" "${took[zip]}" "${took[installer]}" "${took[total]}" > build/windows/timing.json
echo "dist-windows: done in ${took[total]} s (PyInstaller ${took[pyinstaller]} s, zip ${took[zip]} s, installer ${took[installer]} s)"
du -sh "$APP" "$ZIP" "$SETUP"
