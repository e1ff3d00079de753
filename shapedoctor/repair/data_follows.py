"""A declaration fix that carries the program's data with it.

When a fix changes a declared input (``Input(shape=...)`` / ``input_shape=``) and the script already
holds arrays of the OLD per-sample layout (made for the wrong declaration: ``X.reshape(n, 1, 28, 28)``
for ``input_shape=(1, 28, 28)`` in a channels-last model), the declaration alone is not the whole
fix: those arrays still reach ``fit``/``evaluate`` and no longer fit. The data has to move the same
way, where it is made. :func:`with_data_moved` turns such a candidate into a compound one: the
declaration edit plus, for each array of the old layout, a statement right after the last line that
assigned it (``X = np.moveaxis(X, 1, -1)``), verified and written together.

The data's own shape is the evidence of which side is wrong: arrays that already fit the new
declaration, or that Keras adapts by itself (a trailing axis of size 1), leave the fix one edit.
Only layout moves are made (an axis moved, an axis of size 1 added): they keep every value and the
number of samples. Any other change of the declared sample (another image size) is left to the proof.
"""

from __future__ import annotations

import ast
import linecache
from dataclasses import dataclass, field

from shapedoctor.repair.candidate import Candidate
from shapedoctor.repair.edits import DataTransform, SetShape


@dataclass(frozen=True)
class MadeAt:
    """The statement that last assigned *var* before the model was built: the new statement goes
    on the line after *end_line*, indented like the statement."""

    file: str
    line: int
    end_line: int
    var: str
    indent: str
    statement: ast.stmt | None = field(default=None, compare=False, repr=False)


def layout_move(old: tuple, new: tuple) -> str | None:
    """The numpy template (``{x}``: an array, batch axis first) that lays samples of shape *old* out
    as *new* without changing a value, or None when *new* is not such a move of *old*."""
    old, new = tuple(old), tuple(new)
    if len(old) == len(new) >= 2 and old != new:
        if new == old[1:] + old[:1]:
            return "np.moveaxis({x}, 1, -1)"
        if new == old[-1:] + old[:-1]:
            return "np.moveaxis({x}, -1, 1)"
    if new == old + (1,):
        return "np.expand_dims({x}, -1)"
    if new == (1,) + old:
        return "np.expand_dims({x}, 1)"
    return None


def with_data_moved(ctx, cand: Candidate) -> Candidate:
    """*cand* with the data of the old layout moved like its declaration (see the module), or
    *cand* itself when it declares no input or no array in the script needs to move."""
    from shapedoctor.diagnosis.training_base import input_accepts

    if any(isinstance(e, DataTransform) for e in cand.edits):
        return cand
    declared = [e for e in cand.edits if isinstance(e, SetShape) and e.rebind is None and not e.how
                and ctx.graph.node(e.node).kind == "input"]
    if len(declared) != 1:
        return cand
    edit = declared[0]
    old, new = ctx.shape_of(ctx.graph.node(edit.node)), tuple(edit.shape)
    if old is None or None in tuple(old)[1:] or None in new[1:] or len(new) < 2:
        return cand
    old = tuple(old)
    how = layout_move(old[1:], new[1:])
    spelled = _moved_spelling(ctx, ctx.graph.node(edit.node), how) if how and not edit.written_as else ""
    if spelled:  # the user's own tuple in the new order: (1, height, width) -> (height, width, 1)
        cand = Candidate(cand.title, [SetShape(e.node, e.shape, written_as=spelled) if e is edit else e
                                      for e in cand.edits], cost=cand.cost, note=cand.note, tags=list(cand.tags))
    scope = ctx.extra.get("scope_data", {})
    old_layout = {name: tuple(shape) for name, shape in scope.items()
                  if len(shape) == len(old) and tuple(shape[1:]) == old[1:] and not input_accepts(new, tuple(shape))}
    if not old_layout:
        shapes = list(scope.values()) + ([ctx.data_shape] if ctx.data_shape is not None else [])
        fits_new = any(input_accepts(new, tuple(shape)) for shape in shapes)
        if how is not None and not fits_new and not input_accepts(new, old):
            # No array to point at (the data comes later or from elsewhere): say what it needs.
            cand.title += f" (and lay the data out the same way: {how.format(x='x')})"
        return cand
    if how is None:
        return cand  # the declared sample changes other than by a layout move: the proof judges
    anchor = ctx.extra.get("scope_site") or ctx.extra.get("data_site")
    moves = []
    for name, shape in sorted(old_layout.items()):
        made = made_at(anchor, name)
        if made is None:
            return cand
        moves.append(DataTransform(how, (shape[0],) + new[1:], before=shape, made_at=made))
    moves.sort(key=lambda m: (m.made_at.end_line, m.made_at.var))
    steps = "; ".join(f"{m.made_at.var} = {how.format(x=m.made_at.var)} after line {m.made_at.end_line}"
                      for m in moves)
    title = f"{cand.title}, and move the data made for the old declaration the same way: {steps}"
    return Candidate(title, list(cand.edits) + moves, cost=cand.cost, note=cand.note, tags=list(cand.tags))


_ORDERS = {"np.moveaxis({x}, 1, -1)": lambda n: list(range(1, n)) + [0],
           "np.moveaxis({x}, -1, 1)": lambda n: [n - 1] + list(range(n - 1))}
_SHAPE_KEYWORDS = ("shape", "input_shape")


def _moved_spelling(ctx, node, how: str) -> str:
    """The declaration's own tuple literal with its elements in the moved order (names kept), or ""."""
    from shapedoctor.trace.sites import source_tree_and_calls_at

    if how not in _ORDERS:
        return ""
    spec = ctx.graph.spec(node)
    sites = [spec.created] if spec is not None and spec.created is not None else []
    sites += [s.created for c in ctx.graph.consumers(node.outputs[0])
              if (s := ctx.graph.spec(c)) is not None and s.created is not None]
    for site in sites:
        tree, calls = source_tree_and_calls_at(site)
        values = [kw.value for call in calls for kw in call.keywords if kw.arg in _SHAPE_KEYWORDS]
        values += [call.args[0] for call in calls if call.args and isinstance(call.func, (ast.Name, ast.Attribute))
                   and (call.func.id if isinstance(call.func, ast.Name) else call.func.attr) == "Input"]
        if len(values) != 1 or not isinstance(values[0], ast.Tuple) \
                or any(isinstance(e, ast.Starred) for e in values[0].elts):
            continue
        source = "".join(linecache.getlines(site.file))
        texts = [ast.get_source_segment(source, e) for e in values[0].elts]
        if None in texts or len(texts) != len(ctx.shape_of(node)) - 1:
            continue
        return "(" + ", ".join(texts[i] for i in _ORDERS[how](len(texts))) + ")"
    return ""


def made_at(anchor, var: str, skip=None) -> MadeAt | None:
    """The last statement of the anchor's scope (the module, or the function the anchor is in)
    above the anchor's line that assigns the name *var*.

    *skip* (a predicate on the statement and its source text) passes over statements that did not
    make the data (``X = X / 255.0``, ``X = X[..., None]``): the last one it keeps is returned, None
    when it keeps none. This is the one reader of "where was this name made" for every stage.
    """
    if anchor is None or not anchor.file or not anchor.line:
        return None
    source = "".join(linecache.getlines(anchor.file))
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    found = []
    for scope in _scopes_of(tree, anchor.line):  # the innermost first, then the module
        found = [stmt for stmt in _statements(scope.body) if stmt.end_lineno < anchor.line and var in _assigned(stmt)]
        if skip is not None:
            found = [stmt for stmt in found if not skip(stmt, ast.get_source_segment(source, stmt) or "")]
        if found:
            break
    if not found:
        return None
    stmt = max(found, key=lambda s: s.lineno)
    text = linecache.getline(anchor.file, stmt.lineno)
    return MadeAt(anchor.file, stmt.lineno, stmt.end_lineno, var, text[: len(text) - len(text.lstrip())], stmt)


def innermost_function(tree: ast.Module, line: int):
    """The innermost function whose body holds *line*, or None at module level."""
    best = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.body \
                and node.body[0].lineno <= line <= (node.end_lineno or node.lineno):
            if best is None or node.lineno > best.lineno:
                best = node
    return best


def _scopes_of(tree: ast.Module, line: int) -> list:
    """The innermost function whose body holds *line*, then the module: a name the function does
    not assign is read from the module (a parameter is most often passed the module's array of
    that name, the only place the script shows it being made)."""
    function = innermost_function(tree, line)
    return [tree] if function is None else [function, tree]


def _statements(body: list):
    """The statements of *body* and of the blocks inside it (if/for/with/try), not of nested
    functions or classes."""
    for stmt in body:
        yield stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for block in ("body", "orelse", "finalbody"):
            yield from _statements(getattr(stmt, block, []) or [])
        for handler in getattr(stmt, "handlers", []) or []:
            yield from _statements(handler.body)


def _assigned(stmt: ast.stmt) -> set[str]:
    """The plain names an assignment statement binds (tuple unpacking included)."""
    if isinstance(stmt, ast.Assign):
        targets = stmt.targets
    elif isinstance(stmt, (ast.AugAssign, ast.AnnAssign)):
        targets = [stmt.target]
    else:
        return set()
    return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
