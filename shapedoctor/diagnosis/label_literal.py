"""Labels made in the user's own code with a class count written as a number the model does not have.

The FGSM tutorial one-hot encodes its target for ImageNet (``tf.one_hot(index, 1000)``, then
``tf.reshape(label, (1, 1000))``); on a 10-class model the loss, called in the user's own
``GradientTape`` code, refuses ``target.shape=(1, 1000), output.shape=(1, 10)``. No layer and no
training call is involved: the labels' lines are the root cause, and the fix writes the model's
width in place of that number on each of them.

Evidence, read, not guessed: the loss was called in the user's code with a name for the labels;
that very tensor is bound to a name of the script; the statements that assign that name (the last
ones before it was used, in a chain) each write the labels' width as an integer literal, and the
output's width differs. The edit of those literals is checked by running the patched script
(``needs_proof``).
"""

from __future__ import annotations

import ast
import linecache
import re
import traceback
from typing import Any
from shapedoctor.trace.sites import source_tree

_SHAPES = re.compile(r"target\.shape=\(([\d, ]+)\), output\.shape=\(([\d, ]+)\)")


def literal_label_width(exc: BaseException, finding: Any) -> Any:
    """*finding* aimed at the lines that wrote the labels' width (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.trace.sites import display_path

    file, lines, edits, old, new, name = found
    shown = "\n".join(_edited(file, line, [e for e in edits if e.start_line == line]) for line in lines)
    fix = script_checked_fix(f"make `{name}` {new} classes wide, the model's output: {old} -> {new}", shown,
                             display_path(file), lines[0], edits, cost=1)
    why = (f"`{name}` is made {old} classes wide (the number is written on line"
           f"{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}), but the model gives "
           f"{new} values per sample: the labels were sized for another model.")
    return aimed_at_labels(finding, name, file, lines[0], fix, why)


def aimed_at_labels(finding: Any, name: str, file: str, line: int, fix: Any, why: str) -> Any:
    """*finding* (read from an error's text) re-aimed at the user's line that made the labels *name*:
    that line is the culprit, *fix* comes first and *why* opens the explanation."""
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    finding.culprit = Place("labels", name, "labels", display_path(file), line, linecache.getline(file, line).strip())
    finding.fixes.insert(0, fix)
    finding.explanation = why + " " + (finding.explanation or "")
    return finding


def _edited(file: str, line: int, edits: list) -> str:
    text = linecache.getline(file, line)
    for edit in sorted(edits, key=lambda e: e.start_col, reverse=True):
        text = text[:edit.start_col] + edit.text + text[edit.end_col:]
    return text.strip()


def _found(exc: BaseException):
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.trace.sites import is_user_file

    match = _SHAPES.search(str(exc))
    if match is None:
        return None
    target, output = ([int(v) for v in re.findall(r"\d+", g)] for g in match.groups())
    if len(target) != len(output) or target[:-1] != output[:-1] or target[-1] == output[-1]:
        return None
    old, new = target[-1], output[-1]
    frames = [(frame, line) for frame, line in traceback.walk_tb(exc.__traceback__)
              if is_user_file(frame.f_code.co_filename)]
    if not frames:
        return None
    inner, line = frames[-1]
    try:
        statement = ast.parse(linecache.getline(inner.f_code.co_filename, line).strip())
    except SyntaxError:
        return None
    calls = [n for n in ast.walk(statement) if isinstance(n, ast.Call) and len(n.args) >= 2
             and isinstance(n.args[0], ast.Name)]
    if len(calls) != 1:
        return None
    labels = inner.f_locals.get(calls[0].args[0].id)
    if labels is None:
        return None
    outer, outer_line = frames[0]
    names = [n for n, v in list(outer.f_globals.items()) + list(outer.f_locals.items()) if v is labels]
    if len(set(names)) != 1:
        return None
    name, file = names[0], outer.f_code.co_filename
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    assigns = sorted((n for n in tree.body if isinstance(n, ast.Assign) and len(n.targets) == 1
                      and isinstance(n.targets[0], ast.Name) and n.targets[0].id == name and n.lineno < outer_line),
                     key=lambda n: n.lineno, reverse=True)
    chain, edits = [], []
    for stmt in assigns:
        literals = [c for c in ast.walk(stmt.value) if isinstance(c, ast.Constant) and type(c.value) is int
                    and c.value == old and c.lineno == c.end_lineno]
        if not literals:
            break
        text = linecache.getline(file, stmt.lineno)
        if not text.isascii():
            return None
        chain.append(stmt.lineno)
        edits += [TextEdit(file, c.lineno, c.col_offset, c.lineno, c.end_col_offset, str(new)) for c in literals]
        reads_itself = any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(stmt.value))
        if not reads_itself:
            break  # the first statement of the chain made the labels
    if not chain:
        return None
    return file, sorted(chain), edits, old, new, name
