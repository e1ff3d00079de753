"""Score shapedoctor on the corpus of real-world shape bugs: every case must pass (100 %), and the
fixes ``--write`` is tried on must be proven, written with a byte-identical backup, and touch only
the lines they name.

One pass (corpus_pass.py) analyses each case once; which cases are written (all of them under
``SHAPEDOCTOR_LONG=1``) is said there.
"""

from __future__ import annotations

import pytest

from corpus_pass import ci_selection, tensorflow_pass, write_selection
from corpus_runner import load_cases, summary
from patch_runner import summary as patch_summary

CASES = load_cases()
ANALYSED = ci_selection(CASES)  # all of them under SHAPEDOCTOR_LONG=1 (corpus_pass.py says which)


@pytest.fixture(scope="module")
def results():
    res = tensorflow_pass()[0]
    print("\n" + summary(list(res.values())))
    return res


def test_corpus_is_big_enough():
    buggy = [c for c in CASES if c[2].get("expect") == "mismatch"]
    valid = [c for c in CASES if c[2].get("expect") == "ok"]
    assert len(buggy) >= 30 and len(valid) >= 5


@pytest.mark.parametrize("name", [c[0] for c in ANALYSED])
def test_case(results, name):
    result = results[name]
    gap = result.case.get("known_gap")
    if gap:
        # A recorded, explained miss (case.toml `known_gap`): expected to fail until the engine
        # handles it; once it passes, the key must go (strict).
        assert not result.passed, f"{name} passes now: remove its known_gap from case.toml"
        pytest.xfail(f"known gap: {gap}")
    assert result.passed, f"{name}: {'; '.join(result.problems)}\n--- stderr tail ---\n{result.stderr[-2000:]}"


def test_corpus_score_is_100_percent(results):
    counted = [r for r in results.values() if not r.case.get("known_gap")]
    passed = sum(r.passed for r in counted)
    assert passed == len(counted), summary(list(results.values()))


def test_every_written_corpus_fix_is_proven_and_touches_only_its_lines():
    results = list(tensorflow_pass()[1].values())
    assert {r.name for r in results} == write_selection(ANALYSED)
    assert len(results) >= 40  # about 50 in CI, every fixable case (170) under SHAPEDOCTOR_LONG=1
    print("\n" + patch_summary(results))
    # recorded misses: known_gap (test_case xfails them) and write_gap (diagnosed right, not writable yet)
    gaps = {c[0] for c in CASES if c[2].get("known_gap") or c[2].get("write_gap")}
    failed = [r for r in results if not r.passed and r.name not in gaps]
    assert not failed, patch_summary(results)
