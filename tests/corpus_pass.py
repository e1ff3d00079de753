"""One TensorFlow pass over the corpus, shared by ``test_corpus.py`` and ``test_patch.py``.

Every case with an expected fix is analysed once, by ``run --json --write`` on a temporary copy
(``patch_runner.write_case``): its JSON report is scored as the corpus scores a plain run, and
the write, its backup and the patched script's plain ``python`` run are checked as the patch
tests check them. The other cases (valid programs, diagnosis-only cases) get a plain
``run --json``. Before, each fixable case was analysed twice (once per test file), which was
about a quarter of CI's time.
"""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor

from corpus_runner import CaseResult, load_cases, run_case, scored
from patch_runner import PatchResult, fixable, write_case


def _one(name, folder, case) -> tuple[CaseResult, PatchResult | None]:
    if not fixable(case):
        return run_case(name, folder, case), None
    patched = write_case(name, folder, case)
    return scored(name, case, patched.exit_code, patched.report, patched.stderr,
                  written=patched.written), patched


@functools.cache
def tensorflow_pass(selected: tuple[str, ...] | None = None, workers: int = 2
                    ) -> tuple[dict[str, CaseResult], dict[str, PatchResult]]:
    """(corpus results by case name, patch results by name of the fixable cases)."""
    cases = load_cases(list(selected) if selected else None)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(lambda c: _one(*c), cases))
    return ({r.name: r for r, _ in done}, {p.name: p for _, p in done if p is not None})
