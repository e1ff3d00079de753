"""Turn a verified candidate into the code the user should write, in the user's own style.

The user's source is read with ``libcst`` so that the suggested code keeps their spelling:
``layers.Dense`` vs ``keras.layers.Dense`` vs ``Dense``, a ``Sequential([...])`` list item vs
``model.add(...)`` vs a functional ``x = layers.X(...)(x)`` line, the variable names they
used, and positional vs keyword arguments.
"""

from __future__ import annotations

import ast
import dataclasses
import builtins
import inspect
import itertools
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from shapedoctor.graph.model import Graph, format_shape
from shapedoctor.repair.candidate import Candidate
from shapedoctor.repair.edits import AppendLayer, DataTransform, InsertLayer, RemoveNode, ReplaceLayer, SetConfig, SetShape, _py, call_repr
from shapedoctor.repair.neighbour_names import spelled_by_neighbours
from shapedoctor.repair.user_names import size_expression
from shapedoctor.patch.textedit import TextEdit, indentation
from shapedoctor.trace.sites import Site, called_name
from shapedoctor.trace.sites import source_tree


@dataclass
class Code:
    code: str
    file: str | None
    line: int | None
    edits: list = field(default_factory=list)  # TextEdits that apply the fix to the source
    why_not: str | None = None  # when there are no edits: which line and construct prevent writing it
    chooses_size: bool = False  # written where the user chose the value, not on the layer's line


@dataclass
class _CallInfo:
    call: cst.Call
    start: int
    end: int
    prefix: str  # "layers." / "keras.layers." / ""
    start_col: int = 0
    end_col: int = 0


class SourceIndex:
    """Parsed user files, looked up by line."""

    def __init__(self) -> None:
        self._calls: dict[str, list[_CallInfo] | None] = {}
        self._modules: dict[str, cst.Module] = {}
        self._positions: dict[str, dict] = {}
        self._statements: dict[str, list[tuple[int, int]]] = {}

    def calls(self, file: str) -> list[_CallInfo]:
        if file not in self._calls:
            self._calls[file] = self._parse(file)
        return self._calls[file] or []

    def _parse(self, file: str) -> list[_CallInfo] | None:
        import linecache

        # linecache also knows code that has no file of its own (notebook cells, IPython).
        source = "".join(linecache.getlines(file))
        if not source:
            return None
        try:
            module = cst.parse_module(source)
        except (cst.ParserSyntaxError, ValueError):
            return None
        self._modules[file] = module
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        positions = wrapper.resolve(PositionProvider)
        self._positions[file] = positions
        found: list[_CallInfo] = []
        statements = self._statements.setdefault(file, [])

        class Visitor(cst.CSTVisitor):
            def visit_Call(self, node: cst.Call) -> None:
                pos = positions[node]
                found.append(_CallInfo(node, pos.start.line, pos.end.line, _prefix(node.func),
                                       pos.start.column, pos.end.column))

            def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
                pos = positions[node]
                statements.append((pos.start.line, pos.end.line))

        wrapper.module.visit(Visitor())
        return found

    def code(self, file: str, node: cst.CSTNode) -> str:
        return self._modules[file].code_for_node(node)

    def span(self, file: str, node: cst.CSTNode) -> tuple[int, int, int, int]:
        """(start line, start column, end line, end column) of a node of *file*."""
        pos = self._positions[file][node]
        return pos.start.line, pos.start.column, pos.end.line, pos.end.column

    def statement_start(self, file: str, line: int) -> int:
        """The first line of the (simple) statement that contains *line*."""
        self.calls(file)
        inner = [s for s in self._statements.get(file, []) if s[0] <= line <= s[1]]
        return max(inner)[0] if inner else line

    def data_call(self, site: Site) -> _CallInfo | None:
        """The call at *site* that hands data to a model: ``model.fit(...)``, ``model(x)``..."""
        on_line = [c for c in self.calls(site.file) if c.start <= site.line <= c.end and c.call.args]
        methods = [c for c in on_line if terminal_name(c.call.func) in _DATA_METHODS]
        if methods:
            return max(methods, key=lambda c: (c.start, c.start_col))
        others = [c for c in on_line if not (isinstance(c.call.func, cst.Name) and hasattr(builtins, c.call.func.value))
                  and not _prefix(c.call.func).startswith(("np.", "numpy.", "tf.", "torch."))]
        return min(others, key=lambda c: (c.start, c.start_col)) if others else None

    def layer_call(self, site: Site | None, names: tuple[str, ...], config: dict | None = None) -> _CallInfo | None:
        """The call constructing a layer of one of *names* that starts on the site's line. Of two such calls on
        one line (``Dense(1)(Dense(16)(x))``), with *config*, the one whose size written as a literal is the
        layer's own (its ``units``/``filters``)."""
        if site is None:
            return None
        import linecache

        names = names + tuple(a for n in names for a in _CLASS_ALIASES.get(n, ()))  # MaxPool2D for MaxPooling2D
        names = names + partial_aliases("".join(linecache.getlines(site.file)), names)
        found = [info for info in self.calls(site.file)
                 if info.start <= site.line <= info.end and terminal_name(info.call.func) in names]
        if len(found) > 1 and config:
            size = next((config[k] for k in ("units", "filters") if isinstance(config.get(k), int)), None)
            own = [info for info in found if size is not None and _literal_size(info.call) == size]
            found = own if len(own) == 1 else found
        best = None
        for info in found:
            if best is None or info.start >= best.start:
                best = info
        return best

    def applied_call(self, site: Site | None, layer_call: _CallInfo | None) -> cst.Call | None:
        """For ``layers.X(...)(x)``: the outer call applying the layer."""
        if site is None or layer_call is None:
            return None
        for info in self.calls(site.file):
            if info.call.func is layer_call.call:
                return info.call
        return None


# Keras's functions that make a merge layer and call it on their first argument.
_FUNCTIONAL_FORMS = {"Concatenate": "concatenate", "Add": "add", "Subtract": "subtract", "Multiply": "multiply",
                     "Average": "average", "Maximum": "maximum", "Minimum": "minimum", "Dot": "dot"}

_DATA_METHODS = ("fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch", "__call__")


_TENSOR_TWINS = {"np.expand_dims(": "expand_dims(", "np.squeeze(": "squeeze("}


def tensor_spelling(how: str, file: str, var: str, line: int) -> str:
    """*how* (a NumPy data transform) spelled with TensorFlow's own function when *var*, read on *line*, was
    last bound by a ``tf.`` call (``state = tf.convert_to_tensor(...)``): an expert keeps a tensor a tensor
    (``tf.expand_dims(state, 0)``) rather than turning it into a NumPy array."""
    np_name = next((name for name in _TENSOR_TWINS if how.startswith(name)), None)
    method = re.fullmatch(r"\{(\w)\}\.reshape\((.+)\)", how)  # ``x.reshape(-1, 1)``: a NumPy method
    if np_name is None and method is None:
        return how
    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment

    try:
        tree = source_tree(file)
    except (OSError, SyntaxError, ValueError):
        return how
    tf = next((a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
               if a.name == "tensorflow"), None)
    made = last_assignment(enclosing_scope(tree, line), var, line)
    if tf is None or made is None or not _made_by(made.value, tf):
        return how
    if method is not None:  # a tensor has no .reshape: tf.reshape(x, (-1, 1))
        return f"{tf}.reshape({{{method.group(1)}}}, ({method.group(2)}))"
    return f"{tf}.{_TENSOR_TWINS[np_name]}" + how[len(np_name):]


def _made_by(value: ast.expr, module: str) -> bool:
    """*value* is a call of *module* (``tf.range(n)``), or arithmetic or a slice of one (``tf.range(n) + 1``,
    ``tf.ones((3,))[0]``): its result is that module's tensor."""
    if isinstance(value, ast.BinOp):
        return _made_by(value.left, module) or _made_by(value.right, module)
    if isinstance(value, (ast.UnaryOp, ast.Subscript)):
        return _made_by(value.operand if isinstance(value, ast.UnaryOp) else value.value, module)
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    while isinstance(func, ast.Attribute):
        func = func.value
    return isinstance(func, ast.Name) and func.id == module


@lru_cache(maxsize=16)  # read for every layer call a fix locates: parse each source once
def partial_aliases(source: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """Module-level names bound to ``partial(<one of names>, keyword=...)`` (``DefaultConv2D =
    partial(keras.layers.Conv2D, kernel_size=3, padding="same")``): calling them creates that layer
    with the same positional parameters, so a fix writes its change into their call."""
    import ast

    if not source or "partial" not in source:
        return ()
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return ()
    found = []
    for stmt in tree.body:
        value = getattr(stmt, "value", None)
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                and isinstance(value, ast.Call) and called_name(value.func) == "partial" and len(value.args) == 1 \
                and called_name(value.args[0]) in names:
            found.append(stmt.targets[0].id)
    return tuple(found)


def terminal_name(func: cst.BaseExpression) -> str:
    if isinstance(func, cst.Name):
        return func.value
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return ""


def _prefix(func: cst.BaseExpression) -> str:
    if isinstance(func, cst.Attribute):
        return cst.Module([]).code_for_node(func.value) + "."
    return ""


@lru_cache(maxsize=256)
def positional_params(cls: str) -> tuple[str, ...]:
    """The constructor arguments of *cls* that may be given by position, in order."""
    if cls == "__compile__":
        return ("optimizer", "loss", "loss_weights", "metrics")
    if cls == "__build__":
        return ("input_shape",)
    try:
        from shapedoctor.repair.edits import layer_class

        sig = inspect.signature(layer_class(cls).__init__)
    except Exception:  # noqa: BLE001
        return ()
    return tuple(
        p.name
        for p in sig.parameters.values()
        if p.name != "self" and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    )


def _names_in(node: cst.CSTNode) -> list[cst.Name]:
    """The names an expression reads (``(n_steps, len(chars))`` -> n_steps, len, chars)."""
    found: list[cst.Name] = []

    class _Collect(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            found.append(name)

    node.visit(_Collect())
    return found


def _is_number(text: str) -> bool:
    try:
        return isinstance(ast.literal_eval(text), int)
    except (ValueError, SyntaxError, TypeError):
        return False


def _literal(value) -> cst.BaseExpression:
    if isinstance(value, cst.BaseExpression):  # already the user's own expression (see _in_users_terms)
        return value
    return cst.parse_expression(_py(tuple(value) if isinstance(value, list) else value))


_SIZE_KEYS = ("units", "filters", "input_dim", "output_dim", "n")  # config keys that are one size
# Keras's other names for a class (``MaxPool2D`` is ``MaxPooling2D``): a call is found under either.
_CLASS_ALIASES = {f"{kind}Pooling{d}D": (f"{short}Pool{d}D",) for kind, short in (("Max", "Max"), ("Average", "Avg"))
                  for d in (1, 2, 3)}
_ONE_SIZE_LAYERS = ("RepeatVector", "Dense")
# The count a layer's first argument holds, written on top of the user's expression when a fix adds
# one or two to it (``_in_users_terms``).
_COUNT_KEYS = {"Embedding": "input_dim", "Dense": "units"}  # inserted layers whose first argument is that size


def _in_users_terms(call: cst.Call, cls: str, changes: dict, old_config: dict, code, spell=None) -> dict:
    """New sizes written in the user's own terms, not as the literal they evaluate to today (which
    goes stale as soon as the data changes):

    * a size the user's module already names, when *spell* (``repair/user_names.size_expression``
      at the layer's line) finds exactly one safe name for it: ``Dense(64)`` -> ``Dense(len(chars))``;
    * else a count one or two above what the user computed (an Embedding's ``input_dim``, a Dense
      layer's ``units``: the reserved padding or out-of-vocabulary slot they forgot), on top of their
      expression: ``Embedding(n_users, 8)`` -> ``Embedding(n_users + 1, 8)``,
      ``Dense(num_areas)`` -> ``Dense(num_areas + 1)``. A literal stays a literal;
    * first of all, the user's own expression without the small offset it adds or takes away, when that
      is exactly the change: ``Dense(seed_units * 2 + 1)`` -> ``Dense(seed_units * 2)``."""
    reordered = {key: expr for key, value in changes.items()
                 if (expr := _reordered(call, cls, key, old_config.get(key), value, code)) is not None}
    changes = {**changes, **reordered}
    kept = {key: expr for key, value in changes.items() if key not in reordered
            and (expr := _unchanged_items_kept(call, cls, key, old_config.get(key), value)) is not None}
    changes = {**changes, **kept}
    undone = _offset_undone(call, cls, changes, old_config, code)
    if undone is not None:
        return {**changes, _COUNT_KEYS[cls]: undone}
    if spell is not None:
        named = {key: spell(value) for key, value in changes.items()
                 if key in _SIZE_KEYS and isinstance(value, int) and not isinstance(value, bool)}
        named = {key: cst.parse_expression(expr) for key, expr in named.items() if expr}
        changes = {**changes, **named}
        if _COUNT_KEYS.get(cls) in named:
            return changes
    key = _COUNT_KEYS.get(cls)
    if key is None or not isinstance(changes.get(key), int) or isinstance(changes[key], bool):
        return changes
    node = _argument_node(call, 0, key)
    old, new = old_config.get(key), changes[key]
    if node is None or not isinstance(old, int) or not 0 < new - old <= 2:
        return changes
    text = code(node)
    try:
        ast.literal_eval(text)
        return changes  # a number written by hand: the new number
    except (ValueError, SyntaxError, TypeError):
        pass
    simple = isinstance(node, (cst.Name, cst.Attribute, cst.Call, cst.Subscript))
    expr = cst.parse_expression(f"{text if simple else f'({text})'} + {new - old}")
    return {**changes, key: expr}


def _unchanged_items_kept(call: cst.Call, cls: str, key: str, old, new) -> cst.BaseExpression | None:
    """A tuple argument written item by item (``Reshape(((image_size // 4) * (image_size // 4), embedding_dim))``)
    whose new value changes some items only: the others keep the user's text, the changed ones are written as
    numbers (a module name that happens to hold 64 is no name for 8 x 8 tokens): ``Reshape((-1, embedding_dim))``.
    None when nothing is kept (every item changes, or the argument is not written as a tuple of as many items)."""
    if not isinstance(new, (tuple, list)) or not isinstance(old, (tuple, list)) or len(old) != len(new):
        return None
    node = _written_tuple(call, cls, key, len(new))
    if node is None:
        return None
    same = [a == b for a, b in zip(old, new)]
    if all(same) or not any(same):
        return None
    items = []
    for element, unchanged, value in zip(node.elements, same, new):
        if unchanged:
            items.append(element)
            continue
        items.append(element.with_changes(value=_literal(value)))
    return node.with_changes(elements=items)


def _offset_undone(call: cst.Call, cls: str, changes: dict, old_config: dict, code) -> cst.BaseExpression | None:
    """``E`` of a count written ``E + c`` (or ``E - c``, c a small literal) when the change is exactly
    to drop that offset; else None."""
    key = _COUNT_KEYS.get(cls)
    new, old = changes.get(key), old_config.get(key)
    if key is None or not isinstance(new, int) or isinstance(new, bool) or not isinstance(old, int):
        return None
    node = _argument_node(call, 0, key)
    if not (isinstance(node, cst.BinaryOperation) and isinstance(node.right, cst.Integer)
            and isinstance(node.operator, (cst.Add, cst.Subtract))):
        return None
    offset = int(node.right.evaluated_value) * (1 if isinstance(node.operator, cst.Add) else -1)
    if not 0 < abs(offset) <= 2 or old - offset != new:
        return None
    try:
        ast.literal_eval(code(node.left))
        return None  # a number written by hand: the new number
    except (ValueError, SyntaxError, TypeError):
        return node.left


def _reordered(call: cst.Call, cls: str, key: str, old, new, code) -> cst.BaseExpression | None:
    """A new tuple that only reorders the old one (``Reshape([num_features, OUT_STEPS])`` ->
    ``Reshape([OUT_STEPS, num_features])``), written with the user's own elements and brackets,
    when they wrote the old one as a tuple or list with at least one name and its values are distinct."""
    if not isinstance(old, (tuple, list)) or not isinstance(new, (tuple, list)) or list(old) == list(new) \
            or len(set(old)) != len(old) or sorted(map(repr, old)) != sorted(map(repr, new)):
        return None
    node = _written_tuple(call, cls, key, len(old))
    if node is None:
        return None
    texts = [code(e.value) for e in node.elements]
    if all(_is_number(t) for t in texts):
        return None  # a literal: the new literal is as plain
    inner = ", ".join(texts[list(old).index(v)] for v in new)
    if isinstance(node, cst.List):
        return cst.parse_expression(f"[{inner}]")
    return cst.parse_expression(f"({inner},)" if len(new) == 1 else f"({inner})")


def call_with_changes(call: cst.Call, cls: str, changes: dict) -> cst.Call:
    params = positional_params(cls)
    args = list(call.args)
    for key, value in changes.items():
        done = False
        for i, arg in enumerate(args):
            if arg.keyword is not None and arg.keyword.value == key:
                args[i] = arg.with_changes(value=_literal(value))
                done = True
                break
        if not done and key in params:
            idx = params.index(key)
            positional = [i for i, a in enumerate(args) if a.keyword is None and a.star == ""]
            if idx < len(positional):
                i = positional[idx]
                args[i] = args[i].with_changes(value=_literal(value))
                done = True
        if not done:
            if args and args[-1].comma == cst.MaybeSentinel.DEFAULT:
                args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
            args.append(cst.Arg(keyword=cst.Name(key), value=_literal(value), equal=cst.AssignEqual(
                whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))))
    return call.with_changes(args=args)


def _with_shape(call: cst.Call, cls: str, shape: tuple, written_as: str = "", spell=None) -> cst.Call:
    """*call* declaring the input *shape* (batch axis excluded) through the argument that already
    carries it, never a second one: ``Input(batch_shape=...)``, ``Dense(..., input_dim=20)``
    (``input_dim=30``, or ``input_shape=`` in its place for more than one axis), Keras 2's
    ``batch_input_shape=``; else ``shape=`` / ``input_shape=``. When the user's own shape argument
    is written with names (``input_shape=(n_features,)``), each new size the user names is written
    with its name (*spell*: ``size_expression`` at that line): ``(n_steps, n_features)``."""
    keywords = {a.keyword.value: a for a in call.args if a.keyword is not None}
    value = shape
    shape_args = [a for a in call.args if (a.keyword is None and cls in ("Input", "InputLayer")) or (
        a.keyword is not None and a.keyword.value in ("shape", "input_shape", "batch_input_shape", "batch_shape"))]
    if written_as.startswith("("):  # the user's own tuple, its elements reordered (repair/data_follows.py)
        value = cst.parse_expression(written_as)
    elif written_as:  # the user's own expression (`X_train.shape[1:]`) when their argument already names that array
        name = re.match(r"\w+", written_as).group(0)
        old_args = [a for a in call.args if a.keyword is None or a.keyword.value in (
            "shape", "input_shape", "batch_input_shape", "batch_shape", "input_dim")]
        if any(re.search(rf"\b{name}\b", cst.Module([]).code_for_node(a.value)) for a in old_args):
            value = cst.parse_expression(written_as)
    if spell is not None and value is shape and 0 < len(shape) and all(d is None or isinstance(d, int) for d in shape) \
            and any(_names_in(a.value) for a in shape_args[:1]):
        parts = [spell(d) if isinstance(d, int) else None for d in shape]
        if any(parts):
            text = ", ".join(p or repr(d) for p, d in zip(parts, shape))
            value = cst.parse_expression(f"({text},)" if len(shape) == 1 else f"({text})")
    if cls in ("Input", "InputLayer"):
        if "batch_shape" in keywords:
            try:
                batch = ast.literal_eval(cst.Module([]).code_for_node(keywords["batch_shape"].value))[0]
            except (ValueError, SyntaxError, TypeError, IndexError):
                batch = None
            return call_with_changes(call, "InputLayer", {"batch_shape": (batch,) + shape})
        if "input_shape" in keywords and "shape" not in keywords:
            return call_with_changes(call, "InputLayer", {"input_shape": value})
        return call_with_changes(call, "InputLayer", {"shape": value})
    if "input_dim" in keywords and len(shape) == 1:
        return call_with_changes(call, "__none__", {"input_dim": shape[0]})
    for old in ("input_dim", "batch_input_shape"):
        if old in keywords:  # the argument that carries the shape becomes input_shape=
            args = [a.with_changes(keyword=cst.Name("input_shape"), value=_literal(value)) if a is keywords[old] else a
                    for a in call.args]
            return call.with_changes(args=args)
    return call_with_changes(call, "__none__", {"input_shape": value})


def _written_order(edits: list) -> list:
    """*edits* in the order their code reads. Layers appended after the same layer one by one end up
    in reverse order (each goes right after that layer, before the ones appended before it), so a
    run of them is written reversed: the source then reads as the graph runs."""
    runs = itertools.groupby(edits, key=lambda e: ("after", e.after) if isinstance(e, AppendLayer) else id(e))
    return [e for _key, run in runs for e in reversed(list(run))]


class CodeWriter:
    """Renders candidates as code at a file:line, in the style of the surrounding source."""

    def __init__(self, graph: Graph, index: SourceIndex | None = None) -> None:
        self.graph = graph
        self.index = index or SourceIndex()

    def render(self, cand: Candidate) -> Code:
        parts = []
        for edit in _written_order(cand.edits):
            part = self._checked(edit, cand.edits)
            if any((p.file, p.line, p.code) == (part.file, part.line, part.code) for p in parts):
                continue  # one line made several of the edited layers (a loop): it is written once
            parts.append(part)
        file = next((p.file for p in parts if p.file), None)
        line = next((p.line for p in parts if p.line), None)
        complete = all(p.edits for p in parts)
        edits = [e for p in parts for e in p.edits] if complete else []
        why_not = None if complete else next(p.why_not for p in parts if not p.edits)
        return Code("\n".join(p.code for p in parts), file, line, edits, why_not,
                    chooses_size=complete and any(p.chooses_size for p in parts))

    def _checked(self, edit, together: list = ()) -> Code:
        """The code for *edit* (one of the candidate's edits *together*); without edits when the line
        that would change runs for other layers too (a loop, a comprehension, a helper called twice)
        and the candidate does not change them alike, saying so."""
        code = self._edit(edit)
        if code.edits:
            try:
                repeated = self._repeated(edit, together)
            except Exception:  # noqa: BLE001 - the check must never cost the user the fix itself
                repeated = None
            if repeated:
                code.edits, code.why_not = [], repeated
        elif code.why_not is None:
            where = f"line {code.line}" if code.line else "its place in the source"
            code.why_not = f"shapedoctor could not locate the code to change at {where}; apply it by hand"
        return code

    def _repeated(self, edit, together: list = ()) -> str | None:
        """Why an edit of one layer (call) cannot be written at its line, or None.

        The line may run for other layers too: a loop, a comprehension, a helper function
        called from several places. A config change that is the same for every layer that
        line builds is written there (the one place that changes all of them) when Keras
        accepts it for all of them with the same output shape; anything else is refused,
        naming the line and the construct.
        """
        if isinstance(edit, SetConfig):
            spec = self.graph.layers[edit.layer]
            twins = self._twins(spec)
            site = spec.created
            if len(twins) < 2:
                callers = _helper_callers(site) if site else []
                info = self.index.layer_call(site, (spec.cls,)) if site else None
                given = _given_by_name(info.call, spec.cls, edit.changes) if info else []
                spelled = info is not None and all(
                    spelled_by_neighbours(self.graph, site.file, info.start, value) for value in edit.changes.values())
                if len(callers) > 1 and given and not spelled:
                    # (a change written with the block's own parameter, as its sibling layers spell that
                    # size, means the same for every call of the block: it is written)
                    return (f"line {site.line} is in {_construct(site, callers)}; {', '.join(given)} comes from a "
                            "variable there, so the "
                            f"change for `{spec.name}` alone cannot be written at that line: apply it by hand")
                return None
            alike = {e.layer for e in together if isinstance(e, SetConfig) and e.changes == edit.changes}
            if all(t.key in alike for t in twins):
                return None  # the candidate changes every layer the line builds, as writing it there does
            differ = [k for k in edit.changes if len({repr(t.config.get(k)) for t in twins}) > 1]
            where = f"line {site.line} builds {len(twins)} {spec.cls} layers through {_construct(site)}"
            if differ:
                return (f"{where}, and {', '.join(differ)} differs between them; the change is for `{spec.name}` "
                        "only, so it cannot be written at that line: apply it by hand")
            return self._all_alike(edit, twins, where)
        node_id = getattr(edit, "before", None) or getattr(edit, "node", None)
        if node_id is None or isinstance(edit, SetShape):
            return None
        node = self.graph.node(node_id)
        spec = self.graph.spec(node)
        if spec is None or spec.inserted:
            return None
        if isinstance(edit, ReplaceLayer) and edit.copy_of_original:
            from shapedoctor.repair.multiplied_list import multiplied_layer_list

            if multiplied_layer_list(spec.created) is not None:
                return None  # the comprehension is meant to give every call of the loop its own layer
        twins = self._twins(spec)
        calls = [n for n in self.graph.nodes if n.layer == node.layer and n.called and node.called
                 and (n.called.file, n.called.line) == (node.called.file, node.called.line)]
        if calls and len(calls) <= len([c for c in self.index.calls(node.called.file)
                                         if c.start <= node.called.line <= c.end]):
            calls = calls[:1]  # as many calls written on the line: not a repetition
        if len(twins) >= 2 or len(calls) >= 2:
            site = spec.created if len(twins) >= 2 else node.called
            what = (f"builds {len(twins)} {spec.cls} layers" if len(twins) >= 2
                    else f"applies `{spec.name}` {len(calls)} times")
            return (f"line {site.line} {what} through {_construct(site)}; an edit there would change every one "
                    f"of them, not only `{spec.name}`: apply it by hand")
        site = node.called or spec.created
        callers = _helper_callers(site) if site else []
        if len(callers) > 1 and not _builds_whole_model(site) and not _first_pass_failed(spec):
            return (f"line {site.line} is in {_construct(site, callers)}; "
                    f"an edit there would change every call, not only the one that builds `{spec.name}`: "
                    "apply it by hand, or at the call that needs it")
        return None

    def _all_alike(self, edit: SetConfig, twins: list, where: str) -> str | None:
        """None when Keras accepts *edit* made to all *twins* with the output shape of making it to
        one; else why it cannot be written at their shared line."""
        from shapedoctor.infer.propagate import propagate

        one, every = self.graph.copy(), self.graph.copy()
        edit.apply(one)
        for twin in twins:
            SetConfig(twin.key, dict(edit.changes)).apply(every)
        want, got = propagate(one), propagate(every)
        shapes = [got.shapes.get(t) for t in every.outputs]
        if got.ok and shapes == [want.shapes.get(t) for t in one.outputs]:
            return None
        what = f"Keras refuses it ({type(got.error).__name__})" if not got.ok else \
            f"the model output becomes {', '.join(format_shape(s) for s in shapes)}"
        return (f"{where}; writing the change there changes all {len(twins)}, and then {what}: "
                f"apply it to `{self.graph.layers[edit.layer].name}` by hand")

    def _twins(self, spec) -> list:
        """The layers of the graph built by the same call as *spec*, when its line runs several
        times (a loop, a helper...); several calls written on one line do not count."""
        if spec.created is None:
            return [spec]
        here = (spec.created.file, spec.created.line)
        twins = [s for s in self.graph.layers.values() if not s.inserted and s.cls == spec.cls and s.created
                 and (s.created.file, s.created.line) == here]
        written = [c for c in self.index.calls(here[0]) if c.start <= here[1] <= c.end
                   and terminal_name(c.call.func) == spec.cls]
        return twins if len(twins) > max(1, len(written)) else [spec]

    # -- text edits ----------------------------------------------------------------------
    def _replace_call(self, file: str, info: _CallInfo, new_text: str) -> list:
        return [TextEdit(file, info.start, info.start_col, info.end, info.end_col, new_text)]

    def _insert_stmt(self, file: str, line: int, stmt: str) -> list:
        source = "".join(__import__("linecache").getlines(file))
        return [TextEdit.insert_line(file, line, indentation(source, line) + stmt)]

    # -- per edit ------------------------------------------------------------------------
    def _edit(self, edit) -> Code:
        if isinstance(edit, SetConfig):
            return self._set_config(edit)
        if isinstance(edit, InsertLayer):
            return self._insert(edit)
        if isinstance(edit, AppendLayer):
            return self._append(edit)
        if isinstance(edit, ReplaceLayer):
            return self._replace(edit)
        if isinstance(edit, RemoveNode):
            return self._remove(edit)
        from shapedoctor.repair.loop_passes import LoopRewrite

        if isinstance(edit, LoopRewrite):
            return Code(edit.shown, edit.file, edit.line, list(edit.text_edits))
        if isinstance(edit, SetShape) and edit.rebind is not None:
            bound = edit.rebind
            return Code(bound.shown, bound.file, bound.line, list(bound.text_edits))
        if isinstance(edit, SetShape):
            return self._set_shape(edit)
        if isinstance(edit, DataTransform):
            if edit.line_edit is not None:
                file, line, start, end, text, code = edit.line_edit
                return Code(code, file, line, [TextEdit(file, line, start, line, end, text)])
            if edit.made_at is not None:
                made = edit.made_at
                stmt = f"{made.var} = {tensor_spelling(edit.how, made.file, made.var, made.end_line + 1).format(x=made.var)}"
                return Code(stmt, made.file, made.end_line + 1,
                            [TextEdit.insert_line(made.file, made.end_line + 1, made.indent + stmt)])
            if edit.read_at is not None:
                file, line, var = edit.read_at
                stmt = f"{var} = {tensor_spelling(edit.how, file, var, line).format(x=var)}"
                return Code(stmt, file, line, self._insert_stmt(file, line, stmt))
            return self._data(edit.site, edit.how)
        raise TypeError(edit)

    def _data(self, site: Site | None, how: str) -> Code:
        """*how* (``{x}``: the data) applied to the data the model is called with at *site*."""
        transform = how.replace("{x}", "{v}")
        code = self._each_input(site, transform) if site and how == "np.expand_dims({x}, 0)" else None
        code = code or (argument_edit(site, 0, "x", transform, self.index) if site else None)
        if code is not None:
            return code
        var = (_data_variable(site.code) if site else None) or "x"
        return Code(f"{var} = {transform.format(v=var, x='x', y='y')}", site.file if site else None,
                    site.line if site else None)

    def _each_input(self, site: Site, transform: str) -> Code | None:
        """One sample passed as a literal dict of arrays (``model({"user": np.array(42), "movie":
        np.array(7)})``): each of them lacks the batch axis, so each one is given it, inline. None when
        the data argument is not a dict literal (a list literal may be one sample's features:
        ``model.predict([temp, humidity])``)."""
        import linecache

        info = self.index.data_call(site)
        arg = _argument_node(info.call, 0, "x") if info is not None else None
        if not isinstance(arg, cst.Dict) or not arg.elements \
                or not all(isinstance(e, cst.DictElement) for e in arg.elements):  # no {**other}
            return None
        parts = [argument_edit(site, 0, "x", transform, self.index, item=i, inline=True)
                 for i in range(len(arg.elements))]
        if any(p is None or not p.edits for p in parts):
            return None
        edits = [e for p in parts for e in p.edits]
        start_line = parts[0].line
        if any(e.start_line != start_line or e.end_line != start_line for e in edits):
            return Code("\n".join(p.code for p in parts), site.file, start_line, edits)
        from shapedoctor.patch.textedit import apply_edits

        raw = linecache.getline(site.file, start_line)
        moved = [dataclasses.replace(e, start_line=1, end_line=1) for e in edits]
        return Code(_strip_comment(apply_edits(raw, moved).strip()), site.file, start_line, edits)

    def _set_config(self, edit: SetConfig) -> Code:
        spec = self.graph.layers[edit.layer]
        site = spec.created
        nested = edit.changes.get("layer") if spec.cls in ("Bidirectional", "TimeDistributed") else None
        if isinstance(nested, dict) and isinstance(nested.get("config", {}).get("layers"), list):
            # A wrapped model (TimeDistributed(encoder)): edit the one layer of it that changes, where it is written.
            old_layers = spec.config.get("layer", {}).get("config", {}).get("layers", [])
            inner = self._nested_change(old_layers, getattr(spec.live, "layer", None), nested["config"]["layers"])
            if inner is not None:
                return self._inner_edit(*inner, edit.layer)
        elif isinstance(nested, dict) and nested.get("class_name"):
            code = self._wrapped_call(site, nested, spec.config.get("layer", {}).get("config", {}))
            if code is not None:
                return code
        if spec.cls == "Reshape" and set(edit.changes) == {"target_shape"}:
            bound = self._target_chosen(spec, tuple(edit.changes["target_shape"]))
            if bound is not None:
                return Code(bound.shown, bound.file, bound.line, list(bound.text_edits), chooses_size=True)
        if isinstance(edit.changes.get("layers"), list) and spec.cls == "Sequential":
            inner = self._nested_change(spec.config.get("layers", []), spec.live, edit.changes["layers"])
            if inner is not None:
                return self._inner_edit(*inner, edit.layer)
        return self._config_call(site, spec.cls, edit.changes, spec.config, edit.layer)

    def _wrapped_call(self, site, nested: dict, old: dict) -> Code | None:
        """The layer call inside a wrapper at *site* (the LSTM inside ``Bidirectional(...)``) written with
        the values of *nested* (the wrapper's new ``layer`` config) that differ from *old*, or None."""
        inner = self.index.layer_call(site, (nested["class_name"],))
        if inner is None:
            return None
        diff = {k: v for k, v in nested.get("config", {}).items() if old.get(k) != v}
        new = call_with_changes(inner.call, nested["class_name"], diff)
        full = self.index.code(site.file, inner.call)
        new_text = self.index.code(site.file, new)
        text = self._as_statement(site, inner, new_text) if full in site.code else new_text
        return Code(text, site.file, inner.start, self._replace_call(site.file, inner, new_text))

    def _inner_edit(self, site, cls: str, diff: dict, before: dict, layer: str) -> Code:
        """A changed layer of a nested model, written at its own creation *site*; a wrapper among them
        (a ``Bidirectional`` ending an encoder) has its wrapped layer's call edited."""
        nested = diff.get("layer") if cls in ("Bidirectional", "TimeDistributed") else None
        if isinstance(nested, dict) and nested.get("class_name") and set(diff) <= {"layer", "backward_layer"}:
            code = self._wrapped_call(site, nested, before.get("layer", {}).get("config", {}))
            if code is not None:
                return code
        return self._config_call(site, cls, diff, before, layer)

    @staticmethod
    def _target_chosen(spec, new: tuple):
        """A Reshape target written elsewhere (``new_shape = (...)``, then ``Reshape(new_shape)``): the edit
        of that expression (``repair/size_origin.target_rebinding``), or None."""
        from shapedoctor.repair.size_origin import target_rebinding

        old = spec.config.get("target_shape")
        if not isinstance(old, (tuple, list)) or spec.created is None:
            return None
        return target_rebinding(spec.created, "Reshape", "target_shape", tuple(old), new)

    @staticmethod
    def _nested_change(old_layers: list, model, layers: list):
        """The one layer of a nested model (*model*, its config's *old_layers*) that the new config *layers*
        changes, as (its creation site, class, changed values, old config), or None."""
        from shapedoctor.trace import recorder as _rec

        old = {entry.get("config", {}).get("name"): entry for entry in old_layers}
        live = {layer.name: layer for layer in getattr(model, "layers", None) or []}
        changed = []
        for entry in layers:
            cfg = entry.get("config", {})
            before = old.get(cfg.get("name"), {}).get("config", {})
            diff = {k: v for k, v in cfg.items() if before.get(k) != v}
            if diff:
                changed.append((cfg.get("name"), entry.get("class_name"), diff, before))
        if len(changed) != 1 or _rec.CURRENT is None or changed[0][0] not in live:
            return None
        layer_name, cls, diff, before = changed[0]
        site = _rec.CURRENT.creation_site(live[layer_name])
        return (site, cls, diff, before) if site is not None else None

    def _config_call(self, site, cls: str, changes: dict, config: dict, layer: str) -> Code:
        """The call that creates a layer of class *cls* at *site*, written with *changes*."""
        info = self.index.layer_call(site, (cls,), config)
        spec_cls = cls
        if info is None and cls in _FUNCTIONAL_FORMS:
            # `layers.concatenate(tensors, axis=1)`: the function makes the layer and calls it; its
            # layer arguments are keywords (the first positional one is the tensors).
            info = self.index.layer_call(site, (_FUNCTIONAL_FORMS[cls],))
            spec_cls = "__functional__"
        if info is None:
            return Code(f"{cls}(..., {', '.join(f'{k}={_py(v)}' for k, v in changes.items())})",
                        site.file if site else None, site.line if site else None)
        changes = _in_users_terms(info.call, spec_cls, changes, config,
                                  lambda node: self.index.code(site.file, node),
                                  # inside a block function, a sibling layer's spelling (its parameter
                                  # `filters`) before a module name that happens to hold the same number
                                  lambda value: spelled_by_neighbours(self.graph, site.file, info.start, value)
                                  or size_expression(value, site.file, info.start, self.graph.named_sizes)
                                  or self._reshaped_as(layer, value))
        if "strides" in changes and not isinstance(changes["strides"], cst.CSTNode):
            # a main path strided inside a block function: the shortcut beside it says `strides=strides`
            spelled = spelled_by_neighbours(self.graph, site.file, info.start, changes["strides"], ("strides",))
            changes = {**changes, "strides": cst.parse_expression(spelled)} if spelled else changes
        changes = _scalars_as_written(info.call, spec_cls, changes)
        new = call_with_changes(info.call, spec_cls, changes)
        new_text = self.index.code(site.file, new)
        return Code(self._as_statement(site, info, new_text), site.file, info.start,
                    self._replace_call(site.file, info, new_text))

    def _speller(self, file: str, line: int):
        """The user's name for a size at *file*:*line* (``repair/user_names.py``), or None."""
        return lambda value: size_expression(value, file, line, self.graph.named_sizes)

    def _reshaped_as(self, layer: str, value: int) -> str | None:
        """*value* spelled as the Reshape right after *layer* spells it, when its target is written
        with the user's names and multiplies out to *value*: ``Dense(64)`` before
        ``Reshape((num_features, num_features))`` -> ``Dense(num_features * num_features)``."""
        for node in (n for n in self.graph.nodes if n.layer == layer):
            for out in node.outputs:
                for cons in self.graph.consumers(out):
                    spec = self.graph.spec(cons)
                    target = spec.config.get("target_shape") if spec is not None and spec.cls == "Reshape" else None
                    if not target or not all(isinstance(d, int) and d > 0 for d in target) or math.prod(target) != value:
                        continue
                    info = self.index.layer_call(spec.created, ("Reshape",))
                    node_arg = _argument_node(info.call, 0, "target_shape") if info is not None else None
                    if not isinstance(node_arg, (cst.Tuple, cst.List)) or len(node_arg.elements) != len(target):
                        continue
                    texts = [self.index.code(spec.created.file, e.value) for e in node_arg.elements]
                    if all(_is_number(t) for t in texts):
                        return None  # a literal target: the literal product is as plain
                    simple = (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.Integer)
                    return " * ".join(t if isinstance(e.value, simple) else f"({t})"
                                      for t, e in zip(texts, node_arg.elements))
        return None

    def _copied_call(self, layer: str | None) -> str | None:
        """The source text of the call that created *layer* (``MaxPool2D(pool_size=(2, 2), padding="same")``,
        with the script's own alias and spelling), when it is written on one line; else None."""
        spec = self.graph.layers.get(layer) if layer else None
        if spec is None or spec.created is None:
            return None
        info = self.index.layer_call(spec.created, (spec.cls,) + _CLASS_ALIASES.get(spec.cls, ()))
        if info is None or info.start != info.end:
            return None
        text = self.index.code(spec.created.file, info.call)
        return text if "\n" not in text else None

    def _insert(self, edit: InsertLayer) -> Code:
        target = self.graph.node(edit.before)
        spec = self.graph.spec(target)
        site = spec.created if spec and spec.created else target.called
        info = self.index.layer_call(site, (spec.cls,)) if spec else None
        prefix = self._layers_prefix(site, info)
        text = prefix + call_repr(edit.cls, edit.args, edit.kwargs)
        copied = self._copied_call(edit.like)
        if copied is not None:  # the shortcut pooled exactly as the main branch's pooling is written
            text = copied
        if site is None:
            return Code(text, None, None)
        if edit.cls in _ONE_SIZE_LAYERS and edit.args and isinstance(edit.args[0], int):
            named = size_expression(edit.args[0], site.file, info.start if info else site.line, self.graph.named_sizes)
            if named:  # `RepeatVector(timesteps)`, `Dense(num_classes)`: the user's name for the size
                rest = call_repr(edit.cls, edit.args[1:], edit.kwargs)[len(edit.cls) + 1:]
                text = f"{prefix}{edit.cls}({named}{', ' if rest != ')' else ''}{rest}"
        call_site = target.called
        from shapedoctor.diagnosis.culprit import stored_in_variable

        if call_site is not None and stored_in_variable(site) and call_site.line != site.line:
            # Created in a variable (`self.gru = ...`, `decoder = keras.Sequential(...)`), applied elsewhere:
            # insert where it is applied.
            var = re.match(r"^\s*((?:self\.)?\w+)\s*=", site.code).group(1)
            applied = next((c for c in self.index.calls(call_site.file)
                            if c.start <= call_site.line <= c.end
                            and cst.Module([]).code_for_node(c.call.func) == var), None)
            if applied is not None:
                code = self._inline_at(call_site, applied, text, edit.input_index)
                if code is not None:
                    return code
                stmt = f"{self.index.code(call_site.file, applied.call.args[0].value)} = " \
                       f"{text}({self.index.code(call_site.file, applied.call.args[0].value)})"
                return Code(stmt, call_site.file, call_site.line,
                            self._insert_stmt(call_site.file, call_site.line, stmt))
        after = self._after_loop_producer(target, site, text, edit.input_index)
        if after is not None:
            return after
        inline = self._inline(site, info, text, edit.input_index)
        if inline is not None:
            return inline
        functional = self._functional_merge(site, spec, info)
        if functional is not None:
            code = self._inline_at(site, functional, text, edit.input_index)
            code = code or self._rebound(site, functional, text, edit.input_index)
            if code is not None:
                return code
        stmt = self._statement_for_new(site, info, text, edit.input_index)
        line = info.start if info else site.line
        moved = self._input_shape_moved(site, info, text, stmt)
        if moved is not None:
            return moved
        if info is not None and stmt == f"{text}," and not _list_item(site.file, info.start, info.start_col):
            # `self.decoder = Decoder(...)` applied where the call cannot be read: no list to insert the layer
            # into, and a statement `Layer(...),` written there would make the assignment a tuple
            return Code(text, site.file, line, why_not=f"{spec.cls} is made at line {line} outside a list of layers "
                                                        "and applied where shapedoctor cannot follow it")
        if info is not None and stmt == f"{text},":
            import linecache

            before = linecache.getline(site.file, info.start)[: info.start_col]
            if before.strip():  # other list items on the same line: insert inside the list
                return Code(stmt, site.file, line,
                            [TextEdit(site.file, info.start, info.start_col, info.start, info.start_col, f"{text}, ")])
        return Code(stmt, site.file, line, self._insert_stmt(site.file, line, stmt))

    def _after_loop_producer(self, target, site: Site | None, text: str, input_index: int) -> Code | None:
        """A merge given a list the script filled in a loop (``branches.append(conv)``, then
        ``Concatenate()(branches)``): the new layer goes right after the loop's line that made the input,
        ``conv = layers.New(...)(conv)``, written once for every pass of the loop (None otherwise)."""
        import ast
        import linecache

        from shapedoctor.trace.sites import source_tree

        ids = target.input_ids()
        producer = self.graph.producer(ids[input_index]) if input_index < len(ids) else None
        made = producer.called if producer is not None else None
        if made is None or site is None or not made.file or made.file != site.file or made.line >= site.line:
            return None
        try:
            tree = source_tree(made.file)
        except (SyntaxError, ValueError):
            return None
        loops = [n for n in ast.walk(tree) if isinstance(n, (ast.For, ast.While))
                 and n.lineno < made.line <= (n.end_lineno or n.lineno) < site.line]
        stmts = [n for loop in loops for n in loop.body if isinstance(n, ast.Assign) and n.lineno == made.line
                 and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)]
        if len(stmts) != 1:
            return None
        name, stmt = stmts[0].targets[0].id, stmts[0]
        stmt_text = f"{name} = {text}({name})"
        source = "".join(linecache.getlines(made.file))
        return Code(stmt_text, made.file, stmt.end_lineno + 1,
                    [TextEdit.insert_line(made.file, stmt.end_lineno + 1, indentation(source, stmt.lineno) + stmt_text)])

    def _functional_merge(self, site: Site, spec, info: _CallInfo | None) -> _CallInfo | None:
        """``layers.add([x, y])``: the functional form of a merge layer builds and applies it in one call."""
        if info is not None or spec is None or spec.cls not in _FUNCTIONAL_MERGES:
            return None
        return self.index.layer_call(site, (_FUNCTIONAL_MERGES[spec.cls],))

    def _rebound(self, site: Site, functional: _CallInfo, text: str, input_index: int) -> Code | None:
        """``y = layers.New(...)(y)`` on a line of its own before the functional merge that reads ``y``."""
        value = functional.call.args[0].value if functional.call.args else None
        if not isinstance(value, (cst.List, cst.Tuple)) or input_index >= len(value.elements):
            return None
        arg = self.index.code(site.file, value.elements[input_index].value)
        if not re.fullmatch(r"\w+", arg):
            return None
        stmt = f"{arg} = {text}({arg})"
        return Code(stmt, site.file, functional.start, self._insert_stmt(site.file, functional.start, stmt))
    def _append(self, edit: AppendLayer) -> Code:
        """The new layer on the line after the model's last layer, in that line's form: ``model.add(X)``,
        ``out = X(out)`` after ``out = layers.Dense(...)(x)``, or the next item of a ``Sequential([...])``."""
        target = self.graph.node(edit.after)
        spec = self.graph.spec(target)
        site = spec.created if spec and spec.created else target.called
        info = self.index.layer_call(site, (spec.cls,)) if spec else None
        text = self._layers_prefix(site, info) + call_repr(edit.cls, edit.args, edit.kwargs)
        if site is None or info is None:
            return Code(text, None, None, [], "the model's last layer call was not found in the source")
        import linecache

        source = "".join(linecache.getlines(site.file))
        after = info.end + 1
        add = re.match(r"^(\w[\w.]*)\.add\(", site.code)
        bound = re.match(r"^\s*(\w+)\s*=", site.code)
        applied = self.index.applied_call(site, info)
        if add:
            stmt = f"{add.group(1)}.add({text})"
        elif bound and applied is not None:
            stmt = f"{bound.group(1)} = {text}({bound.group(1)})"
        elif applied is None and not bound:  # an item of a list of layers
            rest = linecache.getline(site.file, info.end)[info.end_col:]
            if rest.lstrip().startswith(","):
                col = info.end_col + rest.index(",") + 1
                return Code(f"{text},", site.file, info.end,
                            [TextEdit(site.file, info.end, col, info.end, col, f"\n{indentation(source, site.line)}{text},")])
            return Code(f"{text},", site.file, info.end, [TextEdit(site.file, info.end, info.end_col, info.end,
                                                                   info.end_col, f",\n{indentation(source, site.line)}{text}")])
        else:
            return Code(text, site.file, site.line, [], "the model's last layer is not called on a line of its own")
        return Code(stmt, site.file, after, [TextEdit.insert_line(site.file, after, indentation(source, site.line) + stmt)])

    def _input_shape_moved(self, site: Site, info: _CallInfo | None, text: str, stmt: str) -> Code | None:
        """A layer inserted before a Sequential's first layer takes over its ``input_shape=``.

        ``Sequential([Dense(128, input_shape=(28, 28)), ...])`` + Flatten is written
        ``Flatten(input_shape=(28, 28)), Dense(128)`` as an expert writes it: the shape is declared
        by the layer that now comes first (Keras reads it only there), not left on the second.
        """
        if info is None or not stmt.endswith((f"{text},", f"{text})")) or text not in stmt:
            return None
        shape_args = [a for a in info.call.args if a.keyword is not None
                      and a.keyword.value in ("input_shape", "batch_input_shape")]
        if len(shape_args) != 1 or not text.endswith(")"):
            return None
        moved = shape_args[0]
        declared = f"{moved.keyword.value}={self.index.code(site.file, moved.value)}"
        new_text = text[:-1] + (", " if not text.endswith("()") else "") + declared + ")"
        kept = [a for a in info.call.args if a is not moved]
        if kept and moved is info.call.args[-1]:  # the new last argument keeps the old one's trailing comma
            kept[-1] = kept[-1].with_changes(comma=moved.comma)
        old_call = self.index.code(site.file, info.call.with_changes(args=kept))
        new_stmt = stmt.replace(text, new_text, 1)
        source = "".join(__import__("linecache").getlines(site.file))
        return Code(new_stmt, site.file, info.start, [
            TextEdit.insert_line(site.file, info.start, indentation(source, info.start) + new_stmt),
            *self._replace_call(site.file, info, old_call)])

    def _inline(self, site: Site, info: _CallInfo | None, text: str, input_index: int) -> Code | None:
        """``y = layers.X(...)(inputs)`` -> ``y = layers.X(...)(layers.New(...)(inputs))``.

        Rebinding the argument (``inputs = layers.New(...)(inputs)``) is only safe when the
        line itself rebinds it (``x = layers.X(...)(x)``); otherwise the new layer is applied
        inline, so later uses of the variable (e.g. ``keras.Model(inputs, ...)``) keep their meaning.
        """
        if info is None:
            return None
        applied_info = next((c for c in self.index.calls(site.file) if c.call.func is info.call), None)
        return self._inline_at(site, applied_info, text, input_index)

    def _inline_at(self, site: Site, applied_info: _CallInfo | None, text: str, input_index: int) -> Code | None:
        if applied_info is None or not applied_info.call.args:
            return None
        applied = applied_info.call
        first = applied.args[0]
        value = first.value
        in_list = isinstance(value, (cst.List, cst.Tuple)) and input_index < len(value.elements)
        target = value.elements[input_index].value if in_list else value
        arg = self.index.code(site.file, target)
        bound = re.match(r"^\s*(\w+)\s*=", site.code)
        if re.fullmatch(r"\w+", arg) and bound and bound.group(1) == arg:
            return None
        if re.fullmatch(r"\w+", arg) and not _read_after(site.file, applied_info.end, arg):
            return None  # nothing reads the variable later: rebind it on a line of its own, as an expert writes it
        wrapped = cst.parse_expression(f"{text}({arg})")
        if in_list:
            elements = list(value.elements)
            elements[input_index] = elements[input_index].with_changes(value=wrapped)
            new_first = first.with_changes(value=value.with_changes(elements=elements))
        else:
            new_first = first.with_changes(value=wrapped)
        new_call = applied.with_changes(args=[new_first, *applied.args[1:]])
        new_text = self.index.code(site.file, new_call)
        return Code(self._as_statement(site, applied_info, new_text), site.file, applied_info.start,
                    self._replace_call(site.file, applied_info, new_text))

    def _layers_prefix(self, site: Site | None, info: _CallInfo | None) -> str:
        """How this file spells the layers module: ``layers.``, ``keras.layers.``, ``L.``, or bare.

        The spelling of the neighbouring layer call wins, then any layer call of the file;
        a file that writes no layer through a module gets ``layers.`` (``from keras import
        layers`` is added to it by :mod:`shapedoctor.patch.imports`), or ``keras.layers.`` /
        ``tf.keras.layers.`` when it already imports ``keras`` / ``tensorflow as tf``.
        """
        if info is not None and (info.prefix == "" or self._is_layers_module(site.file, info.prefix)):
            return info.prefix
        if site is None:
            return "layers."
        for call in self.index.calls(site.file):
            if call.prefix and self._is_layers_module(site.file, call.prefix) and _is_layer_name(terminal_name(call.call.func)):
                return call.prefix
        from shapedoctor.patch.imports import bound_names

        bound = bound_names("".join(__import__("linecache").getlines(site.file)))
        if "layers" in bound or "keras" not in bound and "tf" not in bound:
            return "layers."
        return "keras.layers." if "keras" in bound else "tf.keras.layers."

    def _is_layers_module(self, file: str, prefix: str) -> bool:
        """``layers.``, ``keras.layers.``, ``tf.keras.layers.``, or an alias bound to a layers module."""
        if prefix.endswith("layers."):
            return True
        from shapedoctor.patch.imports import layer_module_aliases

        return prefix[:-1] in layer_module_aliases("".join(__import__("linecache").getlines(file)))

    def _replace(self, edit: ReplaceLayer) -> Code:
        node = self.graph.node(edit.node)
        spec = self.graph.spec(node)
        from shapedoctor.diagnosis.culprit import stored_in_variable

        reused = bool(spec and node.called and spec.created and node.called.line != spec.created.line
                      and stored_in_variable(spec.created))
        site = node.called if reused else (spec.created if spec else None)
        info = self.index.layer_call(spec.created, (spec.cls,)) if spec else None
        prefix = self._layers_prefix(spec.created if spec else None, info)
        text = prefix + call_repr(edit.cls, edit.args, edit.kwargs)
        if edit.copy_of_original and info is not None:
            text = self.index.code(spec.created.file, info.call)  # the user's own constructor call
        if edit.renamed and info is not None:
            # The user's own call, the class name changed (`layers.Conv2D(64, 3)` -> `layers.Conv1D(64, 3)`).
            text = self.index.code(spec.created.file, info.call)
            callee = self.index.code(spec.created.file, info.call.func)
            if not callee.endswith(spec.cls):
                return Code(f"# use {edit.cls} instead of {spec.cls}", None, None)
            text = callee[: len(callee) - len(spec.cls)] + edit.cls + text[len(callee):]
        if edit.wrap:
            if info is None:
                return Code(f"# wrap {spec.cls if spec else 'the layer'} in {edit.cls}", None, None)
            # The user's own constructor call, inside the wrapper: `layers.TimeDistributed(layers.Conv2D(32, 3))`.
            text = prefix + edit.cls + "(" + self.index.code(spec.created.file, info.call) + ")"
        if edit.unwrap:
            if info is None or not info.call.args:
                return Code(f"# call the layer inside {spec.cls if spec else 'the wrapper'} on its own", None, None)
            text = self.index.code(spec.created.file, info.call.args[0])  # the user's own inner layer call
        if edit.copy_of_original and spec is not None and node.called and spec.created \
                and node.called.line != spec.created.line:
            from shapedoctor.repair.multiplied_list import multiplied_layer_list

            shared = multiplied_layer_list(spec.created)  # `[Layer(...)] * n`: one layer per item instead
            if shared is not None:
                return Code(shared.shown, shared.file, shared.line, [shared.edit])
        if info is not None and site is spec.created:
            return Code(self._as_statement(site, info, text), site.file, info.start,
                        self._replace_call(site.file, info, text))
        if reused and edit.copy_of_original:
            from shapedoctor.repair.attribute_reuse import separate_attribute

            own = separate_attribute(spec.created, site)  # `self.x(...)` in a class: a new attribute
            if own is not None:
                return Code(own.code, site.file, site.line, own.edits)
        if site is not None and spec is not None:
            # A reused layer: replace the variable at the call site with a new layer.
            line = site.code
            var = _callee_variable(line)
            if var:
                import linecache

                raw = linecache.getline(site.file, site.line)
                col = raw.find(var + "(")
                edits = [TextEdit(site.file, site.line, col, site.line, col + len(var), text)] if col >= 0 else []
                return Code(line.replace(var + "(", text + "(", 1), site.file, site.line, edits)
        return Code(text, site.file if site else None, site.line if site else None)

    def _remove(self, edit: RemoveNode) -> Code:
        node = self.graph.node(edit.node)
        spec = self.graph.spec(node)
        site = spec.created if spec else node.called
        if site is None:
            return Code(f"# remove {spec.cls if spec else node.label}", None, None)
        info = self.index.layer_call(site, (spec.cls,)) if spec else None
        edits = []
        if info is not None and info.start == info.end and _only_call_on_line(site.code, self.index.code(site.file, info.call)):
            edits = [TextEdit.delete_line(site.file, site.line)]
        rebound = _rebound_reader(site.file, site.line) if not edits and info is not None and info.start == info.end \
            else None
        if rebound is not None:  # `x = Embedding(...)(tokens)` read once as `(x)`: it reads `tokens`
            reader, given = rebound
            edits = [TextEdit.delete_line(site.file, site.line), TextEdit.replacing(site.file, reader, given)]
            return Code(f"# delete this line: {site.code}\n{edits[1].shown()}", site.file, site.line, edits)
        return Code(f"# delete this line: {site.code}", site.file, site.line, edits)

    def _set_shape(self, edit: SetShape) -> Code:
        node = self.graph.node(edit.node)
        if node.kind == "input":
            spec = self.graph.layers[node.layer]
            site = spec.created
            info = self.index.layer_call(site, ("Input", "InputLayer"))
            build = self.index.layer_call(site, ("build",))
            if info is None and build is not None:
                new = call_with_changes(build.call, "__build__", {"input_shape": (None,) + tuple(edit.shape[1:])})
                new_text = self.index.code(site.file, new)
                return Code(self._as_statement(site, build, new_text), site.file, build.start,
                            self._replace_call(site.file, build, new_text))
            if info is not None:
                new = _with_shape(info.call, "InputLayer", tuple(edit.shape[1:]), edit.written_as,
                                  self._speller(site.file, info.start))
                new_text = self.index.code(site.file, new)
                return Code(self._as_statement(site, info, new_text), site.file, info.start,
                            self._replace_call(site.file, info, new_text))
            # The InputLayer came from `input_shape=` on the first layer.
            for cons in self.graph.consumers(node.outputs[0]):
                cspec = self.graph.spec(cons)
                cinfo = self.index.layer_call(cspec.created, (cspec.cls,)) if cspec else None
                if cinfo is not None:
                    new = _with_shape(cinfo.call, cspec.cls, tuple(edit.shape[1:]), edit.written_as,
                                      self._speller(cspec.created.file, cinfo.start))
                    new_text = self.index.code(cspec.created.file, new)
                    return Code(self._as_statement(cspec.created, cinfo, new_text), cspec.created.file, cinfo.start,
                                self._replace_call(cspec.created.file, cinfo, new_text))
            return Code(f"keras.Input(shape={format_shape(tuple(edit.shape[1:]))})", site.file if site else None,
                        site.line if site else None)
        return self._data(node.called, edit.how or f"{{x}}.reshape({_py(tuple(edit.shape))})")

    # -- style ---------------------------------------------------------------------------
    def _as_statement(self, site: Site, info: _CallInfo, new_call: str) -> str:
        """The user's line with the layer call replaced (single-line calls), else the call."""
        old = self.index.code(site.file, info.call)
        if info.start == info.end and old in site.code:
            return _strip_comment(site.code.replace(old, new_call, 1))
        return new_call

    def _statement_for_new(self, site: Site, info: _CallInfo | None, text: str, input_index: int = 0) -> str:
        line = site.code
        add = re.match(r"^(\w[\w.]*)\.add\(", line)
        if add:
            return f"{add.group(1)}.add({text})"
        if info is not None:
            applied = self.index.applied_call(site, info)
            if applied is not None and applied.args:
                value = applied.args[0].value
                if isinstance(value, (cst.List, cst.Tuple)) and input_index < len(value.elements):
                    value = value.elements[input_index].value
                arg = self.index.code(site.file, value)
                if re.fullmatch(r"\w+", arg):
                    return f"{arg} = {text}({arg})"
                return f"{text}({arg})"
        return f"{text},"


# Merge layers and the function that builds and applies one in a single call.
_FUNCTIONAL_MERGES = {"Add": "add", "Subtract": "subtract", "Multiply": "multiply", "Average": "average",
                      "Maximum": "maximum", "Minimum": "minimum", "Concatenate": "concatenate", "Dot": "dot"}


def _literal_size(call: cst.Call) -> int | None:
    """The int literal a layer call gives as its first positional argument or ``units=``/``filters=``."""
    arg = next((a for a in call.args if a.keyword is not None and a.keyword.value in ("units", "filters")), None) \
        or next((a for a in call.args if a.keyword is None), None)
    value = arg.value if arg is not None else None
    return int(value.value) if isinstance(value, cst.Integer) else None


def _list_item(file: str, line: int, col: int) -> bool:
    """The expression starting at *line*, *col* of *file* is an item of a list or tuple written out (a
    ``Sequential([...])`` list), where another layer can be inserted beside it."""
    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return False
    return any(isinstance(n, (ast.List, ast.Tuple)) and any(e.lineno == line and e.col_offset == col for e in n.elts)
               for n in ast.walk(tree))


def _rebound_reader(file: str, line: int) -> tuple[ast.Name, str] | None:
    """For ``name = Layer(...)(arg)`` on *line* (``name`` another plain name than ``arg``, not in a loop): the one
    read of ``name`` after it, before anything binds it again, with ``arg``'s text; None when deleting the line
    needs no reader changed (``x = Layer(...)(x)``) or the readers are not exactly one."""
    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return None
    stmts = [n for n in ast.walk(tree) if isinstance(n, ast.Assign) and n.lineno == line == n.end_lineno
             and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)]
    if len(stmts) != 1:
        return None
    value = stmts[0].value
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Call) and len(value.args) == 1
            and isinstance(value.args[0], ast.Name)):
        return None
    name, given = stmts[0].targets[0].id, value.args[0].id
    if name == given or any(isinstance(n, (ast.For, ast.While)) and n.lineno <= line <= (n.end_lineno or 0)
                            for n in ast.walk(tree)):
        return None
    later = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == name and n.lineno > line),
                   key=lambda n: (n.lineno, n.col_offset))
    reads = []
    for n in later:
        if isinstance(n.ctx, ast.Store):
            break
        reads.append(n)
    return (reads[0], given) if len(reads) == 1 else None


def _read_after(file: str, line: int, name: str) -> bool:
    """Whether *name* is read anywhere in *file* after *line*, or *line* sits in a loop (the next
    iteration reads it again); unparsable source: assume it is."""

    try:
        tree = source_tree(file)
    except (SyntaxError, ValueError):
        return True
    if any(isinstance(n, (ast.For, ast.While, ast.AsyncFor)) and n.lineno <= line <= (n.end_lineno or 0)
           for n in ast.walk(tree)):
        return True
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load) and n.lineno > line
               for n in ast.walk(tree))


def _helper_callers(site: Site) -> list[int]:
    """Lines calling the function (not a method Keras calls, like ``call``) that holds *site*."""

    try:
        tree = source_tree(site.file)
    except (SyntaxError, ValueError):
        return []
    funcs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
             and n.lineno <= site.line <= (n.end_lineno or 0)]
    if not funcs:
        return []
    name = max(funcs, key=lambda n: n.lineno).name
    return sorted({n.lineno for n in ast.walk(tree) if isinstance(n, ast.Call) and (
        (isinstance(n.func, ast.Name) and n.func.id == name)
        or (isinstance(n.func, ast.Attribute) and n.func.attr == name))})


_MODEL_MAKERS = frozenset({"Sequential", "Model", "Functional"})


def _builds_whole_model(site: Site) -> bool:
    """The function holding *site* makes a whole model and returns it (a ``model_builder(units, lr)``
    called once per hyperparameter choice): every call builds the same layers, so a layer inserted
    there is one edit for every model it makes, not a change leaking into other uses of a block."""

    try:
        tree = source_tree(site.file)
    except (SyntaxError, ValueError):
        return False
    funcs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
             and n.lineno <= site.line <= (n.end_lineno or 0)]
    if not funcs:
        return False
    func = max(funcs, key=lambda n: n.lineno)
    made = {t.id for n in ast.walk(func) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
            and called_name(n.value.func) in _MODEL_MAKERS for t in n.targets if isinstance(t, ast.Name)}
    returns = [n.value for n in ast.walk(func) if isinstance(n, ast.Return) and n.value is not None]
    return bool(returns) and all(isinstance(r, ast.Name) and r.id in made
                                 or isinstance(r, ast.Call) and called_name(r.func) in _MODEL_MAKERS for r in returns)


def _first_pass_failed(spec) -> bool:
    """The helper holding *spec*'s creation ran only once, and failed there: the recording made one layer
    of that class at that line. No call of the helper worked without the fix, so the fix belongs in the
    helper, for every call; the calls that never ran are checked by the patched script (``--write``)."""
    from shapedoctor.trace import recorder as rec

    if spec.created is None or rec.CURRENT is None:
        return False
    here = (spec.created.file, spec.created.line)
    made = [layer for layer in rec.CURRENT.created_layers() if type(layer).__name__ == spec.cls
            and (site := rec.CURRENT.creation_site(layer)) is not None and (site.file, site.line) == here]
    return len(made) == 1


def _given_by_name(call: cst.Call, cls: str, changes: dict) -> list[str]:
    """The keys of *changes* that *call* passes as something other than a literal."""
    params = positional_params(cls)
    positional = [a for a in call.args if a.keyword is None and not a.star]
    out = []
    for key in changes:
        arg = next((a for a in call.args if a.keyword is not None and a.keyword.value == key), None)
        if arg is None and key in params and params.index(key) < len(positional):
            arg = positional[params.index(key)]
        if arg is not None:
            try:
                ast.literal_eval(cst.Module([]).code_for_node(arg.value))
            except (ValueError, SyntaxError):
                out.append(key)
    return out


def _construct(site: Site, callers: list[int] | None = None) -> str:
    """The innermost loop, comprehension or function around *site*: why its line runs several times."""
    import linecache

    try:
        tree = source_tree(site.file)
    except (SyntaxError, ValueError):
        return f"line {site.line}"
    kinds = (ast.For, ast.AsyncFor, ast.While, ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp,
             ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    around = [n for n in ast.walk(tree) if isinstance(n, kinds) and n.lineno <= site.line <= (n.end_lineno or 0)]
    if not around:
        return "code that runs more than once"
    inner = max(around, key=lambda n: (n.lineno, getattr(n, "col_offset", 0)))
    if isinstance(inner, (ast.For, ast.AsyncFor)):
        header = linecache.getline(site.file, inner.lineno).strip()
        return f"the loop `{header}` (line {inner.lineno})"
    if isinstance(inner, ast.While):
        return f"the `while` loop at line {inner.lineno}"
    if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
        called = f"called at lines {', '.join(map(str, callers))}" if callers else "which is called more than once"
        return f"the function `{inner.name}` (line {inner.lineno}), {called}"
    if isinstance(inner, ast.Lambda):
        return f"the lambda at line {inner.lineno}"
    kind = {ast.ListComp: "list", ast.SetComp: "set", ast.GeneratorExp: "generator", ast.DictComp: "dict"}[type(inner)]
    return f"the {kind} comprehension at line {inner.lineno}"


def _scoped_inside(site: Site, name: str) -> bool:
    """Whether *name* is bound by a comprehension or lambda around *site* (no statement can rebind it)."""

    try:
        tree = source_tree(site.file)
    except (SyntaxError, ValueError):
        return False
    for node in ast.walk(tree):
        if not (getattr(node, "lineno", 0) <= site.line <= (getattr(node, "end_lineno", 0) or 0)):
            continue
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            targets = [t for g in node.generators for t in ast.walk(g.target)]
        elif isinstance(node, ast.Lambda):
            targets = [ast.Name(a.arg) for a in node.args.args + node.args.kwonlyargs]
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return True
    return False


def _is_layer_name(name: str) -> bool:
    from shapedoctor.patch.imports import is_layer_class

    return is_layer_class(name)


def _scalars_as_written(call: cst.Call, cls: str, changes: dict) -> dict:
    """*changes* with a uniform window (``strides=(4, 4)``, ``kernel_size=(5, 5)``) written as one number
    where the user wrote that argument as one number (``strides=2`` becomes ``strides=4``): Keras
    stores every window as a tuple, the user's spelling is what the fix keeps."""
    params = positional_params(cls)
    out = dict(changes)
    for key, value in changes.items():
        if not isinstance(value, tuple) or not value or len(set(value)) != 1 or not isinstance(value[0], int):
            continue
        written = _written_argument(call, params, key)
        if isinstance(written, cst.Integer):
            out[key] = value[0]
    return out


def _written_argument(call: cst.Call, params: tuple[str, ...], key: str) -> cst.BaseExpression | None:
    """The argument *key* as written in *call*: by keyword, or at its place among the positional *params*."""
    return _argument_node(call, params.index(key) if key in params else len(call.args) + 1, key)


def _written_tuple(call: cst.Call, cls: str, key: str, length: int) -> cst.Tuple | cst.List | None:
    """The argument *key* of a *cls* call when it is written item by item: a tuple or list of *length* items,
    none starred."""
    node = _written_argument(call, positional_params(cls), key)
    if not isinstance(node, (cst.Tuple, cst.List)) or len(node.elements) != length \
            or any(isinstance(e, cst.StarredElement) for e in node.elements):
        return None
    return node


def _argument_node(call: cst.Call, position: int, keyword: str) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[position].value if position < len(positional) else None


_ATOMS = (cst.Name, cst.Attribute, cst.Call, cst.Subscript, cst.List, cst.Tuple, cst.Dict)


def argument_replace(site: Site, position: int, keyword: str, new: str, index: SourceIndex | None = None) -> Code | None:
    """Replace the whole argument (*position* or *keyword*) of the data call at *site* by *new*,
    e.g. one array by a list of one array per model input. None when it cannot be found."""
    index = index or SourceIndex()
    info = index.data_call(site)
    arg = _argument_node(info.call, position, keyword) if info is not None else None
    if arg is None:
        return None
    start_line, start_col, end_line, end_col = index.span(site.file, arg)
    raw = __import__("linecache").getline(site.file, start_line)
    shown = (raw[:start_col] + new + raw[end_col:]).strip() if start_line == end_line else new
    return Code(_strip_comment(shown), site.file, start_line, [TextEdit(site.file, start_line, start_col, end_line,
                                                                        end_col, new)])


def argument_edit(site: Site, position: int, keyword: str, transform: str, index: SourceIndex | None = None,
                  item: int | None = None, inline: bool = False) -> Code | None:
    """Apply *transform* to the data argument (*position* or *keyword*) of the call at *site*.

    In *transform*, ``{v}`` is the argument, ``{x}``/``{y}`` the call's x and y. A plain name
    is rebound just before the statement (``point = np.expand_dims(point, 0)``), so every later
    use sees the same data; any other expression (a literal list, a slice, a call) is wrapped
    where it is passed: ``model.predict(np.expand_dims(np.array([1, 2, 3]), 0))``. With *item*,
    the transform applies to that element of a list, tuple or dict passed there. None when
    the call or the argument cannot be found. With *inline*, a plain name is wrapped where it is passed
    too: later code reads it as it was.
    """
    index = index or SourceIndex()
    info = index.data_call(site)
    if info is None:
        return None
    arg = _argument_node(info.call, position, keyword)
    if arg is None:
        return None
    if item is not None:
        while isinstance(arg, cst.BinaryOperation) and isinstance(arg.operator, cst.Add):
            arg = arg.left  # ``[target_seq] + state``: the literal's leading elements
        if not isinstance(arg, (cst.List, cst.Tuple, cst.Dict)) or item >= len(arg.elements):
            return None
        arg = arg.elements[item].value
    file = site.file
    names = {}
    for key, pos in (("x", 0), ("y", 1)):
        node = _argument_node(info.call, pos, key)
        names[key] = index.code(file, node) if node is not None else key
    if isinstance(arg, cst.Name) and not inline and rebound_in_loop(file, info.start, arg.value):
        inline = True  # a rollout loop grows the name each pass: a rebinding line would add the axis every pass
    if isinstance(arg, cst.Name) and not inline and not _scoped_inside(site, arg.value):
        sliced = _sliced_array(site, arg.value, transform)
        if sliced is not None:  # a tf.data pipeline: the array it was sliced from takes the transform
            name, line = sliced
            stmt = f"{name} = " + tensor_spelling(transform, file, name, line).format(v=name, **names)
            source = "".join(__import__("linecache").getlines(file))
            return Code(stmt, file, line, [TextEdit.insert_line(file, line, indentation(source, line) + stmt)])
        line = index.statement_start(file, info.start)
        stmt = f"{arg.value} = " + tensor_spelling(transform, file, arg.value, line).format(v=arg.value, **names)
        source = "".join(__import__("linecache").getlines(file))
        return Code(stmt, file, line, [TextEdit.insert_line(file, line, indentation(source, line) + stmt)])
    expr = index.code(file, arg)
    if not isinstance(arg, _ATOMS) and "{v}." in transform:
        expr = f"({expr})"
    new = transform.format(v=expr, **names)
    start_line, start_col, end_line, end_col = index.span(file, arg)
    edit = TextEdit(file, start_line, start_col, end_line, end_col, new)
    raw = __import__("linecache").getline(file, start_line)
    shown = (raw[:start_col] + new + raw[end_col:]).strip() if start_line == end_line else new
    return Code(_strip_comment(shown), file, start_line, [edit])


def rebound_in_loop(file: str, line: int, name: str) -> bool:
    """*name* grows along its first axis inside the innermost ``for``/``while`` loop holding *line*: assigned
    again by joining its own value on axis 0 (``frames = np.concatenate((frames, new), axis=0)`` after
    ``model.predict(frames)``, r937; ``np.vstack``). The loop is written for the sample without its batch
    axis, so the axis belongs where the sample is passed. A name made afresh each pass (``obs =
    tf.convert_to_tensor(row)``), updated in place (``image += step``) or grown on its last axis as a batch
    (``prompt = tf.concat([prompt, new[:, None]], axis=-1)``) is not."""
    import linecache

    try:
        tree = ast.parse("".join(linecache.getlines(file)))
    except (SyntaxError, ValueError):
        return False
    loops = [n for n in ast.walk(tree) if isinstance(n, (ast.For, ast.While, ast.AsyncFor))
             and n.lineno <= line <= (n.end_lineno or n.lineno)]
    if not loops:
        return False
    loop = max(loops, key=lambda n: n.lineno)
    for node in ast.walk(loop):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets) \
                and _joins_on_first_axis(node.value, name):
            return True
    return False


def _joins_on_first_axis(value: ast.expr, name: str) -> bool:
    """*value* is ``concatenate``/``concat``/``vstack`` of a sequence holding *name*, on axis 0."""
    if not isinstance(value, ast.Call):
        return False
    func = value.func.attr if isinstance(value.func, ast.Attribute) else getattr(value.func, "id", None)
    if func not in ("concatenate", "concat", "vstack") or not value.args:
        return False
    parts = value.args[0]
    if not isinstance(parts, (ast.List, ast.Tuple)) or not any(
            isinstance(e, ast.Name) and e.id == name for e in parts.elts):
        return False
    if func == "vstack":
        return True
    axis = next((k.value for k in value.keywords if k.arg == "axis"), value.args[1] if len(value.args) > 1 else None)
    if axis is None:
        return func == "concatenate"  # NumPy's default axis is 0; tf.concat needs one
    return isinstance(axis, ast.Constant) and axis.value == 0


def _sliced_array(site: Site, var: str, transform: str) -> tuple[str, int] | None:
    """(name, line) when *var* holds a ``tf.data`` pipeline made on one line from
    ``Dataset.from_tensor_slices(name)`` (or its ``(name, labels)`` pair) by the statement that last
    assigned it: a NumPy transform of the data belongs on ``name``, written before that statement.
    Only transforms that leave the first axis alone qualify (the pipeline's batches cut that axis)."""
    from shapedoctor.repair.data_follows import made_at

    if not _keeps_first_axis(transform):
        return None
    made = made_at(site, var)
    stmt = getattr(made, "statement", None)
    if stmt is None or made.line != made.end_line or not isinstance(stmt, ast.Assign):
        return None
    slices = [c for c in ast.walk(stmt.value) if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute)
              and c.func.attr == "from_tensor_slices" and len(c.args) == 1]
    if len(slices) != 1:
        return None
    given = slices[0].args[0]
    if isinstance(given, (ast.Tuple, ast.List)) and given.elts:
        given = given.elts[0]
    return (given.id, made.line) if isinstance(given, ast.Name) else None


def _keeps_first_axis(transform: str) -> bool:
    """*transform* (``{v}`` the data) is a NumPy reshaping of the array (``expand_dims``, ``squeeze``,
    ``moveaxis``, ``repeat``, ``swapaxes``, ``transpose``, ``reshape``, ``astype``, indexing) that neither adds,
    moves nor reshapes the first axis: an axis argument of 0 (or none where one is required), a ``.T``, a
    reshape whose first size is not -1, or any other call (a dataset's ``.map`` or ``.batch``) rule it out."""
    try:
        tree = ast.parse(transform.format(v="v", x="x", y="y"), mode="eval")
    except (SyntaxError, KeyError, IndexError, ValueError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "T":
            return False
        if not isinstance(node, ast.Call):
            continue
        name = called_name(node.func)
        args = node.args[1:] if isinstance(node.func, ast.Attribute) and called_name(node.func.value) in (
            "np", "numpy", "tf", "ops") else node.args
        values = [_literal_value(a) for a in list(args) + [k.value for k in node.keywords]
                  if isinstance(a, (ast.Constant, ast.UnaryOp))]
        if _NOT_LITERAL in values:
            return False
        if name == "reshape":
            sizes = args[0].elts if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)) else args
            if not sizes or _literal_value(sizes[0]) != -1:
                return False
        elif name in ("expand_dims", "squeeze", "moveaxis", "repeat", "swapaxes"):
            if not values or 0 in values:
                return False
        elif name == "transpose":
            order = _literal_value(args[0]) if args and isinstance(args[0], (ast.Tuple, ast.List)) else None
            if not isinstance(order, (tuple, list)) or not order or order[0] != 0:
                return False
        elif name != "astype":
            return False  # a dataset's own step (.map, .batch) or anything not an array's reshaping: not moved
    return True


_NOT_LITERAL = object()


def _literal_value(node: ast.AST) -> object:
    """The value a literal expression spells (``-1``, ``(0, 2, 1)``), or ``_NOT_LITERAL`` (``-n``, a name)."""
    try:
        return ast.literal_eval(node)
    except ValueError:
        return _NOT_LITERAL


def _only_call_on_line(line: str, call: str) -> bool:
    """The line does nothing but apply the layer: a list item, ``model.add(...)``, or a functional
    ``h = Layer(...)(h)`` whose input and output are one variable (deleting it passes ``h`` on)."""
    rest = _strip_comment(line).replace(call, "", 1).strip()
    return (rest in ("", ",") or re.fullmatch(r"\w[\w.]*\.add\(\s*\)", rest) is not None
            or re.fullmatch(r"(\w+)\s*=\s*\(\s*\1\s*\)", rest) is not None)


def _strip_comment(line: str) -> str:
    if "#" not in line:
        return line
    try:
        import io
        import tokenize

        tokens = list(tokenize.generate_tokens(io.StringIO(line).readline))
        for tok in tokens:
            if tok.type == tokenize.COMMENT:
                return line[: tok.start[1]].rstrip()
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return line


def _callee_variable(line: str) -> str | None:
    match = re.search(r"=\s*(\w+)\(", line)
    return match.group(1) if match else None


def _data_variable(line: str) -> str | None:
    match = re.search(r"\.(?:predict|fit|evaluate|predict_on_batch|train_on_batch|test_on_batch)\(\s*(\w+)", line)
    if match:
        return match.group(1)
    match = re.search(r"\w\(\s*(\w+)\s*[,)]", line)
    return match.group(1) if match else None
