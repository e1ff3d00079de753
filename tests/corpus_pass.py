"""One TensorFlow pass over the corpus, for ``test_corpus.py`` (its diagnosis and its written fixes).

Every case is analysed once. A case with an expected fix that ``--write`` is tried on is analysed
by ``run --json --write`` on a temporary copy (``patch_runner.write_case``): its JSON report is
scored as the corpus scores a plain run, and the write (its proof, its byte-identical backup, the
lines its diff touches) is checked too. The other cases get a plain ``run --json``.

What CI can afford: each start of TensorFlow costs about 5 s of CPU before the script does
anything, and CI has two cores. So, unless ``SHAPEDOCTOR_LONG=1``:

* the cases analysed are every valid program (no false alarm is ever let through), every recorded
  miss (``known_gap``: it must still fail) and about a third of the other cases, chosen by a hash of
  the case's number (``c035``, ``t120``, ...): the choice of a case never changes when other cases
  are added, so a CI failure is never a newly selected old case;
* ``--write`` is tried on every fixable case that fails while its model is built (``stage =
  "build"``: ``run`` proves its fix by running the patched script anyway, so the write adds no
  start) and on about half of the other fixable cases (by the same kind of hash); the rest
  get the plain ``run --json``, which still verifies each fix by replaying the failing step;
* the written script is not rerun with plain ``python`` (the proof already ran that very script to
  its end, one small step per fit/predict under ``--quick``).

``SHAPEDOCTOR_LONG=1`` analyses every case, writes every fixable one and reruns each written
script with ``python``.
"""

from __future__ import annotations

import functools
import zlib
from concurrent.futures import ThreadPoolExecutor

from corpus_runner import LONG, CaseResult, load_cases, run_case, scored
from patch_runner import PatchResult, fixable, write_case

ANALYSE_EVERY = 3  # outside LONG: one case in three that is neither valid nor a recorded miss
WRITE_EVERY = 2  # outside LONG: --write on one in two fixable cases that are not build-time failures


def picked(name: str, every: int, salt: str) -> bool:
    """Whether the case ``name`` is in the fixed 1-in-``every`` share (stable: it depends on the
    case's number only, not on which other cases exist)."""
    number = name.split("_", 1)[0]
    return zlib.crc32(f"{salt}:{number}".encode()) % every == 0


def ci_selection(cases: list[tuple]) -> list[tuple]:
    """The cases analysed (all of them under ``SHAPEDOCTOR_LONG=1``)."""
    if LONG:
        return cases
    always = {name for name, _, case in cases
              if case.get("expect", "mismatch") == "ok" or case.get("known_gap")}
    chosen = always | {name for name, _, _ in cases if picked(name, ANALYSE_EVERY, "analyse")}
    return [c for c in cases if c[0] in chosen]


def write_selection(cases: list[tuple]) -> set[str]:
    """Names of the cases analysed with ``--write``."""
    fixables = [(name, case) for name, _, case in cases if fixable(case)]
    if LONG:
        return {name for name, _ in fixables}
    return {name for name, case in fixables
            if case.get("stage") == "build" or picked(name, WRITE_EVERY, "write")}


def _one(name, folder, case, write: bool) -> tuple[CaseResult, PatchResult | None]:
    if not write:
        return run_case(name, folder, case), None
    patched = write_case(name, folder, case, rerun=LONG)
    return scored(name, case, patched.exit_code, patched.report, patched.stderr,
                  written=patched.written), patched


@functools.cache
def tensorflow_pass(selected: tuple[str, ...] | None = None, workers: int = 2
                    ) -> tuple[dict[str, CaseResult], dict[str, PatchResult]]:
    """(corpus results by case name, patch results by name of the cases written)."""
    cases = load_cases(list(selected)) if selected else ci_selection(load_cases())
    chosen = write_selection(cases)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(lambda c: _one(*c, write=c[0] in chosen), cases))
    return ({r.name: r for r, _ in done}, {p.name: p for _, p in done if p is not None})
