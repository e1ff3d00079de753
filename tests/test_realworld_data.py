"""The frozen real-world benchmark's data is well-formed (shapedoctor is not run on it here:
scoring is ``benchmarks/realworld/score.py``'s job)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks" / "realworld"))
from caseset import load_cases, problems  # noqa: E402

CASES = load_cases()


def test_benchmark_has_cases():
    assert CASES, "benchmarks/realworld holds no case"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_is_well_formed(case):
    assert problems(case) == []


def test_case_numbers_are_unique():
    numbers = [c.name.split("_")[0] for c in CASES]
    assert len(numbers) == len(set(numbers))
