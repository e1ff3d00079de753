"""Load the frozen real-world benchmark's case folders and check that their data is well-formed.

A case is a folder ``cases/rNNN_slug`` (a shape bug) or ``valid/wNNN_slug`` (a valid program),
holding ``script.py`` and ``case.toml``. The format is described in ``README.md`` beside this
file. Used by ``score.py``, ``verify_cases.py`` and ``tests/test_realworld_data.py``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parent
STAGES = ("build", "call", "predict", "fit", "evaluate", "train_on_batch")
KINDS = ("layer", "input", "data", "labels", "loss")
BUG_KEYS = ("title", "source", "answer", "stage", "expect", "culprit_kind", "culprit_lines",
            "consumer_line", "fixes")
VALID_KEYS = ("title", "source", "expect")
# The call each training stage names as its consumer line.
STAGE_CALLS = {"fit": ".fit", "evaluate": ".evaluate", "predict": ".predict", "train_on_batch": ".train_on_batch"}


@dataclass
class Case:
    name: str
    folder: Path
    meta: dict

    @property
    def expect(self) -> str:
        return self.meta.get("expect", "mismatch")

    @property
    def is_valid_program(self) -> bool:
        return self.expect == "ok"

    @property
    def script(self) -> Path:
        return self.folder / "script.py"


def _number_order(folder: Path) -> tuple:
    """r999 before r1000: case folders sort by their number, then by name."""
    match = re.match(r"[a-z](\d+)_", folder.name)
    return (int(match.group(1)) if match else -1, folder.name)


def load_cases(selected: list[str] | None = None, root: Path = ROOT) -> list[Case]:
    """Every case under ``cases/`` and ``valid/``, sorted by number, filtered by name substrings."""
    found = []
    for part in ("cases", "valid"):
        base = root / part
        if not base.is_dir():
            continue
        for folder in sorted(base.iterdir(), key=_number_order):
            toml = folder / "case.toml"
            if not toml.is_file():
                continue
            if selected and not any(s in folder.name for s in selected):
                continue
            with open(toml, "rb") as fh:
                found.append(Case(folder.name, folder, tomllib.load(fh)))
    return found


def problems(case: Case) -> list[str]:
    """What is wrong with a case's data (empty when it is well-formed)."""
    meta, out = case.meta, []
    if not case.script.is_file():
        return ["script.py missing"]
    lines = case.script.read_text().splitlines()
    keys = VALID_KEYS if case.is_valid_program else BUG_KEYS
    out += [f"missing key {k!r}" for k in keys if k not in meta]
    if not re.search(r"https?://\S+", str(meta.get("source", ""))):
        out.append("source has no URL")
    expected_prefix = "w" if case.is_valid_program else "r"
    if not re.fullmatch(rf"{expected_prefix}\d{{3,}}_\w+", case.name):
        out.append(f"folder name should be {expected_prefix}NNN_slug")
    if case.is_valid_program:
        return out
    if case.expect not in ("mismatch", "warning"):
        out.append(f"expect {case.expect!r} is not mismatch|warning|ok")
    if meta.get("stage") not in STAGES:
        out.append(f"stage {meta.get('stage')!r} not in {STAGES}")
    if meta.get("culprit_kind") not in KINDS:
        out.append(f"culprit_kind {meta.get('culprit_kind')!r} not in {KINDS}")
    culprits = meta.get("culprit_lines") or []
    if not culprits:
        out.append("culprit_lines is empty")
    for n in culprits + [meta.get("consumer_line", 0)]:
        if not isinstance(n, int) or not 1 <= n <= len(lines) or not lines[n - 1].strip() \
                or lines[n - 1].lstrip().startswith("#"):
            out.append(f"line {n} is not a code line of script.py")
    call = STAGE_CALLS.get(meta.get("stage"))
    consumer = meta.get("consumer_line", 0)
    if call and isinstance(consumer, int) and 1 <= consumer <= len(lines) and call not in lines[consumer - 1]:
        out.append(f"consumer line {consumer} does not hold the {call} call")
    fixes = meta.get("fixes")
    if not isinstance(fixes, list) or not fixes or not all(isinstance(f, str) and f for f in fixes):
        out.append("fixes must be a non-empty list of substrings")
    if case.expect == "mismatch" and not meta.get("keras_error"):
        out.append("mismatch case without keras_error")
    return out
