"""A layer of the user's own that draws noise with the input shape it saved in ``build``.

A VAE's ``SampleLayer`` (r671, BVAE-tf#5) keeps ``self.noise_shape = input_shape[0]`` in ``build`` and
draws ``keras.random.normal(shape=self.noise_shape)`` in ``call``. The shape ``build`` sees has ``None``
for the batch axis, (None, 8), and no random draw can be made of an unknown size: "Failed to convert
elements of (None, 8) to Tensor", raised while the model is built. The maintainer's fix takes the shape
from the tensor at run time: ``shape=ops.shape(mean)``.

Evidence, read: Keras names a shape holding ``None`` it could not convert, raised in a call of a layer
class of the script; that class's ``call`` draws noise (``normal``/``uniform``/...) with ``shape=self.X``
and its ``build`` sets ``self.X`` from its ``input_shape`` argument. The draw is the root cause; the fix
reads the shape of the first tensor ``call`` holds (the first name unpacked from its inputs), proven by
running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def build_shape_noise(exc: BaseException | None, finding: Any, recorder: Any) -> Any:
    """*finding* aimed at a draw shaped by ``build``'s input shape (see the module), or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _found(exc: BaseException):
    from shapedoctor.diagnosis.fixed_batch_noise import DRAWS, first_tensor
    from shapedoctor.diagnosis.reaim import user_files
    from shapedoctor.messages import parse
    from shapedoctor.trace.sites import called_name, imported_names, source_tree

    facts = parse(str(exc))
    if facts is None or "none_shape" not in (facts.details or {}):
        return None
    hits = []
    for path in user_files(exc):
        tree = source_tree(path)
        imported = imported_names(tree)
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == facts.layer_class):
            methods = {m.name: m for m in cls.body if isinstance(m, ast.FunctionDef)}
            build, call = methods.get("build"), methods.get("call")
            if build is None or call is None or len(build.args.args) < 2:
                continue
            saved = {t.attr for s in ast.walk(build) if isinstance(s, ast.Assign)
                     for t in s.targets if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name)
                     and t.value.id == "self"
                     and any(isinstance(n, ast.Name) and n.id == build.args.args[1].arg for n in ast.walk(s.value))}
            for draw in (n for n in ast.walk(call) if isinstance(n, ast.Call) and called_name(n.func) in DRAWS):
                shape = next((k.value for k in draw.keywords if k.arg == "shape"), None) or (
                    draw.args[0] if draw.args else None)
                if isinstance(shape, ast.Attribute) and isinstance(shape.value, ast.Name) \
                        and shape.value.id == "self" and shape.attr in saved:
                    hits.append((path, cls, call, shape, imported))
    if len(hits) != 1:
        return None
    path, cls, call, shape, imported = hits[0]
    tensor = first_tensor(call)
    spelling = "ops.shape" if "ops" in imported else "keras.ops.shape" if "keras" in imported else \
        "tf.shape" if "tf" in imported else None
    if tensor is None or spelling is None or not linecache.getline(path, shape.lineno).isascii():
        return None
    return path, cls, shape, f"{spelling}({tensor})"


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    path, cls, shape, spelled = found
    edit = TextEdit.replacing(path, shape, spelled)
    text = linecache.getline(path, shape.lineno)
    fix = script_checked_fix(f"draw the noise with the shape of the tensor it goes with: {spelled}", edit.shown(),
                             display_path(path), shape.lineno, [edit], cost=1)
    finding.clear_culprit_marks()
    finding.culprit = Place("layer", cls.name, cls.name, display_path(path), shape.lineno, text.strip())
    finding.message = (f"`{cls.name}` draws its noise with the shape `build` saw, {finding.received or 'with None'}: "
                       "the batch axis is not known until the layer runs")
    finding.explanation = (
        f"`build` gets the input shape with `None` for the batch axis (the number of samples is not known when "
        f"the model is made), and `{cls.name}.call` draws its noise with that saved shape, `self.{shape.attr}`. "
        "A random draw needs every size; take the shape from the tensor at run time instead, "
        f"`{spelled}`.")
    finding.fixes = [fix]
    return finding
