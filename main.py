"""DA Navigator entry point: parse arguments, build the QApplication, wire the pieces."""

from __future__ import annotations

import argparse
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="da-navigator", description="DA Navigator (发展议程导航)")
    parser.add_argument("--db", help="content database (default: the bundled one)")
    parser.add_argument("--lang", choices=("zh", "en"), help="user-interface language")
    parser.add_argument("--export-json", metavar="FILE", help="write the whole content model as JSON and exit")
    parser.add_argument("--print-summary", metavar="N[,N…]", help="write a summary PDF (several: a briefing pack)")
    parser.add_argument("--output", metavar="PDF", help="output file for --print-summary")
    parser.add_argument("--self-test", nargs="?", const="self-test.json", metavar="REPORT",
                        help="run the offscreen self-test, write a JSON report, exit 0 only if all checks pass")
    parser.add_argument("--open", type=int, metavar="N", help="open recommendation N at start")
    parser.add_argument("--portable", action="store_true",
                        help="keep bookmarks, notes and settings in the app folder's 'userdata' folder")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    import qt_compat

    qt_compat.apply()  # before any Qt call (PySide6 6.12 None refcount bug on 3.11)
    if args.portable:
        from models.paths import request_portable

        request_portable()
    if args.db:
        import os

        os.environ["DA_NAVIGATOR_DB"] = args.db
    if args.export_json:
        from export_cli import export_json_cli

        return export_json_cli(args.export_json)
    if args.self_test:
        from selftest import run_self_test

        return run_self_test(args.self_test)
    if args.print_summary:
        from ui.printing import print_summary_cli

        return print_summary_cli(args.print_summary, args.output)
    from ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
