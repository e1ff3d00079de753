"""Training-time checks: the data against the model's inputs, the labels against its outputs
under the compiled loss, sample counts, and the silent shape bugs that raise nothing.

:func:`check` runs before Keras sees a ``fit``/``evaluate``/``predict`` call (it only reads
shapes and a few samples), so even a silent problem is found. Keras is the oracle for what
the loss does with the shapes: the labels and outputs are aligned with Keras's own
``squeeze_or_expand_to_same_rank``, exactly as its losses do before computing.

Each problem carries repair candidates; :mod:`shapedoctor.diagnosis.training_fixes` verifies
them with one real training step of a *clone* of the model on a few of the user's samples.
"""

from __future__ import annotations

import ast
import linecache
import math
from typing import Any

from shapedoctor.diagnosis.training_base import (
    BINARY,
    CATEGORICAL,
    ELEMENTWISE,
    SPARSE,
    Problem,
    TrainingFix,
    all_layers,
    broadcastable,
    dict_input_keys,
    flat_items,
    in_input_order,
    input_accepts,
    is_integer_like,
    is_one_hot,
    is_shape,
    labels_by_output,
    layer_config,
    layer_inputs,
    layers_back,
    loss_aligned_shapes,
    loss_name,
    loss_shared,
    loss_text,
    losses_per_output,
    model_inputs,
    model_outputs,
    numpy_transform,
    output_keys,
    output_layer,
    previous_layer,
    same_logits,
    shapes_fit,
    to_categorical_transform,
    width_key,
)
from shapedoctor.diagnosis.training_encoding import onehot_binary_labels, onehot_to_ids_fix
from shapedoctor.graph.model import format_shape
from shapedoctor.trace.training import TrainingCall


def check(call: TrainingCall) -> list[Problem]:
    """All shape problems of one training/inference call, errors first."""
    model = call.model
    problems: list[Problem] = []
    problems += _check_inputs(call, model)
    if not problems:
        from shapedoctor.diagnosis.training_sequences import embedding_ids
        from shapedoctor.diagnosis.training_validation import unbatched_validation

        problems += embedding_ids(call, model)
        unbatched = unbatched_validation(call, model)
        if unbatched is not None:
            return problems + [unbatched]
    if call.method in ("predict", "predict_on_batch"):
        return problems
    if not problems:
        from shapedoctor.diagnosis.training_sequences import plain_labels

        listed = plain_labels(call, model)
        if listed is not None:
            return [listed]
        from shapedoctor.diagnosis.training_stateful import batch_remainder

        remainder = batch_remainder(call, model)
        if remainder is not None:
            return [remainder]
    problems += _check_counts(call)
    if not problems:
        from shapedoctor.diagnosis.training_base import predict_unbuilt_output

        if not isinstance(call.x_shapes, (list, dict)):
            predict_unbuilt_output(model, call.x_shapes)  # a Sequential without Input: built by this call
        problems += _check_labels(call, model)
    if not problems:
        from shapedoctor.diagnosis.training_weights import weights_problem

        weighted = weights_problem(call, model)  # sample_weight / class_weight for another loss shape
        problems += [weighted] if weighted is not None else []
    problems += _check_structure(model)
    return problems


# -- data vs inputs ----------------------------------------------------------------------
def _check_inputs(call: TrainingCall, model: Any) -> list[Problem]:
    from shapedoctor.diagnosis.training_sequences import object_data, plain_list, ragged
    from shapedoctor.diagnosis.training_structure import listed_inputs, missing_inputs, regrouped_element

    special = (ragged(call, model) or plain_list(call, model) or object_data(call, model)
               or missing_inputs(call, model) or listed_inputs(call, model) or regrouped_element(call, model))
    if special is not None:
        return [special]
    declared = model_inputs(model)
    data = [s for s in in_input_order(call.x_shapes, model) if s is not None]
    out = []
    order = _permutation(declared, data)
    if order is not None and isinstance(call.x_ref, (list, tuple)):
        prob = Problem("SD201", "the inputs are passed in a different order than the model declares them", "data",
                       expected=", ".join(format_shape(s) for s in declared),
                       received=", ".join(format_shape(s) for s in data))
        prob.explanation = ("A model with several inputs takes them in the order of `keras.Model(inputs=[...])`. "
                            "The arrays given have the right shapes, but in another order, so each is fed to the "
                            "wrong input.")
        new = "[" + ", ".join("{" + str(j) + "}" for j in order) + "]"
        prob.extra_where = "argument"
        keys = dict_input_keys(model)
        if keys is not None and len(keys) == len(order):
            # Built from a dict: a list is read in the order of the sorted keys, not as the dict was written
            # (keras-team/keras#20070, r1191). Passing the dict itself says which array is which input.
            prob.explanation = ("This model was built from a dict of inputs: Keras reads a list given to it in the "
                                "order of the dict's keys sorted by name, not in the order the dict was written. "
                                "The arrays have the right shapes, but each is fed to the wrong input.")
            named = "{{" + ", ".join(f'"{key}": ' + "{" + str(j) + "}" for key, j in zip(keys, order)) + "}}"
            prob.fixes.append(TrainingFix("pass the inputs as a dict keyed by the model's input names", "data",
                                          whole=True, rewrite_argument=named,
                                          apply=lambda xs, keys=keys, order=order: {k: xs[j] for k, j in
                                                                                    zip(keys, order)}))
        prob.fixes.append(TrainingFix("pass the inputs in the model's order", "data", whole=True,
                                      apply=lambda xs, order=order: [xs[j] for j in order], rewrite_argument=new))
        return [prob]
    if not declared and call.batched and call.source == "dataset":
        # A model without an Input (subclassed) learns its input shape from the data: an earlier call that
        # ran with batches of one more axis shows that this dataset yields single samples.
        earlier = _earlier_batches(call, model)
        for i, (want, got) in enumerate(zip(earlier, data)):
            if len(got) == len(want) - 1 and tuple(want[1:]) == tuple(got):
                return [_unbatched(call, (None,) + tuple(want[1:]), got, i, want[0])]
    for i, (want, got) in enumerate(zip(declared, data)):
        if input_accepts(want, got):
            continue
        if call.batched and len(got) == len(want) - 1 and input_accepts(want, (None,) + tuple(got)):
            out.append(_unbatched(call, want, got, i))
            continue
        if call.source == "dataset" and len(got) == len(want) + 1 and input_accepts(want, tuple(got[1:])):
            out.append(_batched_twice(call, want, got, i))
            continue
        if _batch_in_declaration(want, got, call):
            out.append(_declared_with_batch(call, model, want, got, i))
            continue

        prob = Problem(
            "SD201",
            f"the data has shape {format_shape(got)} but the model input was declared as {format_shape(want)}",
            "data", expected=format_shape(want), received=format_shape(got), output_index=i)
        prob.explanation = _data_text(want, got, call.method)
        prob.data_shapes = (tuple(want), tuple(got))
        _data_side_fixes(call, model, prob, want, got, i)
        from shapedoctor.diagnosis.size_choice import with_training_size_choice

        with_training_size_choice(model, prob, i)  # a declared size chosen elsewhere: edited there
        from shapedoctor.diagnosis.vocabulary_width import with_vocabulary_width

        with_vocabulary_width(model, prob, i)  # multi-hot text: the width is the adapted vocabulary's
        from shapedoctor.diagnosis.training_loader import loader_image_size

        loader_image_size(call, model, prob, want, got)  # a directory loader left at its default image size
        out.append(prob)
    every = _batch_every_input(call, declared, out)
    return [every] if every is not None else out


def _batch_every_input(call: TrainingCall, declared: list, problems: list) -> Problem | None:
    """Every input of a multi-input call is one sample without its batch axis (``predict([frame_features[0],
    frame_mask[0]])`` of arrays made with a batch axis of one, r1097): one problem whose fix gives each its batch
    axis back where the list is written: the array itself when ``[0]`` took a batch of one apart, ``v[k:k + 1]``
    for another index, ``np.expand_dims(v, 0)`` otherwise. None unless every input is such a sample."""

    import numpy as np

    from shapedoctor.diagnosis.training_fixes import argument_node, literal_items

    if len(problems) < 2 or len(problems) != len(declared) or not isinstance(call.x_ref, (list, tuple)):
        return None
    for prob in problems:
        want, got = prob.data_shapes or ((), ())
        if len(got) != len(want) - 1 or not input_accepts(want, (1,) + tuple(got)):
            return None
    arg = argument_node(call.site, 0, "x")
    items = literal_items(arg) if isinstance(arg, (ast.List, ast.Tuple)) else []
    if len(items) != len(problems):
        return None
    written = []
    for item in items:
        if isinstance(item, ast.Subscript) and isinstance(item.slice, ast.Constant) and type(item.slice.value) is int:
            base = ast.unparse(item.value)
            whole = call.names.get(base) if isinstance(item.value, ast.Name) else None
            k = item.slice.value
            one = whole is not None and tuple(getattr(whole, "shape", ()))[:1] == (1,) and k in (0, -1)
            written.append(base if one else f"{base}[{k}:{k + 1}]" if k >= 0 else f"np.expand_dims({ast.unparse(item)}, 0)")
        else:
            written.append(f"np.expand_dims({ast.unparse(item)}, 0)")
    first = problems[0]
    first.message = "every input is one sample without its batch axis"
    first.explanation += (" So is every other input of the call: each was taken out of its batch, so each needs its "
                          "batch axis back.")
    first.extra_where = "argument"
    shown = "[" + ", ".join(written) + "]"
    first.fixes.insert(0, TrainingFix("give every input its batch axis back: " + shown, "data", whole=True, cost=1,
                                      rewrite_argument=shown.replace("{", "{{").replace("}", "}}"),  # a format string
                                      apply=lambda xs: type(xs)(np.expand_dims(np.asarray(x), 0) for x in xs)))
    return first


def _data_side_fixes(call: TrainingCall, model: Any, prob: Problem, want: tuple, got: tuple, i: int) -> None:
    """The fixes for data that does not fit the declared input, and which side is to blame.

    Evidence decides: data made by ``pad_sequences`` without ``maxlen`` is padded to the declared
    length; a model that was already trained keeps its input (at ``predict``/``evaluate`` the
    data must be prepared like the training data); an input declared as the full width of the
    table that both x and y were cut from counted the label column (the declaration is wrong)."""
    from shapedoctor.diagnosis import training_evidence as ev
    from shapedoctor.repair.generators import shape_matches

    padded = ev.pad_like_training(call, want, got)
    if padded is not None:
        prob.fixes.append(padded)
    from shapedoctor.diagnosis.data_preparation import identifier_column_fix

    identifier = identifier_column_fix(call, want, got)
    if identifier is not None:  # the extra column identifies the rows: declaring it would train on it
        prob.explanation += (" The first column holds distinct integers increasing down the rows: it identifies "
                             "the rows (a saved index or an ID), it is not a feature. Drop it where x is made.")
        prob.fixes.insert(0, identifier)
        return
    from shapedoctor.diagnosis.data_preparation import column_slice_fix

    columns = column_slice_fix(call, want, got, i)
    if columns is not None:  # X[:, 3:] where the declaration counts X[:, 2:]: the cut, where x is made
        prob.fixes.insert(0, columns)
    from shapedoctor.diagnosis.data_remake import remade_data_fixes

    remade_data_fixes(call, prob, want, got)  # a fix on the line that made x, read off the data and that line
    from shapedoctor.diagnosis.training_onehot import onehot_features

    onehot_features(call, prob, want, got)
    from shapedoctor.diagnosis.data_preparation import training_categories_fix

    categories = training_categories_fix(call, want, got)
    if categories is not None:
        prob.explanation += (" The new data was encoded against its own categories, which lack some the "
                             "training data had: encode it against the training categories.")
        prob.fixes.insert(0, categories)
    _size_literal_fix(call, prob, want, got)
    _reshape_line_fix(call, prob, want, got)
    _reshape_missing_axis_fix(call, prob, want, got, i)
    _ids_for_onehot_fix(call, prob, want, got)
    _added_axis_fix(call, prob, want, got)
    _vectorizer_length_fix(call, prob, want, got)
    _resize_fix(call, model, prob, want, got)
    from shapedoctor.diagnosis.channel_layout import wrong_side

    # Same sizes, another channel order: the model's convolutions say which side is laid out wrong.
    wrong = wrong_side(model, want, got)
    if wrong == "declaration" and not (call.method != "fit" and ev.trained(model)):
        prob.culprit_kind = "layer"
        prob.layer = declaring_layer(model)
        prob.explanation += (f" The data is channels-last, {format_shape(tuple(got[1:]))}, as the model's "
                             f"convolutions read images; the declaration put the channels first. Declare "
                             f"{format_shape(tuple(got[1:]))}: moving the data's channels first instead would make "
                             "the convolutions slide over the colour axis as if it were image rows.")
        prob.fixes.insert(0, TrainingFix(f"declare the input channels-last, as the data is: "
                                         f"shape={format_shape(tuple(got[1:]))}", "model",
                                         edits=[("input", i, (None,) + tuple(got[1:]))], cost=1))
        return
    for how, shape, why in data_options(got, want):
        if how in COLOUR_TO_GRAY and call.method == "fit":
            continue  # training data: declare the channels it has rather than throw colour away
        if wrong == "data" and how == "np.moveaxis({v}, -1, 1)":
            continue
        if shape_matches(shape, want):
            written = _mapped_over_dataset(how) if call.source == "dataset" else how
            if written is None:
                continue  # a NumPy call on a tf.data dataset: nothing a script could run
            # one scan and its mask, both (64, 64): the labels take the same two axes (segmentation)
            from shapedoctor.trace.recorder import shape_of

            alike = how == "{v}[None, ..., None]" and shape_of(call.y_ref) == tuple(got)
            prob.fixes.append(TrainingFix(f"{why}: {how.format(v='x')}", "data", transform=written,
                                          apply=numpy_transform(how), cost=1, converts=how in COLOUR_TO_GRAY,
                                          labels_alike=alike))
    if call.method != "fit" and ev.trained(model):
        prob.explanation += (" The model was already trained on data of the declared shape, so the new data "
                             "must be prepared the same way; changing the model would discard its training.")
        return
    if wrong == "data":
        return  # declaring the channels-first layout would make the convolutions read colour as rows
    # An axis the declaration leaves open (a sequence length) stays open: only the sizes it fixed change.
    sample = tuple(g if w is not None else None for w, g in zip(want[1:], got[1:])) \
        if len(want) == len(got) else tuple(got[1:])
    declare = TrainingFix(f"declare the input as shape={format_shape(sample)}", "model",
                          edits=[("input", i, (None,) + sample)], cost=2,
                          note="the model is then built for the data you have")
    if _unread_unit_axis(model, want, got):
        prob.culprit_kind = "layer"
        prob.layer = declaring_layer(model)
        prob.explanation += (f" The declaration adds an axis of size 1 in front of the {format_shape(tuple(got[1:]))} "
                             "features, and no layer of the model reads that axis (they all act on the last "
                             "one): it only carries through to the output. The data is right; declare its shape.")
        declare.cost = 1
        prob.fixes.insert(0, declare)
        return
    from shapedoctor.diagnosis.swapped_declaration import swapped_names
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    declared_by = declaring_layer(model)
    swapped = swapped_names(model, declared_by, want, got,
                            assignment_line(call.site, argument_name(call.site, 0, "x")) if call.site else None)
    if swapped is not None:  # Input(shape=(n_features, n_steps)) for data laid out (n_steps, n_features)
        prob.culprit_kind = "layer"
        prob.layer = declared_by
        prob.explanation += " " + swapped + " Transposing the data instead would feed its features as time steps."
        declare.cost = 1
        prob.fixes = [f for f in prob.fixes if f.kind != "data"]
        prob.fixes.insert(0, declare)
        return
    table = ev.declared_whole_table(call, want, got)
    if table is not None:
        prob.culprit_kind = "layer"
        prob.layer = declaring_layer(model)
        prob.explanation += (f" x and y were both cut from one table of {table.shape[1]} columns, and the input "
                             f"declares all {want[1]} of them: the label column was counted as a feature. "
                             f"Declare the {got[1]} feature columns.")
        declare.cost = 1
        prob.fixes.insert(0, declare)
        return
    prob.fixes.append(declare)


def _batched_twice(call: TrainingCall, want: tuple, got: tuple, index: int) -> Problem:
    """A tf.data dataset whose elements are batches of batches: ``.batch()`` applied to a dataset that
    was already batched (``image_dataset_from_directory`` batches). The line that batched it again is
    the last one making the dataset; the fix unbatches there first."""
    from shapedoctor.diagnosis import data_origin
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    prob = Problem("SD201", f"the dataset is batched twice: its elements are {format_shape(got)}, batches of "
                   f"{format_shape((None,) + tuple(got[2:]))} batches", "data", expected=format_shape(want),
                   received=format_shape(got), output_index=index)
    prob.explanation = ("Keras takes each element of a tf.data.Dataset as one batch. These elements have one axis "
                        "more than the model's input: `.batch()` was applied to a dataset that was already "
                        "batched, so each element holds several batches. Batch once (or `.unbatch()` first).")
    site = call.site
    line = assignment_line(site, argument_name(site, 0, "x")) if site is not None else None
    batches = data_origin.batch_calls_on(site.file, line) if line else []
    batch = batches[0] if len(batches) == 1 else None
    # the one .batch on the line that made the dataset: .unbatch() before it
    edit = data_origin.unbatch_before(site.file, batch) if batch is not None \
        and linecache.getline(site.file, line).isascii() else None
    if edit is None and site is not None and site.file:
        from shapedoctor.diagnosis.unbatched_dataset import second_batch

        found = second_batch(call)  # the later .batch of the chain, in a helper the dataset is handed to
        batch = found[1][1] if found is not None else None
        edit = data_origin.unbatch_before(site.file, batch) if batch is not None else None
        if edit is not None:
            prob.data_site = (site.file, edit[0])
    # Batched again by the size it already has: the second .batch is redundant, and removing it is the fix.
    drop = data_origin.drop_batch_edit(site.file, batch) if batch is not None and edit is not None else None
    if drop is not None:
        prob.fixes.append(TrainingFix(f"remove the second `.batch`: the dataset is already batched by "
                                      f"{ast.unparse(data_origin.batch_size_of(batch))}",
                                      "data", cost=1, apply=data_origin.merge_batch_axes, line_edit=drop,
                                      unbatches=True))
    if edit is not None:
        prob.fixes.append(TrainingFix("unbatch the already batched dataset before batching it again", "data",
                                      cost=1, apply=data_origin.merge_batch_axes,
                                      line_edit=edit, unbatches=True))
    return prob


def _earlier_batches(call: TrainingCall, model: Any) -> list[tuple]:
    """The input shapes of the last earlier call on *model* that ran (batch axis first), or []."""
    from shapedoctor.trace import recorder as rec

    calls = list(getattr(rec.CURRENT, "training_calls", None) or []) if rec.CURRENT is not None else []
    for other in reversed(calls):
        if other is not call and other.model is model and other.error is None and other.x_shapes is not None:
            shapes = [s for s in in_input_order(other.x_shapes, model) if s is not None]
            if shapes and all(len(s) >= 2 for s in shapes):
                return shapes
    return []


def _unbatched(call: TrainingCall, want: tuple, got: tuple, i: int, batch: int | None = None) -> Problem:
    """A dataset (or generator) whose elements are single samples of *got* where the model takes batches
    of *want*; *batch*: the batch size the model was trained with, else 32."""
    size = batch if isinstance(batch, int) and batch > 0 else 32
    prob = Problem("SD201", f"the dataset yields single samples {format_shape(got)}, not batches",
                   "data", expected=format_shape(want), received=format_shape(got), output_index=i)
    prob.explanation = ("Keras takes each element of a tf.data.Dataset as one batch. This dataset yields "
                        f"single samples of shape {format_shape(got)}, so the model sees a batch axis that is "
                        "really the first feature axis. Batch the dataset.")
    if batch is not None:
        prob.explanation += f" The model was trained on batches of {size}."
    if call.source == "dataset":  # a tf.data.Dataset; a Python generator or PyDataset has no .batch
        _batch_in_helper(call, prob, size)
        prob.fixes.append(TrainingFix(f"batch the dataset: ds.batch({size})", "data", transform=f"{{v}}.batch({size})",
                                      apply=numpy_transform("np.expand_dims({v}, 0)"), cost=1))
    elif call.source in ("generator", "pydataset"):
        _yield_batches(call, prob)
    return prob


def _batch_in_helper(call: TrainingCall, prob: Problem, size: int) -> None:
    """The dataset was made by a helper of the user's own that never batches: its ``return`` is the
    culprit, and batching there (with its ``batch_size`` parameter) fixes every dataset it makes."""
    from shapedoctor.diagnosis import data_origin
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    if call.site is None:
        return
    line = assignment_line(call.site, argument_name(call.site, 0, "x"))
    found = data_origin.helper_batch_edit(call.site.file, line, size) if line else None
    if found is None:
        return
    prob.data_site = (call.site.file, found[0])
    prob.fixes.append(TrainingFix(f"batch the dataset where the helper makes it: {found[1][3]}", "data", cost=1,
                                  apply=numpy_transform("np.expand_dims({v}, 0)"), line_edit=found[1],
                                  batches_one=True))


def _yield_batches(call: TrainingCall, prob: Problem) -> None:
    """A Python generator yielding single samples (a PyDataset's ``__getitem__`` returning them): the
    culprit is its ``yield`` (``return``); when it yields
    elements picked from arrays (``x[i], y[i]``) the fix yields batches of one (``x[i:i + 1]``)."""
    import os

    from shapedoctor.diagnosis import data_origin

    if call.producer is None or call.site is None or \
            os.path.abspath(call.producer[0]) != os.path.abspath(call.site.file):
        return  # a generator from another module: its line is not the user's to edit here
    found = data_origin.yield_edit(call.site.file, call.producer[1])
    if found is None:
        return
    line, edit = found
    prob.data_site = (call.site.file, line)
    if call.source == "pydataset":
        prob.explanation = ("Keras takes each item a PyDataset's `__getitem__` returns as one batch. This one returns "
                            f"single samples ({prob.received}), so the model sees a batch axis that is really the "
                            "first feature axis. Return batches: slices of the arrays, not single elements.")
    else:
        prob.explanation = ("Keras takes each element a generator yields as one batch. This generator yields single "
                            f"samples ({prob.received}), so the model sees a batch axis that is really the first "
                            "feature axis. Yield batches: slices of the arrays, not single elements.")
    verb = "return" if call.source == "pydataset" else "yield"
    if edit is not None:
        prob.fixes.insert(0, TrainingFix(f"{verb} batches, not single samples: {edit[3]}", "data", cost=1,
                                         apply=numpy_transform("np.expand_dims({v}, 0)"), line_edit=edit,
                                         batches_one=True))


def _size_literal_fix(call: TrainingCall, prob: Problem, want: tuple, got: tuple) -> None:
    """Images of the declared rank and channels but other spatial sizes, made by a line that writes those
    sizes as a literal (a resize, ``target_size=``): give that literal the declared sizes."""
    from shapedoctor.diagnosis import data_origin

    if call.site is None or len(flat_items(call.x_ref)) != 1:
        return
    line = data_origin.origin_line(call, tuple(got), tuple(want))
    edit = data_origin.size_literal_edit(call.site.file, line, tuple(got), tuple(want)) if line else None
    if edit is None:
        return
    sizes = tuple(want[1:-1]) if len(want) > 3 else tuple(want[1:])  # (N, H, W): grayscale without channels
    made = tuple(got[1:-1]) if len(got) > 3 else tuple(got[1:])
    prob.explanation += (f" The images were made {format_shape(made)} on line {line}, where the "
                         f"model takes {format_shape(sizes)}: prepare them at the size the model was built for.")
    prob.fixes.insert(0, TrainingFix(f"make the images the model's size: {edit[3]}", "data", cost=1,
                                     apply=data_origin.resize_to(sizes), line_edit=edit))


def _last_own_assignment(call: TrainingCall, var: str | None) -> Any:
    """The last one-line ``var = ...`` above the call, in its scope, at or after the line that made *var* (a line
    that only reshapes or adds an axis to it counts), or None."""
    from shapedoctor.diagnosis.data_origin import enclosing_scope, last_assignment
    from shapedoctor.diagnosis.training_fixes import assignment_line
    from shapedoctor.trace.sites import source_tree

    site = call.site
    if site is None or not site.file or not var:
        return None
    try:
        stmt = last_assignment(enclosing_scope(source_tree(site.file), site.line), var, site.line)
    except (SyntaxError, ValueError):
        return None
    made = assignment_line(site, var)
    return stmt if stmt is not None and (made is None or stmt.lineno >= made) else None


def _same_values_other_sizes(got: tuple, want: tuple) -> bool:
    """Data of the declared rank whose samples hold as many values as declared, in other sizes that are not a
    reordering of the declared ones ((1, 6, 1) for (None, 3, 2): a reshape, where a permutation is a transpose)."""
    known = tuple(want[1:])
    return len(got) == len(want) and None not in known and None not in got[1:] and tuple(got[1:]) != known \
        and sorted(got[1:]) != sorted(known) and math.prod(got[1:]) == math.prod(known)


def _added_axis_fix(call: TrainingCall, prob: Problem, want: tuple, got: tuple) -> None:
    """A size-1 axis added at the wrong place (``np.expand_dims(videos, 1)``, channels first, for a model of
    ``(None, 8, 16, 16, 1)``): the line that adds it is the root cause, and the fix adds it where the model
    has it (``np.expand_dims(videos, -1)``)."""
    import ast
    import linecache

    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.trace.sites import called_name

    if call.site is None or len(flat_items(call.x_ref)) != 1 or len(got) != len(want) or None in want[1:] \
            or any(f.line_edit is not None for f in prob.fixes):
        return
    last = _last_own_assignment(call, argument_name(call.site, 0, "x"))
    if last is None:
        return
    adds = [n for n in ast.walk(last.value) if isinstance(n, ast.Call) and called_name(n.func) == "expand_dims"
            and len(n.args) >= 1]
    axis = None
    if len(adds) == 1:
        given = adds[0].args[1] if len(adds[0].args) > 1 else next((k.value for k in adds[0].keywords
                                                                     if k.arg == "axis"), None)
        axis = given if isinstance(given, ast.Constant) and type(given.value) is int else None
    if axis is None:
        return
    k = axis.value % len(got)
    if k == 0 or got[k] != 1:
        return
    rest = tuple(got[:k]) + tuple(got[k + 1:])
    moved = [j for j in range(1, len(got)) if want[j] == 1 and rest[1:] == (tuple(want[:j]) + tuple(want[j + 1:]))[1:]]
    if len(moved) != 1:
        return
    j = moved[0]
    text = linecache.getline(call.site.file, last.lineno)
    if not text.isascii():
        return
    new = "-1" if j == len(want) - 1 else str(j)
    new_line = (text[:axis.col_offset] + new + text[axis.end_col_offset:]).strip()
    prob.fixes.insert(0, TrainingFix(f"add the axis where the model has it: expand_dims(..., {new})", "data", cost=1,
                                     apply=numpy_transform(f"np.moveaxis({{v}}, {k}, {j})"),
                                     line_edit=(last.lineno, axis.col_offset, axis.end_col_offset, new, new_line)))
    prob.data_site = (call.site.file, last.lineno)
    prob.explanation += (f" Line {last.lineno} adds an axis of size 1 at position {k}; the model has it at position "
                         f"{j}{' (last: channels-last)' if new == '-1' else ''}.")


def _reshape_line_fix(call: TrainingCall, prob: Problem, want: tuple, got: tuple) -> None:
    """Data whose last line reshapes it to other sizes with as many values per sample as declared
    (``x_input = x_input.reshape((1, n_steps * n_features, 1))`` for a model of ``(None, n_steps,
    n_features)``, the univariate reshape kept for two series): that reshape, written with the declared
    sizes (spelled with the script's names for them), is the fix, and its line the root cause."""
    import ast

    from shapedoctor.diagnosis.training_fixes import argument_name

    known = tuple(want[1:])
    if call.site is None or len(flat_items(call.x_ref)) != 1 or not _same_values_other_sizes(got, want) \
            or any(f.line_edit is not None for f in prob.fixes):
        return
    var = argument_name(call.site, 0, "x")
    site = call.site
    found = _reshaping_line(call, var, own=True)
    if found is None or len(found[4]) != len(want):
        return
    last, value, text, tupled, items = found
    written = {n.id for item in items for n in ast.walk(item) if isinstance(n, ast.Name)}
    sizes = dict(call.sizes or {})

    def spelled(size: int) -> str:
        names = [n for n, v in sizes.items() if v == size]
        names.sort(key=lambda n: (n not in written, n))
        return names[0] if names else str(size)

    first = text[items[0].col_offset:items[0].end_col_offset] if items[0].end_lineno == last.lineno else None
    parts = [first or str(got[0])] + [spelled(d) for d in known]
    inner = ", ".join(parts)
    start, end = (value.args[0].col_offset, value.args[0].end_col_offset) if tupled else (
        items[0].col_offset, items[-1].end_col_offset)
    new = f"({inner})" if tupled else inner
    new_line = (text[:start] + new + text[end:]).strip()
    prob.fixes.insert(0, TrainingFix(f"reshape the data to the declared sizes where it is reshaped: {new}", "data",
                                     cost=1, apply=numpy_transform("{v}.reshape((-1, " + ", ".join(map(str, known))
                                                                   + "))"),
                                     line_edit=(last.lineno, start, end, new, new_line)))
    prob.data_site = (site.file, last.lineno)
    prob.explanation += (f" Line {last.lineno} reshapes the data to {format_shape(tuple(got[1:]))} per sample; the model "
                         f"takes the same values as {format_shape(known)}.")


def _reshaping_line(call: TrainingCall, var: str | None, own: bool):
    """(statement, reshape call, the line's text, whether the sizes are one tuple, the size nodes) when the data's
    last own line is a one-line ``.reshape(...)`` of positional sizes (with *own*, of *var* itself:
    ``x = x.reshape(...)``), else None."""
    last = _last_own_assignment(call, var)
    value = last.value if last is not None else None
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "reshape"
            and value.args and not value.keywords and value.end_lineno == last.lineno):
        return None
    if own and not (isinstance(value.func.value, ast.Name) and value.func.value.id == var):
        return None
    parts = _reshape_parts(call.site.file, value)
    return None if parts is None else (last, value, *parts)


def _reshape_parts(file: str, value: ast.Call) -> tuple | None:
    """(the line's text, whether the sizes are one tuple, the size nodes) of the one-line ``.reshape(...)`` call
    *value* of positional sizes on an ASCII line, else None."""
    import linecache

    text = linecache.getline(file, value.lineno)
    tupled = len(value.args) == 1 and isinstance(value.args[0], (ast.Tuple, ast.List))
    items = list(value.args[0].elts) if tupled else list(value.args)
    if not text.isascii() or any(isinstance(n, ast.Starred) for n in items):
        return None
    return text, tupled, items


def _inline_reshape(call: TrainingCall):
    """(the reshape call, itself, the line's text, whether the sizes are one tuple, the size nodes) when the data
    argument of the training *call* is a one-line ``.reshape(...)`` of positional sizes written in the call
    (``activation_model.predict(test_images[i].reshape(28, 28, 1))``, r1136), else None."""
    from shapedoctor.diagnosis.training_fixes import argument_node

    value = argument_node(call.site, 0, "x")
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "reshape"
            and value.args and not value.keywords and value.lineno == value.end_lineno):
        return None
    parts = _reshape_parts(call.site.file, value)
    return None if parts is None else (value, value, *parts)


def _reshape_missing_axis_fix(call: TrainingCall, prob: Problem, want: tuple, got: tuple, i: int) -> None:
    """Data one axis short of the declaration whose last line is a ``.reshape`` (``target_seq =
    array(...).reshape(1, cardinality)`` for a decoder input of ``(None, None, 21)``, r1001): that reshape with a
    size-1 axis where the model has the missing one is the fix, and its line the root cause. Only when the one
    place it can go is clear (two places that read the same, ``1, 1, n``, are one)."""

    from shapedoctor.diagnosis.training_fixes import argument_name

    site = call.site
    if site is None or len(got) != len(want) - 1 or any(f.line_edit is not None for f in prob.fixes):
        return
    several = len(flat_items(call.x_ref)) != 1
    found = _reshaping_line(call, argument_name(site, 0, "x", i if several else None), own=False)
    if found is None and not several:
        found = _inline_reshape(call)  # predict(img.reshape(28, 28, 1)): the call's own argument
    if found is None or len(found[4]) != len(got):
        return
    last, value, text, tupled, items = found
    spelled = [text[n.col_offset:n.end_col_offset] for n in items]
    places = {}
    for j in range(len(want)):
        shape = tuple(got[:j]) + (1,) + tuple(got[j:])
        if all(w is None or w == g for w, g in zip(want[1:], shape[1:])):
            places.setdefault(", ".join(spelled[:j] + ["1"] + spelled[j:]), j)
    if len(places) != 1:
        return
    (inner, j), = places.items()
    start, end = (value.args[0].col_offset, value.args[0].end_col_offset) if tupled else (
        items[0].col_offset, items[-1].end_col_offset)
    new = f"({inner})" if tupled else inner
    new_line = (text[:start] + new + text[end:]).strip()
    prob.fixes.insert(0, TrainingFix(f"reshape the data with the missing axis where it is reshaped: {new}", "data",
                                     cost=1, apply=numpy_transform(f"np.expand_dims({{v}}, {j})"),
                                     line_edit=(last.lineno, start, end, new, new_line)))
    prob.data_site = (site.file, last.lineno)
    prob.explanation += (f" Line {last.lineno} reshapes the data to {format_shape(tuple(got))}, {len(got)} axes; "
                         f"the model takes {len(want)}: the reshape leaves one out.")


def _ids_for_onehot_fix(call: TrainingCall, prob: Problem, want: tuple, got: tuple) -> None:
    """Class ids where the model takes one-hot rows (a char-RNN trained on ``keras.ops.one_hot(windows, max_id)``
    predicting on ``preprocess(texts)``, ids of shape (1, 10) for ``(None, None, 27)``, r1105): the new data
    encoded the way the script encoded its training data, written where it is made (the helper's ``return``,
    else the line that made it). Evidence: the data are whole numbers below the declared last size, one axis
    short of it, and the script one-hot encodes something to that many classes."""
    import ast
    import linecache

    import numpy as np

    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.trace.sites import called_name, source_tree

    k = want[-1] if want else None
    xs = flat_items(call.x_ref)
    if call.site is None or len(xs) != 1 or not isinstance(k, int) or k < 2 or len(got) != len(want) - 1 \
            or any(w is not None and w != g for w, g in zip(want[1:-1], got[1:])) \
            or any(f.line_edit is not None for f in prob.fixes):
        return
    try:
        x = np.asarray(xs[0])
    except Exception:  # noqa: BLE001 - not array-like
        return
    if not x.size or x.dtype.kind not in "iuf" or not np.all(np.mod(x, 1) == 0) or x.min() < 0 or x.max() >= k:
        return
    site = call.site
    tree = source_tree(site.file)
    source = "".join(linecache.getlines(site.file))
    sizes = dict(call.sizes or {})
    encoders = {(ast.get_source_segment(source, n.func), ast.get_source_segment(source, n.args[1]))
                for n in ast.walk(tree) if isinstance(n, ast.Call) and called_name(n.func) in ("one_hot", "to_categorical")
                and len(n.args) == 2 and ((isinstance(n.args[1], ast.Constant) and n.args[1].value == k)
                                          or (isinstance(n.args[1], ast.Name) and sizes.get(n.args[1].id) == k))}
    if len(encoders) != 1:
        return
    callee, depth = next(iter(encoders))
    last = _last_own_assignment(call, argument_name(site, 0, "x"))
    if last is None:
        return
    value = last.value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):  # X_new = preprocess(texts): its return
        helpers = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == value.func.id]
        returns = [r for r in ast.walk(helpers[0]) if isinstance(r, ast.Return)] if len(helpers) == 1 else []
        if len(returns) == 1 and returns[0].value is not None:
            value = returns[0].value
    if value.lineno != value.end_lineno:
        return
    text = linecache.getline(site.file, value.lineno)
    if not text.isascii():
        return
    new = f"{callee}({text[value.col_offset:value.end_col_offset]}, {depth})"
    new_line = (text[:value.col_offset] + new + text[value.end_col_offset:]).strip()
    prob.fixes.insert(0, TrainingFix(f"one-hot encode the ids as the training data was: {callee}(..., {depth})", "data",
                                     cost=1, apply=lambda v, k=k: np.eye(k, dtype="float32")[np.asarray(v).astype(int)],
                                     line_edit=(value.lineno, value.col_offset, value.end_col_offset, new, new_line)))
    prob.data_site = (site.file, value.lineno)
    prob.explanation += (f" The data holds class ids (whole numbers below {k}) where the model takes one-hot rows of "
                         f"{k}: the script encodes with `{callee}(..., {depth})`; encode these ids the same way.")


def _resize_fix(call: TrainingCall, model: Any, prob: Problem, want: tuple, got: tuple) -> None:
    """Images of the declared rank and channels but other spatial sizes, when the model cannot be
    re-declared for them (its fixed size belongs to a nested model, e.g. a pretrained backbone, or it
    was already trained): resize the images where they were made, to the model's size."""
    from shapedoctor.diagnosis import data_origin
    from shapedoctor.diagnosis import training_evidence as ev
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    if (call.site is None or call.batched or len(flat_items(call.x_ref)) != 1 or len(got) != 4 or len(want) != 4
            or got[-1] != want[-1] or None in want[1:3] or None in got[1:3] or tuple(got[1:3]) == tuple(want[1:3])
            or any(f.line_edit is not None for f in prob.fixes)):
        return
    if not (_fixed_by_nested_model(model, want) or (call.method != "fit" and ev.trained(model))):
        return
    # the array passed, or the one image a wrapper gave its batch axis (predict(np.expand_dims(photo, 0)))
    var = argument_name(call.site, 0, "x") or data_origin.wrapped_argument(call.site, 0, "x")
    line = assignment_line(call.site, var) if var else None
    sizes = tuple(want[1:3])
    from shapedoctor.repair.user_names import shape_spelling

    # written as the model's declaration writes them: (img_height, img_width), not (64, 64)
    spelled = shape_spelling(tuple(want[1:]), call.site.file, line, call.sizes) if line else None
    crop = data_origin.training_crop(call.site.file, dict(call.sizes or {}), got, want) if line else None
    cropped = data_origin.crop_after_edit(call.site.file, line, var, crop[0]) if crop is not None else None
    if cropped is not None:
        # The script crops its images to the model's size (a road half): the new images are cropped alike; a
        # resize would squash what the model learned cropped, and is not offered.
        first = crop[1]
        prob.explanation += (f" Line {crop[2]} crops the images the model was trained on to the rows `{crop[0]}`: crop "
                             "these the same way, not resized (a resize would squash what the model saw cropped).")
        prob.fixes.insert(0, TrainingFix(f"crop the images as the training images were cropped: {cropped[4]}", "data",
                                         cost=1, apply=lambda v, a=first, n=want[1]: v[:, a:a + n],
                                         line_edit=cropped))
        return
    edit = data_origin.resize_after_edit(call.site.file, line, var, sizes, spelled and spelled[:2]) if line else None
    if edit is None:
        return
    prob.explanation += (f" The model's {format_shape(sizes)} size is fixed by a part that cannot be rebuilt for "
                         f"{format_shape(tuple(got[1:3]))} images (a nested model such as a pretrained backbone, or "
                         "weights already trained): resize the images to it where they are made.")
    prob.fixes.insert(0, TrainingFix(f"resize the images to the model's size: {edit[4]}", "data", cost=1,
                                     apply=data_origin.resize_to(sizes), line_edit=edit))


def _fixed_by_nested_model(model: Any, want: tuple) -> bool:
    """A model nested in *model* (a backbone) declares the input's fixed image size itself."""
    import keras

    for layer in getattr(model, "layers", []):
        if isinstance(layer, keras.Model):
            try:
                shape = tuple(layer.inputs[0].shape)
            except (AttributeError, IndexError, TypeError, ValueError):
                continue
            if len(shape) == 4 and tuple(shape[1:]) == tuple(want[1:]):
                return True
    return False


def _vectorizer_length_fix(call: TrainingCall, prob: Problem, want: tuple, got: tuple) -> None:
    """Token ids from a TextVectorization without ``output_sequence_length`` (padded to each call's
    longest text) for an input of fixed length: give the vectorizer that length where it is made,
    unless that would cut ids some text has beyond it."""
    import numpy as np

    from shapedoctor.diagnosis import data_origin
    from shapedoctor.diagnosis.training_fixes import argument_name, assignment_line

    xs = flat_items(call.x_ref)
    if call.site is None or len(xs) != 1 or len(want) != 2 or not isinstance(want[1], int):
        return
    line = assignment_line(call.site, argument_name(call.site, 0, "x"))
    edit = data_origin.vectorizer_length_edit(call.site.file, line, tuple(want), tuple(got)) if line else None
    if edit is None:
        return
    ids = np.asarray(xs[0])
    if ids.ndim != 2 or (ids.shape[1] > want[1] and np.any(ids[:, want[1]:])):
        return
    prob.explanation += (f" The ids were made by a TextVectorization without output_sequence_length, which pads "
                         f"each call to its own longest text ({got[1]} here) while the model takes {want[1]}: "
                         f"give the vectorizer that length where it is created.")
    prob.fixes.insert(0, TrainingFix(f"fix the vectorizer's length: output_sequence_length={want[1]}", "data",
                                     cost=1, apply=data_origin.pad_or_cut_to(want[1]), line_edit=edit))


def _batch_in_declaration(want: tuple, got: tuple, call: TrainingCall) -> bool:
    """``input_shape=X.shape``: the declared sample shape is the whole data array (batch axis included),
    while the data really is a batch (it pairs with as many labels)."""
    if call.batched or len(got) < 2:
        return False
    whole = len(want) == len(got) + 1 and tuple(want[1:]) == tuple(got)  # input_shape=X.shape
    # input_shape=(X.shape[0], X.shape[1]): the leading axes of the array, sample count first
    leading = len(want) == len(got) and len(want) >= 3 and tuple(want[1:]) == tuple(got[:-1]) and got[0] != got[1]
    if not (whole or leading):
        return False
    ys = [s[0] for s in flat_items(call.y_shapes) if s]
    # Only with labels to pair with: without them (predict) one sample lacking its batch axis is likelier.
    return bool(ys) and ys[0] == got[0]


def _declared_with_batch(call: TrainingCall, model: Any, want: tuple, got: tuple, index: int) -> Problem:
    what = "the shape of the whole data array" if len(want) == len(got) + 1 else \
        f"the first axes of the data array, starting with its {got[0]} samples"
    prob = Problem("SD201", f"the model input was declared as {format_shape(tuple(want[1:]))} per sample, which is "
                   f"{what} {format_shape(got)}", "layer",
                   expected=format_shape((None,) + tuple(got[1:])), received=format_shape(want), output_index=index)
    given = (f"It was given the shape of the whole array, {format_shape(got)} (typically `X.shape`), so the "
             f"model expects batches of {got[0]}-row matrices." if len(want) == len(got) + 1 else
             f"It was given the array's first axes {format_shape(tuple(want[1:]))} (typically "
             f"`(X.shape[0], X.shape[1])`): the sample count {got[0]} became the first axis of each sample.")
    prob.explanation = (f"`input_shape`/`Input(shape=...)` describes ONE sample; Keras adds the batch axis itself. "
                        f"{given} Declare `X.shape[1:]`, i.e. {format_shape(tuple(got[1:]))}.")
    prob.layer = declaring_layer(model)
    from shapedoctor.diagnosis.data_preparation import channel_axis_declaration

    channel = channel_axis_declaration(model, got, index)
    if channel is not None:  # X.shape[1:] is one axis short of what the first layer reads
        prob.explanation += (f" The first layer reads {len(want)} axes (batch included) and the rows have "
                             f"{len(got)}: each row is a sequence of one channel, "
                             f"{format_shape(tuple(got[1:]) + (1,))}.")
        prob.fixes.append(channel)
        return prob
    prob.fixes.append(TrainingFix(f"declare one sample, not the whole array: shape=X.shape[1:] = "
                                  f"{format_shape(tuple(got[1:]))}", "model",
                                  edits=[("input", index, (None,) + tuple(got[1:]))], cost=1))
    return prob


# Layers that act on the last axis alone: an axis of size 1 before it passes through them unread.
_LAST_AXIS_ONLY = frozenset({"Dense", "Dropout", "Activation", "BatchNormalization", "LayerNormalization",
                             "GaussianNoise", "GaussianDropout", "AlphaDropout", "ReLU", "LeakyReLU", "ELU",
                             "PReLU", "Softmax"})


def _unread_unit_axis(model: Any, want: tuple, got: tuple) -> bool:
    """The declared sample is the data's with an axis of size 1 in front ((None, 1, F) for (N, F) rows),
    and every layer of the model acts on the last axis only: that axis is never read, the declaration
    invented it (a recurrent or convolutional model would read it as time steps: the data lacks it)."""
    layers = [layer for layer in getattr(model, "layers", []) or [] if type(layer).__name__ != "InputLayer"]
    return (len(want) == len(got) + 1 >= 3 and want[1] == 1 and tuple(want[2:]) == tuple(got[1:])
            and bool(layers) and all(type(layer).__name__ in _LAST_AXIS_ONLY for layer in layers))


def _stride_product(model: Any) -> int:
    """The product of the strides of the layers that shrink the map (nested models included)."""
    total = 1
    for layer in getattr(model, "layers", []) or []:
        if getattr(layer, "layers", None) is not None:
            total *= _stride_product(layer)
            continue
        if "Transpose" in type(layer).__name__:
            continue
        try:
            steps = layer.get_config().get("strides") or 1
        except Exception:  # noqa: BLE001 - a custom layer that cannot give its config: no stride known
            steps = 1
        steps = steps if isinstance(steps, (list, tuple)) else (steps,)
        total *= max((v for v in steps if isinstance(v, int)), default=1)
    return total


def _rounded_input(model: Any, prob: Problem, positions: tuple, produced: tuple) -> None:
    """An encoder-decoder whose output misses the labels' positions by a rounding: the input (the
    labels' size) is not a multiple of the model's downsampling, a strided 'same' convolution rounded
    an odd size and the decoder doubled it (150 -> 75 -> 38 -> 19 -> 38 -> 76 -> 152). The root cause
    is the input size; the fix is a size the downsampling divides (written where it is chosen, so the
    data made with it follows), never a convolution that trims the difference."""
    inputs = model_inputs(model)
    factor = _stride_product(model)
    if len(inputs) != 1 or factor < 2 or tuple(inputs[0][1:-1]) != positions or len(positions) != len(produced):
        return
    if all(p % factor == 0 for p in positions) or any(abs(p - q) >= factor for p, q in zip(positions, produced)):
        return
    up = tuple(-(-p // factor) * factor for p in positions)
    shape = (None,) + up + tuple(inputs[0][-1:])
    prob.culprit_kind = "layer"
    prob.layer = declaring_layer(model)
    prob.settled = True
    prob.explanation += (f" The model downsamples by {factor} and upsamples back; the input's "
                         f"{format_shape(positions)} is not a multiple of {factor}, so a strided layer rounded an odd "
                         f"size and the decoder doubled the rounded one: {format_shape(produced)}. Give the input (and "
                         f"the data) a size that {factor} divides, e.g. {format_shape(up)}.")
    prob.fixes = [TrainingFix(f"give the input a size the downsampling by {factor} divides: "
                              f"shape={format_shape(shape[1:])}", "model", edits=[("input", 0, shape)], cost=1)]
    from shapedoctor.diagnosis.size_choice import with_training_size_choice

    with_training_size_choice(model, prob, 0)


def declaring_layer(model: Any) -> Any:
    """The layer whose line declared the input shape: the Input, else the first layer (``input_shape=``)."""
    from shapedoctor.trace import recorder as rec

    layers = getattr(model, "layers", []) or []
    try:
        inputs = [t._keras_history.operation for t in model.inputs]
    except (AttributeError, ValueError, TypeError):
        inputs = []
    for layer in inputs:
        site = rec.CURRENT.creation_site(layer) if rec.CURRENT is not None else None
        if site is not None and "shape" in (site.code or ""):
            return layer
    return layers[0] if layers else None


def _permutation(declared: list, data: list) -> list[int] | None:
    """An order of *data* that fits *declared* when the given order does not (None otherwise)."""
    import itertools

    if len(declared) < 2 or len(declared) != len(data) or len(declared) > 6:
        return None
    if all(input_accepts(w, g) for w, g in zip(declared, data)):
        return None
    for perm in itertools.permutations(range(len(data))):
        if all(input_accepts(declared[i], data[j]) for i, j in enumerate(perm)):
            return list(perm)
    return None


def _data_text(want: tuple, got: tuple, method: str) -> str:
    text = (f"`Input(shape={format_shape(tuple(want[1:]))})` declares one sample; Keras adds the batch axis "
            f"(`None`) in front, so the data must be shaped {format_shape(want)}. The data passed to `{method}` "
            f"is {format_shape(got)}")
    if len(got) == len(want) - 1 and tuple(got) == tuple(want[1:]):
        return text + ": one sample without its batch axis."
    if len(got) == len(want) - 1:
        return text + f": it has {len(got)} axes where {len(want)} are needed (a channel, feature or time axis is missing)."
    if len(got) == 2 and len(want) == 2 and got[0] == want[1]:
        return text + ": it looks transposed (features first, samples second)."
    return text + "."


COLOUR_TO_GRAY = {"{v}.mean(axis=-1, keepdims=True)"}
_OPS_TWINS = ("transpose", "expand_dims", "moveaxis", "repeat", "squeeze")  # np.F and keras.ops.F agree


def _mapped_over_dataset(how: str) -> str | None:
    """A data transform written for an array, ``np.transpose({v}, (0, 2, 1))``, as the ``.map`` a
    batched (inputs, labels) dataset needs: ``{v}.map(lambda x, y: (keras.ops.transpose(x, (0, 2, 1)), y))``;
    None when it has no such twin (``{v}.T``, ``{v}.mean(...)``)."""
    import re

    import ast

    match = re.fullmatch(r"np\.(\w+)\(\{v\}(.*)\)", how)
    if match is None or match.group(1) not in _OPS_TWINS:
        return None
    try:
        args = ast.literal_eval(f"({match.group(2).lstrip(', ')},)") if match.group(2).strip(", ") else ()
    except (ValueError, SyntaxError):
        return None
    # A batch's first axis is its samples: a transform that moves or adds it would mix samples up.
    first = args[0] if args else None
    if (match.group(1) == "transpose" and (not isinstance(first, tuple) or first[:1] != (0,))) or (
            match.group(1) != "transpose" and any(a == 0 for a in args if isinstance(a, int) and a is not True)):
        return None
    return f"{{v}}.map(lambda x, y: (keras.ops.{match.group(1)}(x{match.group(2)}), y))"


def data_options(got: tuple, want: tuple) -> list[tuple[str, tuple, str]]:
    opts = []
    if len(got) == len(want) - 1:
        opts.append(("np.expand_dims({v}, 0)", (1,) + tuple(got), "add the missing batch axis (one sample)"))
        opts.append(("np.expand_dims({v}, -1)", tuple(got) + (1,), "add the missing last axis"))
        if len(want) == 3:
            opts.append(("np.expand_dims({v}, 1)", (got[0], 1) + tuple(got[1:]),
                         "make each row a sequence of one time step"))
    if len(got) == len(want) - 2 and want[-1] == 1 and tuple(got) == tuple(want[1:-1]):
        # one image (64, 64) for a model of (None, 64, 64, 1): the batch axis and the channel axis both missing
        opts.append(("{v}[None, ..., None]", (1,) + tuple(got) + (1,),
                     "one sample without its batch and channel axes: add both"))
    if len(got) == 2:
        opts.append(("{v}.T", (got[1], got[0]), "transpose: samples must come first"))
    if len(got) == len(want) == 3:
        # (samples, features, steps) into a layer reading (steps, features): swap the two sample axes.
        opts.append(("np.transpose({v}, (0, 2, 1))", (got[0], got[2], got[1]),
                     "the data is features-first: swap its steps and features axes"))
    if len(got) == len(want) == 4 and got[-1] == 1 and want[-1] == 3:
        # images with one channel where the model reads RGB (grayscale into an RGB backbone): repeat
        # it. Only images: repeating one feature of a sequence into several would invent features.
        opts.append(("np.repeat({v}, " + str(want[-1]) + ", axis=-1)", tuple(got[:-1]) + (want[-1],),
                     f"the data has 1 channel, the model reads {want[-1]}: repeat it"))
    if len(got) == len(want) == 4 and got[-1] == 3 and want[-1] == 1:
        # a colour image into a model trained on grayscale: average the channels (one value per pixel)
        opts.append(("{v}.mean(axis=-1, keepdims=True)", tuple(got[:-1]) + (1,),
                     "the data has 3 colour channels, the model reads 1 (grayscale): average the channels"))
    if len(got) == len(want) >= 3:
        # arrays stacked one per feature (np.array([a, b])): the samples are on the second axis
        opts.append(("np.moveaxis({v}, 0, -1)", tuple(got[1:]) + (got[0],),
                     "the arrays were stacked feature by feature: move that axis last, samples first"))
    if len(got) == len(want) >= 4:
        opts.append(("np.moveaxis({v}, 1, -1)", (got[0],) + tuple(got[2:]) + (got[1],),
                     "channels-first data into a channels-last model: move the channel axis last"))
        for j in range(2, len(got) - 2):  # frames or volumes: the channels first within each frame
            moved = tuple(got[:j]) + tuple(got[j + 1:]) + (got[j],)
            opts.append(("np.moveaxis({v}, " + str(j) + ", -1)", moved,
                         f"channels-first frames into a channels-last model: move axis {j} (the channels) last"))
        opts.append(("np.moveaxis({v}, -1, 1)", (got[0], got[-1]) + tuple(got[1:-1]),
                     "move the channel axis to where the model expects it"))
    if len(got) == len(want) + 1 and got[-1] == 1:
        opts.append(("np.squeeze({v}, -1)", tuple(got[:-1]), "drop the extra axis of size 1"))
    known = list(want[1:])
    if _same_values_other_sizes(got, want) and None not in got:
        # (1, 6, 1) for a model of (None, 3, 2): a window flattened to one feature per step, each sample's
        # values in order; not a permutation of the declared sizes (a transposed sample is not reshaped)
        opts.append(("{v}.reshape((-1, " + ", ".join(map(str, known)) + "))", (got[0],) + tuple(known),
                     "reshape each sample to the declared input"))
    if None not in known and len(got) != len(want) and None not in got:
        total = math.prod(got)
        if math.prod(known) > 0 and total % math.prod(known) == 0:  # a declared size 0 fits nothing
            opts.append(("{v}.reshape((-1, " + ", ".join(map(str, known)) + "))",
                         (total // math.prod(known),) + tuple(known), "reshape each sample to the declared input"))
    return opts


# -- counts ------------------------------------------------------------------------------
def _check_counts(call: TrainingCall) -> list[Problem]:
    if call.validation is not None:
        vx = [s[0] for s in flat_items(call.validation[0]) if s]
        vy = [s[0] for s in flat_items(call.validation[1]) if s]
        if vx and vy and len(set(vx + vy)) > 1:
            prob = Problem("SD203", f"validation_data: x_val has {vx[0]} samples but y_val has {vy[0]}", "labels",
                           expected=f"{vx[0]} samples", received=f"{vy[0]} samples")
            prob.explanation = ("validation_data=(x_val, y_val) must pair every validation input with its label: "
                                "both arrays need the same length on the first axis. The usual cause is labels taken "
                                "from another split than the inputs.")
            prob.extra_where = "validation"
            return [prob]
    if call.batched or call.y_shapes is None:
        return []
    xs = [s[0] for s in flat_items(call.x_shapes) if s and is_shape(s)]
    ys = [s[0] for s in flat_items(call.y_shapes) if s and is_shape(s)]
    if not xs or not ys or len(set(xs + ys)) == 1:
        return []
    counts = xs + ys
    common = max(set(counts), key=counts.count)
    odd = next(i for i, c in enumerate(counts) if c != common)
    swap = None
    if len(xs) == 1 and len(ys) == 1:  # one against one: the evidence in the user's scope decides
        told, swap = _odd_one(call, xs[0], flat_items(call.y_shapes)[0])
        odd = odd if told is None else told
        common = counts[1 - odd]
    elif len(ys) == 1 and len(set(xs)) == 1 and xs[0] != ys[0] and call.y_ref is not None:
        # Several inputs that agree (a siamese pair) and labels of another count: the one array of the
        # caller's with the inputs' count, shaped like the labels, is the labels that pair with them.
        from shapedoctor.diagnosis import training_evidence as ev

        swap = ev.swap_in(call, call.y_ref, xs[0], numeric=True)
    in_x = odd < len(xs)
    what = ("x" if len(xs) == 1 else f"input {odd}") if in_x else ("y" if len(ys) == 1 else f"labels {odd - len(xs)}")
    prob = Problem("SD203", f"{what} has {counts[odd]} samples but the others have {common}",
                   "data" if in_x else "labels", expected=f"{common} samples", received=f"{counts[odd]} samples",
                   output_index=odd if in_x else odd - len(xs))
    from shapedoctor.diagnosis.training_multiplied import explain_joined_rows

    # x joined from k parts on the sample axis: this outranks one of the parts passed instead of x.
    joined = len(xs) == len(ys) == 1 and (swap is None or in_x) and explain_joined_rows(call, prob, xs[0], ys[0])
    if joined:
        swap = None
    elif len(xs) == len(ys) == 1 and swap is None:  # x made k times too long where it was made
        from shapedoctor.diagnosis.training_filtered import explain_one_sided_filter, explain_one_sided_slice
        from shapedoctor.diagnosis.training_multiplied import explain_multiplied_count

        explain_multiplied_count(call, prob, xs[0], ys[0]) or explain_one_sided_filter(call, prob, xs[0], ys[0]) \
            or explain_one_sided_slice(call, prob, xs[0], ys[0])
    if len(xs) == 1 and len(ys) == 1:
        n = min(xs[0], ys[0])
        if xs[0] > ys[0]:
            prob.fixes.append(TrainingFix("drop the inputs that have no label: x[:len(y)]", "data",
                                          transform="{v}[:len({y})]", apply=lambda a, n=n: a[:n], counts_to=n, cost=2,
                                          note="right when the extra inputs are at the end (e.g. an off-by-one window)"))
    prob.explanation = ("Keras pairs the i-th input with the i-th label along the first axis, so x and y must have "
                        "the same length there. A transposed array or a selection applied to only one of them breaks "
                        "the pairing.")
    if joined:
        prob.explanation += (" Here x was joined from several arrays along the sample axis (axis 0), so their rows "
                             "were stacked as extra samples; they were meant to sit side by side, along the feature "
                             "axis.")
    if swap is not None:
        name, value = swap
        side = "labels" if not in_x else "data"
        prob.extra_where = "argument"
        prob.explanation += (f" `{name}` holds {common} samples shaped like the array passed: it is the one "
                             "that pairs with the other argument (the passed one belongs to another split).")
        prob.fixes.insert(0, TrainingFix(f"pass the array that pairs with the other argument: {name}", side,
                                         apply=lambda _v, value=value: value, replace_argument=name,
                                         swapped_in=True, cost=1))
    n = min(xs + ys)
    y_shape = flat_items(call.y_shapes)[0]
    if len(y_shape) == 2 and y_shape[1] == xs[0]:
        prob.fixes.append(TrainingFix("the labels look transposed: y.T", "labels", transform="{v}.T",
                                      apply=numpy_transform("{v}.T"), cost=1))
    prob.fixes.append(TrainingFix(f"use the same samples for both: [:{n}]", "labels", transform="{v}[:" + str(n) + "]",
                                  apply=None, cost=3, note="only right if the extra rows have no partner; "
                                  "usually the bug is a filter or split applied to x but not to y"))
    return [prob]


def _odd_one(call: TrainingCall, n_x: int, y_shape: tuple) -> tuple[int | None, Any]:
    """Which of one x and one y has the wrong sample count (0: x, 1: y; None: no evidence), and
    the user's array to pass instead when exactly one fits (name, array), else None."""
    from shapedoctor.diagnosis import training_evidence as ev

    n_y = y_shape[0]
    if call.y_ref is not None:
        swap = ev.swap_in(call, call.y_ref, n_x)
        if swap is not None:
            return 1, swap
    swap = ev.swap_in(call, call.x_ref, n_y)
    if swap is not None:
        return 0, swap
    if ev.labels_transposed(y_shape, n_x):
        return 1, None
    return None, None


# -- labels vs output vs loss ------------------------------------------------------------
def _check_labels(call: TrainingCall, model: Any) -> list[Problem]:
    outputs = _concrete_outputs(call, model, model_outputs(model))
    names = output_keys(model)
    labels, label_shapes = labels_by_output(call.y, names), labels_by_output(call.y_shapes, names)
    if not outputs or not labels:
        return []
    from shapedoctor.diagnosis.training_label_keys import wrong_label_keys

    keys = wrong_label_keys(call, model)
    if keys is not None:
        return [keys]
    from shapedoctor.diagnosis.training_structure import single_target

    single = single_target(call, model)
    if single is not None:
        return [single]
    losses = losses_per_output(call.loss, len(outputs), names)
    problems = []
    if isinstance(call.y, (list, tuple)) and len(labels) != len(outputs) and not hasattr(call.y, "shape"):
        prob = Problem("SD203", f"the model has {len(outputs)} outputs but {len(labels)} label arrays were given",
                       "labels", expected=f"{len(outputs)} label arrays", received=f"{len(labels)}")
        prob.explanation = "A multi-output model needs one label array per output, in the same order (or a dict by output name)."
        return [prob]
    if isinstance(call.y_ref, (list, tuple)) and len(label_shapes) == len(outputs) > 1:
        aligned = [loss_aligned_shapes(tuple(y), tuple(o)) for y, o in zip(label_shapes, outputs)]
        if any(a[1:] != b[1:] for a, b in aligned):
            for perm in __import__("itertools").permutations(range(len(outputs))):
                pairs = [loss_aligned_shapes(tuple(label_shapes[j]), tuple(outputs[i])) for i, j in enumerate(perm)]
                if all(a[1:] == b[1:] for a, b in pairs):
                    prob = Problem("SD202", "the label arrays are given in a different order than the model's outputs",
                                   "labels", expected=", ".join(format_shape(o) for o in outputs),
                                   received=", ".join(format_shape(y) for y in label_shapes))
                    prob.explanation = ("A multi-output model pairs the i-th label array with its i-th output "
                                        "(the order of `keras.Model(outputs=[...])`). These labels have the right "
                                        "shapes in another order, so each loss compares the wrong pair.")
                    new = "[" + ", ".join("{" + str(j) + "}" for j in perm) + "]"
                    prob.extra_where = "argument"
                    prob.silent_family = "SD204"  # the loss then compares each label with the wrong output
                    prob.fixes.append(TrainingFix("pass the labels in the outputs' order", "labels", whole=True,
                                                  apply=lambda ys, perm=perm: [ys[j] for j in perm],
                                                  rewrite_argument=new))
                    return [prob]
    maxima = labels_by_output(call.y_max, names) if call.y_max is not None else []
    reordered = _losses_in_another_order(call, model, outputs, labels, label_shapes, maxima)
    if reordered is not None:
        return [reordered]
    for i, (out, sample, shape) in enumerate(zip(outputs, labels, label_shapes)):
        if sample is None or shape is None:
            continue
        top = maxima[i] if i < len(maxima) else None
        from shapedoctor.diagnosis.training_targets import target_kind

        loss_i = losses[i] if i < len(losses) else None
        prob = target_kind(call, tuple(out), loss_i, i) or check_labels(out, sample, shape, loss_i, model, i, top)
        if prob is None:
            from shapedoctor.diagnosis.training_labels import negative_labels

            prob = negative_labels(call, model, tuple(out), losses[i] if i < len(losses) else None, i)
        if prob is None:
            from shapedoctor.diagnosis.training_encoding import class_encoding

            encoded = class_encoding(call, model, tuple(out), sample, tuple(shape), loss_i, i)
            if encoded is not None:  # the shapes agree: no model-side search (it would fit the wrong encoding)
                encoded.output_index = i
                problems.append(encoded)
                continue
        if prob is not None:
            prob.output_index = i
            from shapedoctor.diagnosis.training_label_source import (labels_cut_from_inputs,
                                                                     labels_per_step_of_any_length,
                                                                     labels_repeated_per_step)

            # y_train = data[...] beside x_train = data[...]; one clip label repeated on every frame;
            # a label per step of sequences of any length for a model that answers once per sequence
            labels_cut_from_inputs(call, prob, tuple(out), i, loss_i) \
                or labels_repeated_per_step(call, prob, tuple(out), i, loss_i) \
                or labels_per_step_of_any_length(call, prob, tuple(out), i, loss_i)
            _labels_from_one(call, prob, tuple(out), i)
            from shapedoctor.diagnosis.training_loader import loader_label_mode

            loader_label_mode(call, prob, tuple(out), i)
            from shapedoctor.diagnosis.training_mapped_labels import onehot_in_map

            onehot_in_map(call, prob, tuple(out), i)  # (x, ids) returned by a dataset's map function
            from shapedoctor.diagnosis.training_mapped_labels import mask_channels_in_map

            mask_channels_in_map(call, prob, tuple(out), i, tuple(shape), loss_i)  # decode_png(..., channels=3)
            if not prob.settled:
                _suspect_model(call, model, prob, tuple(out), tuple(shape), i, prob.labels_ask_for)
            problems.append(prob)
    from shapedoctor.diagnosis.training_sibling_outputs import joint_loss_fixes

    joint_loss_fixes(call.loss, problems)
    if not problems:
        from shapedoctor.diagnosis.training_structure import short_loss_list

        short = short_loss_list(call, model)
        problems += [short] if short is not None else []
    return problems


def _losses_in_another_order(call: TrainingCall, model: Any, outputs: list, labels: list, label_shapes: list,
                             maxima: list) -> Problem | None:
    """A list of losses (one per output) written in another order than the outputs: each label array fits
    its output under the loss listed for another one (the sparse cross-entropy meets the box coordinates,
    the MSE the class ids). The compile call is the cause; its list is reordered."""
    import itertools

    losses = call.loss
    if not isinstance(losses, (list, tuple)) or not 1 < len(losses) == len(outputs) == len(labels) \
            or not all(isinstance(v, str) for v in losses) or len(outputs) > 4:
        return None
    if any(s is None or y is None for s, y in zip(labels, label_shapes)):
        return None

    def fits(order) -> bool:
        return all(check_labels(tuple(out), sample, tuple(shape), loss, model, i,
                                maxima[i] if i < len(maxima) else None) is None
                   for i, (out, sample, shape, loss) in enumerate(zip(outputs, labels, label_shapes, order)))

    if fits(losses):
        return None
    orders = [[losses[j] for j in perm] for perm in itertools.permutations(range(len(losses)))]
    found = [order for order in orders if order != list(losses) and fits(order)]
    if len(found) != 1:
        return None
    prob = Problem("SD202", "the losses are listed in a different order than the model's outputs", "loss",
                   expected=", ".join(found[0]), received=", ".join(losses))
    prob.explanation = ("A list of losses is matched to the model's outputs by position (the order of "
                        "`keras.Model(outputs=[...])`), like the list of labels. Each label array fits its own output, "
                        "but under the loss listed for another output: the losses are in the wrong order.")
    prob.fixes.append(TrainingFix("list the losses in the outputs' order", "loss", loss=list(found[0]), whole=True,
                                  cost=1))
    prob.settled = True
    return prob


def _labels_from_one(call: TrainingCall, prob: Problem, out: tuple, index: int) -> None:
    """Class labels that are codes (1..k, -1/1, ...) rather than 0..k-1: re-encode them
    (:mod:`shapedoctor.diagnosis.training_labels`), ranked before widening the output layer."""
    from shapedoctor.diagnosis.training_labels import encoding_fixes

    if any(f.kind == "labels" and f.checks is not None and f.transform != "np.argmax({v}, -1)" for f in prob.fixes):
        return  # already re-encoded (negative labels); one-hot rows turned back into ids may be encoded upstream
    encoding_fixes(call, prob, out, index)
    from shapedoctor.diagnosis.training_onehot import onehot_width

    onehot_width(call, prob, out, index)


def _labels_are_inputs(call: TrainingCall, index: int) -> bool:
    """The labels are the model's own inputs (an autoencoder): then they are right by construction."""
    import numpy as np

    ys, xs = flat_items(call.y_ref), flat_items(call.x_ref)
    y = ys[index] if index < len(ys) else None
    if y is None:
        return False
    for x in xs:
        if x is y:
            return True
        try:
            if np.shape(x) == np.shape(y) and np.array_equal(np.asarray(x[:8]), np.asarray(y[:8])):
                return True
        except Exception:  # noqa: BLE001 - not array-like
            continue
    return False


def _labels_per_position(call: TrainingCall, out: tuple, y_shape: tuple) -> bool:
    """Labels with one value per position of the input (per time step, per pixel) that the output
    lost: y (N, 12, 20) for x (N, 12, 8) against an output (None, 20), or y (N, 28, 28, 1) for
    x (N, 28, 28, 3) against (None, 14, 14, 1). The labels are laid out like the data, so the model
    was meant to keep those axes; labels whose positions agree with the output (only the last
    axis differs) are no such evidence."""
    from shapedoctor.trace.recorder import shape_of

    positions = tuple(y_shape[1:-1])
    if len(y_shape) < 3 or None in positions:
        return False
    if len(out) == len(y_shape) and tuple(out[1:-1]) == positions:
        return False
    for x in flat_items(call.x_ref):
        shape = shape_of(x)
        if shape and len(shape) == len(y_shape) and tuple(shape[1:-1]) == positions:
            return True
        if shape and len(shape) == len(y_shape) - 1 and tuple(shape[1:]) == positions:
            return True  # token ids (N, steps) with one label per step
    return False


def _suspect_model(call: TrainingCall, model: Any, prob: Problem, out: tuple, y_shape: tuple, index: int,
                   as_output: tuple | None = None) -> None:
    """Labels and output disagree: search model-side edits too, and weigh the evidence.

    Labels that are the inputs themselves (autoencoders) are right by construction, so the layer
    that made the output wrong is the culprit and the model-side fixes rank first. *as_output*: the
    output shape the labels ask for when it is not their own (sparse class ids: one more axis)."""
    if prob.family not in ("SD202", "SD204") or prob.culprit_kind not in ("labels", "layer"):
        return
    shown_shape, y_shape = y_shape, as_output or y_shape
    fixes = _model_side_fixes(model, index, out, y_shape)
    if not fixes:
        return
    known = {repr(f.edits) for f in prob.fixes}
    fixes = sorted((f for f in fixes if repr(f.edits) not in known), key=lambda f: f.cost)
    inputs, per_position = _labels_are_inputs(call, index), False
    if not inputs:
        per_position = _labels_per_position(call, out, y_shape)
    from shapedoctor.diagnosis.training_output_layout import (
        is_layout_fix,
        laid_out_like_data,
    )

    relaid = bool(fixes) and is_layout_fix(fixes[0])
    if relaid and not inputs and not per_position:
        per_position = laid_out_like_data(call, out, y_shape)
    steps = None if inputs or per_position else _steps_layer_fix(fixes, out, y_shape)
    decoder = None if inputs or per_position or steps is not None else _repeated_decoder_fix(fixes)
    if decoder is not None:
        # RepeatVector(T) feeds a recurrent decoder that returns only its last step: the repeat only makes
        # sense for a decoder that returns the T steps, so its return_sequences is the slip.
        prob.culprit_kind, prob.layer = "layer", decoder.edits[0][1]
        prob.explanation += (f" {decoder.edits[0][1].name} reads the encoding repeated once per output step "
                             "(RepeatVector) but returns only its last step: return_sequences=True gives the "
                             "steps the labels hold.")
        fixes.remove(decoder)
        prob.fixes.insert(0, decoder)
        prob.fixes += fixes
        return
    if steps is not None:
        # The output's time axis is the number a RepeatVector repeats: the labels' own length is
        # what the decoder was meant to produce, so that layer is the cause, its n the fix.
        prob.culprit_kind, prob.layer = "layer", steps.edits[0][1]
        prob.explanation += (f" The labels differ from the output only in the number of time steps "
                             f"({y_shape[1]} against {out[1]}), and that number is set by {steps.edits[0][1].name} "
                             "(RepeatVector repeats the encoding once per output step).")
        fixes.remove(steps)
        fixes.insert(0, steps)
        for f in prob.fixes:
            if f.kind in ("labels", "data"):
                f.cost += 1
        prob.fixes += fixes
        return
    if inputs or per_position:
        prob.culprit_kind = "layer"
        prob.layer = fixes[0].edits[0][1] if fixes else prob.layer
        prob.explanation += (" The labels are the model's own inputs (an autoencoder), so they are right by "
                             "construction: a layer made the output the wrong shape." if inputs else
                             f" The labels {format_shape(tuple(shown_shape))} keep the data's feature axis last, as "
                             "the inputs do, so they are laid out like the data: the model's last layer arranges "
                             "its values otherwise." if relaid else
                             f" The labels have one value per position of the input ({format_shape(tuple(shown_shape))}), "
                             "laid out like the data, so the model was meant to keep those axes: a layer "
                             "dropped them.")
        if relaid:
            prob.explanation += (f" The output holds as many values per sample as the labels ({math.prod(out[1:])}), "
                                 f"so a Reshape to {format_shape(tuple(y_shape[1:]))} gives the labels' layout.")
        for f in prob.fixes:
            if f.kind in ("labels", "data"):
                f.cost += 2
    else:
        for f in fixes:
            f.cost += 1
    prob.fixes += fixes


_SEQUENCE_RNN = ("LSTM", "GRU", "SimpleRNN")


def _wrapped_last_step_rnn(cfg: dict, steps: bool = True) -> dict | None:
    """The config changes that make a Bidirectional's recurrent layers (forward and backward) return
    every step (or, with *steps* False, only the last one), or None when they already do (or it wraps no
    LSTM/GRU/SimpleRNN)."""
    import copy

    inner = copy.deepcopy(cfg.get("layer") or {})
    inner_cfg = inner.get("config") or {}
    if inner.get("class_name") not in _SEQUENCE_RNN or bool(inner_cfg.get("return_sequences")) == steps:
        return None
    inner_cfg["return_sequences"] = steps
    inner["config"] = inner_cfg
    changes = {"layer": inner}
    backward = copy.deepcopy(cfg.get("backward_layer"))
    if isinstance(backward, dict) and isinstance(backward.get("config"), dict):
        backward["config"]["return_sequences"] = steps
        changes["backward_layer"] = backward
    return changes


def _steps_layer_fix(fixes: list, out: tuple, y_shape: tuple):
    """The model-side fix that sets a RepeatVector's n, when labels and output differ on the time
    axis (axis 1) alone; None otherwise."""
    if len(out) != len(y_shape) or len(out) < 3 or out[1] == y_shape[1]:
        return None
    if any(a != b for k, (a, b) in enumerate(zip(out, y_shape)) if k not in (0, 1)):
        return None
    return next((f for f in fixes if f.edits and type(f.edits[0][1]).__name__ == "RepeatVector"), None)


def _repeated_decoder_fix(fixes: list) -> TrainingFix | None:
    """The return_sequences=True fix of a recurrent layer whose input is made by a RepeatVector."""
    for fix in fixes:
        if not fix.edits or fix.edits[0][0] != "config" or fix.edits[0][2] != {"return_sequences": True}:
            continue
        try:
            producer = fix.edits[0][1].input._keras_history.operation
        except AttributeError:
            continue
        if type(producer).__name__ == "RepeatVector":
            return fix
    return None


def _one_value_per_step(layer: Any, out: tuple, y_shape: tuple) -> bool:
    """(n, T) labels against a (None, 1) output, behind a recurrent layer that reads T steps and returns
    only the last: with its sequence the head gives (None, T, 1), one value per step, which the loss
    lines up with the labels (the decoder of a RepeatVector(T) forecaster, r726)."""
    try:
        steps = tuple(layer.input.shape)[1]
    except (AttributeError, ValueError, IndexError, TypeError):
        return False
    return (len(y_shape) == len(out) == 2 and out[-1] == 1 and isinstance(steps, int) and steps > 1
            and y_shape[1] == steps)


def _model_side_fixes(model: Any, index: int, out: tuple, y_shape: tuple) -> list[TrainingFix]:
    """Edits of the last layers before output *index* that would give it the labels' shape."""
    from shapedoctor.diagnosis.training_output_layout import (
        layout_fix,
        merged_positions_fix,
        stray_downsampling_fix,
    )

    first_fixes = [layout_fix(model, index, out, y_shape), merged_positions_fix(model, index, out, y_shape),
                   stray_downsampling_fix(model, index, out, y_shape)]
    fixes: list[TrainingFix] = [f for f in first_fixes if f is not None] + list(_padding_fixes(model, index, out, y_shape))
    walk = layers_back(model, index, 8)
    first = walk[0] if walk else None
    for layer in walk:
        cls, cfg = type(layer).__name__, layer_config(layer)
        if cls in _SEQUENCE_RNN and not cfg.get("return_sequences") and (
                len(y_shape) == len(out) + 1 or _one_value_per_step(layer, out, y_shape)):
            fixes.append(TrainingFix(f"keep the time axis: return_sequences=True on {layer.name}", "model",
                                     edits=[("config", layer, {"return_sequences": True})], cost=1))
        wrapped = _wrapped_last_step_rnn(cfg) if cls == "Bidirectional" else None
        if wrapped is not None and len(y_shape) == len(out) + 1:
            fixes.append(TrainingFix(f"keep the time axis: return_sequences=True on the layer inside {layer.name}",
                                     "model", edits=[("config", layer, wrapped)], cost=1))
        if cls == "RepeatVector" and len(y_shape) == 3 and y_shape[1] is not None and cfg.get("n") != y_shape[1]:
            fixes.append(TrainingFix(f"repeat as many steps as the labels have: RepeatVector({y_shape[1]})", "model",
                                     edits=[("config", layer, {"n": y_shape[1]})], cost=1))
        if len(y_shape) == len(out) >= 3 and tuple(y_shape[1:-1]) != tuple(out[1:-1]) and None not in y_shape[1:-1] \
                and None not in out[1:-1]:
            ratios = {y // o if o and y % o == 0 else 0 for y, o in zip(y_shape[1:-1], out[1:-1])}
            ratio = ratios.pop() if len(ratios) == 1 else 0
            if ratio > 1 and "Transpose" in cls:
                old = tuple(int(s) for s in (cfg.get("strides") or (1,) * (len(out) - 2)))
                strides = tuple(s * ratio for s in old)
                strides = strides[0] if len(strides) == 1 else strides  # a 1-D stride is written as an int
                fixes.append(TrainingFix(f"upsample once more in the decoder: strides={strides} on {layer.name}",
                                         "model", edits=[("config", layer, {"strides": strides, "padding": "same"})],
                                         cost=_upsampling_cost(layer is first, old)))
            elif ratio > 1 and cls.startswith("UpSampling"):
                old = tuple(int(s) for s in (cfg.get("size") or (1,) * (len(out) - 2)))
                size = tuple(s * ratio for s in old)
                fixes.append(TrainingFix(f"upsample once more in the decoder: size={size} on {layer.name}", "model",
                                         edits=[("config", layer, {"size": size})], cost=_upsampling_cost(layer is first, old)))
        if layer is first and len(y_shape) == len(out) >= 3 and tuple(y_shape[1:-1]) == tuple(out[1:-1]) \
                and y_shape[-1] != out[-1] and isinstance(cfg.get("filters"), int):
            fixes.append(TrainingFix(f"make {layer.name} produce the labels' {y_shape[-1]} channels: "
                                     f"filters={y_shape[-1]}", "model",
                                     edits=[("config", layer, {"filters": y_shape[-1]})], cost=1))
        elif layer is first and _head_width_only(out, y_shape) and _wrapped_units_fix(layer, y_shape[-1]) is not None:
            fixes.append(_wrapped_units_fix(layer, y_shape[-1]))  # a TimeDistributed(Dense(k)) head
    return fixes


def _padding_fixes(model: Any, index: int, out: tuple, y_shape: tuple) -> list:
    """A decoder whose output is a few pixels off the labels (32x32 against 28x28): walking back from
    the output to the first downsampling layer, the convolution whose padding accounts for exactly
    that difference. A stride-1 convolution with kernel k removes k - 1 pixels with padding="valid"
    and none with "same"; upsampled by f afterwards, that is (k - 1) * f pixels of the output. A
    transposed convolution of stride s and kernel k > s with padding="valid" makes s * n + (k - s)
    instead of exactly s * n: when that overhang accounts for the difference, that layer is the
    one that changed the size, and making a size-keeping layer shrink instead is not offered."""
    spatial_out, spatial_y = tuple(out[1:-1]), tuple(y_shape[1:-1])
    if len(out) != len(y_shape) or len(out) < 3 or spatial_out == spatial_y or None in spatial_out + spatial_y:
        return []
    diff = tuple(o - y for o, y in zip(spatial_out, spatial_y))
    layer, factor, seen = output_layer(model, index), (1,) * len(diff), 0
    found, overhang, shrinking = [], [], []
    while layer is not None and seen < 16:
        seen += 1
        cls, cfg = type(layer).__name__, layer_config(layer)
        if cls.startswith("UpSampling"):
            size = _per_axis(cfg.get("size"), len(diff))
            factor = tuple(f * int(s) for f, s in zip(factor, size))
        elif "Pooling" in cls or ("Transpose" not in cls and any(int(s) > 1 for s in _per_axis(cfg.get("strides"), len(diff)))):
            break  # the bottleneck: before it, sizes round and the arithmetic no longer holds
        elif ("Conv" in cls or "kernel_size" in cfg) and "Transpose" not in cls and _padding(cls, cfg) in ("same", "valid"):
            kernel = _per_axis(cfg.get("kernel_size"), len(diff))
            dilation = _per_axis(cfg.get("dilation_rate"), len(kernel))
            removed = tuple((k - 1) * d * f for k, d, f in zip(kernel, dilation, factor))
            if len(kernel) == len(diff) and any(removed):
                want = "valid" if diff == removed else "same" if diff == tuple(-r for r in removed) else None
                if want is not None and _padding(cls, cfg) != want:
                    if want == "same" and cls == "Conv1D" and _causal_siblings(model, layer):
                        want = "causal"  # a causal stack (a WaveNet): the sequence kept as its siblings keep it
                    found.append(TrainingFix(f'make {layer.name} {"shrink" if want == "valid" else "keep"} the map: '
                                             f'padding="{want}"', "model", edits=[("config", layer, {"padding": want})],
                                             cost=1))
                if _padding(cls, cfg) == "valid":
                    shrinking.append((layer, removed))
            if seen == 1 and set(spatial_y) == {1} and all(d > 0 for d in diff) and len(kernel) == len(diff) \
                    and _padding(cls, cfg) == "valid" and set(dilation) == {1} \
                    and set(_per_axis(cfg.get("strides"), len(diff))) == {1}:
                # a head that reduces the map to one cell, as the labels have: a kernel as large as its input
                grown = tuple(k + d for k, d in zip(kernel, diff))
                written = grown[0] if len(set(grown)) == 1 else grown
                found.append(TrainingFix(f"make {layer.name} cover its whole {'x'.join(map(str, grown))} input "
                                         f"map: kernel_size={written}", "model",
                                         edits=[("config", layer, {"kernel_size": grown})], cost=2))
        elif cls.startswith("Conv2DTranspose") or cls.startswith("Conv1DTranspose") or cls.startswith("Conv3DTranspose"):
            strides = _per_axis(cfg.get("strides"), len(diff))
            kernel = _per_axis(cfg.get("kernel_size"), len(diff))
            extra = tuple(max(k - s, 0) * f for k, s, f in zip(kernel, strides, factor))
            if cfg.get("padding") == "valid" and cfg.get("output_padding") is None and len(kernel) == len(diff) \
                    and any(s > 1 for s in strides) and any(extra) and diff == extra:
                overhang.append(TrainingFix(f'make {layer.name} upsample exactly {"x".join(map(str, strides))}: '
                                            'padding="same"', "model",
                                            edits=[("config", layer, {"padding": "same"})], cost=1))
            factor = tuple(f * s for f, s in zip(factor, strides))
        layer = previous_layer(layer)
        if layer is not None and type(layer).__name__ == "InputLayer":
            break
    together = tuple(sum(r[axis] for _, r in shrinking) for axis in range(len(diff)))
    if not found and len(shrinking) > 1 and together == tuple(-d for d in diff):
        # several valid convolutions that each trim a little and together the whole difference (five 7x7
        # convolutions: 255 -> 225): all of them keep the map
        names = ", ".join(layer.name for layer, _ in reversed(shrinking))
        found.append(TrainingFix(f'make the {len(shrinking)} convolutions that trim the map keep it: '
                                 f'padding="same" on {names}', "model",
                                 edits=[("config", layer, {"padding": "same"}) for layer, _ in reversed(shrinking)],
                                 cost=2))
    return overhang or found


def _causal_siblings(model: Any, layer: Any) -> bool:
    """The model's other Conv1D layers are all causal (Hands-on ML's WaveNet-style stack, r1113)."""
    from shapedoctor.diagnosis.training_base import all_layers

    others = [other for other in all_layers(model) if type(other).__name__ == "Conv1D" and other is not layer]
    return bool(others) and all(layer_config(other).get("padding") == "causal" for other in others)


def _per_axis(value: Any, n: int) -> tuple:
    """A size given per axis or once for all (``strides=2`` in a user layer's config): one int per axis;
    ones when it is not given."""
    if value is None:
        return (1,) * n
    if isinstance(value, int):
        return (value,) * n
    return tuple(int(v) for v in value)


def _padding(cls: str, cfg: dict) -> str | None:
    """A convolution's padding: its config's; for a layer of the user's own that passes a convolution's
    arguments on (``MaskedConv(kernel_size=7, ...)``, no ``padding``), Keras's default "valid"."""
    padding = cfg.get("padding")
    if padding is None and not cls.startswith("Conv") and "kernel_size" in cfg:
        return "valid"
    return padding


def _upsampling_cost(is_head: bool, step: tuple) -> int:
    """Where a decoder lost an upsampling step: a body layer that does not upsample yet mirrors the
    encoder's missing stride (cost 1); the output head (it maps to the labels' channels, stride 1 by
    design) or a layer that already upsamples would then double its step (cost 2)."""
    return 2 if is_head or any(s > 1 for s in step) else 1


def _concrete_outputs(call: TrainingCall, model: Any, outputs: list) -> list:
    """*outputs*, or for a call that failed on a model whose one output has unknown sizes (``Input(shape=[None])``,
    a sequence of any length) the output Keras computes for the data it got: (None, 31, 47) for sequences of 35
    steps that a valid dilated convolution shortened (r1113). Only after Keras refused the call: a program that
    runs is judged by the shapes it declares."""
    if call.error is None or len(outputs) != 1 or None not in tuple(outputs[0])[1:]:
        return outputs
    shapes = [s for s in in_input_order(call.x_shapes, model) if s is not None]
    if len(shapes) != 1 or len(model_inputs(model)) != 1 or None in tuple(shapes[0])[1:]:
        return outputs
    try:
        concrete = tuple(model.compute_output_shape((None,) + tuple(shapes[0])[1:]))
    except Exception:  # noqa: BLE001 - Keras cannot say: the declared shapes stand
        return outputs
    if len(concrete) != len(outputs[0]) or not all(isinstance(d, int) for d in concrete[1:]):
        return outputs
    return [concrete]


def check_labels(out: tuple, sample: Any, y_shape: tuple, loss: Any, model: Any, index: int,
                 top: Any = None) -> Problem | None:
    """The problem of labels shaped *y_shape* (a *sample* of them) against output *out* under *loss*, or None."""
    import numpy as np

    from shapedoctor.diagnosis import training_evidence as ev

    name = loss_name(loss)
    k = out[-1]
    layer = output_layer(model, index)
    y_arr = np.asarray(sample)
    shown = f"labels {format_shape(y_shape)} against output {format_shape(out)}"
    if name in CATEGORICAL and not shapes_fit(tuple(y_shape[1:]), tuple(out[1:])):
        if is_integer_like(sample) and ((len(y_shape) == 1 or y_shape[-1] == 1) and len(out) == 2
                                         or _ids_per_position(sample, y_shape, out, top)):
            # Valid labels in the other encoding: the loss is the first thing to change (its fix ranks
            # first, as the answers to this error say), the labels the second; unless the model already
            # trained with this loss, on labels it accepted: then these labels are the odd ones.
            # So are they when the compile call asks for one-hot rows elsewhere too: a label smoothing only the
            # categorical loss has (the sparse one would silently drop it), a categorical metric (r1092).
            import keras

            from shapedoctor.diagnosis.metric_encoding import categorical_metric_names

            config = loss.get_config() if isinstance(loss, keras.losses.Loss) else {}
            smoothed = float(config.get("label_smoothing") or 0) > 0
            # A loss with no integer-label version (categorical_hinge, KL divergence, the focal loss, r1233): the
            # sparse cross-entropy would change what is optimised, not how the labels are read
            twinless = name not in ("categorical_crossentropy", "categoricalcrossentropy")
            labels_odd = (ev.trained(model) or loss_shared(model) or smoothed or bool(categorical_metric_names(model))
                          or twinless)
            prob = Problem("SD202", f"integer class labels {format_shape(y_shape)} used with {name} "
                           f"(output {format_shape(out)})", "labels" if labels_odd else "loss", expected=format_shape((None,) + tuple(out[1:])),
                           received=format_shape(y_shape))
            prob.explanation = (f"`{name}` compares one-hot labels with the output, so y must be shaped like the "
                                f"output, {format_shape(('N',) + tuple(out[1:]))}. These labels hold one integer class per "
                                f"{'sample' if len(out) == 2 else 'position'}. "
                                + ("Either tell the loss so (`sparse_categorical_crossentropy`) or one-hot encode the "
                                   "labels." if not twinless else
                                   f"`{name}` has no version for integer labels (a sparse cross-entropy would "
                                   "optimise something else): one-hot encode the labels."))
            told = ([f"a label smoothing of {config['label_smoothing']}, which only the categorical loss has"]
                    if smoothed else []) + [f"`{m}`" for m in categorical_metric_names(model)]
            if told:
                prob.explanation += (f" The compile call asks for one-hot rows elsewhere too ({', '.join(told)}): the "
                                     "labels are the odd ones out, so encode them.")
            sparse = same_logits(loss, "sparse_categorical_crossentropy")
            encode = TrainingFix(f"one-hot encode the labels: keras.utils.to_categorical(y, {k})", "labels",
                                 transform="keras.utils.to_categorical({v}, " + str(k) + ")",
                                 apply=to_categorical_transform(k), cost=1)
            sparse_fix = TrainingFix(f"use the loss made for integer labels: {loss_text(sparse)}", "loss", loss=sparse,
                                     cost=1)
            prob.fixes += [encode] if smoothed else [encode, sparse_fix] if labels_odd else [sparse_fix, encode]
            _loss_proven(prob, model)
            return prob
        if len(out) > len(y_shape):
            return _extra_axes(out, y_shape, name, model, index, layer)
        unit_axis = _unit_axis_to_drop(y_shape, out)
        if unit_axis is not None:
            how = f"np.squeeze({{v}}, axis={unit_axis})"
            prob = Problem("SD202", f"{shown}: the labels have an extra axis of size 1", "labels",
                           expected=format_shape((None,) + tuple(out[1:])), received=format_shape(y_shape))
            prob.explanation = (f"`{name}` needs labels shaped exactly like the output. Without their axis {unit_axis} "
                                f"(of size 1) these labels are {format_shape((None,) + tuple(out[1:]))}, the output's "
                                "shape: they were encoded from a column of class ids, (N, 1), so the one-hot axis "
                                "came on top of it. Flatten the ids before encoding, or drop the axis.")
            prob.fixes.append(TrainingFix(f"drop the labels' extra axis: np.squeeze(y, axis={unit_axis})", "labels",
                                          transform=how, apply=numpy_transform(how), cost=1))
            return prob
        same_rank = len(out) == len(y_shape)
        prob = Problem("SD202", f"{shown} under {name}", "layer" if same_rank else "labels",
                       expected=format_shape((None,) + tuple(out[1:])), received=format_shape(y_shape), layer=layer)
        prob.explanation = f"`{name}` needs labels shaped exactly like the output; got {shown}."
        if same_rank and layer is not None and (len(out) == 2 or _head_width_only(out, y_shape)):
            # One distribution per sample, or per position (a decoder's per-step softmax) whose
            # positions agree with the labels': only the number of classes differs, set by the head.
            head = width_layer(layer)
            if width_key(head) is not None:
                prob.layer = head
                prob.fixes.append(units_fix(head, y_shape[-1], activation=class_activation(head, y_shape[-1])))
            elif _wrapped_units_fix(head, y_shape[-1]) is not None:  # TimeDistributed(Dense(k))
                prob.layer = head
                prob.fixes.append(_wrapped_units_fix(head, y_shape[-1]))
        relaid = _relaid_labels(model, y_shape, out)
        if relaid is not None:
            prob.fixes.insert(0, relaid)
        return prob
    if name in SPARSE:
        core = tuple(y_shape[:-1]) if (len(y_shape) == len(out) and y_shape[-1] == 1) else tuple(y_shape)
        if len(core) == 2 and core[1] == 1 and len(out) >= 3 and tuple(out[1:-1]) != (1,):
            # (N, 1) is Keras's column of class ids, one per sample, not a sequence of one position; unless
            # the output has exactly one position, (None, 1, k): then one id per sample is one per position (w182)
            core = core[:1]
        if len(core) < len(out) - 1:
            return _extra_axes(out, y_shape, name, model, index, layer)
        if len(y_shape) == len(out) and y_shape[-1] == k and k > 1 and is_one_hot(sample):
            labels_odd = ev.trained(model) or loss_shared(model)  # these labels are the odd ones
            prob = Problem("SD202", f"one-hot labels {format_shape(y_shape)} used with {name}",
                           "labels" if labels_odd else "loss", expected=f"{format_shape((None,))} or {format_shape((None, 1))}", received=format_shape(y_shape))
            prob.explanation = (f"`{name}` wants one integer class per sample, (N,) or (N, 1); these labels are "
                                "one-hot rows. Use the categorical loss, or turn the rows back into class numbers.")
            dense = same_logits(loss, "categorical_crossentropy")
            prob.fixes += [TrainingFix(f"use the loss made for one-hot labels: {loss_text(dense)}", "loss",
                                       loss=dense, cost=1),
                           onehot_to_ids_fix()]
            _loss_proven(prob, model)
            return prob
        if len(core) >= len(out) >= 2:
            # One class id per position (per word, per pixel) against one distribution per sample:
            # the output needs those positions too, (None, *positions, classes).
            want = format_shape((None,) + tuple(core[1:]) + (k,))
            prob = Problem("SD202", f"{shown}: one class id per position under {name}", "labels",
                           expected=want, received=format_shape(out), layer=layer)
            prob.explanation = (f"`{name}` reads each label as a class index and needs the output to hold one "
                                f"distribution over the {k} classes for each of them: labels "
                                f"{format_shape(y_shape)} need an output {want}, but the model gives "
                                f"{format_shape(out)}, one distribution per sample.")
            prob.labels_ask_for = tuple(core) + (k,)
            return prob
        if len(core) == len(out) - 1 >= 2 and tuple(core[1:]) != tuple(out[1:-1]) \
                and None not in tuple(core[1:]) + tuple(out[1:-1]):
            # One class id per position, but the output has another number of positions (a valid
            # convolution shortened the sequence): the positions are the labels' (see _suspect_model).
            want = format_shape((None,) + tuple(core[1:]) + (k,))
            prob = Problem("SD202", f"{shown}: {format_shape(tuple(core[1:]))} positions of class ids against "
                           f"{format_shape(tuple(out[1:-1]))} in the output under {name}", "labels",
                           expected=want, received=format_shape(out), layer=layer)
            prob.explanation = (f"`{name}` reads one class id per position and needs one distribution over the "
                                f"{k} classes at each of them: labels {format_shape(y_shape)} need an output "
                                f"{want}, but the model gives {format_shape(out)}.")
            prob.labels_ask_for = tuple(core) + (k,)
            _rounded_input(model, prob, tuple(core[1:]), tuple(out[1:-1]))
            return prob
        largest = top if isinstance(top, int) else (int(np.max(y_arr)) if y_arr.size and is_integer_like(sample) else None)
        if largest is not None and k and largest >= k:
            n = largest + 1
            sigmoid = k == 1 and n == 2 and layer is not None and layer_config(layer).get("activation") == "sigmoid"
            if sigmoid and not np.any(y_arr < 0):
                # 0/1 labels and one sigmoid unit: a binary head, built as one; the categorical loss is the slip
                prob = Problem("SD202", f"0/1 labels and one sigmoid unit under {name}", "loss",
                               expected="binary_crossentropy", received=name, layer=layer)
                prob.explanation = (f"The labels are 0 and 1 and the last layer is one sigmoid unit: a binary "
                                    f"classifier, which `binary_crossentropy` scores. `{name}` reads each label as "
                                    f"the index of one of the output's units, so class 1 needs a second unit.")
                prob.fixes.append(TrainingFix("score the one sigmoid unit as a binary classifier: "
                                              "loss=\"binary_crossentropy\"", "loss", loss="binary_crossentropy",
                                              cost=1))
                prob.fixes.append(units_fix(layer, n, activation=class_activation(layer, n)))
                return prob
            prob = Problem("SD202", f"labels go up to class {n - 1} but the output has {k} units", "layer",
                           expected=f"{n} output units", received=f"{k}", layer=layer)
            prob.explanation = (f"A classifier needs one output unit per class. The labels contain class {n - 1}, "
                                f"so the last layer needs at least {n} units; it has {k}.")
            if layer is not None:  # exclusive classes: a sigmoid head becomes softmax (one distribution)
                prob.fixes.append(units_fix(layer, n, activation=class_activation(layer, n)))
            return prob
        return None
    if name in BINARY and k and k > 1 and (len(y_shape) == 1 or (len(y_shape) == 2 and y_shape[-1] == 1)):
        prob = Problem("SD202", f"binary labels {format_shape(y_shape)} against {k} output units under {name}",
                       "layer", expected=format_shape((None, 1)), received=format_shape(out), layer=layer)
        prob.explanation = (f"`{name}` scores one probability per label; with {k} output units each 0/1 label is "
                            f"compared against all {k} of them. A binary classifier has one sigmoid unit.")
        sparse = same_logits(loss, "sparse_categorical_crossentropy")
        if not isinstance(sparse, str):
            prob.explanation = prob.explanation.replace("one sigmoid unit.", "one unit: its logit, which the loss "
                                                        "(from_logits=True) turns into a probability.")
        if layer is not None:  # scored from logits, the one unit stays linear: the loss applies the sigmoid
            logits = not isinstance(sparse, str)
            linear = layer_config(layer).get("activation") in (None, "linear")
            prob.fixes.append(units_fix(layer, 1, activation=None if logits and linear else
                                         "linear" if logits else "sigmoid"))
        prob.fixes.append(TrainingFix(f"treat it as k-class classification: {loss_text(sparse)}", "loss",
                                      loss=sparse, cost=2))
        return prob
    onehot = onehot_binary_labels(out, sample, y_shape, loss, layer)
    if onehot is not None:
        return onehot
    if name in ELEMENTWISE or name in BINARY:
        a, b = loss_aligned_shapes(y_shape, out)
        if shapes_fit(a[1:], b[1:]):  # then any remaining difference is a real 1-vs-n stretch
            return None
        if len(out) > len(y_shape) and len(out) >= 3:
            return _extra_axes(out, y_shape, name, model, index, layer)
        # Keras 3's binary_crossentropy refuses any shape difference left after it aligned the ranks
        # (every backend checks `target.shape == output.shape`): only the element-wise losses stretch.
        silent = broadcastable(a, b) and not (len(a) != len(b)) and name not in BINARY
        layer = width_layer(layer)  # Dense(2) then Activation("sigmoid"): the Dense sets the width
        width = y_shape[-1] if len(y_shape) == len(out) else 1
        wrapped = _wrapped_units_fix(layer, width) if layer is not None and len(y_shape) == len(out) else None
        # A model that trained on labels its output fits keeps its width: these labels are the odd ones.
        fitted = _fitted_cleanly(model)
        width_wrong = layer is not None and (width_key(layer) is not None or wrapped is not None) and (
            len(y_shape) == len(out) or (len(y_shape) == len(out) - 1 and len(out) == 2)) and not fitted
        if silent:
            prob = Problem("SD204", f"{shown}: {name} silently broadcasts them", "layer" if width_wrong else "labels",
                           expected=format_shape((None,) + tuple(out[1:])), received=format_shape(y_shape), layer=layer)
            prob.explanation = (f"After Keras aligns them, {name} compares {format_shape(a)} with {format_shape(b)}; "
                                "an axis of size 1 is stretched to match, so every label is compared with every "
                                "output value. Training runs, but it optimises a meaningless loss.")
        else:
            prob = Problem("SD202", f"{shown} cannot be compared by {name}", "layer" if width_wrong else "labels",
                           expected=format_shape((None,) + tuple(out[1:])), received=format_shape(y_shape), layer=layer)
            prob.silent_family = "SD204"  # if the batch sizes happen to line up, the loss broadcasts
            prob.explanation = (f"{name} compares labels and output value by value; {format_shape(a)} and "
                                f"{format_shape(b)} cannot be lined up (on TensorFlow this surfaces as "
                                "`Incompatible shapes` deep in the gradient).")
        prob.model_kept = fitted
        if fitted:
            prob.explanation += (" The model already trained on labels its output fits, so these labels are the odd "
                                 "ones: changing the model would discard that training.")
        key = width_key(layer) if layer is not None else None
        if fitted:  # changing the width would discard the training that these labels did not take part in
            key = wrapped = None
        if key is not None and getattr(layer, key) != width:  # the same width again is no fix
            prob.fixes.append(units_fix(layer, width))
        elif wrapped is not None:  # TimeDistributed(Dense(k)): the wrapped Dense sets the width
            prob.fixes.append(wrapped)
        if len(y_shape) == 1 and k == 1:
            prob.fixes.append(TrainingFix("give the labels the output's shape: y.reshape(-1, 1)", "labels",
                                          transform="{v}.reshape(-1, 1)", apply=numpy_transform("{v}.reshape(-1, 1)")))
        if not fitted and not silent:
            _encoder_decoder(prob, model, out, y_shape)
            _autoencoder_layout(prob, model, out, y_shape)
            _downsampled_targets(prob, model, out, y_shape)
        return prob
    return None


def _downsampled_targets(prob: Problem, model: Any, out: tuple, y_shape: tuple) -> None:
    """Per-step targets laid out like the input sequence, for a model whose strided 'valid' Conv1D keeps one step
    in *s* (Hands-on ML's Conv1D(kernel_size=4, strides=2) before two GRUs: 24 output steps for 50 targets,
    r1104): the targets cropped and downsampled the same way, ``Y[:, 3::2]``, as the book does."""
    from shapedoctor.diagnosis.training_base import all_layers

    if len(out) != 3 or len(y_shape) != 3 or out[2] != y_shape[2] or not isinstance(out[1], int) \
            or not isinstance(y_shape[1], int) or y_shape[1] <= out[1]:
        return
    convs = [layer for layer in all_layers(model) if type(layer).__name__ == "Conv1D"]
    strided = [layer for layer in convs if tuple(layer_config(layer).get("strides") or (1,))[0] > 1]
    if len(strided) != 1 or any(layer_config(c).get("padding") != "valid" for c in strided):
        return
    cfg = layer_config(strided[0])
    k, step = int(tuple(cfg.get("kernel_size"))[0]), int(tuple(cfg.get("strides"))[0])
    if int(tuple(cfg.get("dilation_rate") or (1,))[0]) != 1 or (y_shape[1] - k) // step + 1 != out[1]:
        return
    how = f"{{v}}[:, {k - 1}::{step}]"
    prob.fixes.insert(0, TrainingFix(f"downsample the targets as {strided[0].name} does: y[:, {k - 1}::{step}]",
                                     "labels", transform=how, apply=numpy_transform(how), cost=1, strides_like=True))
    prob.culprit_kind, prob.layer = "labels", None
    prob.explanation += (f" `{strided[0].name}` (kernel {k}, stride {step}, no padding) keeps one step in {step} from "
                         f"step {k - 1} on: {y_shape[1]} steps become {out[1]}. Targets given for every input step "
                         f"must be cropped and downsampled the same way.")


def _autoencoder_layout(prob: Problem, model: Any, out: tuple, y_shape: tuple) -> None:
    """A model that gives back its input's shape, (None, 784) for (None, 784) inputs, trained on targets
    holding as many values per sample in another layout, (N, 28, 28): an autoencoder fed the flattened
    images with the unflattened ones as targets. The targets are laid out like the input (and the
    output) by ``y.reshape(-1, 784)``, ahead of reshaping the model's output (r939)."""
    import math

    inputs = getattr(model, "inputs", None) or []
    if len(inputs) != 1 or len(y_shape) == len(out) or not all(isinstance(d, int) for d in tuple(out[1:]) + tuple(y_shape[1:])):
        return
    try:
        given = tuple(inputs[0].shape)[1:]
    except (AttributeError, TypeError):
        return
    if given != tuple(out[1:]) or math.prod(y_shape[1:]) != math.prod(out[1:]):
        return
    sizes = ", ".join(str(d) for d in out[1:])
    how = "{v}.reshape(-1, " + sizes + ")"
    prob.culprit_kind, prob.layer = "labels", None
    prob.explanation += (f" The model gives back its input's shape, {format_shape(out)}, as an autoencoder does; the "
                         f"targets hold as many values per sample, {math.prod(out[1:])}, laid out as "
                         f"{format_shape(tuple(y_shape[1:]))}: give the targets the input's layout.")
    prob.fixes.insert(0, TrainingFix(f"lay the targets out like the input: y.reshape(-1, {sizes})", "labels",
                                     transform=how, apply=numpy_transform(how), cost=1))


def _encoder_decoder(prob: Problem, model: Any, out: tuple, y_shape: tuple) -> None:
    """(None, 48, 1) predicted for (N, 12, 1) targets: one value per input step where the labels have one
    per future step. The recurrent layer that kept the 48 input steps is the culprit; the encoder-decoder
    fix makes it return one vector and repeats that vector for the 12 output steps (RepeatVector), so the
    per-step head gives 12 values (r925)."""
    if not (len(out) == len(y_shape) == 3 and isinstance(out[1], int) and isinstance(y_shape[1], int)
            and out[1] != y_shape[1] and y_shape[1] > 1 and out[-1] == y_shape[-1]):
        return
    rnn = _last_sequence_rnn(model)
    if rnn is None or type(rnn).__name__ == "Bidirectional" or _sequence_reader_after(model, 0, rnn) is not None:
        return
    try:
        kept = tuple(rnn.output.shape)[1]
    except (AttributeError, ValueError):
        return
    if kept != out[1]:
        return  # a layer after it changed the steps: not the one to change
    steps = y_shape[1]
    prob.culprit_kind, prob.layer = "layer", rnn
    prob.explanation += (f" The output has one value per input step ({out[1]}), the labels one per output step "
                         f"({steps}): `{rnn.name}` returns every input step. An encoder-decoder reads the input into "
                         f"one vector, then repeats it for the {steps} steps to predict.")
    prob.fixes.insert(0, TrainingFix(f"encode, then repeat for the {steps} output steps: return_sequences=False on "
                                     f"{rnn.name}, then RepeatVector({steps})", "model",
                                     edits=[("config", rnn, {"return_sequences": False}),
                                            ("append_after_layer", rnn, ("RepeatVector", (steps,)))], cost=2))


def _relaid_labels(model: Any, y_shape: tuple, out: tuple) -> TrainingFix | None:
    """Labels laid out like an output the model itself reshapes (a patch's (9, 9, 9) voxels as 729 rows of
    class scores, ``Reshape((OUT_PATCH ** 3, NUM_CLASSES))``): the same values per sample, the same classes
    last, only the model's layout differs. ``y.reshape(-1, *out[1:])`` reads them row-major, exactly as the
    model's Reshape reads its map. None unless a Reshape layer of the model gives the output's shape."""
    import math

    if len(y_shape) == len(out) or not y_shape or y_shape[-1] != out[-1] \
            or not all(isinstance(d, int) for d in tuple(y_shape[1:]) + tuple(out[1:])) \
            or math.prod(y_shape[1:]) != math.prod(out[1:]):
        return None
    try:
        reshaped = any(type(layer).__name__ == "Reshape" and tuple(layer.output.shape)[1:] == tuple(out[1:])
                       for layer in getattr(model, "layers", []))
    except (AttributeError, ValueError):
        return None
    if not reshaped:
        return None
    sizes = ", ".join(str(d) for d in out[1:])
    how = "{v}.reshape(-1, " + sizes + ")"
    return TrainingFix(f"lay the labels out like the model's output: y.reshape(-1, {sizes})", "labels",
                       transform=how, apply=numpy_transform(how), cost=1)


def _fitted_cleanly(model: Any) -> bool:
    """*model* already ran a training call (``fit``, ``train_on_batch``) to its end, raising nothing, whose
    labels fit its output (no problem found): its output is the one the labels were made for. The call
    being checked has not finished, so it never counts."""
    from shapedoctor.trace import recorder as rec

    calls = list(getattr(rec.CURRENT, "training_calls", None) or []) if rec.CURRENT is not None else []
    return any(c.model is model and c.method in ("fit", "train_on_batch") and c.finished and c.error is None
               and not c.findings and c.y_shapes is not None for c in calls)


def _loss_proven(prob: Problem, model: Any) -> None:
    """Labels in the other encoding than the loss: when the model already trained with this loss (an
    ``evaluate`` after ``fit``), the loss accepted the training labels, so changing it would break the
    call that trained: the labels fix alone is offered. When one loss serves several outputs the labels
    fix comes first (changing the loss changes them all)."""
    from shapedoctor.diagnosis import training_evidence as ev

    if ev.trained(model):
        prob.fixes = [f for f in prob.fixes if f.kind != "loss"]
    elif loss_shared(model):
        prob.fixes.reverse()


def _ids_per_position(sample: Any, y_shape: tuple, out: tuple, top: Any = None) -> bool:
    """Labels holding one class id per position of a per-position output: (N, T) or (N, T, 1) ids
    against (None, T, k) probabilities (sequence tagging), every id below k."""
    import numpy as np

    if len(out) < 3 or not out[-1] or tuple(y_shape[1:]) not in (tuple(out[1:-1]), tuple(out[1:-1]) + (1,)):
        return False
    if is_one_hot(sample):
        return False
    arr = np.asarray(sample)
    largest = top if isinstance(top, int) else (int(arr.max()) if arr.size else None)
    return largest is not None and 0 <= int(arr.min()) and largest < out[-1]


def _head_width_only(out: tuple, y_shape: tuple) -> bool:
    """Labels and output of the same rank (3 or more) whose positions agree (an unknown length in
    the output fits any) and whose last axis, the classes, differs: (None, None, 30) against
    (N, 14, 42) one-hot characters per step."""
    return (len(out) == len(y_shape) >= 3 and shapes_fit(tuple(y_shape[1:-1]), tuple(out[1:-1]))
            and isinstance(y_shape[-1], int) and y_shape[-1] != out[-1])


def _unit_axis_to_drop(y_shape: tuple, out: tuple) -> int | None:
    """The axis of size 1 whose removal gives the labels the output's shape ((N, 1, k) against (None, k))."""
    if len(y_shape) != len(out) + 1:
        return None
    for axis in range(1, len(y_shape)):
        if y_shape[axis] == 1 and shapes_fit(tuple(y_shape[1:axis]) + tuple(y_shape[axis + 1:]), tuple(out[1:])):
            return axis
    return None


def _extra_axes(out, y_shape, name, model, index, layer) -> Problem:
    prob = Problem("SD202", f"the output {format_shape(out)} has more axes than the labels {format_shape(y_shape)}",
                   "layer", expected=f"rank {len(y_shape) + (1 if name in SPARSE else 0)}", received=format_shape(out),
                   layer=layer)
    prob.silent_family = "SD206"  # if the loss broadcasts, Dense was applied per position
    prob.explanation = (f"The model outputs one prediction per position, {format_shape(out)}, but the labels have one "
                        f"per sample, {format_shape(y_shape)}. Dense keeps every axis but the last, so after an "
                        "Embedding, RNN with return_sequences=True or a convolution, the extra axes must be pooled or "
                        "flattened before the output layer.")
    rank_in = len(out)
    head = output_layer(model, index)
    if name in BINARY | ELEMENTWISE and rank_in >= 3 and len(y_shape) == rank_in - 1 and isinstance(out[-1], int) \
            and out[-1] > 1 and head is not None and shapes_fit(tuple(y_shape[1:]), tuple(out[1:-1])) \
            and out[-1] != y_shape[-1]:
        # One value per position, (N, 60, 80) binary masks, against (None, 60, 80, 32) channels: the
        # positions agree and nothing is to be pooled; the layer that set the 32 channels should set one.
        # Not when the head's width is the labels' width, (None, 26, 26) against (N, 26): the head was
        # sized for one row of 26 values per sample, and the extra axis is the input's, never reduced (r929).
        width = width_layer(head)
        if width_key(width) is not None:
            prob.layer = width
            prob.explanation = (f"The labels hold one value per position, {format_shape(y_shape)}; the model "
                                f"outputs {out[-1]} values per position, {format_shape(out)}. The positions agree: "
                                f"the output needs one channel, set by `{width.name}`.")
            prob.fixes.append(units_fix(width, 1))
            return prob
    from shapedoctor.diagnosis.training_output_layout import windowed_pooling_fixes

    pooled = windowed_pooling_fixes(model, index, rank_in)
    if pooled is not None:  # the user pooled, with a window: the global pooling removes the axes
        prob.layer = pooled[0]
        prob.explanation += (f" `{pooled[0].name}` pools over a window, so it only shrinks those axes; one "
                             "label per sample needs the pooling over every position.")
        prob.fixes.extend(pooled[1])
        return prob
    rnn = _last_sequence_rnn(model)
    reader = _sequence_reader_after(model, index, rnn) if rnn is not None and rank_in == 3 else None
    if reader is not None:  # attention (or a convolution) reads the RNN's steps: they are meant to be there
        rnn, prob.layer = None, reader
        prob.explanation += (f" `{reader.name}` comes after a layer that needs every step of the sequence, and "
                             "nothing between them reduces the steps to one vector.")
    if rnn is not None and rank_in == 3 and type(rnn).__name__ == "Bidirectional":
        prob.layer = rnn  # the wrapped RNN kept the time axis: it returns only its last step
        wrapped = _wrapped_last_step_rnn(layer_config(rnn), steps=False)
        if wrapped is not None:
            prob.fixes.append(TrainingFix(f"return only the last step: return_sequences=False on the layer inside "
                                          f"{rnn.name}", "model", edits=[("config", rnn, wrapped)], cost=1))
    elif rnn is not None and rank_in == 3:
        prob.layer = rnn
        # A TimeDistributed wrapper after it needs the time axis: the expert drops both
        # (return_sequences=False, then the wrapped Dense on its own).
        unwrap = [("unwrap", w, None) for w in _wrappers_after(model, index, rnn)]
        prob.fixes.append(TrainingFix(f"return only the last step: return_sequences=False on {rnn.name}"
                                      + (" and call the TimeDistributed layer's Dense on its own" if unwrap else ""),
                                      "model", edits=[("config", rnn, {"return_sequences": False}), *unwrap], cost=1))
    mirrored = _sibling_reduction(model, index) if rnn is None else None
    if mirrored is not None:  # another output head reduces the positions right after the same kind of layer
        after, missing, sibling = mirrored
        prob.layer = after
        prob.explanation += (f" The model's other output `{sibling}` applies {missing}() right after its own "
                             f"{type(after).__name__}; this head leaves it out.")
        prob.fixes.append(TrainingFix(f"do as the output `{sibling}` does: {missing}() after {after.name}", "model",
                                      edits=[("append_after_layer", after, (missing, ()))], cost=1))
        return prob
    first = _first_dense_on_map(model, index)
    if first is not None and rnn is None:
        # Dense keeps every axis but the last: the root cause is the FIRST Dense applied to the
        # feature map (where Flatten/pooling was left out), not the output layer.
        prob.layer = first
        if list(model.layers)[:1] == [first]:  # no layer made the extra axes: each sample is a matrix
            prob.explanation += (f" Here `{first.name}` is the model's first layer: each sample of the data is "
                                 "itself a matrix (or an image), so flatten it first (Flatten(), or reshape the "
                                 "data to one row per sample).")
        pool = f"GlobalAveragePooling{rank_in - 2}D" if 3 <= rank_in <= 5 else None
        flatten = TrainingFix(f"flatten the feature map before {first.name}: Flatten()", "model",
                              edits=[("insert_before_layer", first, "Flatten")], cost=1)
        pooled = TrainingFix(f"pool the feature map before {first.name}: {pool}()", "model",
                             edits=[("insert_before_layer", first, pool)], cost=1) if pool else None
        # A sequence of token vectors (an Embedding or attention encoder made it) or the map of a
        # convolution over a series or of a nested (pretrained) body is averaged over its positions;
        # a matrix or a plain CNN's image map is flattened.
        order = [pooled, flatten] if _pooled_by_convention(model, first, rank_in) else [flatten, pooled]
        prob.fixes.extend(f for f in order if f is not None)
        widened = [_with_head_width(model, index, f, y_shape, name) for f in order if f is not None]
        prob.fixes.extend(f for f in widened if f is not None)
        # Before the output layer, these are the very edits the generic ones below would repeat; else
        # pooling only before the output layer would leave a Dense applied per pixel.
        return prob
    prob.fixes.append(TrainingFix(f"pool the extra axes before the output layer: GlobalAveragePooling{rank_in - 2}D()",
                                  "model", edits=[("insert_before_output", index, f"GlobalAveragePooling{rank_in - 2}D")],
                                  cost=1))
    prob.fixes.append(TrainingFix("flatten before the output layer: Flatten()", "model",
                                  edits=[("insert_before_output", index, "Flatten")], cost=2))
    head = output_layer(model, index)
    width = y_shape[-1] if len(y_shape) == 2 and name not in SPARSE else None
    if len(y_shape) == 1 and name not in SPARSE:
        width = 1  # one value per sample (a 0/1 or a real target): a head of one unit
    if head is not None and "units" not in layer_config(head) and isinstance(width, int) and rank_in >= 3 \
            and rnn is None:
        # The output layer is a convolution (a per-step or per-pixel map): no edit of it gives one row
        # of `width` values per sample; the usual head does, a Flatten and a Dense of that width after it.
        # (Edits apply in order: the Dense is appended after the head, then the Flatten between them.)
        what = "one value per sample" if width == 1 else f"the labels' {width} values"
        prob.fixes.append(TrainingFix(f"map the output to {what}: Flatten() and Dense({width}) "
                                      f"after {head.name}", "model",
                                      edits=[("append_after_layer", head, ("Dense", (width,))),
                                             ("append_after_layer", head, ("Flatten", ()))], cost=3))
    return prob


def _with_head_width(model: Any, index: int, fix: TrainingFix, y_shape: tuple, name: str) -> TrainingFix | None:
    """*fix* (a Flatten or pooling before the first Dense on the map) with the output heads also made as wide
    as the labels' rows: a trunk of Dense layers on (7, 3) windows with ``Dense(1)`` heads for the next 5
    values of each series (r1151) needs both edits, the axes reduced and each head giving 5 values. Every
    output head of the failing one's class and width is widened; verification decides whether the other
    outputs' labels agree. None when the labels are ids or the head already has their width."""
    head = output_layer(model, index)
    if head is None or name in SPARSE or len(y_shape) != 2 or not isinstance(y_shape[-1], int) or y_shape[-1] < 2:
        return None
    key = width_key(head)
    units = layer_config(head).get(key) if key else None
    if not isinstance(units, int) or units == y_shape[-1]:
        return None
    heads = [h for h in (output_layer(model, i) for i in range(len(model.outputs)))
             if h is not None and type(h) is type(head) and layer_config(h).get(key) == units]
    unique = list(dict.fromkeys(heads))
    return TrainingFix(f"{fix.title.split(':')[0]} and give {', '.join(h.name for h in unique)} the labels' "
                       f"{y_shape[-1]} values: {fix.title.split(': ')[-1]} and {key}={y_shape[-1]}", "model",
                       edits=[*fix.edits, *(("config", h, {key: y_shape[-1]}) for h in unique)], cost=2)


def _pooled_by_convention(model: Any, first: Any, rank: int) -> bool:
    """Whether the positions before the first Dense on the map are pooled, not flattened, by the
    usual way of writing such a model: tokens embedded or attended over (:func:`_encodes_tokens`), a
    Conv1D's map over a series (a classifier of a series does not tie its weights to time steps),
    or the map of a nested model, a pretrained body (``include_top=False``) whose head pools
    (GlobalAveragePooling2D). Flatten stays first for a matrix per sample or a plain CNN's map."""
    import keras

    if rank == 3 and _encodes_tokens(model):
        return True
    from shapedoctor.diagnosis.context import PASS_THROUGH

    producer, seen = previous_layer(first), 0
    while producer is not None and type(producer).__name__ in PASS_THROUGH and seen < 8:
        seen += 1
        producer = previous_layer(producer)
    if producer is None:
        return False
    if isinstance(producer, keras.Model):
        return True
    return rank == 3 and type(producer).__name__ in ("Conv1D", "SeparableConv1D", "DepthwiseConv1D")


def _encodes_tokens(model: Any) -> bool:
    """Whether the model embeds tokens or runs attention over positions (an Embedding or a
    MultiHeadAttention layer): its sequences are pooled over positions before a classifier."""
    return any(type(layer).__name__ in ("Embedding", "MultiHeadAttention") for layer in all_layers(model))


def _first_dense_on_map(model: Any, index: int) -> Any:
    """The first Dense of the chain of Dense (and shape-keeping) layers that ends at output *index*,
    when that chain starts on a tensor with more than two axes (a feature map or a sequence)."""
    layer, first = output_layer(model, index), None
    if not getattr(model, "built", True) and hasattr(model, "pop"):
        return _first_dense_unbuilt(model)  # no graph to walk back: the Sequential's own layers
    while layer is not None:
        name = type(layer).__name__
        from shapedoctor.diagnosis.context import PASS_THROUGH

        if name == "Dense":
            first = layer
        elif name not in PASS_THROUGH:
            break
        tensors = layer_inputs(layer)
        if not tensors:
            break
        rank, layer = len(tensors[0].shape), previous_layer(layer)
        if rank <= 2:
            return None
    return first


_REDUCTIONS = ("Flatten", "GlobalAveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling2D",
               "GlobalMaxPooling2D", "GlobalAveragePooling3D", "GlobalMaxPooling3D")


def _head_chain(model: Any, index: int) -> list:
    """The layers that made output *index*, from the output back along each first input."""
    chain, layer = [], output_layer(model, index)
    while layer is not None and len(chain) < 64 and all(layer is not seen for seen in chain):
        chain.append(layer)
        layer = previous_layer(layer)
    return chain


def _sibling_reduction(model: Any, index: int) -> tuple | None:
    """(the layer of output *index*'s head to reduce after, the reducing layer's class, the sibling
    output's name) when another output branches off the same layer and its head is this head with
    one position-reducing layer more (``Dense(1)``, ``Flatten()``, softmax beside ``Dense(1)``, softmax):
    a two-headed model (a span's start and end) whose second head left out the first's Flatten."""
    outputs = list(getattr(model, "outputs", None) or [])
    if len(outputs) < 2:
        return None
    mine = _head_chain(model, index)
    for other in range(len(outputs)):
        theirs = _head_chain(model, other)
        if other == index or len(outputs[other].shape) >= len(outputs[index].shape):
            continue
        common = next((i for i, layer in enumerate(mine) if any(layer is t for t in theirs)), None)
        if common is None:
            continue
        forward = mine[:common][::-1]  # this head, from the shared layer on
        head = next(theirs[:j][::-1] for j, t in enumerate(theirs) if t is mine[common])
        own, names = [type(layer).__name__ for layer in forward], [type(layer).__name__ for layer in head]
        for at, name in enumerate(names):
            if name in _REDUCTIONS and at > 0 and names[:at] + names[at + 1:] == own:
                return forward[at - 1], name, getattr(model, "output_names", [None] * len(outputs))[other] or \
                    head[-1].name
    return None


def _first_dense_unbuilt(model: Any) -> Any:
    """The same for a Sequential not built yet (no ``Input``: Keras builds it at the first call): its
    trailing Dense chain keeps the rank it is given, which is the output's, so when that rank is more
    than two the chain starts on the map (or on the data itself, a matrix per sample)."""
    from shapedoctor.diagnosis.context import PASS_THROUGH

    first = None
    for layer in reversed(list(model.layers)):
        name = type(layer).__name__
        if name == "Dense":
            first = layer
        elif name not in PASS_THROUGH:
            break
    return first


def _wrappers_after(model: Any, index: int, layer: Any) -> list:
    """The TimeDistributed layers between *layer* and output *index* (walking back from the output)."""
    found, current = [], output_layer(model, index)
    while current is not None and current is not layer:
        if type(current).__name__ == "TimeDistributed":
            found.append(current)
        current = previous_layer(current)
    return found if current is layer else []


_PER_STEP = {"Dense", "Dropout", "Activation", "TimeDistributed", "LayerNormalization", "BatchNormalization",
             "SpatialDropout1D", "GaussianNoise", "ActivityRegularization"}


def _sequence_reader_after(model: Any, index: int, rnn: Any) -> Any:
    """When a layer that reads the whole sequence (attention, a convolution) sits between *rnn* and
    output *index*, the first Dense after it: the RNN's steps are used on purpose, and the reduction
    to one vector per sample is missing right before that Dense. None otherwise."""
    from shapedoctor.diagnosis.training_base import layers_back

    walk = layers_back(model, index, 12)
    if rnn not in walk:
        return None
    between = walk[:walk.index(rnn)]  # output first
    readers = [i for i, layer in enumerate(between) if type(layer).__name__ not in _PER_STEP]
    if not readers:
        return None
    after = [layer for layer in between[:readers[0]] if type(layer).__name__ == "Dense"]
    return after[-1] if after else None


def _last_sequence_rnn(model: Any) -> Any:
    """The last recurrent layer that returns sequences (it kept the time axis), if any."""
    found = None
    for layer in all_layers(model):
        if type(layer).__name__ in ("LSTM", "GRU", "SimpleRNN", "Bidirectional") and \
                getattr(layer, "return_sequences", False):
            found = layer
    return found


# Layers that resize the other axes of a channels-last map but keep its last axis (the width).
_CHANNEL_KEEPING = frozenset("UpSampling ZeroPadding Cropping Resizing".split())


def width_layer(layer: Any) -> Any:
    """*layer*, or when it only passes its input through (an Activation, Dropout, or an UpSampling2D that
    resizes the map but keeps its channels), the layer before it that sets the width (``units``/``filters``)."""
    from shapedoctor.diagnosis.context import PASS_THROUGH

    def sets_width(candidate) -> bool:  # TimeDistributed(Dense(k)): the wrapped Dense sets it
        inner = (layer_config(candidate).get("layer") or {}).get("config") or {}
        return width_key(candidate) is not None or (type(candidate).__name__ == "TimeDistributed"
                                                     and isinstance(inner.get("units"), int))

    def keeps_width(candidate) -> bool:  # an UpSampling2D after the 1x1 classifier keeps its channels
        name = type(candidate).__name__
        return name in PASS_THROUGH or (name.rstrip("123D") in _CHANNEL_KEEPING
                                        and layer_config(candidate).get("data_format", "channels_last") != "channels_first")

    seen, current = 0, layer
    while current is not None and not sets_width(current) and keeps_width(current) and seen < 8:
        seen += 1
        current = previous_layer(current, only_one=True)
    return current if current is not None and sets_width(current) else layer


_HIDDEN_ACTIVATIONS = frozenset("relu relu6 elu selu gelu leaky_relu swish silu mish".split())


def _hidden_twin(layer: Any) -> bool:
    """*layer* is a hidden Dense, not a head: a ReLU-family activation, and as wide as the Dense before it
    (``Dense(32, "relu")`` twice, the output layer left out, r1098)."""
    # the activation's function name: a config holds a dict, not a name, for tf.nn.softmax and its kin
    if type(layer).__name__ != "Dense" or getattr(getattr(layer, "activation", None), "__name__", None) \
            not in _HIDDEN_ACTIVATIONS:
        return False
    before = previous_layer(layer, only_one=True)
    seen = 0
    while before is not None and type(before).__name__ != "Dense" and width_key(before) is None and seen < 4:
        seen, before = seen + 1, previous_layer(before, only_one=True)  # past Dropout, BatchNormalization, ...
    return before is not None and type(before).__name__ == "Dense" \
        and layer_config(before).get("units") == layer_config(layer).get("units")


def units_fix(layer, units: int, activation: str | None = None) -> TrainingFix:
    if _hidden_twin(layer):  # the model lacks its output layer: add it, the hidden one stays as it is
        kwargs = {"activation": activation} if activation else {}
        shown = f"Dense({units}" + (f", activation={activation!r})" if activation else ")")
        return TrainingFix(f"add the output layer the model lacks: {shown} after {layer.name}", "model",
                           edits=[("append_after_layer", layer, ("Dense", (units,), kwargs))], cost=1)
    if width_key(layer) is None and activation is None:
        wrapped = _wrapped_units_fix(layer, units)  # TimeDistributed(Dense(1)): the Dense's units, not the wrapper's
        if wrapped is not None:
            return wrapped
    changes = {width_key(layer) or "units": units}
    if activation is None and units == 1 and layer_config(layer).get("activation") == "softmax":
        activation = "sigmoid"  # softmax over one unit is always 1.0: one unit is a sigmoid probability
    if activation:
        changes["activation"] = activation
    what = ", ".join(f"{k}={v!r}" if isinstance(v, str) else f"{k}={v}" for k, v in changes.items())
    return TrainingFix(f"make the output layer {layer.name} match the labels: {what}", "model",
                       edits=[("config", layer, changes)], cost=1)


def _wrapped_units_fix(layer: Any, units: int) -> TrainingFix | None:
    """The width fix of a ``TimeDistributed(Dense(k))`` head: the wrapped layer's ``units`` set to
    *units* (softmax kept over several classes; over one unit, sigmoid), or None for another layer."""
    import copy

    cfg = layer_config(layer)
    inner = copy.deepcopy(cfg.get("layer") or {})
    inner_cfg = inner.get("config") or {}
    if type(layer).__name__ != "TimeDistributed" or not isinstance(inner_cfg.get("units"), int) \
            or inner_cfg["units"] == units:
        return None
    inner_cfg["units"] = units
    if units == 1 and inner_cfg.get("activation") == "softmax":
        inner_cfg["activation"] = "sigmoid"
    inner["config"] = inner_cfg
    return TrainingFix(f"make the layer inside {layer.name} match the labels: units={units}", "model",
                       edits=[("config", layer, {"layer": inner})], cost=1)


def class_activation(layer: Any, classes: int) -> str | None:
    """The activation a head widened to *classes* one-hot classes needs: a sigmoid made one unit a
    binary probability; over several exclusive classes (categorical cross-entropy) the units must
    share one distribution, so it becomes softmax. Any other activation is the user's choice (None)."""
    return "softmax" if classes > 1 and layer_config(layer).get("activation") == "sigmoid" else None


# -- model structure (silent) ------------------------------------------------------------
def _check_structure(model: Any) -> list[Problem]:
    out = []
    for layer in all_layers(model):
        cfg = layer_config(layer)
        softmax_layer = (type(layer).__name__ == "Activation" and cfg.get("activation") == "softmax") or (
            type(layer).__name__ == "Softmax" and cfg.get("axis", -1) in (-1, None))  # over the last axis only
        if softmax_layer and _input_width(layer) == 1:
            prob = Problem("SD207", f"`{layer.name}` applies softmax to a single value: it always outputs 1.0",
                           "layer", expected="sigmoid with 1 unit, or softmax with 2+ units", received="softmax, 1 unit",
                           layer=layer)
            prob.explanation = ("Softmax normalises the last axis to sum to 1; with one value that value is always "
                                "1.0, whatever the input, so nothing can be learned.")
            prob.output_index = _output_index_of(model, layer)  # its fix is judged on its own output
            rank = _input_rank(layer)
            if rank is not None and rank >= 3:
                # (batch, positions, 1) scores, one per token or pixel (a span head's Conv1D(1, 1), r1198): the
                # softmax is meant over the positions, so the scores are flattened into one row first
                prob.explanation += (f" Here it gets one score per position, {format_shape(tuple(layer.input.shape))}:"
                                     " flatten them first, so that the softmax runs over the positions.")
                prob.fixes.append(TrainingFix(f"flatten the scores before {layer.name}: Flatten()", "model",
                                              edits=[("insert_before_layer", layer, "Flatten")], cost=1))
            if type(layer).__name__ == "Activation":
                prob.fixes.append(TrainingFix('use Activation("sigmoid") for one unit', "model",
                                              edits=[("config", layer, {"activation": "sigmoid"})], cost=1))
            out.append(prob)
            continue
        if cfg.get("activation") == "softmax" and cfg.get("units") == 1:
            prob = Problem("SD207", f"`{layer.name}` applies softmax to a single unit: it always outputs 1.0",
                           "layer", expected="sigmoid with 1 unit, or softmax with 2+ units", received="softmax, 1 unit",
                           layer=layer)
            prob.explanation = ("Softmax normalises the last axis to sum to 1; with one value that value is always 1.0, "
                                "whatever the input, so nothing can be learned.")
            prob.fixes.append(TrainingFix('use activation="sigmoid" for one unit', "model",
                                          edits=[("config", layer, {"activation": "sigmoid"})], cost=1))
            out.append(prob)
    return out


def _output_index_of(model: Any, layer: Any) -> int:
    """The index of the model output *layer* makes (0 when it makes none of them)."""
    try:
        made = [getattr(getattr(t, "_keras_history", None), "operation", None) for t in model.outputs]
    except (AttributeError, TypeError, ValueError):
        return 0
    return made.index(layer) if layer in made else 0


def _input_rank(layer: Any) -> int | None:
    try:
        return len(tuple(layer.input.shape))
    except (AttributeError, ValueError, TypeError):
        return None


def _input_width(layer: Any) -> int | None:
    try:
        return tuple(layer.input.shape)[-1]
    except (AttributeError, ValueError, TypeError, IndexError):
        return None


