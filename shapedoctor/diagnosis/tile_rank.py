"""``tf.tile`` given one more multiple than its tensor has axes: the new axis the multiples tile was never made.

NumPy's ``np.tile(a, reps)`` adds leading axes when ``reps`` is longer than ``a`` has axes; TensorFlow's
``tf.tile`` wants exactly one multiple per axis. Code ported from NumPy, or written
from the book's formula, tiles an encoder's final state ``(batch, hiddens)`` over the decoder's steps as
``tf.tile(enc_state, (1, steps, 1))`` (d2l's seq2seq decoder, r1140): TensorFlow refuses it ("Shape must be
rank 2 but is rank 3 for ... Tile ... with input shapes: [?,32], [3]", or "Expected multiples argument to be a
vector of length 2 but got length 3" eagerly) inside the user's own ``call()``. Keras names the layer; the
cause is the tile's line, which must first give the tensor the axis its multiples repeat.

Evidence, read from the traceback and the source: the error is TensorFlow's Tile refusing the length of its
multiples; the innermost frame of the user's code runs a statement holding one ``tile(name, (...))`` call of
``tf`` (``keras.ops.tile`` adds leading axes as NumPy does) whose tensor, a local name of that frame, has rank r while the multiples are written out as a
tuple or list of r + 1 items, exactly one of them not the literal 1. That item's position is the new axis:
the fix writes ``tf.expand_dims(name, axis)`` as the tile's tensor, on that line, proven by running the patched
script. It is the only fix shown: no layer edit makes a tile of a missing axis right.
"""

from __future__ import annotations

import ast
import re
from typing import Any

_TILE_ERROR = re.compile(r"Tile|multiples argument to be a vector of length")


def tile_rank(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the tile of a missing axis (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException | None):
    if exc is None or not _TILE_ERROR.search(str(exc)):
        return None
    from shapedoctor.diagnosis.reaim import user_statement
    from shapedoctor.trace.recorder import shape_of

    where = user_statement(exc)
    if where is None:
        return None
    frame, path, statement = where.frame, where.path, where.statement
    tiles = [n for n in ast.walk(statement) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr == "tile" and isinstance(n.func.value, ast.Name) and n.func.value.id == "tf"
             and len(n.args) == 2 and isinstance(n.args[0], ast.Name)
             and isinstance(n.args[1], (ast.Tuple, ast.List))]
    if len(tiles) != 1:
        return None
    tile = tiles[0]
    shape = shape_of(frame.f_locals.get(tile.args[0].id))
    multiples = tile.args[1].elts
    if shape is None or len(multiples) != len(shape) + 1:
        return None
    repeated = [i for i, m in enumerate(multiples) if not (isinstance(m, ast.Constant) and m.value == 1)]
    if len(repeated) != 1:
        return None
    return path, tile, tile.args[0].id, shape, repeated[0]


def _aim(finding: Any, found: Any) -> Any:
    import linecache

    from shapedoctor.graph.model import format_shape
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, tile, name, shape, axis = found
    raw = linecache.getline(path, tile.lineno)
    if not raw.isascii() or tile.args[0].lineno != tile.args[0].end_lineno:
        return finding
    module = tile.func.value.id
    grown = f"{module}.expand_dims({name}, {axis})"
    arg = tile.args[0]
    change = TextEdit.replacing(path, arg, grown)
    fix = script_checked_fix(f"give `{name}` the axis the tile repeats: {grown}", change.shown(), display_path(path),
                             tile.lineno, [change], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place.at_line("layer", "tile", None, path, tile.lineno)
    new = tuple(shape[:axis]) + (1,) + tuple(shape[axis:])
    finding.explanation = (
        f"`{module}.tile` takes one multiple per axis of its tensor, and `{name}` is {format_shape(shape)}: "
        f"{len(shape)} axes, given {len(shape) + 1} multiples. NumPy's `np.tile` would add the missing axis "
        f"in front silently; TensorFlow refuses. The multiples repeat a new axis {axis}: make it first, "
        f"`{grown}` is {format_shape(new)}, then tile it.")  # what the layer "expected" was read from the wrong op
    finding.id, finding.family = "SD101", "wrong-rank"
    finding.expected, finding.received = f"{len(shape)} multiples, one per axis", f"{len(shape) + 1} multiples"
    finding.message = (f"`{module}.tile` of `{name}` {format_shape(shape)} refused its multiples: expected "
                       f"{finding.expected}, received {finding.received}")
    finding.fixes = [fix]
    return finding
