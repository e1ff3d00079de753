"""The training-time corpus (t*, u*) and the seed examples on the JAX backend.

Keras's messages differ per backend; shapedoctor's diagnosis must not. A case may declare
``expect_jax`` where JAX itself behaves differently (it is then documented in the case).
"""

from __future__ import annotations

import importlib.util

import pytest

from corpus_pass import picked
from corpus_runner import LONG, load_cases, run_all, summary

pytestmark = pytest.mark.skipif(importlib.util.find_spec("jax") is None, reason="JAX is not installed")

# Each case is a start of JAX *and* TensorFlow (Keras imports both), about 10 s of CPU: CI runs every
# sixth training-time case (picked by a hash of its number, as the corpus pass does: adding cases
# does not reshuffle the share) and the four construction cases; the whole set (t0*, u0*: about
# 90 cases) runs under SHAPEDOCTOR_LONG=1.
TRAINING = [c[0] for c in load_cases(["t0", "u0"])]
SELECTED = [n for n in TRAINING if LONG or picked(n, 6, "jax")] + ["c001", "c002", "c017", "c022"]
CASES = load_cases(SELECTED)


@pytest.fixture(scope="module")
def results():
    res = run_all(SELECTED, backend="jax")
    print("\n" + summary(res))
    return {r.name: r for r in res}


@pytest.mark.parametrize("name", [c[0] for c in CASES])
def test_case_on_jax(results, name):
    result = results[name]
    gap = result.case.get("known_gap")
    if gap:  # a recorded miss (case.toml `known_gap`), as in test_corpus: it must still fail
        assert not result.passed, f"{name} passes now on jax: remove its known_gap from case.toml"
        pytest.xfail(f"known gap: {gap}")
    assert result.passed, f"{name} (jax): {'; '.join(result.problems)}\n{result.stderr[-1500:]}"
