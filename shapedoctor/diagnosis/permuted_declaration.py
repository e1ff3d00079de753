"""An ``Input`` declared with its axes in another order than the shape the script names for that data.

keras-io's WGAN-GP for molecular graphs names the adjacency tensor's shape once, ``adjacency_shape =
(BOND_DIM, NUM_ATOMS, NUM_ATOMS)`` (bond type first), and both the generator's ``Reshape`` and the
critic's ``Input`` use it. Declaring the critic's input channels-last, ``(NUM_ATOMS, NUM_ATOMS, BOND_DIM)``,
builds its graph convolution for the wrong axes and the matrix product inside it fails (r756). The
size rules then offer to change ``BOND_DIM`` until the numbers fit, which builds and changes what the
data means; the slip is the order of the declared axes.

Evidence, read: the finding's shape path starts at an ``Input`` created on one line of a user file with
a one-line ``shape=`` argument; exactly one module-level name of that file holds a tuple of ints that is
the declared sample shape in another order (not the same order, some sizes differing in place), and the
script reads that name somewhere else. The ``Input`` is the root cause; the fix declares it with that
name, proven by running the patched script, and replaces the size changes (they would change the data).
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def permuted_declaration(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the ``Input`` declared in another axis order than its named shape, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    if exc is None or finding is None or not finding.path or finding.path[0].cls != "InputLayer":
        return finding
    return reaimed(finding, _found, _aim, exc, finding)


def _found(exc: BaseException, finding: Any):
    from shapedoctor.diagnosis.reaim import script_frame, user_files
    from shapedoctor.messages.shapes import parse_shape
    from shapedoctor.trace.sites import called_name, display_path, source_tree

    first = finding.path[0]
    declared = parse_shape(first.output_shape or "")
    if not declared or len(declared) < 3 or not all(isinstance(d, int) for d in declared[1:]):
        return None
    sample = tuple(declared[1:])
    where = script_frame(exc)
    if where is None or not first.line:
        return None
    path = {display_path(f): f for f in user_files(exc)}.get(first.file)
    if path is None:
        return None
    tree = source_tree(path)
    made = [c for c in ast.walk(tree) if isinstance(c, ast.Call) and c.lineno == first.line
            and called_name(c.func) in ("Input", "InputLayer")]
    if len(made) != 1:
        return None
    shape = next((k.value for k in made[0].keywords if k.arg == "shape"), made[0].args[0] if made[0].args else None)
    if shape is None or shape.lineno != shape.end_lineno or isinstance(shape, ast.Name):
        return None
    frame = where[0]
    if frame.f_code.co_filename != path:
        return None
    names = [name for name, value in frame.f_globals.items() if isinstance(value, tuple)
             and len(value) == len(sample) and all(type(v) is int for v in value) and value != sample
             and sorted(value) == sorted(sample)]
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    names = [n for n in names if n in read]
    if len(names) != 1 or not linecache.getline(path, shape.lineno).isascii():
        return None
    return path, made[0], shape, names[0], frame.f_globals[names[0]], sample


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, call, shape, name, value, sample = found
    edit = TextEdit.replacing(path, shape, name)
    fix = script_checked_fix(f"declare the input in the axis order the script names for it: shape={name}, "
                             f"{format_shape(value)}", edit.shown(), display_path(path), call.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("input", None, "Input", path, call.lineno)
    finding.explanation = (
        f"This `Input` declares {format_shape(sample)}: the sizes of `{name}` = {format_shape(value)} in "
        f"another order. The layers after it are built for the axes as declared, so they read the wrong axis "
        f"as features. Changing a size until the numbers fit would change what the data means; declare the "
        f"input with `{name}`, the order the rest of the script uses.")
    finding.fixes = [fix]
    return finding
