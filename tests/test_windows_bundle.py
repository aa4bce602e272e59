"""tools/windows/check_bundle.py on a fake Windows bundle: what must be in it, and what must never be."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VERSION = "9.8.7"


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_bundle", ROOT / "tools" / "windows" / "check_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cb = _load_checker()


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A minimal bundle that passes: the project's database, fonts and icon, a version resource."""
    db = ROOT / "data" / "build" / "content.sqlite"
    fonts = sorted((ROOT / "resources" / "fonts").glob("DANavigator*"))
    if not db.is_file() or not fonts:
        pytest.skip("needs `make db resources`")
    app = tmp_path / "DA Navigator"
    internal = app / "_internal"
    (internal / "data" / "build").mkdir(parents=True)
    shutil.copyfile(db, internal / "data" / "build" / "content.sqlite")
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    (internal / "data" / "build" / "content.sqlite.sha256").write_text(f"{digest}  content.sqlite\n")
    (internal / "build_info.json").write_text(json.dumps({"version": VERSION, "database_sha256": digest}))
    (internal / "resources" / "fonts").mkdir(parents=True)
    for font in fonts:
        shutil.copyfile(font, internal / "resources" / "fonts" / font.name)
    for name in ("resources/i18n/da_navigator_zh_CN.qm", "PySide6/translations/qtbase_zh_CN.qm",
                 "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/styles/qmodernwindowsstyle.dll"):
        (internal / name).parent.mkdir(parents=True, exist_ok=True)
        (internal / name).write_bytes(b"MZ" + name.encode() * 8)
    strings = b"".join(cb.utf16(t) for t in ("ProductName", "DA Navigator", "ProductVersion", VERSION,
                                              "FileVersion", VERSION))
    icons = b"".join(cb.ico_images(ROOT / "resources" / "icons" / "app.ico"))
    (app / "DA Navigator.exe").write_bytes(b"MZ" + icons + strings)
    return app


def test_a_complete_bundle_passes(bundle: Path, tmp_path: Path) -> None:
    assert cb.check(bundle, [], None, VERSION) == []


def test_the_icuuc_stub_is_refused_by_name_and_by_content(bundle: Path, tmp_path: Path) -> None:
    stub = tmp_path / "icuuc.dll"
    stub.write_bytes(b"MZ stub " * 20)
    shutil.copyfile(stub, bundle / "_internal" / "icuuc.dll")
    shutil.copyfile(stub, bundle / "_internal" / "renamed.dll")
    problems = cb.check(bundle, [], stub, VERSION)
    assert any("ICU DLL" in p and "icuuc.dll" in p for p in problems)
    assert any("renamed.dll is a copy of" in p for p in problems)


def test_files_from_a_wine_prefix_are_refused(bundle: Path, tmp_path: Path) -> None:
    system32 = tmp_path / "prefix" / "drive_c" / "windows" / "system32"
    system32.mkdir(parents=True)
    (system32 / "mscms.dll").write_bytes(b"MZ" + b"\0" * 62 + b"Wine builtin DLL" + b"\0" * 100)
    (system32 / "fake.dll").write_bytes(b"MZ from the prefix " * 10)
    shutil.copyfile(system32 / "fake.dll", bundle / "_internal" / "fake.dll")
    shutil.copyfile(system32 / "mscms.dll", bundle / "_internal" / "other-name.dll")
    problems = cb.check(bundle, [tmp_path / "prefix"], None, VERSION)
    assert any("fake.dll is a copy of" in p for p in problems)
    assert any("wine builtin DLL" in p and "other-name.dll" in p for p in problems)


def test_a_wrong_database_record_version_or_icon_is_reported(bundle: Path) -> None:
    record = bundle / "_internal" / "data" / "build" / "content.sqlite.sha256"
    record.write_text("0" * 64 + "  content.sqlite\n")
    exe = bundle / "DA Navigator.exe"
    exe.write_bytes(exe.read_bytes()[:100] + cb.utf16("ProductName"))
    problems = cb.check(bundle, [], None, VERSION)
    assert any("does not match its sha256 record" in p for p in problems)
    assert any("lacks app.ico images" in p for p in problems)
    assert any("ProductVersion" in p for p in problems)
