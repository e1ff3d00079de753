"""A residual block made without the projection its own class offers for a shortcut that changes shape.

d2l's ``Residual(num_channels, use_1x1conv=False, strides=1)`` adds its input to its output, ``Y += X``, and
passes the input through a strided 1x1 convolution first only when built with ``use_1x1conv=True``. A stage that
halves the map and changes the width must make its first block ``Residual(num_channels, use_1x1conv=True,
strides=2)``; made as ``Residual(num_channels, strides=2)`` (r1219), the add fails inside the block's ``call``
("Dimensions must be equal ... [16,4,4,32], [16,8,8,16]"). Keras names the add; the cause is the line that made
that block without its projection.

Evidence, read from the traceback, the frame and the source: the innermost frame of the user's code runs an add
(``a + b`` or ``a += b``) in a method of a layer class of the user's file; that class's ``__init__`` has a
parameter defaulting to ``False`` that, when true, creates an attribute (``if use_1x1conv: self.conv3 = ...``, or
``self.shortcut = Conv2D(...) if project else None``), and the method applies that attribute (or tests the
parameter) to rebind one of the add's operands. The refusing block was created by a call of the class, recorded,
written on one line, that does not pass the parameter. The fix passes it as ``True`` there, proven by running the patched script; that line is the root
cause.
"""

from __future__ import annotations

import ast
from typing import Any


def projection_flag(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the block made without its projection (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException | None, recorder: Any):
    from shapedoctor.diagnosis.reaim import user_statement
    from shapedoctor.trace.sites import source_tree

    if exc is None:
        return None
    where = user_statement(exc)
    if where is None or "self" not in where.frame.f_locals:
        return None
    operands = _added_names(where.statement)
    block = where.frame.f_locals["self"]
    cls = next((n for n in ast.walk(where.tree) if isinstance(n, ast.ClassDef) and n.name == type(block).__name__),
               None)
    if not operands or cls is None:
        return None
    methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
    init, method = methods.get("__init__"), methods.get(where.frame.f_code.co_name)
    if init is None or method is None:
        return None
    flags = [p for p in _false_flags(init) if _guards_operand(method, p, _made_under(init, p), operands)]
    site = recorder.creation_site(block) if recorder is not None else None
    if len(flags) != 1 or site is None:
        return None
    made = [n for n in ast.walk(source_tree(site.file)) if isinstance(n, ast.Call) and n.lineno == site.line
            and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) == cls.name]
    if len(made) != 1 or made[0].lineno != made[0].end_lineno or _passes(made[0], init, flags[0]):
        return None
    return site.file, made[0], cls.name, flags[0], getattr(block, "name", None)


def _added_names(statement: ast.stmt) -> set[str]:
    """The names added by the statement: ``Y += X`` or ``... Y + X ...``."""
    if isinstance(statement, ast.AugAssign) and isinstance(statement.op, ast.Add):
        pairs = [(statement.target, statement.value)]
    else:
        pairs = [(n.left, n.right) for n in ast.walk(statement) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add)]
    return {side.id for pair in pairs for side in pair if isinstance(side, ast.Name)}


def _false_flags(init: ast.FunctionDef) -> list[str]:
    """The parameters of *init* whose default is ``False``."""
    args = init.args.args
    defaults = dict(zip([a.arg for a in args[len(args) - len(init.args.defaults):]], init.args.defaults))
    defaults.update({a.arg: d for a, d in zip(init.args.kwonlyargs, init.args.kw_defaults) if d is not None})
    return [name for name, d in defaults.items() if isinstance(d, ast.Constant) and d.value is False]


def _made_under(init: ast.FunctionDef, flag: str) -> set[str]:
    """The ``self`` attributes ``__init__`` assigns inside ``if flag:`` or as ``... if flag else None``."""
    made = set()
    for node in ast.walk(init):
        if isinstance(node, ast.If) and _mentions(node.test, {flag}):
            made |= {t.attr for s in node.body for n in ast.walk(s) if isinstance(n, ast.Assign)
                     for t in n.targets if isinstance(t, ast.Attribute)}
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.IfExp) and _mentions(node.value.test, {flag}):
            made |= {t.attr for t in node.targets if isinstance(t, ast.Attribute)}
    return made


def _mentions(test: ast.AST, names: set[str]) -> bool:
    return any((isinstance(n, ast.Name) and n.id in names) or (isinstance(n, ast.Attribute) and n.attr in names)
               for n in ast.walk(test))


def _guards_operand(method: ast.FunctionDef, flag: str, attributes: set[str], operands: set[str]) -> bool:
    """*method* rebinds one of the add's *operands* under a test of the flag or of an attribute made under it."""
    return any(isinstance(node, ast.If) and _mentions(node.test, {flag} | attributes)
               and any(isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id in operands for t in n.targets)
                       for s in node.body for n in ast.walk(s))
               for node in ast.walk(method))


def _passes(call: ast.Call, init: ast.FunctionDef, flag: str) -> bool:
    """The construction passes *flag* (by keyword, by position, or through ``*``/``**``)."""
    params = [a.arg for a in init.args.args[1:]]
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return True
    return any(k.arg == flag for k in call.keywords) or (flag in params and params.index(flag) < len(call.args))


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, call, cls, flag, name = found
    change = TextEdit.appending_argument(path, call, f"{flag}=True")
    fix = script_checked_fix(f"make this {cls} with its projection shortcut: {flag}=True", change.shown(),
                             display_path(path), call.lineno, [change], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", name, cls, path, call.lineno)
    finding.explanation = (
        f"`{cls}` adds its input to what its layers make. Its output here has another shape than its input (a "
        f"block that changes the map's size or width), so the input must go through the projection `{cls}` "
        f"creates when made with `{flag}=True`; this one was made without it, and the add refuses the two "
        "shapes.")
    finding.fixes = [fix]
    return finding
