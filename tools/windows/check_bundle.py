"""Check a Windows onedir bundle on the Linux side (no wine): what must be in it, and what must never be.

    python tools/windows/check_bundle.py "dist/windows/DA Navigator" --prefix build/wintools/prefix ...

Must be in it: the executable with the app's icon and a version resource, the same content database as
the Linux build with a matching sha256 record, the same CJK font subset, the app's and Qt's Chinese
translations, Qt's Windows platform plugin and style. Must never be: the test-only icuuc.dll stub (or
any ICU DLL: Windows provides ICU), any file copied from a wine prefix, any wine builtin DLL.
Exits 1 listing every problem.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WINE_MARKERS = (b"Wine builtin DLL", b"Wine placeholder DLL")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ico_images(ico: Path) -> list[bytes]:
    """The image payloads of a .ico file (PyInstaller copies each into an RT_ICON resource)."""
    data = ico.read_bytes()
    _, _, count = struct.unpack_from("<HHH", data, 0)
    images = []
    for i in range(count):
        size, offset = struct.unpack_from("<II", data, 6 + 16 * i + 8)
        images.append(data[offset:offset + size])
    return images


def utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def check(bundle: Path, prefixes: list[Path], stub: Path | None, version: str) -> list[str]:
    problems: list[str] = []
    internal = bundle / "_internal"
    files = [p for p in bundle.rglob("*") if p.is_file()]

    # --- what must be there ---------------------------------------------------------------
    exe = bundle / "DA Navigator.exe"
    required = [exe, internal / "data/build/content.sqlite", internal / "data/build/content.sqlite.sha256",
                internal / "build_info.json", internal / "resources/i18n/da_navigator_zh_CN.qm",
                internal / "PySide6/translations/qtbase_zh_CN.qm", internal / "PySide6/plugins/platforms/qwindows.dll",
                internal / "PySide6/plugins/styles/qmodernwindowsstyle.dll"]
    problems += [f"missing: {p.relative_to(bundle)}" for p in required if not p.is_file()]
    if problems:
        return problems
    db = internal / "data/build/content.sqlite"
    recorded = (internal / "data/build/content.sqlite.sha256").read_text().split()[0]
    if sha256(db) != recorded:
        problems.append("the bundled database does not match its sha256 record")
    linux_db = ROOT / "data/build/content.sqlite"
    if linux_db.is_file() and sha256(linux_db) != recorded:
        problems.append("the bundled database differs from data/build/content.sqlite (the Linux build's)")
    for font in sorted((ROOT / "resources/fonts").glob("DANavigator*")):
        twin = internal / "resources/fonts" / font.name
        if not twin.is_file() or sha256(twin) != sha256(font):
            problems.append(f"font subset {font.name} missing or different")
    info = json.loads((internal / "build_info.json").read_text(encoding="utf-8"))
    if info.get("version") != version or info.get("database_sha256") != recorded:
        problems.append(f"build_info.json disagrees: {info}")
    data = exe.read_bytes()
    for key, value in (("ProductName", "DA Navigator"), ("ProductVersion", version), ("FileVersion", version)):
        if utf16(key) not in data:
            problems.append(f"no version resource string {key}")
        elif utf16(value) not in data:
            problems.append(f"version resource lacks {key} = {value}")
    missing_icons = [i for i, img in enumerate(ico_images(ROOT / "resources/icons/app.ico")) if img not in data]
    if missing_icons:
        problems.append(f"the executable lacks app.ico images {missing_icons}")

    # --- what must never be there ---------------------------------------------------------------
    for path in files:
        if path.name.lower().startswith("icu") and path.suffix.lower() == ".dll":
            problems.append(f"ICU DLL in the bundle (the test-only stub?): {path.relative_to(bundle)}")
        with path.open("rb") as handle:
            head = handle.read(1024)
        if any(marker in head for marker in WINE_MARKERS):
            problems.append(f"a wine builtin DLL in the bundle: {path.relative_to(bundle)}")
    by_size: dict[int, list[Path]] = defaultdict(list)
    for path in files:
        by_size[path.stat().st_size].append(path)
    foreign = [stub] if stub else []
    for prefix in prefixes:
        foreign += [p for p in (prefix / "drive_c").rglob("*") if p.is_file() and not p.is_symlink()]
    digests: dict[Path, str] = {}
    for other in foreign:
        try:
            size = other.stat().st_size
        except OSError:
            continue
        if size < 64 or size not in by_size:
            continue
        digest = sha256(other)
        for path in by_size[size]:
            if path not in digests:
                digests[path] = sha256(path)
            if digests[path] == digest:
                problems.append(f"{path.relative_to(bundle)} is a copy of {other}")
    total = sum(p.stat().st_size for p in files)
    print(f"check_bundle: {len(files)} files, {total / 2**20:.1f} MB; database {recorded[:12]}…; "
          f"{len(foreign)} prefix/stub files compared; {len(problems)} problem(s)")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--prefix", type=Path, action="append", default=[], help="a wine prefix (repeatable)")
    parser.add_argument("--stub", type=Path, help="the test-only icuuc.dll")
    parser.add_argument("--version", required=True)
    args = parser.parse_args()
    problems = check(args.bundle, args.prefix, args.stub, args.version)
    for problem in problems:
        print(f"check_bundle: FAIL {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
