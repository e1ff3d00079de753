"""A size that a custom layer's constructor passes on: the call that built that block is the cause.

Hands-On ML's ``ResidualBlock(n_layers, n_neurons)`` makes its Dense layers with ``Dense(n_neurons)``
and returns ``inputs + Z``. Made ``ResidualBlock(2, 64)`` on a 30-unit tensor, its sum fails. The
size rule finds the Dense and would write ``Dense(30)`` in the constructor: that builds, and it is
wrong, since every block would then get 30 units whatever it is made with. The number came from the
line that made this block: that call is the root cause, and the fix gives its argument the size.

Evidence, read, not guessed: the finding's first fix changes one size (``units``/``filters``) of
the culprit layer; that layer's call writes the size as a name that is a parameter of the
``__init__`` it is created in; exactly one recorded instance of that ``__init__``'s class holds the
culprit layer among its sublayers, and the line that made it passes the parameter (by position or
keyword) as an integer literal. The fix writes the new size there, proven by running the patched
script; the old fix stays as the second choice.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any
from shapedoctor.trace.sites import source_tree

_SIZES = ("units", "filters")


def size_from_constructor(finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the call that made the block whose size the culprit layer reads (see the
    module), or *finding* unchanged."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, finding, recorder)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, call, arg, value, owner, param, cls = found
    edit = TextEdit.replacing(file, arg, str(value))
    fix = script_checked_fix(f"make this {cls} with {param}={value} where it is created", edit.shown(),
                             display_path(file), arg.lineno, [edit], cost=1)
    old = finding.culprit
    finding.culprit = Place("layer", owner.name, cls, display_path(file), call.lineno,
                            linecache.getline(file, call.lineno).strip())
    finding.fixes.insert(0, fix)
    for step in finding.path:  # the layer stays on the path; the root cause is the line that made its block
        if step.role == "culprit":
            step.role = ""
    finding.explanation = (
        f"{old.layer} takes its size from `{param}`, a parameter of {cls}; this {cls} was made with "
        f"{param}={linecache.getline(file, arg.lineno)[arg.col_offset:arg.end_col_offset]} on line "
        f"{call.lineno}, where {value} is needed. Changing the size inside {cls} would change every {cls} "
        "alike; the line that made this one is where the number was chosen. " + (finding.explanation or ""))
    return finding


def _found(finding: Any, recorder: Any):
    from shapedoctor.trace.sites import called_name

    if finding is None or recorder is None or not finding.fixes or finding.culprit is None \
            or finding.culprit.kind != "layer" or not finding.fixes[0].edits:
        return None
    layers = recorder.created_layers()
    layer = next((x for x in layers if getattr(x, "name", None) == finding.culprit.layer), None)
    site = recorder.creation_site(layer) if layer is not None else None
    if site is None or not site.file:
        return None
    tree = source_tree(site.file)
    key, value = _new_size(finding.fixes[0], layer)
    if key is None:
        return None
    made = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.lineno <= site.line <= n.end_lineno
            and called_name(n.func) == type(layer).__name__]
    if len(made) != 1:
        return None
    written = _size_argument(made[0], key)
    init, owner_cls = _enclosing_init(tree, site.line)
    if not isinstance(written, ast.Name) or init is None:
        return None
    params = [a.arg for a in init.args.args][1:]  # without self
    if written.id not in params and written.id not in [a.arg for a in init.args.kwonlyargs]:
        return None
    owners = [o for o in layers if type(o).__name__ == owner_cls.name and any(
        sub is layer for sub in _sublayers(o))]
    if len(owners) != 1:
        return None
    owner = owners[0]
    where = recorder.creation_site(owner)
    if where is None or not where.file:
        return None
    tree2 = source_tree(where.file)
    calls = [n for n in ast.walk(tree2) if isinstance(n, ast.Call) and n.lineno <= where.line <= n.end_lineno
             and called_name(n.func) == owner_cls.name]
    if len(calls) != 1:
        return None
    call = calls[0]
    arg = next((k.value for k in call.keywords if k.arg == written.id), None)
    if arg is None and written.id in params and params.index(written.id) < len(call.args):
        arg = call.args[params.index(written.id)]
    if not (isinstance(arg, ast.Constant) and type(arg.value) is int) or arg.lineno != arg.end_lineno \
            or not linecache.getline(where.file, arg.lineno).isascii():
        return None
    return where.file, call, arg, value, owner, written.id, owner_cls.name


def _new_size(fix: Any, layer: Any) -> tuple[str | None, int | None]:
    """The size key and the new value the fix gives the layer (read from its one edit's new call)."""
    if len(fix.edits) != 1:
        return None, None
    try:
        node = ast.parse(fix.edits[0].text.strip().rstrip(","), mode="eval").body
    except SyntaxError:
        return None, None
    if not isinstance(node, ast.Call):
        return None, None
    for key in _SIZES:
        old = getattr(layer, key, None)
        if not isinstance(old, int):
            continue
        new = _size_argument(node, key)
        if isinstance(new, ast.Constant) and type(new.value) is int and new.value != old:
            return key, new.value
    return None, None


def _size_argument(call: ast.Call, key: str) -> ast.expr | None:
    keyword = next((k.value for k in call.keywords if k.arg == key), None)
    return keyword if keyword is not None else (call.args[0] if call.args else None)


def _enclosing_init(tree: ast.Module, line: int):
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef):
            for fn in cls.body:
                if isinstance(fn, ast.FunctionDef) and fn.name == "__init__" and fn.lineno <= line <= fn.end_lineno:
                    return fn, cls
    return None, None


def _sublayers(owner: Any) -> list:
    """The layers *owner* holds in its attributes (directly, or in lists, tuples and dicts of them)."""
    import keras

    found = []
    for value in vars(owner).values():
        items = list(value.values()) if isinstance(value, dict) else list(value) \
            if isinstance(value, (list, tuple)) else [value]
        found += [v for v in items if isinstance(v, keras.layers.Layer)]
    return found
