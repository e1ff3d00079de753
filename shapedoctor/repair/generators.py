"""Small building blocks that family modules use to propose candidates.

Each helper returns candidates only; whether they work is decided by
:mod:`shapedoctor.repair.verify`, never here.
"""

from __future__ import annotations

import math
from typing import Iterator

from shapedoctor.diagnosis.context import FLATTENERS, RECURRENT, WIDTH_KEYS, Context
from shapedoctor.graph.model import Node, format_shape
from shapedoctor.repair.candidate import Candidate
from shapedoctor.repair.edits import DataTransform, InsertLayer, RemoveNode, SetConfig, SetShape


def name(ctx: Context, node: Node | None) -> str:
    spec = ctx.graph.spec(node) if node is not None else None
    return f"{spec.name}" if spec else (node.label if node else "?")


def width_key(ctx: Context, node: Node | None) -> str | None:
    cfg = ctx.config_of(node)
    return next((k for k in WIDTH_KEYS if isinstance(cfg.get(k), int)), None)


def set_width(ctx: Context, node: Node | None, value: int, cost: int = 1) -> Iterator[Candidate]:
    """``units=value`` (or filters/output_dim) on a producing layer."""
    if node is not None and node.kind == "layer" and ctx.cls_of(node) == "Bidirectional":
        yield from _bidirectional_width(ctx, node, value, cost)
        return
    if node is not None and node.kind == "layer" and isinstance(ctx.config_of(node).get("layers"), list):
        yield from _nested_width(ctx, node, value, cost)
        return
    key = width_key(ctx, node)
    if node is not None and node.kind == "layer" and key and ctx.config_of(node)[key] != value:
        yield Candidate(
            f"make {name(ctx, node)} produce {value} values: {key}={value}",
            [SetConfig(node.layer, {key: value})],
            cost=cost,
        )


def declare_input(ctx: Context, node: Node | None, shape: tuple, cost: int = 1, why: str = "") -> Iterator[Candidate]:
    if node is not None and node.kind == "input":
        yield Candidate(
            f"declare the input as shape={format_shape(tuple(shape[1:]))}{why}",
            [SetShape(node.id, tuple(shape))],
            cost=cost,
        )


def declare_from_scope_data(ctx: Context, node: Node | None, got: tuple, need: int) -> Iterator[Candidate]:
    """The input declared as the shape of the data the script already holds, without its sample axis.

    *got* is the shape the input declares (batch axis first). Only arrays of the rank the
    consumer needs that share an axis size with the declaration count as evidence (``X`` of
    shape (100, 10, 4) for ``input_shape=(4,)``, or the whole ``X.shape`` given as the input
    shape); several such arrays must agree on one sample shape."""
    declared = tuple(got[1:])
    if node is None or node.kind != "input" or not declared:
        return
    seen: dict[tuple, list[str]] = {}
    for name, shape in ctx.extra.get("scope_data", {}).items():
        sample = tuple(shape[1:])
        if len(shape) != need or sample == declared or None in sample:
            continue
        if tuple(shape) == declared or declared[-1] == sample[-1] or set(declared) <= set(sample):
            seen.setdefault(sample, []).append(name)
    if len(seen) != 1:
        return
    sample, names = seen.popitem()
    # Written as the data's own shape (`input_shape=X_train.shape[1:]`), as experts write it.
    name = min(names, key=lambda n: (not n.lower().startswith("x"), "train" not in n.lower(), n))
    yield Candidate(f"declare the input as shape={format_shape(sample)}, the shape of one sample of `{name}`",
                    [SetShape(node.id, (None,) + sample, written_as=f"{name}.shape[1:]")], cost=1)


def data_transforms(ctx: Context, data_shape: tuple, declared: tuple) -> Iterator[Candidate]:
    """numpy one-liners that turn the data's shape into the declared input shape."""
    site = ctx.extra.get("data_site")
    options: list[tuple[str, tuple, str]] = []
    if len(data_shape) == len(declared) - 1:
        options.append(("np.expand_dims({x}, 0)", (1,) + tuple(data_shape), "add the missing batch axis (one sample)"))
        options.append(("np.expand_dims({x}, -1)", tuple(data_shape) + (1,), "add the missing last axis"))
    if len(data_shape) == 2:
        options.append(("{x}.T", (data_shape[1], data_shape[0]), "transpose: samples must come first"))
    if len(data_shape) == len(declared) + 1 and data_shape[-1] == 1:
        options.append(("np.squeeze({x}, -1)", tuple(data_shape[:-1]), "drop the extra axis of size 1"))
    total = math.prod(d for d in data_shape if d is not None)
    known = [d for d in declared[1:]]
    if None not in known and known and total % math.prod(known) == 0 and len(data_shape) != len(declared):
        options.append(
            ("{x}.reshape((-1, " + ", ".join(str(d) for d in known) + "))",
             (total // math.prod(known),) + tuple(known), "reshape each sample to the declared input shape")
        )
    for how, shape, why in options:
        if shape_matches(shape, declared):
            yield Candidate(f"{why}: {how.format(x='x')}",
                            [DataTransform(how, shape, site, before=tuple(data_shape),
                                           labels=ctx.extra.get("labels_count"))], cost=1, tags=["data"])


def shape_matches(shape: tuple, declared: tuple) -> bool:
    if len(shape) != len(declared):
        return False
    return all(d is None or s == d for s, d in zip(shape[1:], declared[1:]))


def remove_flattener(ctx: Context, node: Node | None) -> Iterator[Candidate]:
    if node is not None and node.kind == "layer" and ctx.cls_of(node) in FLATTENERS:
        yield Candidate(f"remove the {ctx.cls_of(node)} that dropped the axes ({name(ctx, node)})", [RemoveNode(node.id)], cost=1)


def return_sequences(ctx: Context, node: Node | None, value: bool) -> Iterator[Candidate]:
    if node is not None and node.kind == "layer" and ctx.cls_of(node) == "TimeDistributed":
        yield from _wrapped_model_sequences(ctx, node, value)
        return
    if node is not None and node.kind == "layer" and ctx.cls_of(node) == "Bidirectional":
        import copy

        inner = copy.deepcopy(ctx.config_of(node).get("layer") or {})
        if inner.get("config", {}).get("return_sequences", False) != value:
            inner.setdefault("config", {})["return_sequences"] = value
            changes = {"layer": inner}
            backward = copy.deepcopy(ctx.config_of(node).get("backward_layer"))
            if isinstance(backward, dict) and "config" in backward:
                backward["config"]["return_sequences"] = value
                changes["backward_layer"] = backward
            what = "keep the time axis" if value else "return only the last step"
            yield Candidate(f"{what}: return_sequences={value} on the layer inside {name(ctx, node)}",
                            [SetConfig(node.layer, changes)], cost=1)
        return
    if node is not None and node.kind == "layer" and ctx.cls_of(node) in RECURRENT:
        cfg = ctx.config_of(node)
        if cfg.get("return_sequences", False) != value:
            what = "keep the time axis" if value else "return only the last step"
            yield Candidate(f"{what}: return_sequences={value} on {name(ctx, node)}",
                            [SetConfig(node.layer, {"return_sequences": value})], cost=1)


def _wrapped_model_sequences(ctx: Context, node: Node, value: bool) -> Iterator[Candidate]:
    """``TimeDistributed(encoder)`` of a model whose output layer is recurrent (a sentence encoder of a
    hierarchical text model, r1183): that layer's ``return_sequences`` decides whether each step becomes a
    vector or a sequence, so it is edited inside the wrapped model's config (written at its own line)."""
    import copy

    wrapped = copy.deepcopy(ctx.config_of(node).get("layer") or {})
    cfg = wrapped.get("config") or {}
    entries = cfg.get("layers")
    if not isinstance(entries, list) or not entries:
        return
    outputs = cfg.get("output_layers")
    if wrapped.get("class_name") == "Sequential":
        last = entries[-1]
    elif isinstance(outputs, list) and len(outputs) == 3 and isinstance(outputs[0], str):  # one output
        last = next((e for e in entries if (e.get("config") or {}).get("name") == outputs[0]), None)
    else:
        return
    if last is None:
        return
    inner_cfg = last.get("config") or {}
    if last.get("class_name") == "Bidirectional":
        target = [inner_cfg.get("layer"), inner_cfg.get("backward_layer")]
    elif last.get("class_name") in RECURRENT:
        target = [last]
    else:
        return
    target = [t for t in target if isinstance(t, dict) and isinstance(t.get("config"), dict)]
    if not target or target[0]["config"].get("return_sequences", False) == value:
        return
    for t in target:
        t["config"]["return_sequences"] = value
    what = "keep the time axis" if value else "return only the last step"
    yield Candidate(f"{what}: return_sequences={value} on {last.get('class_name')} `{inner_cfg.get('name')}`, the "
                    f"output layer of the model inside {name(ctx, node)}", [SetConfig(node.layer, {"layer": wrapped})],
                    cost=1)


def insert(ctx: Context, cls: str, *args, cost: int = 2, why: str = "", note: str | None = None, input_index: int | None = None, **kwargs) -> Candidate:
    from shapedoctor.repair.edits import call_repr

    idx = ctx.bad_input if input_index is None else input_index
    return Candidate(
        f"{why + ': ' if why else ''}insert {call_repr(cls, args, kwargs)} before {name(ctx, ctx.consumer)}",
        [InsertLayer(ctx.consumer.id, cls, tuple(args), dict(kwargs), idx)],
        cost=cost,
        note=note,
    )


def return_sequences_chain(ctx: Context, prod: Node | None) -> Iterator[Candidate]:
    """Stacked RNNs: every recurrent layer that feeds another one must return sequences."""
    if prod is None or ctx.cls_of(prod) not in RECURRENT:
        return
    chain = [prod, ctx.consumer] + ctx.graph.downstream_chain(ctx.consumer)
    rnns = [n for n in chain if ctx.cls_of(n) in RECURRENT]
    later_needs = {"LSTM", "GRU", "SimpleRNN", "Conv1D", "Bidirectional", "RNN"}
    fix = [n for i, n in enumerate(rnns) if any(ctx.cls_of(m) in later_needs for m in rnns[i + 1:])
           and not ctx.config_of(n).get("return_sequences")]
    if len(fix) > 1:
        yield Candidate(
            "keep the time axis for every stacked recurrent layer: return_sequences=True on "
            + ", ".join(name(ctx, n) for n in fix),
            [SetConfig(n.layer, {"return_sequences": True}) for n in fix], cost=1)


def _nested_width(ctx: Context, node: Node, value: int, cost: int) -> Iterator[Candidate]:
    """A nested ``Sequential`` (``ffn = keras.Sequential([Dense(ff_dim), Dense(embed_dim)])``) makes
    its output with its last layer that has a width (pass-through layers after it keep the width):
    that layer's ``units``/``filters`` become *value*, edited inside the nested model's config."""
    import copy

    from shapedoctor.diagnosis.context import PASS_THROUGH

    layers = copy.deepcopy(ctx.config_of(node)["layers"])
    for entry in reversed(layers):
        cls, cfg = entry.get("class_name"), entry.get("config") or {}
        if cls in PASS_THROUGH or cls == "InputLayer":
            continue
        key = next((k for k in WIDTH_KEYS if isinstance(cfg.get(k), int)), None)
        if key is None or cfg[key] == value:
            return
        cfg[key] = value
        yield Candidate(f"make {cls} `{cfg.get('name', cls)}`, the last layer of {name(ctx, node)}, produce "
                        f"{value} values: {key}={value}", [SetConfig(node.layer, {"layers": layers})], cost=cost)
        return


def _bidirectional_width(ctx: Context, node: Node, value: int, cost: int) -> Iterator[Candidate]:
    """The width of a ``Bidirectional`` is set by its wrapped layer and its ``merge_mode``: under
    "concat" (the default) both directions are joined, 2 x units; under "sum"/"ave"/"mul" it is
    units. To make it *value*: give the wrapped layer value / 2 units (concat), or combine the
    directions instead of joining them when the wrapped layer already has *value* units."""
    import copy

    cfg = ctx.config_of(node)
    inner = copy.deepcopy(cfg.get("layer") or {})
    units = inner.get("config", {}).get("units")
    mode = cfg.get("merge_mode", "concat")
    if not isinstance(units, int) or mode not in ("concat", "sum", "ave", "mul"):
        return
    per_direction = value // 2 if mode == "concat" else value
    if mode == "concat" and value % 2:
        per_direction = None
    if per_direction and per_direction != units:
        inner["config"]["units"] = per_direction
        changes = {"layer": inner}
        backward = copy.deepcopy(cfg.get("backward_layer"))
        if isinstance(backward, dict) and "config" in backward:
            backward["config"]["units"] = per_direction
            changes["backward_layer"] = backward
        joined = " (both directions are joined)" if mode == "concat" else ""
        yield Candidate(f"make {name(ctx, node)} produce {value} values{joined}: units={per_direction} on the layer "
                        "inside it", [SetConfig(node.layer, changes)], cost=cost)
    if mode == "concat" and units == value:
        yield Candidate(f"make {name(ctx, node)} produce {value} values: add the two directions instead of "
                        'joining them, merge_mode="sum"', [SetConfig(node.layer, {"merge_mode": "sum"})], cost=cost)
