"""Fixes from shapes known only as text, proposed by the family modules ``run`` uses.

``shapedoctor run`` asks each family's ``fixes(ctx)`` generator for candidates on the real
graph, verifies them with Keras and shows them cheapest first. A pasted error text gives
less: the failing layer (name and class), the shape it received and what it expected, and
sometimes the data's shape. :func:`text_context` builds the smallest graph that says only
that (the producer of the input is unknown), so the same generators, with the same costs,
propose what the text supports and nothing else; :func:`family_fixes` turns the candidates
into unverified :class:`FixReport` objects in run's order. Training-time checks
(SD201 data against the declared input) use ``run``'s own data transforms the same way.

Numbers the text does not give are never made up: a value a generator would take from the
user's code (the number of time steps, a layer's width) is shown as a name (``steps``).
"""

from __future__ import annotations

import math
import re
from typing import Optional

from shapedoctor.messages import shapes as sh
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport


class Unknown:
    """A value only the user's code knows; printed as its name (``RepeatVector(steps)``)."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name

    __str__ = __repr__


class UnknownWidth(int):
    """The width (units, filters, output_dim) of a layer the text does not show: an int to the
    generators (so they propose setting it, as ``run`` does), printed as its name."""

    def __new__(cls, name: str = "units"):
        obj = super().__new__(cls, -1)
        obj.name = name
        return obj

    def __repr__(self) -> str:
        return self.name

    __str__ = __repr__


PRODUCER = "producer"  # key prefix of the unknown layers that produced the consumer's inputs


def shape_of(text: Optional[str]) -> Optional[tuple]:
    """A shape from its printed form; None when unknown or a scalar (no axis to reason about)."""
    shape = sh.parse_shape(text) if text else None
    return tuple(shape) if shape else None


def _consumer_config(facts: ErrorFacts) -> dict:
    """The consumer's config, as far as the text tells it."""
    cfg: dict = {"name": facts.layer or (facts.layer_class or "layer").lower()}
    target = tuple(facts.details.get("target_dims") or ()) or shape_of(facts.details.get("target_shape"))
    if facts.layer_class == "Reshape" and target:
        cfg["target_shape"] = target
    if facts.family == "SD106":  # the separate layer to create: its width is the user's
        if facts.layer_class == "Dense":
            cfg["units"] = UnknownWidth("units")
        elif (facts.layer_class or "").startswith("Conv"):
            cfg.update(filters=UnknownWidth("filters"), kernel_size=UnknownWidth("kernel_size"))
    window = [w for w in (facts.details.get("window") or []) if isinstance(w, int) and w > 0]
    if facts.family == "SD105":
        cfg["padding"] = "valid"  # only a valid window shrinks
        if window and facts.layer_class:
            key = "pool_size" if "Pooling" in facts.layer_class else "kernel_size"
            rank = len(shape_of(facts.received) or ()) - 2
            if rank >= 1:
                cfg[key] = tuple(window) if len(window) == rank else (max(window),) * rank
    return cfg


_NUMBERED = re.compile(r"^([a-z_]+?)_(\d{1,4})$")


def _producer_guess(facts: ErrorFacts, key: str):
    """What the text tells about the producer of the bad tensor: "data" when the call Keras
    wrapped around the error was given that very array; a recurrent layer when a second
    recurrent layer (``lstm_1``: Keras numbers a class's layers) got a rank-2 input; else None."""
    if facts.details.get("call_input"):
        return "data"
    cls = facts.layer_class or ""
    got = shape_of(facts.received)
    m = _NUMBERED.match(facts.layer or "")
    if cls in ("LSTM", "GRU", "SimpleRNN") and got is not None and len(got) == 2 and m and int(m.group(2)) >= 1:
        return cls, {"return_sequences": False, "name": f"the {cls} before {key}"}
    if cls == "TimeDistributed" and got is not None and len(got) == 2:
        # TimeDistributed wants a time axis; a vector in its place is, most often, a recurrent
        # layer that returned only its last step (return_sequences=False is its default).
        return "LSTM", {"return_sequences": False, "name": f"the LSTM/GRU before {key}, if one produces it"}
    return None


def text_context(facts: ErrorFacts, family: Optional[str] = None):
    """A :class:`~shapedoctor.diagnosis.context.Context` holding only what *facts* state."""
    from shapedoctor.diagnosis.context import Context
    from shapedoctor.graph.model import Graph, LayerSpec, Node, TensorInfo, TensorRef

    if facts.family == "SD104":
        received = [shape_of(s) for s in facts.shapes]
        received = [s for s in received if s is not None] or [None]
        if facts.details.get("per_sample"):  # Keras 3's merge message prints one sample
            received = [(None,) + s if s is not None else None for s in received]
    else:
        received = [shape_of(facts.received)]
        if facts.recognizer.endswith("keras3_layers.reshape") and received[0] is not None:
            received = [(None,) + received[0]]  # Keras 3's Reshape message prints one sample
    graph = Graph(source="text")
    cfg = _consumer_config(facts)
    key = cfg["name"]
    graph.layers[key] = LayerSpec(key=key, cls=facts.layer_class or "Layer", config=cfg)
    refs = []
    guess = _producer_guess(facts, key) if len(received) == 1 else None
    for i, shape in enumerate(received):
        # Whatever produced input i: a layer of unknown class whose width the text does not show.
        pkey = f"{PRODUCER}{i}"
        what = "the layer before" if len(received) == 1 else f"the layer producing input {i} of"
        if guess == "data":
            graph.nodes.append(Node(f"p{i}", "data", None, outputs=[f"t{i}"], label="data"))
        else:
            cls, pcfg = guess or ("?", {"units": UnknownWidth()})
            graph.layers[pkey] = LayerSpec(key=pkey, cls=cls, config={"name": f"{what} {key}", **pcfg})
            graph.nodes.append(Node(f"p{i}", "layer", pkey, outputs=[f"t{i}"]))
        graph.tensors[f"t{i}"] = TensorInfo(f"t{i}", shape, producer=f"p{i}")
        refs.append(TensorRef(f"t{i}"))
    consumer = Node("consumer", "layer", key, args=(refs if len(refs) > 1 else refs[0],), outputs=["out"])
    graph.tensors["out"] = TensorInfo("out", None, producer="consumer")
    graph.nodes.append(consumer)
    ctx = Context(graph, consumer, family or facts.family, facts.key_line, received=received)
    ctx.extra["default_steps"] = Unknown("steps")
    d = facts.details
    check = d.get("ndim_check", "exact")
    if d.get("expected_ndim"):
        need = int(d["expected_ndim"])
        if check == "min":
            ctx.expected_min_ndim = need
        elif check == "max":
            ctx.expected_max_ndim = need
        else:
            ctx.expected_ndim = need
    if d.get("expected_size") is not None:
        ctx.expected_axis = (int(d.get("axis", -1) or -1), int(d["expected_size"]))
    return ctx


def _code(edit, cls: str, layer_classes: Optional[dict] = None) -> str:
    from shapedoctor.graph.model import format_shape
    from shapedoctor.repair.edits import DataTransform, InsertLayer, RemoveNode, ReplaceLayer, SetConfig, SetShape

    if isinstance(edit, (InsertLayer, ReplaceLayer)):
        return f"layers.{edit.code},"
    if isinstance(edit, SetConfig):
        if edit.layer.startswith(PRODUCER) and set(edit.changes) == {"units"}:
            value = edit.changes["units"]
            return (f"units={value}   # on the layer that produces this input "
                    f"(filters={value} for a convolution, output_dim={value} for an Embedding)")
        if "target_shape" in edit.changes:
            return f"layers.Reshape({format_shape(edit.changes['target_shape'])}),"
        args = ", ".join(f"{k}={v!r}" for k, v in edit.changes.items())
        own = (layer_classes or {}).get(edit.layer)
        return f"layers.{own if own and own != '?' else cls}(..., {args}),"
    if isinstance(edit, SetShape):
        return f"keras.Input(shape={format_shape(tuple(edit.shape[1:]))})"
    if isinstance(edit, DataTransform):
        return f"x = {edit.how.format(x='x', v='x')}"
    if isinstance(edit, RemoveNode):
        return ""
    return ""


def _candidate_fix(cand, cls: str, layer_classes: Optional[dict] = None) -> FixReport:
    title = cand.title[:1].upper() + cand.title[1:]
    if title.startswith("Make the layer ") and ": units=" in title:
        value = title.rsplit("=", 1)[1]
        title += f" (or filters={value} / output_dim={value})"
    code = "\n".join(c for c in (_code(e, cls, layer_classes) for e in cand.edits) if c)
    shape = cand.result_shape
    return FixReport(title, code, verified=False, note=cand.note,
                     result_shape=sh.fmt(shape) if shape is not None else None)


def _plausible(cand, ctx=None) -> bool:
    """What ``run``'s verification would drop at once: a target shape with two free (-1) axes,
    or a crop that throws data away (the invariant ``keeps_data``, checked on the shapes the text gives)."""
    from shapedoctor.repair import invariants as inv
    from shapedoctor.repair.edits import InsertLayer

    for edit in cand.edits:
        target = getattr(edit, "changes", {}).get("target_shape")
        if isinstance(target, tuple) and target.count(-1) > 1:
            return False
        if isinstance(edit, InsertLayer) and edit.cls.startswith("Cropping") and ctx is not None and edit.args:
            index = edit.input_index or 0
            shape = ctx.received[index] if index < len(ctx.received) else None
            if shape is not None and not inv.crop_keeps_data(tuple(edit.args[0]), tuple(shape[1:-1]))[0]:
                return False
    return True


def family_fixes(facts: ErrorFacts, family: Optional[str] = None) -> list[FixReport]:
    """The family generator's candidates for what the text states, cheapest first (as ``run`` orders them)."""
    from shapedoctor.families import get

    fam = get(family or facts.family)
    if fam.fixes is None:
        return []
    ctx = text_context(facts, fam.id)
    try:
        candidates = list(fam.fixes(ctx))
    except (TypeError, ValueError, KeyError, IndexError, ZeroDivisionError):
        return []  # a shape the generator cannot use (unknown axes, odd ranks)
    candidates = [c for c in candidates if _plausible(c, ctx)]
    candidates.sort(key=lambda c: c.cost)  # stable: run's verify_all order
    classes = {key: spec.cls for key, spec in ctx.graph.layers.items()}
    return [_candidate_fix(c, ctx.consumer_cls, classes) for c in candidates]


def data_fixes(got: Optional[tuple], want: Optional[tuple], phase: Optional[str] = None) -> list[FixReport]:
    """``run``'s data transforms (SD201) for data shaped *got* where the model declared *want*.

    ``run`` verifies each on the user's data; the text keeps what it can rule out itself: a
    missing batch axis is one sample, which ``fit``/``evaluate`` (with labels) never get, and a
    reshape that makes another number of rows than the text shows pairs no sample with its own."""
    if got is None or want is None:
        return []
    from shapedoctor.diagnosis.training import data_options
    from shapedoctor.repair.generators import shape_matches

    out = []
    if phase == "fit" and tuple(got) == tuple(want[1:]) and None not in got:
        # fit batches arrays itself: one sample at a time comes from an unbatched tf.data.Dataset.
        out.append(FixReport("Batch the dataset: fit takes each element as a batch", "ds = ds.batch(batch_size)",
                             verified=False))
    for how, shape, why in data_options(got, want):
        if how.startswith("np.expand_dims({v}, 0)") and (got[0] is None or phase in ("fit", "evaluate")):
            continue  # the text shows a batch axis already, or samples with their labels
        if how.startswith("{v}.reshape((-1,") and got[0] is not None and shape[0] != got[0]:
            continue  # turns the rows shown into another number of samples (run's `samples` invariant)
        if shape_matches(shape, want):
            out.append(FixReport(f"{why[:1].upper() + why[1:]}: {how.format(v='x')}", f"x = {how.format(v='x')}",
                                 verified=False, result_shape=sh.fmt(shape) if None not in shape else None))
    if len(want) == len(got) and want[1:] and None not in got[1:]:
        inner = ", ".join(str(d) for d in got[1:]) + ("," if len(got) == 2 else "")
        out.append(FixReport(f"Or declare the input the data has: shape=({inner})", f"keras.Input(shape=({inner}))",
                             verified=False))
    return out


def flattened_width(shape: Optional[tuple]) -> Optional[int]:
    """Values per sample of *shape* (all axes after the batch axis), when all are known."""
    if not shape or len(shape) < 2 or any(d is None or d < 0 for d in shape[1:]):
        return None
    return math.prod(shape[1:])


def run_ranked_fixes(facts: ErrorFacts) -> list[FixReport]:
    """The fixes ``run`` would rank first, from what the text states: evidence first, then the family generator."""
    if facts.details.get("min_size"):
        return []  # keras.applications: its layers are not the user's to change
    if facts.family == "SD101":
        return frames_into_2d(facts) + family_fixes(facts)
    if facts.family == "SD201":
        got = shape_of(facts.received)
        want = shape_of(facts.expected)
        if want is None and got is not None and facts.details.get("expected_ndim"):
            want = (None,) * int(facts.details["expected_ndim"])
        fixes = batch_axis_declared(got, want) + flatten_data_fixes(got, want)
        return fixes + data_fixes(got, want, facts.phase)
    return family_fixes(facts)


def frames_into_2d(f: ErrorFacts) -> list[FixReport]:
    """(None, 10, 64, 64, 3) into Conv2D: a stack of frames (video, time series of images).
    One axis too many for a 2D layer is a frames axis: apply the layer per frame, or go 3D."""
    got = shape_of(f.received)
    cls = f.layer_class or ""
    if got is None or len(got) != 5 or not cls.endswith("2D") or int(f.details.get("expected_ndim") or 0) != 4:
        return []
    if got[0] is None and got[1] is None:
        # (None, None, 224, 224, 3): two unknown leading axes, a batch axis declared twice.
        sample = ", ".join(str(d) for d in got[2:])
        return [
            FixReport("A second batch axis: declare one sample's shape, without the batch "
                      "(a model saved with batch_input_shape / Input(shape=(None, ...)) has it twice)",
                      f"keras.Input(shape=({sample}))", verified=False),
            FixReport("Or rebuild the model in code and load only its weights",
                      "model = build_model()   # the same layers, Input without the batch axis\n"
                      "model.load_weights(path)", verified=False),
        ]
    frames = got[1] if got[1] is not None else "frames"
    return [
        FixReport(f"Apply the layer to each of the {frames} frames: wrap it in TimeDistributed",
                  f"layers.TimeDistributed(layers.{cls}(...)),", verified=False),
        FixReport(f"Or treat the {frames} frames as a depth axis: use the 3D layer",
                  f"layers.{cls[:-2]}3D(...),", verified=False),
    ]


def flatten_data_fixes(got, want) -> list[FixReport]:
    """Data of (N, 28, 28) for a model built on 784 features: 28 x 28 = 784, flatten each sample."""
    width = flattened_width(got)
    if width is None or want is None or len(want) != 2 or want[-1] != width or len(got) < 3:
        return []
    shown = " x ".join(str(d) for d in got[1:])
    inner = ", ".join(str(d) for d in got[1:])
    return [
        FixReport(f"Flatten each sample: {shown} = {width} values", "x = x.reshape(len(x), -1)",
                  verified=False, result_shape=sh.fmt((got[0], width))),
        FixReport(f"Or let the model take the {shown} samples: Flatten() first",
                  f"keras.Input(shape=({inner})),\nlayers.Flatten(),", verified=False),
    ]


def batch_axis_declared(got, want) -> list[FixReport]:
    """Data of (None, 12) for a model declared on (None, 200, 12): one leading axis too many in
    the declaration, the size of a whole array (``input_shape=X.shape`` counts the samples)."""
    if got is None or want is None or len(want) != len(got) + 1 or len(got) < 2:
        return []
    extra = want[1]
    if not isinstance(extra, int) or extra < 2 or tuple(want[2:]) != tuple(got[1:]) or None in got[1:]:
        return []
    if tuple(got) == tuple(want[1:]):
        return []  # (28, 28, 1) for (None, 28, 28, 1): one sample without its batch axis, not this
    inner = ", ".join(str(d) for d in got[1:]) + ("," if len(got) == 2 else "")
    return [FixReport(f"Declare one sample, not the whole array: shape=X.shape[1:] = ({inner}) "
                      f"(if {extra} is the number of samples, the input was declared with input_shape=X.shape)",
                      f"keras.Input(shape=({inner}))   # or input_shape=X.shape[1:]", verified=False)]
