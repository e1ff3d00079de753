"""The shared guard of the rules that re-aim a finding at the user's line that caused it.

Several rules look past the line Keras names: a finding read from an error's text (or from the
layer that noticed the problem) is re-aimed at the line that made the labels, the loss, the block
or the dataset. Each rule reads its evidence from the script, the traceback and the recording,
then rewrites the finding. Evidence is optional: a rule that finds none, or trips over a script
shaped unlike anything it knows, leaves the finding exactly as it was; it must never cost the user
the finding itself.

Rules that read a loss error share how they read it: the target and output shapes it names and the
innermost line of the user's code that led to it.
"""

from __future__ import annotations

import re
from typing import Any, Callable, NamedTuple
from shapedoctor.trace.sites import source_tree


def reaimed(finding: Any, read: Callable[..., Any], aim: Callable[[Any, Any], Any], *args: Any) -> Any:
    """``aim(finding, evidence)`` when ``read(*args)`` returns evidence; *finding* unchanged when there
    is no finding, no evidence, or reading it failed."""
    if finding is None:
        return None
    try:
        found = read(*args)
    except Exception:  # noqa: BLE001 - evidence only: a rule that cannot read it holds no verdict
        return finding
    return finding if found is None else aim(finding, found)


_LOSS_SHAPES = re.compile(r"target\.shape=\(([\w, ]*)\),\s*output\.shape=\(([\w, ]*)\)")


def loss_shapes(exc: BaseException | str) -> tuple[tuple, tuple] | None:
    """The (target, output) shapes a Keras loss names in its error or that error's text (``None`` for an unknown
    axis), or None."""
    match = _LOSS_SHAPES.search(str(exc))
    if match is None:
        return None
    return tuple(tuple(None if v.strip() == "None" else int(v) for v in group.split(",") if v.strip())
                 for group in match.groups())


def user_files(exc: BaseException) -> list[str]:
    """The real paths of the user's files in *exc*'s traceback, outermost first, each once."""
    import traceback

    from shapedoctor.trace.sites import is_user_file

    files: list[str] = []
    for frame, _line in traceback.walk_tb(exc.__traceback__):
        name = frame.f_code.co_filename
        if is_user_file(name) and name not in files:
            files.append(name)
    return files


def innermost_user_path(exc: BaseException) -> str | None:
    """The real path of the file of the user's innermost frame in *exc*'s traceback (a line AutoGraph
    converted counts as the file it was converted from), or None."""
    from shapedoctor.trace.sites import user_frame_of_traceback, user_location

    frame = user_frame_of_traceback(exc.__traceback__)
    where = user_location(frame.f_code, frame.f_lineno) if frame is not None else None
    return where[0] if where else None


def script_frame(exc: BaseException) -> tuple[Any, int] | None:
    """The innermost frame of *exc*'s traceback that runs a user file's top level (the script's own
    statement that failed, whatever layer code ran under it) and its line, or None."""
    import traceback

    from shapedoctor.trace.sites import is_user_file

    frames = [(frame, line) for frame, line in traceback.walk_tb(exc.__traceback__)
              if frame.f_code.co_name == "<module>" and is_user_file(frame.f_code.co_filename)]
    return frames[-1] if frames else None


def innermost_user_frame(exc: BaseException) -> tuple[Any, int] | None:
    """The innermost frame of the user's own code in *exc*'s traceback and its line, or None."""
    import traceback

    from shapedoctor.trace.sites import is_user_file

    frames = [(frame, line) for frame, line in traceback.walk_tb(exc.__traceback__)
              if is_user_file(frame.f_code.co_filename)]
    return frames[-1] if frames else None


class UserStatement(NamedTuple):
    """The statement of the user's code an error passed through last: its frame, line, file and parsed source."""

    frame: Any
    line: int
    path: str
    tree: Any
    statement: Any


def user_statement(exc: BaseException) -> UserStatement | None:
    """The innermost frame of the user's code in *exc*'s traceback and the statement running there, or None."""
    from shapedoctor.diagnosis.call_without_batch import running_statement
    from shapedoctor.trace.sites import source_tree

    where = innermost_user_frame(exc)
    if where is None:
        return None
    frame, line = where
    path = frame.f_code.co_filename
    tree = source_tree(path)
    statement = running_statement(tree, line)
    return None if statement is None else UserStatement(frame, line, path, tree, statement)


_NUMPY_RESHAPE = re.compile(r"cannot reshape array of size (\d+) into shape \(([-\d, ]+)\)")


def numpy_reshape(exc: BaseException) -> tuple[int, tuple, Any, int] | None:
    """(size, target shape, frame, line) of NumPy's "cannot reshape array of size N into shape (...)", with the
    user's innermost frame of *exc*'s traceback and its line; None for another error or a target with -1."""
    match = _NUMPY_RESHAPE.search(str(exc))
    where = innermost_user_frame(exc)
    if match is None or where is None:
        return None
    target = tuple(int(p) for p in match.group(2).split(",") if p.strip())
    if any(d < 0 for d in target):  # a -1 NumPy could not resolve: no target to reason about
        return None
    return int(match.group(1)), target, where[0], where[1]


def input_declaration(recorder: Any, tensor: Any):
    """(creation site, parsed file, the ``keras.Input(...)`` call, its shape argument or None) of the Input that
    made the symbolic *tensor*; None when *tensor* is not an Input's or its one call cannot be read."""
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    made = getattr(getattr(tensor, "_keras_history", None), "operation", None)
    if made is None or type(made).__name__ != "InputLayer":
        return None
    site = recorder.creation_site(made)
    if site is None or not site.file:
        return None
    tree, around = source_tree_and_calls_at(site)
    calls = [c for c in around if called_name(c.func) in ("Input", "InputLayer")]
    if len(calls) != 1:
        return None
    shape = next((k.value for k in calls[0].keywords if k.arg in ("shape", "input_shape")), None)
    if shape is None and calls[0].args:
        shape = calls[0].args[0]
    return site, tree, calls[0], shape


def culprit_function(finding: Any, exc: BaseException):
    """(real path, parsed module, innermost ``def``) around the line *finding* blames, when that line is in
    a function of one of the user's files in *exc*'s traceback; else None."""
    import ast

    from shapedoctor.trace.sites import display_path

    culprit = finding.culprit
    if culprit is None or not culprit.line:
        return None
    path = {display_path(file): file for file in user_files(exc)}.get(culprit.file)
    if path is None:
        return None
    tree = source_tree(path)
    around = [d for d in ast.walk(tree) if isinstance(d, (ast.FunctionDef, ast.AsyncFunctionDef))
              and d.lineno < culprit.line <= d.end_lineno]
    return (path, tree, max(around, key=lambda d: d.lineno)) if around else None


def mapped_functions(tree: Any) -> set[str]:
    """The names of the functions a script passes to a dataset's ``.map(fn)``."""
    import ast

    return {c.args[0].id for c in ast.walk(tree) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
            and c.func.attr == "map" and c.args and isinstance(c.args[0], ast.Name)}


def last_value(function: Any, element: Any) -> Any:
    """The expression the name *element* was last assigned in *function*'s body (*element* itself when it
    is no name or was not assigned there): ``bag`` of ``return bag, label`` after ``bag = tf.concat(...)``."""
    import ast

    if not isinstance(element, ast.Name):
        return element
    assigned = [s for s in function.body if isinstance(s, ast.Assign) and len(s.targets) == 1
                and isinstance(s.targets[0], ast.Name) and s.targets[0].id == element.id]
    return assigned[-1].value if assigned else element


def user_method(owner: type, name: str, own: bool = False):
    """(real path, parsed module, the ``def``) of method *name* of the class *owner* when it is written in one
    of the user's files (with *own*, only when *owner* defines it itself, not a base class); else None."""
    import ast
    import inspect

    from shapedoctor.trace.sites import is_user_file

    method = owner.__dict__.get(name) if own else getattr(owner, name, None)
    try:
        path = inspect.getsourcefile(method)
        first_line = method.__code__.co_firstlineno
    except (TypeError, AttributeError):
        return None
    if not path or not is_user_file(path):
        return None
    tree = source_tree(path)
    function = next((f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == name
                     and f.lineno <= first_line <= f.body[0].lineno), None)
    return (path, tree, function) if function is not None else None


def keras_ops_name(tree: Any) -> str | None:
    """How a parsed script reaches ``keras.ops``: ``ops`` (``from keras import ops``), ``keras.ops`` (``import
    keras``), or None."""
    import ast

    from shapedoctor.trace.sites import imported_names

    names = imported_names(tree)
    if "ops" in names and any(isinstance(n, ast.ImportFrom) and n.module == "keras"
                              and any(a.name == "ops" and not a.asname for a in n.names) for n in ast.walk(tree)):
        return "ops"
    return "keras.ops" if "keras" in names else None


def kernel_width_refused(exc: BaseException, recorder: Any) -> tuple[tuple, tuple, Any] | None:
    """(tensor shape, kernel shape, the layer that failed) when TensorFlow's matmul refused a tensor whose last
    axis is not the first axis of a 2-D weight (``[64,12], [8,16]``) inside a recorded layer's call, else None."""
    from shapedoctor.messages import parse
    from shapedoctor.messages.shapes import parse_shape

    facts = parse(str(exc))
    details = (facts.details or {}) if facts is not None else {}
    if details.get("operation") != "matmul" or len(facts.shapes) != 2:
        return None
    tensor, kernel = (tuple(parse_shape(s) or ()) for s in facts.shapes)
    if len(kernel) != 2 or not tensor or not isinstance(tensor[-1], int) or tensor[-1] == kernel[0]:
        return None
    failure = getattr(recorder, "failure", None)
    layer = failure.call.layer if failure is not None else None
    return (tensor, kernel, layer) if layer is not None else None


def two_shapes(text: str) -> tuple[tuple, tuple] | None:
    """The two operand shapes an error text names (``[None, 3, 7] and [4, 7]``, ``[4,8,8,32] vs. [4,32]``), as
    read by :func:`shapedoctor.messages.parse`; None unless it names exactly two."""
    from shapedoctor.messages import parse
    from shapedoctor.messages.shapes import parse_shape

    facts = parse(text)
    if facts is None or len(facts.shapes) != 2:
        return None
    a, b = (tuple(parse_shape(s) or ()) for s in facts.shapes)
    return a, b


def first_data_name(tree: Any, line: int, methods: tuple) -> str | None:
    """The name passed first, by position, to a call of one of *methods* on *line* of a parsed script
    (``train_data`` of ``model.fit(train_data, epochs=2)``), or None."""
    import ast

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.lineno == line and isinstance(node.func, ast.Attribute) \
                and node.func.attr in methods and node.args and isinstance(node.args[0], ast.Name):
            return node.args[0].id
    return None


def method_call_at(path: str, line: int, method: str) -> Any:
    """The one ``<obj>.<method>(...)`` call of *path* whose lines hold *line* (a training call at its
    recorded site), as an ast node, or None when there is none or more than one."""
    import ast

    found = [n for n in ast.walk(source_tree(path)) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and n.func.attr == method and n.lineno <= line <= (n.end_lineno or n.lineno)]
    return found[0] if len(found) == 1 else None
