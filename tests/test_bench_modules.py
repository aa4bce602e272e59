"""Every bench module imports and follows the runner's contract (a moved name must not break `make bench`)."""

from __future__ import annotations

import importlib

import pytest

from bench.run import discover


@pytest.mark.parametrize("name", discover())
def test_bench_module_imports_and_has_run(name: str) -> None:
    module = importlib.import_module(f"bench.{name}")
    assert callable(module.run)
