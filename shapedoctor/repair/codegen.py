"""Turn a verified candidate into the code the user should write, in the user's own style.

The user's source is read with ``libcst`` so that the suggested code keeps their spelling:
``layers.Dense`` vs ``keras.layers.Dense`` vs ``Dense``, a ``Sequential([...])`` list item vs
``model.add(...)`` vs a functional ``x = layers.X(...)(x)`` line, the variable names they
used, and positional vs keyword arguments.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from shapedoctor.graph.model import Graph, format_shape
from shapedoctor.repair.candidate import Candidate
from shapedoctor.repair.edits import DataTransform, InsertLayer, RemoveNode, ReplaceLayer, SetConfig, SetShape, _py, call_repr
from shapedoctor.patch.textedit import TextEdit, indentation
from shapedoctor.trace.sites import Site


@dataclass
class Code:
    code: str
    file: str | None
    line: int | None
    edits: list = field(default_factory=list)  # TextEdits that apply the fix to the source


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
        found: list[_CallInfo] = []

        class Visitor(cst.CSTVisitor):
            def visit_Call(self, node: cst.Call) -> None:
                pos = positions[node]
                found.append(_CallInfo(node, pos.start.line, pos.end.line, _prefix(node.func),
                                       pos.start.column, pos.end.column))

        wrapper.module.visit(Visitor())
        return found

    def code(self, file: str, node: cst.CSTNode) -> str:
        return self._modules[file].code_for_node(node)

    def layer_call(self, site: Site | None, names: tuple[str, ...]) -> _CallInfo | None:
        """The call constructing a layer of one of *names* that starts on the site's line."""
        if site is None:
            return None
        best = None
        for info in self.calls(site.file):
            if info.start <= site.line <= info.end and _terminal(info.call.func) in names:
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


def _terminal(func: cst.BaseExpression) -> str:
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
def _positional_params(cls: str) -> tuple[str, ...]:
    if cls == "__compile__":
        return ("optimizer", "loss", "loss_weights", "metrics")
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


def _literal(value) -> cst.BaseExpression:
    return cst.parse_expression(_py(tuple(value) if isinstance(value, list) else value))


def _with_changes(call: cst.Call, cls: str, changes: dict) -> cst.Call:
    params = _positional_params(cls)
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


class CodeWriter:
    """Renders candidates as code at a file:line, in the style of the surrounding source."""

    def __init__(self, graph: Graph, index: SourceIndex | None = None) -> None:
        self.graph = graph
        self.index = index or SourceIndex()

    def render(self, cand: Candidate) -> Code:
        parts = [self._edit(e) for e in cand.edits]
        file = next((p.file for p in parts if p.file), None)
        line = next((p.line for p in parts if p.line), None)
        complete = all(p.edits for p in parts)
        edits = [e for p in parts for e in p.edits] if complete else []
        return Code("\n".join(p.code for p in parts), file, line, edits)

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
        if isinstance(edit, ReplaceLayer):
            return self._replace(edit)
        if isinstance(edit, RemoveNode):
            return self._remove(edit)
        if isinstance(edit, SetShape):
            return self._set_shape(edit)
        if isinstance(edit, DataTransform):
            site = edit.site
            var = _data_variable(site.code) if site else None
            var = var or "x"
            stmt = f"{var} = {edit.how.format(x=var)}"
            edits = self._insert_stmt(site.file, site.line, stmt) if site else []
            return Code(stmt, site.file if site else None, site.line if site else None, edits)
        raise TypeError(edit)

    def _set_config(self, edit: SetConfig) -> Code:
        spec = self.graph.layers[edit.layer]
        site = spec.created
        nested = edit.changes.get("layer") if spec.cls in ("Bidirectional", "TimeDistributed") else None
        if isinstance(nested, dict) and nested.get("class_name"):
            # A wrapper: edit the wrapped layer's call (e.g. the LSTM inside Bidirectional).
            inner = self.index.layer_call(site, (nested["class_name"],))
            old = self.graph.layers[edit.layer].config.get("layer", {}).get("config", {})
            diff = {k: v for k, v in nested.get("config", {}).items() if old.get(k) != v}
            if inner is not None:
                new = _with_changes(inner.call, nested["class_name"], diff)
                full = self.index.code(site.file, inner.call)
                new_text = self.index.code(site.file, new)
                text = self._as_statement(site, inner, new_text) if full in site.code else new_text
                return Code(text, site.file, inner.start, self._replace_call(site.file, inner, new_text))
        info = self.index.layer_call(site, (spec.cls,))
        if info is None:
            return Code(f"{spec.cls}(..., {', '.join(f'{k}={_py(v)}' for k, v in edit.changes.items())})",
                        site.file if site else None, site.line if site else None)
        new = _with_changes(info.call, spec.cls, edit.changes)
        new_text = self.index.code(site.file, new)
        return Code(self._as_statement(site, info, new_text), site.file, info.start,
                    self._replace_call(site.file, info, new_text))

    def _insert(self, edit: InsertLayer) -> Code:
        target = self.graph.node(edit.before)
        spec = self.graph.spec(target)
        site = spec.created if spec and spec.created else target.called
        info = self.index.layer_call(site, (spec.cls,)) if spec else None
        prefix = self._layers_prefix(site, info)
        text = prefix + call_repr(edit.cls, edit.args, edit.kwargs)
        if site is None:
            return Code(text, None, None)
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
        inline = self._inline(site, info, text, edit.input_index)
        if inline is not None:
            return inline
        stmt = self._statement_for_new(site, info, text, edit.input_index)
        line = info.start if info else site.line
        if info is not None and stmt == f"{text},":
            import linecache

            before = linecache.getline(site.file, info.start)[: info.start_col]
            if before.strip():  # other list items on the same line: insert inside the list
                return Code(stmt, site.file, line,
                            [TextEdit(site.file, info.start, info.start_col, info.start, info.start_col, f"{text}, ")])
        return Code(stmt, site.file, line, self._insert_stmt(site.file, line, stmt))

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
        """How this file spells the layers module: ``layers.``, ``keras.layers.``, or bare."""
        if info is not None and (info.prefix.endswith("layers.") or info.prefix == ""):
            return info.prefix
        if site is not None:
            for call in self.index.calls(site.file):
                if call.prefix.endswith("layers."):
                    return call.prefix
        return "layers."

    def _replace(self, edit: ReplaceLayer) -> Code:
        node = self.graph.node(edit.node)
        spec = self.graph.spec(node)
        from shapedoctor.diagnosis.culprit import stored_in_variable

        reused = bool(spec and node.called and spec.created and node.called.line != spec.created.line
                      and stored_in_variable(spec.created))
        site = node.called if reused else (spec.created if spec else None)
        info = self.index.layer_call(spec.created, (spec.cls,)) if spec else None
        prefix = info.prefix if info else "layers."
        text = prefix + call_repr(edit.cls, edit.args, edit.kwargs)
        if edit.copy_of_original and info is not None:
            text = self.index.code(spec.created.file, info.call)  # the user's own constructor call
        if info is not None and site is spec.created:
            return Code(self._as_statement(site, info, text), site.file, info.start,
                        self._replace_call(site.file, info, text))
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
        return Code(f"# delete this line: {site.code}", site.file, site.line, edits)

    def _set_shape(self, edit: SetShape) -> Code:
        node = self.graph.node(edit.node)
        if node.kind == "input":
            spec = self.graph.layers[node.layer]
            site = spec.created
            info = self.index.layer_call(site, ("Input", "InputLayer"))
            build = self.index.layer_call(site, ("build",))
            if info is None and build is not None:
                new = _with_changes(build.call, "__none__", {"input_shape": (None,) + tuple(edit.shape[1:])})
                new_text = self.index.code(site.file, new)
                return Code(self._as_statement(site, build, new_text), site.file, build.start,
                            self._replace_call(site.file, build, new_text))
            if info is not None:
                new = _with_changes(info.call, "InputLayer", {"shape": tuple(edit.shape[1:])})
                new_text = self.index.code(site.file, new)
                return Code(self._as_statement(site, info, new_text), site.file, info.start,
                            self._replace_call(site.file, info, new_text))
            # The InputLayer came from `input_shape=` on the first layer.
            for cons in self.graph.consumers(node.outputs[0]):
                cspec = self.graph.spec(cons)
                cinfo = self.index.layer_call(cspec.created, (cspec.cls,)) if cspec else None
                if cinfo is not None:
                    new = _with_changes(cinfo.call, "__none__", {"input_shape": tuple(edit.shape[1:])})
                    new_text = self.index.code(cspec.created.file, new)
                    return Code(self._as_statement(cspec.created, cinfo, new_text), cspec.created.file, cinfo.start,
                                self._replace_call(cspec.created.file, cinfo, new_text))
            return Code(f"keras.Input(shape={format_shape(tuple(edit.shape[1:]))})", site.file if site else None,
                        site.line if site else None)
        site = node.called
        var = _data_variable(site.code) if site else None
        how = edit.how.replace("{x}", var or "x")
        stmt = f"{var or 'x'} = {how}"
        return Code(stmt, site.file if site else None, site.line if site else None,
                    self._insert_stmt(site.file, site.line, stmt) if site else [])

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


def _only_call_on_line(line: str, call: str) -> bool:
    rest = _strip_comment(line).replace(call, "", 1).strip()
    return rest in ("", ",") or re.fullmatch(r"\w[\w.]*\.add\(\s*\)", rest) is not None


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
