"""``python main.py --help`` tells the truth: the number forms --print-summary takes, and the
default file names of --output and --self-test."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

import main
from models.print_html import parse_numbers
from ui.printing import default_file_name


def _help() -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main.parse_args(["--help"])
    return " ".join(out.getvalue().split())


def test_help_names_every_number_form_and_each_one_parses():
    text = _help()
    forms = re.search(r"several \(([\d,]+)\), a range \(([\d-]+)\) or '(\w+)'", text)
    assert forms, text
    for spec in forms.groups():
        assert parse_numbers(spec, range(1, 46))


def test_help_gives_the_default_output_and_report_names(repo):
    text = _help()
    single, pack = default_file_name(repo, [6]), default_file_name(repo, [6, 12, 45])
    assert single.replace("rec6", "recN") in text and pack.replace("-3.pdf", "-K.pdf") in text
    assert f"(default: {main.parse_args(['--self-test']).self_test})" in text
