"""A layer's size argument given a shape: ``Dense(x.shape[1:])``, refused when the layer is created.

``layers.Dense(self.input_shape[1:])`` or ``Dense(input_shape)`` passes a tuple such as ``(64,)``
where Keras needs the number of units; the constructor raises ``Received an invalid value for
`units`, expected a positive integer. Received: units=(64,)`` before any layer call, so no call is
recorded. The user's line (innermost in the traceback) holds the argument; when the tuple has one
entry the number wanted is that entry: a slice ``a[1:]`` becomes the index ``a[1]``, any other
expression ``e`` becomes ``e[0]``. A tuple of several sizes is not guessed at (the product? one of
them?): the finding names the argument and offers no fix. The fix is checked by running the
patched script, like the other fixes of errors raised before a model exists.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import re

from shapedoctor.report.model import Finding

_INVALID = re.compile(r"Received an invalid value for (?:argument )?`(\w+)`.*?(?:Received: \w+=|got )(.+?)\.?$")


def _layer_class(exc: BaseException) -> type | None:
    """The class of the layer whose ``__init__`` raised (the innermost ``__init__`` frame with ``self``)."""
    from keras.layers import Layer

    found, tb = None, exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "__init__" and isinstance(frame.f_locals.get("self"), Layer):
            found = type(frame.f_locals["self"])
        tb = tb.tb_next
    return found


def _argument(site, cls: type, key: str) -> ast.expr | None:
    """The expression passed as *key* (by keyword or position) to the one ``cls(...)`` call on the site's line."""
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    names = {c.__name__ for c in cls.__mro__}
    calls = [n for n in source_tree_and_calls_at(site)[1] if called_name(n.func) in names]
    if len(calls) != 1:
        return None
    call = calls[0]
    arg = next((k.value for k in call.keywords if k.arg == key), None)
    if arg is not None:
        return arg
    try:
        params = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
    except (TypeError, ValueError):
        return None
    position = params.index(key) if key in params else -1
    if 0 <= position < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[:position + 1]):
        return call.args[position]
    return None


def _number_of(source: str, arg: ast.expr) -> str:
    """The expression of the one size inside *arg* (a 1-entry tuple): ``a[1:]`` -> ``a[1]``, else ``arg[0]``."""
    text = ast.get_source_segment(source, arg) or ""
    if isinstance(arg, ast.Subscript) and isinstance(arg.slice, ast.Slice) and arg.slice.lower is not None \
            and arg.slice.upper is None and arg.slice.step is None:
        base = ast.get_source_segment(source, arg.value)
        lower = ast.get_source_segment(source, arg.slice.lower)
        if base and lower:
            return f"{base}[{lower}]"
    if isinstance(arg, (ast.Tuple, ast.List)) and len(arg.elts) == 1:
        return ast.get_source_segment(source, arg.elts[0]) or text
    return f"{text}[0]"


def diagnose_size_argument(exc: BaseException) -> Finding | None:
    """A Finding for a layer size argument given a tuple, else None."""
    from shapedoctor.diagnosis.applications import input_finding
    from shapedoctor.diagnosis.classify import keras_message
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.repair.ranking import annotate
    from shapedoctor.trace.sites import site_from_traceback

    if not isinstance(exc, ValueError):
        return None
    message = keras_message(exc)
    m = _INVALID.search(message)
    if m is None:
        return None
    key, shown = m.group(1), m.group(2).strip()
    try:
        value = ast.literal_eval(shown)
    except (ValueError, SyntaxError):
        return None
    if not isinstance(value, (tuple, list)) or not value or not all(isinstance(v, int) for v in value):
        return None
    site = site_from_traceback(exc.__traceback__)
    cls = _layer_class(exc)
    if site is None or not site.file or cls is None:
        return None
    finding = input_finding("SD108", f"`{key}` of {cls.__name__} was given the shape {shown}, not a number", site,
                            f"{cls.__name__}({key}=...)", message, shown, "a positive integer")
    from dataclasses import replace

    finding.consumer = finding.culprit = replace(finding.culprit, kind="layer", layer=f"{key}=",
                                                      cls=cls.__name__)
    finding.path = [replace(step, layer=f"{key}=", cls=cls.__name__) for step in finding.path]
    finding.explanation = (f"`{key}` is how many values {cls.__name__} makes for each sample: one integer. It received "
                           f"{shown}, a shape (a tuple of sizes), typically `x.shape[1:]` or a saved `input_shape` "
                           "where its size (`x.shape[1]`) was meant.")
    arg = _argument(site, cls, key)
    if arg is not None and len(value) == 1:
        source = "".join(linecache.getlines(site.file))
        new = _number_of(source, arg)
        old = ast.get_source_segment(source, arg) or ""
        edit = TextEdit(site.file, arg.lineno, arg.col_offset, arg.end_lineno or arg.lineno,
                        arg.end_col_offset or arg.col_offset, new)
        code = site.code.replace(old, new, 1) if old and arg.lineno == site.line else new
        finding.fixes.append(script_checked_fix(f"give {key} the size, not the shape: {new}", code, site.file,
                                                site.line, [edit]))
    annotate(finding)
    return finding
