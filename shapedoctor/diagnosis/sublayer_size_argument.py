"""A user layer made with the wrong value for the size its own sublayer takes: the line that made it.

keras-io's video Transformer makes ``PositionalEmbedding(sequence_length, embed_dim)``; its ``__init__``
builds ``layers.Embedding(input_dim=sequence_length, output_dim=output_dim)`` and its ``call`` returns
``inputs + embedded_positions``. Made ``PositionalEmbedding(sequence_length, dense_dim)``, the position table
is 4 wide for 64-wide frame features, and the sum fails inside the layer ("Dimensions must be equal, but
are 64 and 4", r1056). The layer's code is right; the call that made it passed the wrong value.

Evidence, recorded and read: the error names two sizes; the innermost user frame is the ``call`` of a layer
class of the user's own; exactly one of that layer's sublayers has one of the two sizes as its
``units``/``filters``/``output_dim``, written in ``__init__`` as one of ``__init__``'s parameters; the line that
made the layer (in the traceback, so its variables are known) passes that parameter. The fix passes the other
size there, spelled with a variable of that frame holding it (one sharing a word with the parameter first),
proven by running the patched script.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import re
import traceback
from typing import Any

_SIZES = ("units", "filters", "output_dim")
_TWO = re.compile(r"(?:Dimensions must be equal, but are|Incompatible shapes:.*?) (\d+) and (\d+)")


def sublayer_size_argument(exc: BaseException, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at the call that made the layer with the wrong size (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc, recorder)


def _found(exc: BaseException, recorder: Any):
    import keras

    from shapedoctor.trace.sites import source_tree, user_location

    match = _TWO.search(str(exc))
    if match is None or exc.__traceback__ is None:
        return None
    sizes = {int(match.group(1)), int(match.group(2))}
    frames = [(f, n) for f, n in traceback.walk_tb(exc.__traceback__) if user_location(f.f_code, n) is not None]
    if not frames:
        return None
    frame, _line = frames[-1]
    layer = frame.f_locals.get("self")
    if not isinstance(layer, keras.layers.Layer) or frame.f_code.co_name != "call" or len(sizes) != 2:
        return None
    subs = [(name, sub, key) for name, sub in vars(layer).items() if isinstance(sub, keras.layers.Layer)
            for key in _SIZES if getattr(sub, key, None) in sizes]
    if len(subs) != 1:
        return None
    attr, sub, key = subs[0]
    odd = getattr(sub, key)
    wanted = (sizes - {odd}).pop()
    init = type(layer).__init__
    try:
        file = inspect.getsourcefile(init)
        tree = source_tree(file)
    except (TypeError, OSError, SyntaxError, ValueError):
        return None
    made = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "__init__"
            and n.lineno == init.__code__.co_firstlineno]
    if len(made) != 1:
        return None
    params = [a.arg for a in made[0].args.args[1:]]
    assigned = [n.value for n in ast.walk(made[0]) if isinstance(n, ast.Assign) and len(n.targets) == 1
                and isinstance(n.targets[0], ast.Attribute) and n.targets[0].attr == attr and isinstance(n.value, ast.Call)]
    written = [k.value for c in assigned for k in c.keywords if k.arg == key]
    if len(written) != 1 or not isinstance(written[0], ast.Name) or written[0].id not in params:
        return None
    param = written[0].id
    site = recorder.creation_site(layer) if recorder is not None else None
    if site is None or not site.file:
        return None
    import os

    here = os.path.realpath(site.file)
    maker = next((f for f, n in frames if os.path.realpath(f.f_code.co_filename) == here and n == site.line), None)
    calls = [c for c in ast.walk(source_tree(site.file)) if isinstance(c, ast.Call) and c.lineno == site.line
             and isinstance(c.func, (ast.Name, ast.Attribute)) and (getattr(c.func, "id", None) or c.func.attr)
             == type(layer).__name__]
    if len(calls) != 1 or maker is None:
        return None
    call = calls[0]
    given = next((k.value for k in call.keywords if k.arg == param), None)
    index = params.index(param)
    if given is None and index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[:index + 1]):
        given = call.args[index]
    if given is None or given.lineno != given.end_lineno:
        return None
    scope = {**maker.f_globals, **maker.f_locals}
    names = [n for n, v in scope.items() if type(v) is int and v == wanted and not n.startswith("_")]
    local = set(maker.f_locals)
    words = set(param.lower().split("_"))
    names.sort(key=lambda n: (not (set(n.lower().split("_")) & words), n not in local, n))
    return layer, sub, key, param, odd, wanted, site, call, given, (names[0] if names else str(wanted))


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    layer, sub, key, param, odd, wanted, site, call, given, spelled = found
    if not linecache.getline(site.file, given.lineno).isascii():
        return finding
    edit = TextEdit.replacing(site.file, given, spelled)
    fix = script_checked_fix(f"make `{layer.name}` with {param}={wanted}: {spelled}", edit.shown(),
                             display_path(site.file), given.lineno, [edit], cost=1)
    finding.culprit = Place.at_line("layer", layer.name, type(layer).__name__, site.file, given.lineno)
    finding.fixes = [fix]
    old = linecache.getline(site.file, given.lineno)[given.col_offset:given.end_col_offset]
    finding.explanation = (
        f"`{layer.name}` gives its `{param}` argument to its sublayer `{sub.name}` as {key}, so `{sub.name}` makes "
        f"{odd} values where the layer's own code combines them with {wanted}. The layer's code is right: the call "
        f"that made it passed `{old}` ({odd}) where {wanted} is needed.")
    return finding
