"""DA Navigator entry point: parse arguments, build the QApplication, wire the pieces."""

from __future__ import annotations

import argparse
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="da-navigator", description="DA Navigator (发展议程导航)")
    parser.add_argument("--db", help="content database (default: the bundled one)")
    parser.add_argument("--lang", choices=("zh", "en"), help="user-interface language")
    parser.add_argument("--export-json", metavar="FILE", help="write the whole content model as JSON and exit")
    parser.add_argument("--print-summary", metavar="N[,N…]",
                        help="write a summary PDF of recommendation N; several (6,12,45), a range (1-5) "
                        "or 'all' make a briefing pack")
    parser.add_argument("--output", metavar="PDF",
                        help="output file for --print-summary (default: CDIP-33-2-recN.pdf or "
                        "CDIP-33-2-briefing-K.pdf in the current folder)")
    parser.add_argument("--self-test", nargs="?", const="self-test.json", metavar="REPORT",
                        help="run the offscreen self-test, write a JSON report (default: self-test.json), "
                        "exit 0 only if all checks pass")
    parser.add_argument("--open", type=int, metavar="N", help="open recommendation N at start")
    parser.add_argument("--portable", action="store_true",
                        help="keep bookmarks, notes and settings in the app folder's 'userdata' folder")
    args = parser.parse_args(argv)
    for option in ("db", "export_json", "print_summary", "output", "self_test"):
        value = getattr(args, option)
        if value is not None and not value.strip():  # "" must not fall through to the window
            parser.error(f"--{option.replace('_', '-')} needs a value, not an empty string")
    if args.output is not None and args.print_summary is None:
        parser.error("--output only goes with --print-summary")
    return args


def main(argv: list[str] | None = None) -> int:
    """Exit codes (models/exit_codes.py): 0 ok, 1 a self-test check failed, 2 usage, 3 not written, 4 content."""
    from models import warmup

    warmup.start()  # Qt's libraries and fontconfig, linked on another core while this one imports
    if not getattr(sys, "frozen", False):  # the bundle's first runtime hook has done it
        from models import regex_cache

        regex_cache.install(regex_cache.development_cache())  # the patterns start-up compiles, from `make`
    args = parse_args(sys.argv[1:] if argv is None else argv)
    opens_window = args.export_json is None and args.self_test is None and args.print_summary is None
    if opens_window:  # its start-up makes objects that live as long as it: collected after the first paint
        import gc

        gc.disable()  # ui.app.resume_collection turns it back on
    if args.db is not None:
        import os

        os.environ["DA_NAVIGATOR_DB"] = args.db
    from models.paths import prefetch_startup_files

    prefetch_startup_files()  # read in the background while PySide6 is imported (cold starts)
    import qt_compat

    qt_compat.apply()  # before any Qt call (PySide6 6.12 None refcount bug on 3.11)
    if args.portable:
        from models.paths import request_portable

        request_portable()
    if args.export_json is not None:
        from export_cli import export_json_cli

        return export_json_cli(args.export_json)
    if args.self_test is not None:
        from selftest import run_self_test

        return run_self_test(args.self_test)
    if args.print_summary is not None:
        from ui.printing import print_summary_cli

        return print_summary_cli(args.print_summary, args.output)
    from ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
