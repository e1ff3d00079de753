"""Does a development-corpus verdict survive edits that do not change the bug? (generalisation probe)

The development corpus (``tests/corpus``) scores 100 % because the engine was developed on it;
the frozen benchmark showed that this does not transfer to code nobody here wrote. This probe
asks, without reading any frozen case, whether the engine's rules hang on a corpus script's
surface (its variable names, its line numbers) rather than on its shapes. Each case is run
as written and after a transform that keeps the program's meaning, then scored with the
corpus's own rules (``tests/corpus_runner.score``, expectations carried through the transform):

* ``rename``: every variable the script binds (assignment, ``for`` and ``with`` targets,
  function names) gets a neutral name (``v1``, ``v2``, ...): ``X_train``, ``y``, ``model``,
  ``num_classes`` mean nothing any more; the acceptable fixes are renamed the same way.
* ``shift``: three comment lines above the script: every line moves down by three.
* ``tfkeras``: ``import keras`` / ``from keras... import`` become the ``tensorflow.keras``
  spellings many users write (the same Keras 3 objects; no line moves).
* ``wrap``: the whole script becomes the body of ``def main():`` called at the end, as many
  users write it: the arrays and the model are locals of a function (lines move down by one).

It prints, side by side from one run, the pass rate per transform and every case that passes
as written but fails after a transform (a rule that reads the surface, not the shapes)::

    .venv/bin/python benchmarks/metamorphic_corpus.py [-j 2] [--transforms rename shift] [SUBSTR ...]
"""

from __future__ import annotations

import argparse
import builtins
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import libcst as cst

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from corpus_runner import load_cases, score  # noqa: E402

SHIFT = 3
TRANSFORMS = ["rename", "shift", "tfkeras", "wrap"]


class _Bound(cst.CSTVisitor):
    """Names the script binds itself (not imports, attributes, keywords or parameters)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.params: set[str] = set()
        self._scopes: list[str] = []  # names bound in a class body (methods, class attributes) are kept

    def _targets(self, node: cst.CSTNode) -> None:
        if self._scopes[-1:] == ["class"]:
            return
        if isinstance(node, cst.Name):
            if node.value not in self.names:
                self.names.append(node.value)
        elif isinstance(node, (cst.Tuple, cst.List)):
            for element in node.elements:
                self._targets(element.value)
        elif isinstance(node, cst.StarredElement):
            self._targets(node.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._targets(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._targets(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._targets(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._targets(node.name)  # `with open(p) as fh`, `except E as e`

    def visit_ImportAlias(self, node: cst.ImportAlias) -> bool:
        return False  # `import numpy as np`: an imported name is kept

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._scopes.append("class")

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._targets(node.name)
        self._scopes.append("def")

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.pop()

    def visit_Param(self, node: cst.Param) -> None:
        self.params.add(node.name.value)  # a parameter shadows: its name is never renamed


class _Rename(cst.CSTTransformer):
    """Renames the bound names wherever they are used as names (never as attributes or keywords)."""

    def __init__(self, mapping: dict[str, str]) -> None:
        self.mapping = mapping

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        return False  # the object before the dot is a name use (renamed below), the attribute is not

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.Attribute:
        return updated.with_changes(value=original.value.visit(self))

    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        return updated.with_changes(keyword=original.keyword)  # `units=` stays `units=`

    def visit_Param(self, node: cst.Param) -> bool:
        return False

    def visit_ImportAlias(self, node: cst.ImportAlias) -> bool:
        return False

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        new = self.mapping.get(original.value)
        return updated.with_changes(value=new) if new else updated


def rename(source: str) -> tuple[str, dict[str, str]]:
    module = cst.parse_module(source)
    bound = _Bound()
    module.visit(bound)
    keep = set(dir(builtins)) | bound.params | {"self", "cls", "__name__"}
    mapping = {name: f"v{i}" for i, name in enumerate((n for n in bound.names if n not in keep), 1)}
    return module.visit(_Rename(mapping)).code, mapping


def rename_text(text: str, mapping: dict[str, str]) -> str:
    for old, new in mapping.items():
        text = re.sub(rf"(?<![\w.]){re.escape(old)}\b", new, text)
    return text


def tf_keras(source: str) -> str:
    source = re.sub(r"^import keras$", "from tensorflow import keras", source, flags=re.M)
    return re.sub(r"^from keras(\.[\w.]+)? import", r"from tensorflow.keras\1 import", source, flags=re.M)


def wrap_in_main(source: str) -> str:
    lines = source.splitlines(keepends=True)
    head = [ln for ln in lines if ln.startswith("from __future__")]
    body = [ln for ln in lines if not ln.startswith("from __future__")]
    indented = [("    " + ln) if ln.strip() else ln for ln in body]
    return "".join(head) + "def main():\n" + "".join(indented) + "\n\nmain()\n"


def transformed(case: dict, source: str, how: str) -> tuple[dict, str]:
    case = dict(case)
    if how == "shift":
        moved = lambda line: line + SHIFT  # noqa: E731
        case["culprit_lines"] = [moved(x) for x in case.get("culprit_lines") or []]
        if "consumer_line" in case:
            case["consumer_line"] = moved(case["consumer_line"])
        return case, "#\n" * SHIFT + source
    if how == "tfkeras":
        return case, tf_keras(source)
    if how == "wrap":
        case["culprit_lines"] = [x + 1 for x in case.get("culprit_lines") or []]
        if "consumer_line" in case:
            case["consumer_line"] += 1
        return case, wrap_in_main(source)
    if how == "rename":
        new, mapping = rename(source)
        case["fixes"] = [rename_text(f, mapping) for f in case.get("fixes") or []]
        return case, new
    return case, source


def run_one(name: str, folder: Path, case: dict, how: str, timeout: int) -> tuple[str, str, list[str]]:
    with tempfile.TemporaryDirectory(prefix="sd-meta-") as tmp:
        work = Path(tmp) / name
        shutil.copytree(folder, work)
        script = work / "script.py"
        try:
            case, source = transformed(case, script.read_text(), how)
        except cst.ParserSyntaxError as exc:
            return name, how, [f"transform failed: {exc}"]
        script.write_text(source)
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONWARNINGS="ignore", PYTHONPATH=str(ROOT))
        try:
            proc = subprocess.run([sys.executable, "-m", "shapedoctor", "run", "--json", "script.py"],
                                  cwd=work, capture_output=True, text=True, env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            return name, how, [f"timeout after {timeout} s"]
        try:
            report = json.loads(proc.stdout)
        except json.JSONDecodeError:
            report = None
        return name, how, score(case, proc.returncode, report)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("only", nargs="*", help="cases whose name contains one of these")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--transforms", nargs="+", default=["rename", "shift"], choices=TRANSFORMS)
    ap.add_argument("--no-original", action="store_true", help="skip the untransformed run")
    args = ap.parse_args()
    cases = [c for c in load_cases(args.only or None) if not c[2].get("known_gap")]
    kinds = ([] if args.no_original else ["as written"]) + args.transforms
    jobs = [(n, f, c, k) for n, f, c in cases for k in kinds]
    results: dict[tuple[str, str], list[str]] = {}
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for i, (name, how, problems) in enumerate(
                pool.map(lambda j: run_one(*j, args.timeout), jobs), 1):
            results[(name, how)] = problems
            print(f"[{i}/{len(jobs)}] {name} ({how}): {'ok' if not problems else '; '.join(problems)}",
                  file=sys.stderr, flush=True)
    print(f"\n{len(cases)} corpus cases (known gaps left out)\n")
    print("| run | passed |\n| --- | --- |")
    for how in kinds:
        ok = sum(not results[(n, how)] for n, _, _ in cases)
        print(f"| {how} | {ok}/{len(cases)} ({100 * ok / len(cases):.0f} %) |")
    broken = [(n, how) for n, _, _ in cases for how in args.transforms
              if results[(n, how)] and (args.no_original or not results[(n, "as written")])]
    if broken:
        print("\nPass as written, fail after a transform (rules reading the surface):")
        for n, how in broken:
            print(f"  {n} ({how}): {'; '.join(results[(n, how)])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
