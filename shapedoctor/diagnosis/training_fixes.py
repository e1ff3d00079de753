"""Turn training-time :class:`Problem`s into Findings with fixes verified on the user's data.

A fix is verified by one real training step (``train_on_batch``; ``predict_on_batch`` for
inference calls) of a **clone** of the model — fresh weights, the user's model untouched —
on the first few samples of the user's own x and y, after applying the fix to the loss,
the labels, the data or the model. For silent problems, verified also means the loss now
compares labels and outputs of the same shape, with no broadcasting.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
import warnings
from dataclasses import dataclass, field
from typing import Any

from shapedoctor.diagnosis.training_base import (
    BINARY,
    CATEGORICAL,
    ELEMENTWISE,
    SPARSE,
    Problem,
    TrainingFix,
    flat_items,
    is_shape,
    loss_aligned_shapes,
    loss_name,
    loss_text,
    model_inputs,
    model_outputs,
    shapes_fit,
)
from shapedoctor.graph.model import format_shape
from shapedoctor.patch.apply import SCRIPT_PROOF_NOTE, attach
from shapedoctor.patch.textedit import TextEdit, indentation
from shapedoctor.repair import invariants as inv
from shapedoctor.repair.invariants import Checks
from shapedoctor.report.model import Finding, FixReport, PathStep, Place
from shapedoctor.trace.sites import Site, called_name, display_path
from shapedoctor.trace.training import TrainingCall
from shapedoctor.trace.sites import source_tree


def findings_for(call: TrainingCall, problems: list[Problem], recorder: Any = None) -> list[Finding]:
    out = []
    for prob in problems:
        try:
            out.append(_finding(call, prob, recorder))
        except Exception as exc:  # noqa: BLE001 - one bad finding must not hide the others
            out.append(_bare_finding(call, prob, note=f"fixes could not be checked ({type(exc).__name__})"))
    return out


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b


def _bare_finding(call: TrainingCall, prob: Problem, note: str | None = None) -> Finding:
    from shapedoctor.families import get

    fam = get(prob.family)
    where = _place(call, "consumer", prob, recorder=None)
    finding = Finding(fam.id, fam.slug, fam.severity, prob.message, consumer=where, culprit=where,
                      expected=prob.expected, received=prob.received, explanation=prob.explanation)
    if note:
        finding.explanation += f" ({note})"
    return finding


def _finding(call: TrainingCall, prob: Problem, recorder: Any) -> Finding:
    from shapedoctor.families import get

    fam = get(prob.family)
    fixes, rejected, kept = [], [], []
    from shapedoctor.diagnosis.size_choice import with_training_config_choices

    with_training_config_choices(prob, call.model)  # a layer size chosen elsewhere: edited there too
    for fix in sorted(prob.fixes, key=lambda f: f.cost):
        verdict = verify(call, prob, fix, recorder)
        if verdict.ok or verdict.unclonable or verdict.checks.results.get("reaches_end"):
            report = _report(call, prob, fix, recorder, verdict, fixes + rejected)
            if report is None:
                continue
            if verdict.ok or verdict.unclonable:
                kept.append(fix)
            if verdict.ok:
                fixes.append(report)
            elif verdict.unclonable:
                report.needs_proof = True
                reason = verdict.unclonable if fix.proof_only else \
                    f"the model cannot be cloned to try this fix on ({verdict.unclonable})"
                report.note = _join(report.note, f"{reason}; {SCRIPT_PROOF_NOTE}")
                fixes.append(report)
            else:
                report.title = f"{report.title} (not verified: {verdict.checks.failure_text()})"
                rejected.append(report)
        if len(fixes) >= 4:
            break
    if not fixes:
        _searched(call, prob, recorder, fixes, kept)
    nested = None if fixes else _nested_output(call, prob, recorder)
    if not fixes and rejected:
        fixes.append(rejected[0])  # nothing better: show the best, marked "not verified: <invariant>"
    from shapedoctor.diagnosis.repaired_side import blame_the_declaration, blame_the_repaired_layer

    blame_the_repaired_layer(prob, kept) or blame_the_declaration(call, prob, kept)
    consumer = _place(call, "consumer", prob, recorder)
    culprit = _place(call, prob.culprit_kind, prob, recorder)
    if nested is not None:  # the output layer nested in a user class (diagnosis/nested_output_width.py)
        culprit, fix, why = nested
        fixes.insert(0, fix)
        prob.explanation = why + " " + prob.explanation
    severity = "warning" if prob.silent else fam.severity
    finding = Finding(fam.id, fam.slug, severity, prob.message, consumer=consumer, culprit=culprit,
                      expected=prob.expected, received=prob.received, path=_path(call, prob, recorder),
                      explanation=prob.explanation, fixes=fixes)
    if nested is not None:
        _path_marks(finding)
    _reaimed(call, prob, finding)
    from shapedoctor.repair.ranking import annotate

    annotate(finding)
    return finding


def _nested_output(call: TrainingCall, prob: Problem, recorder: Any):
    """(culprit, fix, why) when an autoencoder's output layer sits inside a layer class of the user's own
    that no model-side search can edit, else None."""
    from shapedoctor.diagnosis.nested_output_width import nested_output_width

    try:
        return nested_output_width(call, prob, recorder)
    except Exception:  # noqa: BLE001 - evidence only: a rule that cannot read its evidence holds no verdict
        return None


def _reaimed(call: TrainingCall, prob: Problem, finding: Finding) -> None:
    """Rules read from the source that name another line than the training rules did, each with its
    fix (proven by running the patched script): the first that holds re-aims *finding*."""
    from shapedoctor.diagnosis.appended_rows import appended_rows
    from shapedoctor.diagnosis.constant_labels import constant_labels
    from shapedoctor.diagnosis.encoded_unused import encoded_unused
    from shapedoctor.diagnosis.eye_column_index import eye_column_index
    from shapedoctor.diagnosis.label_column_kept import label_column_kept
    from shapedoctor.diagnosis.labels_from_features import labels_from_features
    from shapedoctor.diagnosis.last_partial_batch import last_partial_batch
    from shapedoctor.diagnosis.loop_count import loop_count
    from shapedoctor.diagnosis.mapped_unlike_training import mapped_unlike_training
    from shapedoctor.diagnosis.masked_onehot import masked_onehot
    from shapedoctor.diagnosis.prepared_unlike_training import prepared_unlike_training, sized_unlike_training
    from shapedoctor.diagnosis.rebound_size import rebound_size
    from shapedoctor.diagnosis.scalar_inputs import scalar_inputs
    from shapedoctor.diagnosis.shifted_sequences import shifted_sequences
    from shapedoctor.diagnosis.shifted_targets import last_token_target
    from shapedoctor.diagnosis.unused_targets import unused_targets
    from shapedoctor.diagnosis.unwindowed_data import unwindowed_data
    from shapedoctor.diagnosis.flattened_data import flattened_data
    from shapedoctor.diagnosis.vocabulary_vectors import vocabulary_vectors
    from shapedoctor.diagnosis.transposed_alone import transposed_alone
    from shapedoctor.diagnosis.refit_encoder import refit_encoder
    from shapedoctor.diagnosis.pair_axis import pair_axis
    from shapedoctor.diagnosis.generated_data import generated_data
    from shapedoctor.diagnosis.unique_count_units import unique_count_units
    from shapedoctor.diagnosis.lookup_oov_labels import lookup_oov_labels
    from shapedoctor.diagnosis.declared_from_other_array import declared_from_other_array
    from shapedoctor.diagnosis.vector_product_labels import vector_product_labels

    # max_length = 6 after the model was built with 7; [Dense(k)(x) for i in range(7)] against 11 slots;
    # labels = table[:, -1] beside data = table; np.array(rows) of rows.append(table[i]) for an id input
    # a loop over a dataset whose smaller last batch meets tensors sized by a fixed batch size
    # x_test prepared like x_train but without its reshape, or made like it with another size; a test
    # dataset mapped through a twin of the training map function without its tf.tile step
    # y_onehot = to_categorical(y) made and never passed: fit(x, y); y[y <= 1] on a one-hot y;
    # valid = np.ones((n, 1)) for a discriminator that scores every patch; ds.map(lambda s: (s[:-1], s[-1]))
    # for a model that predicts a token at every step; fold_y = x_train[a:b] beside fold_x = x_train[a:b]
    # vae.fit(x_train, x_test) of a model whose own train_step takes each batch as its inputs alone;
    # Input(shape=(1,)) for one id per sample, the embedding's extra axis reaching the output;
    # TextVectorization(output_sequence_length=maxlen) shifted into (tokens[:, :-1], tokens[:, 1:]) pairs;
    # np.eye(4)[ids] of an (n, 1) column of ids: (n, 1, 4) labels; predict(test_norm) for a model trained
    # on make_windows(train_norm); X_train.reshape(n, rows * cols) for a model that declares (rows, cols, 1)
    # encoded = encoder(new_review) of an encoder adapted on that review, not the training one
    # fit([pairs[0], pairs[1]], y) of a (n, 2, ...) array of pairs: every row's items are pairs[:, 0], pairs[:, 1]
    # train_on_batch(generator.predict(noise), ...) of a discriminator that trained on the real samples
    # Dense(num_classes) with num_classes = len(np.unique(labels)) for ids up to 24 with one unused;
    # topics numbered 1..5 by a StringLookup() that keeps its OOV index, for a Dense(5) softmax;
    # Input(shape=(X_train.shape[1],)) for a model fit on X_train_normal; y = X @ w + noise of a flat w
    for rule in (unused_targets, rebound_size, loop_count, label_column_kept, appended_rows, last_partial_batch,
                 flattened_data, vocabulary_vectors, refit_encoder, pair_axis, generated_data, transposed_alone, prepared_unlike_training, sized_unlike_training, mapped_unlike_training, encoded_unused,
                 masked_onehot,
                 constant_labels, last_token_target, labels_from_features, scalar_inputs,
                 shifted_sequences, eye_column_index, unwindowed_data, unique_count_units, lookup_oov_labels,
                 declared_from_other_array, vector_product_labels):
        try:
            found = rule(call, prob)
        except Exception:  # noqa: BLE001 - evidence only: a rule that cannot read its evidence holds no verdict
            found = None
        if found is not None and found[0] is None:  # another reading the evidence allows: its fix after the first
            _place, fix, why = found
            finding.fixes.insert(1, fix)
            finding.explanation = (finding.explanation or "") + " " + why
            return
        if found is not None:
            finding.culprit, fix, why, *alone = found
            if fix is not None and alone and alone[0]:
                finding.fixes = [fix]  # the evidence rules out every other fix (the model is right)
            elif fix is not None:
                finding.fixes.insert(0, fix)
            finding.explanation = why + " " + (finding.explanation or "")
            _path_marks(finding)
            return


def _path_marks(finding: Finding) -> None:
    """The shape path's "root cause" mark moved to the row of the re-aimed culprit's kind (the data,
    the labels or the model), so the table agrees with the root cause line above it."""
    kind = finding.culprit.kind if finding.culprit and finding.culprit.kind in ("data", "labels") else None
    rows = [step for step in finding.path if (step.cls == kind if kind else step.cls not in ("data", "labels"))]
    if not rows:
        return
    odd = [step for step in rows if step.output_shape == finding.received]
    rows = odd if kind == "data" and len(rows) > 1 and odd else rows  # of several inputs, the one that did not fit
    for step in finding.path:
        if step.role == "culprit":
            step.role = "consumer" if step.cls == "labels" else ""
    for step in rows:
        step.role = "culprit"


def _report(call: TrainingCall, prob: Problem, fix: TrainingFix, recorder: Any, verdict: Verdict,
            shown: list) -> FixReport | None:
    """The report of a tried *fix*, with the code it writes; None when a report in *shown* already
    writes the same code on the same line (the same layer reached two ways)."""
    code, file, line, edits, *why_not = render(call, prob, fix, recorder)
    if code and any((r.code, r.file, r.line) == (code, file, line) for r in shown):
        return None
    report = attach(FixReport(fix.title, code, file, line, verdict.ok, verdict.result_shape, fix.note,
                              checks=dict(verdict.checks.results), cost=fix.cost), edits, *why_not)
    report.chooses_size = any(edit[0] in ("input_rebind", "rebind") for edit in fix.edits if isinstance(edit, tuple))
    return report


def _searched(call: TrainingCall, prob: Problem, recorder: Any, fixes: list, kept: list) -> None:
    """No rule's fix was verified: single model edits found by search (diagnosis/training_search.py),
    verified like any fix; the verified ones go to *fixes* (reports) and *kept* (the fixes)."""
    from shapedoctor.diagnosis import training_search

    if not training_search.applies(prob):
        return
    both = training_search.shapes(call, prob)
    if both is not None and prob.labels_ask_for is None:
        from shapedoctor.diagnosis.training_base import loss_aligned_shapes

        labels, output = loss_aligned_shapes(both[1], both[0])
        if labels[1:] == output[1:]:
            return  # the shapes agree already (class ids under a one-unit sigmoid, r1083): no layer edit of shape helps
    known = {repr(f.edits) for f in prob.fixes}
    found = []  # (fix, report), verified
    for fix in training_search.candidates(call, prob):
        if repr(fix.edits) in known:
            continue
        verdict = verify(call, prob, fix, recorder)
        report = _report(call, prob, fix, recorder, verdict, [r for _f, r in found]) if verdict.ok else None
        if report is not None:
            found.append((fix, report))
        if len(found) >= training_search.LIMIT:
            break
    first = training_search.blame_the_searched_layer(prob, [fix for fix, _report in found])
    found.sort(key=lambda pair: pair[0] is not first)  # stable: the rest keep the search's order
    fixes.extend(report for _fix, report in found)
    kept.extend(fix for fix, _report in found)


# -- verification ------------------------------------------------------------------------
def _several(struct: Any) -> bool:
    """A list/tuple of inputs (or outputs), not one array written as a Python list of rows."""
    from shapedoctor.trace.training import is_row_list

    return isinstance(struct, (list, tuple)) and not hasattr(struct, "shape") and not is_shape(struct) \
        and not is_row_list(struct)


def _replace(struct: Any, index: int, value: Any) -> Any:
    if isinstance(struct, dict):
        key = list(struct)[index]
        return dict(struct, **{key: value})
    if _several(struct):
        items = list(struct)
        items[index] = value
        return type(struct)(items)
    return value


def _item(struct: Any, index: int) -> Any:
    if isinstance(struct, dict):
        return list(struct.values())[index]
    if _several(struct):
        return struct[index]
    return struct


def _same_count(x: Any, y: Any) -> bool:
    from shapedoctor.trace.recorder import shape_of

    counts = {shape_of(a)[0] for a in flat_items(x) + flat_items(y) if shape_of(a)}
    return len(counts) <= 1


def _np(a):
    import numpy as np

    return np.asarray(a)


def sample_head(value: Any, whole: bool, current: Any, index: int, n: int = 8) -> Any:
    """The first *n* samples of a transformed value, put back into the call's structure."""
    from shapedoctor.trace.training import sample_head as head

    cut = head(value, n)
    return cut if whole else _replace(current, index, cut)


def _structure_head(value: Any, n: int) -> Any:
    from shapedoctor.trace.training import sample_head as head

    return head(value, n)


@dataclass
class Verdict:
    """What one training step of a fixed clone showed: accepted by Keras, and which invariants held."""

    ok: bool
    result_shape: str | None = None
    checks: Checks = field(default_factory=Checks)
    unclonable: str | None = None  # why the model could not be cloned (then the patched script is proved)


class _CloneFailed(Exception):
    pass


def _why_not_copied(exc: BaseException | None) -> str:
    """The first sentence of why a model could not be copied (Keras appends whole configs)."""
    if exc is None:
        return "a layer cannot be rebuilt from its config"
    text = str(exc).splitlines()[0] if str(exc) else ""
    first = text.split(". ")[0].rstrip(".")
    return f"{type(exc).__name__}: {first[:160]}"


def _clone(model: Any) -> Any:
    import keras

    try:
        return keras.models.clone_model(model)
    except Exception as exc:  # noqa: BLE001 - custom layers with an incomplete get_config
        raise _CloneFailed(_why_not_copied(exc)) from exc


def _full_count(value: Any) -> int | None:
    from shapedoctor.trace.recorder import shape_of

    counts = [shape_of(a)[0] for a in flat_items(value) if shape_of(a)]
    return counts[0] if counts else None


def _data_invariants(call: TrainingCall, prob: Problem, fix: TrainingFix, full: Any, checks: Checks) -> None:
    """Samples and pairing on the FULL transformed arrays, not on the few rows used for the step."""
    from shapedoctor.trace.recorder import shape_of

    original = call.y_ref if fix.kind == "labels" else call.x_ref
    if not fix.whole:
        original = _item(original, prob.output_index)
    before = [shape_of(a) for a in flat_items(original)]
    after = [shape_of(a) for a in flat_items(full)]
    if len(before) > 1 and len(after) == 1 and len(set(before)) == 1 and before[0] is not None:
        before = [(len(before),) + before[0]]  # samples gathered in a list, stacked: one sample per item
    if fix.counts_to is not None:
        checks.record("keeps_data", *inv.few_samples_dropped(_full_count(original), fix.counts_to))
    stacked_labels = fix.apply(call.y_ref) if fix.labels_alike and call.y_ref is not None else None
    labels = None if fix.kind == "labels" or call.y_ref is None or call.batched else _full_count(
        call.y_ref if stacked_labels is None else stacked_labels)
    if fix.counts_to is None and not (fix.transform or "").startswith("{v}.batch(") and not fix.unbatches and fix.recounts is None:
        for b, a in zip(before, after):
            if fix.swapped_in:  # another of the user's arrays, whole: the pairing below is what counts
                break
            checks.record("samples", *inv.samples_kept(b, a, labels))
            # The user's own arrays; a re-encoding where the labels are made (line_edit) drops only
            # one-hot columns no label uses, and carries its own invariant (rows one-hot over the outputs).
            if (fix.rewrite_argument is None and fix.replace_argument is None and fix.line_edit is None
                    and not fix.converts and not fix.drops_copies and not fix.strides_like):
                checks.record("keeps_data", *inv.values_kept(b, a))
    if call.method in ("predict", "predict_on_batch") or call.y_ref is None or call.batched:
        return
    other = call.x_ref if fix.kind == "labels" else call.y_ref if stacked_labels is None else stacked_labels
    n_changed, n_other = _full_count(full), _full_count(other)
    if fix.counts_to is not None and n_other is not None:  # a count fix trims the other side to the same count
        n_other = min(n_other, fix.counts_to)
    checks.record("samples", *inv.paired(n_changed, n_other))


def _loss_invariant(loss: Any, y_shape: tuple | None, out: tuple | None) -> tuple[bool, str] | None:
    """(ok, why) when the loss compares labels and output of the same shape; None when it cannot be told."""

    if y_shape is None or out is None:
        return None
    name = loss_name(loss)
    why = f"labels {format_shape(y_shape)} against output {format_shape(out)} under {name}"
    if name in ELEMENTWISE | BINARY:
        a, b = loss_aligned_shapes(tuple(y_shape), tuple(out))
        return shapes_fit(tuple(a[1:]), tuple(b[1:])), why
    if name in CATEGORICAL:
        return shapes_fit(tuple(y_shape[1:]), tuple(out[1:])), why
    if name in SPARSE:
        core = tuple(y_shape[1:-1]) if len(y_shape) == len(out) and y_shape[-1] == 1 else tuple(y_shape[1:])
        return shapes_fit(tuple(core), tuple(out[1:-1])), why
    return None


def verify(call: TrainingCall, prob: Problem, fix: TrainingFix, recorder: Any) -> Verdict:
    """Apply *fix* to a clone (or to copies of the data), check the invariants, run one step on the user's samples."""
    from shapedoctor.diagnosis.training_stateful import fixed_batch
    from shapedoctor.patch import interrupts

    interrupts.checkpoint()  # a Ctrl-C Python could not raise ends the search here
    x, y, loss = call.x, call.y, call.loss
    weights = None  # new sample weights (kind "weights")
    checks = Checks()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if fix.kind == "loss":
                whole = fix.whole or not isinstance(loss, (list, dict))
                loss = fix.loss if whole else _replace(loss, prob.output_index, fix.loss)
                model = _clone(call.model)
            elif fix.kind == "labels":
                if fix.apply is None:
                    return Verdict(False, checks=checks)
                full = fix.apply(call.y_ref if fix.whole else _item(call.y_ref, prob.output_index))
                _data_invariants(call, prob, fix, full, checks)
                _own_checks(fix, full, checks)
                y = sample_head(full, fix.whole, y, prob.output_index)
                model = _clone(call.model)
            elif fix.kind == "weights":  # the call's sample weights, made anew
                full = fix.apply(None)
                n = len(flat_items(call.y_ref)[0]) if flat_items(call.y_ref) else None
                checks.record("samples", n is not None and len(full) == n,
                              f"{len(full)} weights for {n} samples")
                weights = _np(full)[:len(_np(flat_items(y)[0]))] if flat_items(y) else None
                model = _clone(call.model)
            elif fix.kind == "data" and prob.extra_where == "validation":  # one validation element, batched
                vx, vy = call.validation_element
                x, y = fix.apply(vx), None if vy is None else fix.apply(vy)
                model = _clone(call.model)
            elif fix.kind == "data":
                if fix.apply is None:
                    return Verdict(False, checks=checks)
                full = fix.apply(call.x_ref if fix.whole else _item(call.x_ref, prob.output_index))
                _data_invariants(call, prob, fix, full, checks)
                _own_checks(fix, full, checks)
                if fix.proof_only:  # a clone keeps the old declaration: the patched script decides
                    return Verdict(False, None, checks, unclonable=fix.proof_only if checks.ok else None)
                # A model built for one batch size (a stateful RNN) takes exactly that many samples.
                rows = fixed_batch(call.model) or 8
                x = sample_head(full, fix.whole, x if rows == 8 else _structure_head(call.x_ref, rows),
                                prob.output_index, rows)
                if rows != 8 and call.y_ref is not None:
                    y = _structure_head(call.y_ref, rows)
                if (fix.transform or "").startswith("{v}.batch(") or fix.batches_one:
                    y = None if y is None else _np(y)[None]
                elif fix.unbatches and y is not None:
                    from shapedoctor.diagnosis.data_origin import merge_batch_axes

                    y = merge_batch_axes(_np(y))[:len(_np(flat_items(x)[0]))]  # x: an array, or a dict of them
                elif fix.counts_to is not None:
                    y = _structure_head(call.y_ref, min(fix.counts_to, rows))
                elif fix.labels_too and y is not None:
                    y = x
                elif fix.labels_alike and call.y_ref is not None:  # a list of labels stacked like the samples
                    y = sample_head(fix.apply(call.y_ref), True, y, 0, rows)
                elif fix.new_labels is not None:  # the element regrouped: its targets change with its inputs
                    y = sample_head(fix.new_labels, True, y, 0, rows)
                model = _clone(call.model)
            else:
                if fix.proof_only:  # the fix edits more than the clone shows: the patched script decides
                    return Verdict(False, None, checks, unclonable=fix.proof_only)
                if call.y_ref is not None and not _same_count(call.x_ref, call.y_ref):
                    # (b) no edit of the model pairs 10 samples with 20 labels: the data or labels must change
                    checks.record("samples", False, "the data and the labels hold different numbers of samples")
                    return Verdict(False, checks=checks)
                model = _edited_model(call, fix, recorder)
                if fix.with_loss is not None:  # e.g. a sigmoid head and binary_crossentropy, changed together
                    whole = not isinstance(loss, (list, dict))
                    loss = fix.with_loss if whole else _replace(loss, prob.output_index, fix.with_loss)
                checks.record("size", *inv.model_size_kept(inv.model_size(call.model), inv.model_size(model)))
                learns = inv.output_learns(model, prob.output_index)
                if learns is not None:
                    checks.record("learns", *learns)
                _own_checks(fix, None, checks)
            outputs = model_outputs(model)
            if call.method in ("predict", "predict_on_batch") or y is None:
                model.predict_on_batch(x)
            else:
                if not _same_count(x, y):
                    checks.record("samples", False, "inputs and labels no longer pair up")
                    return Verdict(False, checks=checks)
                model.compile(optimizer="sgd", loss=_loss_for(loss))
                final = _item(loss, prob.output_index) if isinstance(loss, (list, dict)) else loss
                label = _item(y, prob.output_index)
                out = outputs[prob.output_index] if prob.output_index < len(outputs) else None
                verdict = _loss_invariant(final, tuple(getattr(label, "shape", ())) or None, out)
                if verdict is not None:
                    checks.record("loss_shapes", *verdict)
                    if fix.kind == "model":
                        checks.record("fits_labels", *verdict)
                model.train_on_batch(x, y, sample_weight=weights)
            checks.record("reaches_end", True)
            # (an SD201 problem's index is the input's: a two-input model may have one output)
            shape = format_shape(outputs[min(prob.output_index, len(outputs) - 1)] if outputs else None)
            return Verdict(checks.ok, shape, checks)
    except _CloneFailed as exc:
        return Verdict(False, None, checks, unclonable=str(exc))
    except Exception as exc:  # noqa: BLE001 - Keras refused: the fix does not work
        checks.record("reaches_end", False, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return Verdict(False, None, checks)


def _own_checks(fix: TrainingFix, full: Any, checks: Checks) -> None:
    """The invariants a check attached to its fix, on ALL the data (e.g. every id has an Embedding row)."""
    if fix.checks is None:
        return
    for name, ok, why in fix.checks(full):
        if checks.results.get(name, True):  # an invariant that already failed stays failed
            checks.record(name, ok, why)


def _loss_for(loss: Any) -> Any:
    if loss is None:
        return "mse"
    if isinstance(loss, dict):  # also a written dict literal (training_sibling_outputs.LossDict): Keras wants a dict
        return {key: _loss_for(value) for key, value in loss.items()}
    if isinstance(loss, list):
        return [_loss_for(value) for value in loss]
    return copy.deepcopy(loss) if not isinstance(loss, str) else loss


def _edited_model(call: TrainingCall, fix: TrainingFix, recorder: Any):
    from shapedoctor.graph.from_trace import graph_from_model
    from shapedoctor.infer.propagate import CannotRebuild, build_model
    from shapedoctor.trace.recorder import Recorder

    graph = graph_from_model(recorder or Recorder(), call.model, inline=True)
    for edit in _graph_edits(graph, fix):
        edit.apply(graph)
    try:
        return build_model(graph)
    except CannotRebuild as exc:  # like a model clone_model cannot copy: the patched script decides
        raise _CloneFailed(_why_not_copied(exc.__cause__)) from exc


def _graph_edits(graph, fix: TrainingFix) -> list:
    from shapedoctor.repair.edits import (
        AppendLayer,
        InsertLayer,
        RemoveNode,
        ReplaceLayer,
        SetConfig,
        SetShape,
    )

    edits = []
    for kind, target, value in fix.edits:
        if kind == "config":
            key = next(k for k, spec in graph.layers.items() if spec.live is target)
            edits.append(SetConfig(key, value))
        elif kind == "insert_before_output":
            node = graph.producer(graph.outputs[target])
            edits.append(InsertLayer(node.id, value))
        elif kind == "unwrap":
            key = next(k for k, spec in graph.layers.items() if spec.live is target)
            node = next(n for n in graph.nodes if n.layer == key)
            edits.append(ReplaceLayer(node.id, graph.layers[key].cls, unwrap=True))
        elif kind == "append_after_layer":  # value: (class name, args)
            node = _node_of(graph, target, last=True)
            edits.append(AppendLayer(node.id, value[0], tuple(value[1]), dict(value[2]) if len(value) > 2 else {}))
        elif kind == "remove_layer":
            node = next(n for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).live is target)
            edits.append(RemoveNode(node.id))
        elif kind == "replace_layer":  # value: (class name, args)
            node = next(n for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).live is target)
            edits.append(ReplaceLayer(node.id, value[0], tuple(value[1])))
        elif kind == "insert_before_layer":
            node = _node_of(graph, target, last=False)
            edits.append(InsertLayer(node.id, value))
        elif kind == "insert_after_input":
            inputs = [n for n in graph.nodes if n.kind in ("input", "data")]
            tid = inputs[target].outputs[0]
            consumer = graph.consumers(tid)[0]
            edits.append(InsertLayer(consumer.id, value, input_index=consumer.input_ids().index(tid)))
        elif kind == "input":
            inputs = [n for n in graph.nodes if n.kind in ("input", "data")]
            edits.append(SetShape(inputs[target].id, value))
        elif kind == "rebind":  # value: a SourceRebinding of a layer's size: only the patched script shows it
            continue
        elif kind == "input_written":  # value: (shape, the user's expression for it)
            inputs = [n for n in graph.nodes if n.kind in ("input", "data")]
            edits.append(SetShape(inputs[target].id, value[0], written_as=value[1]))
        elif kind == "input_rebind":  # value: (shape, SourceRebinding): written where the size is chosen
            inputs = [n for n in graph.nodes if n.kind in ("input", "data")]
            edits.append(SetShape(inputs[target].id, value[0], rebind=value[1]))
    return edits


def _node_of(graph, target: Any, last: bool):
    """The graph node of the user's layer *target*; for a Sequential read inline (a decoder inside the
    model), the node of its last layer (*last*) or of its first."""
    wanted = getattr(target, "name", target)
    while target is not None:
        found = next((n for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).live is target), None)
        if found is not None:
            return found
        inner = list(getattr(target, "layers", None) or [])
        target = (inner[-1] if last else inner[0]) if inner else None
    raise LookupError(f"{wanted} is not in the model's graph")


# -- code --------------------------------------------------------------------------------
def render(call: TrainingCall, prob: Problem, fix: TrainingFix, recorder: Any) -> tuple[str, str | None, int | None, list]:
    """The code to write, where, and the text edits that write it."""
    site = call.site
    if fix.kind == "model" and fix.edits and fix.edits[0][0] == "rebind":  # where a layer's size is chosen
        bound = fix.edits[0][2]
        return bound.shown, bound.file, bound.line, list(bound.text_edits)
    if fix.kind == "loss":
        if not fix.whole and isinstance(call.loss, (list, tuple, dict)):  # one output's loss, as verified
            key = list(call.loss)[prob.output_index] if isinstance(call.loss, dict) else prob.output_index
            return compile_code(call, fix.loss, item=key)
        return compile_code(call, _ListLiteral(fix.loss) if isinstance(fix.loss, list) else fix.loss)
    if fix.kind in ("labels", "data", "weights"):
        if fix.line_edit is not None and site is not None:
            line, start, end, text, code = fix.line_edit
            edits = [TextEdit(site.file, line, start, line, end, text)]
            for more in fix.more_edits:  # the same layout made again for another array (X_test like X_train)
                edits.append(TextEdit(site.file, more[0], more[1], more[0], more[2], more[3]))
                code += "\n" + more[4]
            return code, site.file, line, edits
        if fix.rewrite_argument:
            return _rewrite_argument(call, fix)
        if fix.replace_argument:
            return _replace_argument(call, fix)
        from shapedoctor.repair.codegen import argument_edit

        labels = fix.kind == "labels"
        ref = call.y_ref if labels else call.x_ref
        several = isinstance(ref, dict) or _several(ref)
        item = None if fix.whole or not several else prob.output_index
        inline = labels and site is not None and _compared_later(site, argument_name(site, 1, "y"))
        written = argument_edit(site, 1 if labels else 0, "y" if labels else "x", fix.transform,
                                item=item, inline=inline) if site is not None and fix.transform else None
        alike = argument_edit(site, 1, "y", fix.transform) if written is not None and fix.labels_alike else None
        if alike is not None:  # the labels gathered the same way: the one call written with both stacked
            merged = written.edits + [e for e in alike.edits if e not in written.edits]
            code = written.code if alike.code == written.code else f"{written.code}\n{alike.code}"
            if written.line == alike.line and len(merged) == 2 and all(
                    e.start_line == e.end_line and e.start_col < e.end_col for e in merged):  # both rewritten inline
                import linecache

                text = linecache.getline(site.file, written.line).rstrip("\n")
                for edit in sorted(merged, key=lambda e: e.start_col, reverse=True):
                    text = text[:edit.start_col] + edit.text + text[edit.end_col:]
                code = text.strip()
            return code, written.file, written.line, merged
        if written is not None:
            later = _later_label_edits(site, fix.transform) if labels and item is None and not inline else []
            return ("\n".join([written.code] + [c.code for c in later]), written.file, written.line,
                    written.edits + [e for c in later for e in c.edits])
        var = argument_name(site, 1 if fix.kind == "labels" else 0, "y" if fix.kind == "labels" else "x")
        xvar, yvar = argument_name(site, 0, "x") or "x", argument_name(site, 1, "y") or "y"
        name = var or ("y" if fix.kind == "labels" else "x")
        stmt = f"{name} = " + fix.transform.format(v=name, x=xvar, y=yvar)
        edits = []
        if site is not None and var is not None:
            import linecache

            source = "".join(linecache.getlines(site.file))
            edits = [TextEdit.insert_line(site.file, site.line, indentation(source, site.line) + stmt)]
        unnamed = None if var is not None else (
            f"the {'labels' if labels else 'inputs'} reach this call in no variable of their own (a dataset, a "
            f"generator or an expression), so `{name}` stands for them: make the change where they are made")
        return stmt, site.file if site else None, site.line if site else None, edits, unnamed
    from shapedoctor.graph.from_trace import graph_from_model
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.codegen import CodeWriter
    from shapedoctor.trace.recorder import Recorder

    graph = graph_from_model(recorder or Recorder(), call.model, inline=True)
    graph.named_sizes = dict(getattr(call, "sizes", None) or {})
    code = CodeWriter(graph).render(Candidate(fix.title, _graph_edits(graph, fix)))
    if fix.with_loss is not None:  # the layer and the compile call change together
        loss_code, _file, _line, loss_edits = compile_code(call, fix.with_loss)
        if code.edits and not loss_edits:
            return code.code, code.file, code.line, [], "the compile call to change with the layer was not found"
        return code.code + "\n" + loss_code, code.file, code.line, list(code.edits) + loss_edits, code.why_not
    return code.code, code.file, code.line, code.edits, code.why_not


def _later_label_edits(site: Site, transform: str) -> list:
    """The same re-encoding for the labels of the call's ``validation_data=(X_valid, Y_valid)`` and of each later
    ``fit``/``evaluate`` of the same model written in the script with labels of another name
    (``model.evaluate(x_test, y_test)`` after ``model.fit(x_train, y_train)``): encoded for training only, the
    validation or the evaluation would fail next (r1092, r1104). Each as codegen's ``Code``."""
    from shapedoctor.repair.codegen import argument_edit

    node = argument_node(site, 1, "y")
    call = _training_call_in_file(site)
    if not isinstance(node, ast.Name) or call is None or not isinstance(call.func, ast.Attribute):
        return []
    try:
        tree = source_tree(site.file)
    except SyntaxError:
        return []
    receiver = ast.unparse(call.func.value)
    out, seen = [], {node.id}
    given = next((k.value for k in call.keywords if k.arg == "validation_data"), None)
    if isinstance(given, (ast.Tuple, ast.List)) and len(given.elts) >= 2 and isinstance(given.elts[1], ast.Name) \
            and given.elts[1].id not in seen:  # validation_data=(X_valid, Y_valid): its labels made alike
        code = argument_edit(site, 99, "validation_data", transform, item=1)  # 99: passed by keyword only
        if code is not None:
            seen.add(given.elts[1].id)
            out.append(code)
    for later in sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                         and n.func.attr in ("fit", "evaluate", "train_on_batch", "test_on_batch")
                         and n.lineno > call.end_lineno and ast.unparse(n.func.value) == receiver),
                        key=lambda n: n.lineno):
        y = later.args[1] if len(later.args) > 1 else next((k.value for k in later.keywords if k.arg == "y"), None)
        if not isinstance(y, ast.Name) or y.id in seen:
            continue
        code = argument_edit(Site(site.file, later.lineno, ""), 1, "y", transform)
        if code is not None:
            seen.add(y.id)
            out.append(code)
    return out


def _compared_later(site: Site, name: str | None) -> bool:
    """*name* is compared with something after the training call at *site* (``probs.argmax(1) == y``):
    the script reads those labels as they are, so a re-encoding goes into the call, not over the name."""

    if not name or not name.isidentifier():
        return False
    try:
        tree = source_tree(site.file)
    except SyntaxError:
        return False
    return any(isinstance(node, ast.Compare) and node.lineno > site.line
               and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))
               for node in ast.walk(tree))


class _ListLiteral:
    """A list of losses written as a Python list literal (code generation writes other lists as shapes)."""

    def __init__(self, items: list):
        self.items = items

    def __repr__(self) -> str:
        return "[" + ", ".join(f'"{v}"' if isinstance(v, str) else repr(v) for v in self.items) + "]"

    __str__ = __repr__


def compile_code(call: TrainingCall, new_loss: Any, item: Any = None) -> tuple[str, str | None, int | None, list]:
    """The ``compile`` call written with *new_loss*; with *item* (an output's key in a ``loss={...}`` dict, or its
    position in a list), only that output's entry is rewritten, the others are kept as written."""
    from shapedoctor.repair.codegen import SourceIndex, call_with_changes

    site = call.site
    if site is None:
        return f'model.compile(..., loss="{loss_text(new_loss)}")', None, None, []
    index = SourceIndex()
    compiles = [c for c in index.calls(site.file) if _terminal_name(c.call) == "compile" and c.start <= site.line]
    if not compiles:
        return f'model.compile(..., loss="{loss_text(new_loss)}")', site.file, site.line, []
    info = max(_same_loss(compiles, call.loss) or compiles, key=lambda c: c.start)
    if item is not None:
        entry = _loss_entry(info.call, item, _loss_expression(info.call, new_loss))
        if entry is None:  # the losses are not written as a literal here: nothing that keeps the others
            return f"loss[{item!r}] = {loss_text(new_loss)!r}", None, None, []
        new = entry
    else:
        new = call_with_changes(info.call, "__compile__", {"loss": _loss_expression(info.call, new_loss)})
    import linecache

    line = linecache.getline(site.file, info.start).strip()
    old = index.code(site.file, info.call)
    text = index.code(site.file, new)
    edits = [TextEdit(site.file, info.start, info.start_col, info.end, info.end_col, text)]
    return (line.replace(old, text, 1) if old in line else text), site.file, info.start, edits


def _loss_entry(compile_call: Any, item: Any, value: Any) -> Any:
    """*compile_call* with the entry *item* of its literal ``loss={...}`` (a key) or ``loss=[...]`` (a position)
    set to *value* (a loss's name or a libcst expression), or None."""
    import libcst as cst

    def written_as(old: Any) -> Any:  # a loss's name in the quotes the user wrote the old one with
        quote = old.quote if isinstance(old, cst.SimpleString) and old.quote in ("'", '"') else '"'
        return cst.SimpleString(f"{quote}{value}{quote}") if isinstance(value, str) else value

    args = list(compile_call.args)
    for i, arg in enumerate(args):
        if arg.keyword is None or arg.keyword.value != "loss":
            continue
        written = arg.value
        if isinstance(written, cst.Dict) and isinstance(item, str):
            elements = list(written.elements)
            hits = [j for j, e in enumerate(elements) if isinstance(e, cst.DictElement)
                    and isinstance(e.key, cst.SimpleString) and e.key.evaluated_value == item]
            if len(hits) != 1:
                return None
            elements[hits[0]] = elements[hits[0]].with_changes(value=written_as(elements[hits[0]].value))
            args[i] = arg.with_changes(value=written.with_changes(elements=elements))
            return compile_call.with_changes(args=args)
        if isinstance(written, (cst.List, cst.Tuple)) and isinstance(item, int) and item < len(written.elements) \
                and all(isinstance(e, cst.Element) for e in written.elements):
            elements = list(written.elements)
            elements[item] = elements[item].with_changes(value=written_as(elements[item].value))
            args[i] = arg.with_changes(value=written.with_changes(elements=elements))
            return compile_call.with_changes(args=args)
    return None


def _same_loss(compiles: list, loss: Any) -> list:
    """The ``compile`` calls of *compiles* that write *loss*, a loss's name, as their ``loss=`` string
    (a helper that compiles a classifier in one branch and a regressor in the other: the branch that ran)."""
    import libcst as cst

    if not isinstance(loss, str):
        return []
    return [c for c in compiles for a in c.call.args if a.keyword is not None and a.keyword.value == "loss"
            and isinstance(a.value, cst.SimpleString) and a.value.evaluated_value == loss]


def _loss_expression(compile_call: Any, loss: Any) -> Any:
    """*loss* as the code to write in ``compile``: a name as a string; a loss object (one made with
    ``from_logits=True``, see ``training_base.same_logits``) spelled like the user's own loss object
    when there is one (``tf.keras.losses.BinaryCrossentropy(from_logits=True)`` becomes
    ``tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)``), else through ``keras.losses``."""
    import keras
    import libcst as cst

    if not isinstance(loss, keras.losses.Loss):
        return loss
    cls = type(loss).__name__
    written = next((a.value for a in compile_call.args if a.keyword is not None and a.keyword.value == "loss"), None)
    if isinstance(written, cst.Call) and isinstance(written.func, cst.Attribute):
        kept = [a for a in written.args if a.keyword is not None and a.keyword.value == "from_logits"]
        if kept:
            return written.with_changes(func=written.func.with_changes(attr=cst.Name(cls)), args=kept)
    return cst.parse_expression(f"keras.losses.{cls}(from_logits=True)")


def _terminal_name(call) -> str:
    from shapedoctor.repair.codegen import terminal_name

    return terminal_name(call.func)


def argument_name(site: Site | None, position: int, keyword: str, item: int | None = None) -> str | None:
    """The variable name passed as x (0) or y (1) in the training call at *site*.

    With *item*, the name of that element of a list/tuple/dict literal passed there.
    """
    arg = argument_node(site, position, keyword)
    if item is not None:
        elements = literal_items(arg)
        arg = elements[item] if item < len(elements) else None
    return arg.id if isinstance(arg, ast.Name) else None


def literal_items(arg: ast.expr | None) -> list[ast.expr]:
    """The elements written in a list/tuple/dict literal passed as the data, in order; of ``[target_seq] + state``
    (a literal joined with more inputs) the literal's leading ones. Empty for anything else."""
    if isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Add):
        return literal_items(arg.left) if isinstance(arg.left, (ast.List, ast.Tuple, ast.BinOp)) else []
    if isinstance(arg, ast.Dict):
        return list(arg.values)
    return list(arg.elts) if isinstance(arg, (ast.List, ast.Tuple)) else []


_TRAINING_METHODS = ("fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch")


def argument_node(site: Site | None, position: int, keyword: str) -> ast.expr | None:
    """The expression passed as x (0) / y (1) in the training call written at *site*, if it parses.

    The call is read from the user's file, so a call written over several lines is found too; line
    numbers of the node are the file's. Without a readable file, the site's one line is parsed.
    """
    if site is None:
        return None
    call = _training_call_in_file(site)
    if call is None:
        try:
            tree = ast.parse(site.code.strip().rstrip(":"))
        except SyntaxError:
            return None
        call = next((node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                     and node.func.attr in _TRAINING_METHODS), None)
        if call is None:
            return None
        for node in ast.walk(call):  # one line parsed alone: number its nodes like the file
            if hasattr(node, "lineno"):
                node.lineno = site.line
    arg = next((kw.value for kw in call.keywords if kw.arg == keyword), None)
    if arg is None and position < len(call.args):
        arg = call.args[position]
    return arg


def _training_call_in_file(site: Site) -> ast.Call | None:
    """The outermost ``.fit(...)``/``.evaluate(...)``/... call of the site's file written over the site's line."""
    import linecache

    if not site.file or not site.line:
        return None
    tree = _parsed(site.file, "".join(linecache.getlines(site.file)))
    if tree is None:
        return None
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
             and node.func.attr in _TRAINING_METHODS and node.lineno <= site.line <= (node.end_lineno or node.lineno)]
    return min(calls, key=lambda c: (c.lineno, c.col_offset)) if calls else None


_PARSED: dict[str, tuple[str, ast.Module | None]] = {}


def _parsed(file: str, source: str) -> ast.Module | None:
    """*file*'s syntax tree, parsed once per source text."""
    known = _PARSED.get(file)
    if known is None or known[0] != source:
        try:
            tree = ast.parse(source) if source else None
        except SyntaxError:
            tree = None
        known = _PARSED[file] = (source, tree)
    return known[1]


def argument_line(site: Site | None, position: int, keyword: str) -> int | None:
    """The line, in the user's file, of the x (0) / y (1) argument of the training call at *site*:
    in a call written over several lines, the line holding the argument an expert would change."""
    node = argument_node(site, position, keyword)
    return None if node is None else node.lineno


def loss_line(file: str | None, line: int | None) -> int | None:
    """The line of the ``loss=`` argument of the ``compile`` call starting at *line* of *file*
    (the call's first line when the loss is not written there, or the call does not parse)."""
    import linecache

    tree = _parsed(file, "".join(linecache.getlines(file))) if file and line else None
    if tree is None:
        return line
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.lineno == line and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "compile":
            loss = next((kw.value for kw in node.keywords if kw.arg == "loss"), None)
            return loss.lineno if loss is not None else line
    return line


_AXIS_ONLY = ("np.newaxis", "None]", "expand_dims", ".reshape(", ".astype(", "squeeze(")


def calls_named_at(file: str, line: int, name: str, single_line: bool = False):
    """The calls of a function or method called *name* (``to_categorical``, ``from_tensor_slices``)
    that start on *line* of *file* and pass an argument (with *single_line*, that also end there)."""

    try:
        tree = source_tree(file)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or node.lineno != line or not node.args:
            continue
        if single_line and node.end_lineno != line:
            continue
        if called_name(node.func) == name:
            yield node


def assignment_line(site: Site | None, var: str | None) -> int | None:
    """The last line above the training call, in its scope, that assigns *var* (where the data was made).

    Lines that only add, drop or retype axes of *var* itself (``X = X[..., None]``,
    ``np.expand_dims``, ``.reshape``, ``.astype``) are passed over: they did not make the data
    (unless nothing else assigned it).
    """
    if site is None or var is None:
        return None
    from shapedoctor.repair.data_follows import made_at

    def axis_only(stmt: ast.stmt, text: str) -> bool:
        value = getattr(stmt, "value", None)
        own = isinstance(stmt, ast.AugAssign) or (
            value is not None and any(isinstance(n, ast.Name) and n.id == var for n in ast.walk(value)))
        return own and any(p in text for p in _AXIS_ONLY)

    made = made_at(site, var, skip=axis_only) or made_at(site, var)
    return made.line if made is not None else None


def call_place(call: TrainingCall) -> Place:
    """The training call itself (``model.fit(...)`` at its line), as the consumer of its data."""
    return _place(call, "consumer", None, None)


def data_place(call: TrainingCall, kind: str = "data") -> Place:
    """Where the x (kind "data") or y (kind "labels") of *call* was made: the last line above the
    call assigning the variable passed there (the call's own line when there is none), as the
    root cause of a data or labels problem."""
    import linecache

    site = call.site
    var = argument_name(site, 0, "x") if kind == "data" else argument_name(site, 1, "y")
    line = assignment_line(site, var) or (site.line if site else None)
    file = site.file if site else None
    return Place(kind, var, kind, file, line, linecache.getline(file, line).strip() or None if file and line else None)


def _rollout_sample(site: Any, var: str | None, prob: Problem) -> bool:
    """One sample without its batch axis, passed by a name the loop around the call grows each pass
    (``frames = np.concatenate((frames, new_frame))`` after ``predict(frames)``, r937): the sample is made
    right, and the call is where the batch axis belongs."""
    from shapedoctor.repair.codegen import rebound_in_loop

    shapes = prob.data_shapes if prob is not None else None
    if site is None or not var or not var.isidentifier() or not shapes or None in shapes:
        return False
    declared, given = (tuple(s) for s in shapes)
    return len(given) == len(declared) - 1 and all(d is None or d == g for d, g in zip(declared[1:], given)) \
        and rebound_in_loop(site.file, site.line, var)


def _place(call: TrainingCall, kind: str, prob: Problem, recorder: Any) -> Place:
    site = call.site
    file = site.file if site else None
    if kind == "consumer":
        return Place("call", call.method, type(call.model).__name__, file, site.line if site else None,
                     site.code if site else None)
    if kind in ("data", "labels"):
        var = argument_name(site, 0 if kind == "data" else 1, "x" if kind == "data" else "y")
        if var is None:
            var = argument_name(site, 0 if kind == "data" else 1, "x" if kind == "data" else "y", prob.output_index)
        if kind == "labels" and prob is not None and prob.labels_site is not None and (
                var is None and call.batched or not call.batched):
            import linecache

            file, line = prob.labels_site  # the directory loader (or the line) that chose the labels' encoding
            return Place(kind, var, kind, file, line, linecache.getline(file, line).strip() or None)
        if var is None and kind == "labels" and call.batched:
            from shapedoctor.diagnosis.dataset_source import labels_source

            sliced = labels_source(site, argument_name(site, 0, "x"))
            if sliced is not None:  # from_tensor_slices((x, labels)): where the labels were made
                var = sliced.name
                line = assignment_line(site, var) or sliced.line
                import linecache

                return Place(kind, var, kind, file, line, linecache.getline(file, line).strip() if file else None)
            # Labels from a dataset/generator object: the compiled loss is the line to look at.
            _code, f, line, _edits = compile_code(call, "?")
            return Place("loss", None, "compile", f, loss_line(f, line), None)
        if kind == "data" and prob.data_site is not None:  # made inside a generator: its yield
            import linecache

            file, line = prob.data_site
            if prob.extra_where == "validation":  # a line inside the statement that built validation_data
                from shapedoctor.diagnosis.training_validation import validation_place

                var = validation_place(call)[0]
            return Place(kind, var, kind, file, line, linecache.getline(file, line).strip() or None)
        if prob.extra_where == "validation" and kind == "data":
            from shapedoctor.diagnosis.training_validation import validation_place

            var, line = validation_place(call)
            line = line or (site.line if site else None)
        elif prob.extra_where == "argument":
            line = (argument_line(site, 0 if kind == "data" else 1, "x" if kind == "data" else "y")
                    or (site.line if site else None))  # the order of the arguments is the problem
            whole = argument_name(site, 0 if kind == "data" else 1, "x" if kind == "data" else "y")
            bound = _list_bound_to(site, var) if site is not None and var and var == whole else None
            if bound is not None:  # ... written in the list the argument names
                line = bound("[]")[2]
        else:
            wrapped = False
            if var is None and kind == "data":
                from shapedoctor.diagnosis.data_origin import wrap_added_the_axis, wrapped_argument

                var = wrapped_argument(site, 0, "x")
                wrapped = var is not None and prob.data_shapes is not None and wrap_added_the_axis(
                    call, var, prob.data_shapes[1], prob.data_shapes[0])
            # ``predict(state[np.newaxis])`` of a state that already fits: the axis was added at the call
            line = argument_line(site, 0, "x") if wrapped else assignment_line(site, var)
            if not wrapped and kind == "data" and _rollout_sample(site, var, prob):
                line = argument_line(site, 0, "x") or site.line  # the sample is right; the call lacks the axis
            if kind == "data" and prob.data_shapes is not None and not wrapped:
                from shapedoctor.diagnosis.data_origin import sizes_line

                line = sizes_line(site, line, prob.data_shapes[1], prob.data_shapes[0])
            if kind == "labels" and line is not None and var:
                line = _returned_line(site, var, line) or line  # made inside the helper that returned them
            line = line or argument_line(site, 0 if kind == "data" else 1, "x" if kind == "data" else "y") or (
                site.line if site else None)
        import linecache

        return Place(kind, var, kind, file, line, linecache.getline(file, line).strip() if file and line else None)
    if kind == "loss":
        _code, f, line, _edits = compile_code(call, "?")
        return Place("loss", None, "compile", f, loss_line(f, line), None)
    layer = prob.layer
    lsite = recorder.creation_site(layer) if (recorder is not None and layer is not None) else None
    if lsite is not None:
        line, code = lsite.line, lsite.code
        if prob.culprit_kind == "input" and lsite.file:  # the declaring keyword of a call over several lines
            import linecache

            from shapedoctor.trace.sites import declaring_line

            line = declaring_line(lsite)
            code = code if line == lsite.line else linecache.getline(lsite.file, line).strip()
        return Place("layer", layer.name, type(layer).__name__, lsite.file, line, code)
    return Place("layer", getattr(layer, "name", None), type(layer).__name__ if layer is not None else None, file,
                 site.line if site else None, None)


def _returned_line(site: Site, var: str, line: int) -> int | None:
    """Where the script's own function made *var* when line *line* only unpacks what it returned
    (``(X_train_A, y_train_A), (X_train_B, y_train_B) = split_dataset(X_train, y_train)`` of a
    ``return ((X[~m], y_A), (X[m], y_B))``, r1109): the line in the function that last assigned the name
    returned at *var*'s position. None when the value there is not a name the function assigns, or the
    function returns in more than one place."""
    try:
        tree = source_tree(site.file)
    except SyntaxError:
        return None
    stmt = next((s for s in ast.walk(tree) if isinstance(s, ast.Assign) and s.lineno == line and len(s.targets) == 1),
                None)
    if stmt is None or not isinstance(stmt.value, ast.Call) or not isinstance(stmt.value.func, ast.Name):
        return None

    def path_to(target: ast.expr) -> list[int] | None:
        if isinstance(target, ast.Name):
            return [] if target.id == var else None
        for i, item in enumerate(getattr(target, "elts", []) if isinstance(target, (ast.Tuple, ast.List)) else []):
            found = path_to(item)
            if found is not None:
                return [i] + found
        return None

    path = path_to(stmt.targets[0])
    functions = [f for f in tree.body if isinstance(f, ast.FunctionDef) and f.name == stmt.value.func.id]
    if not path or len(functions) != 1:
        return None
    returns = [r for r in ast.walk(functions[0]) if isinstance(r, ast.Return)]
    value = returns[0].value if len(returns) == 1 else None
    for i in path:
        value = value.elts[i] if isinstance(value, (ast.Tuple, ast.List)) and i < len(value.elts) else None
    if not isinstance(value, ast.Name):
        return None
    made = [s for s in ast.walk(functions[0]) if isinstance(s, ast.Assign) and s.lineno < returns[0].lineno
            and any(isinstance(t, ast.Name) and t.id == value.id for t in s.targets)]
    return max(s.lineno for s in made) if made else None


def _dict_values(site: Site | None, keys: list) -> dict[int, str]:
    """Row index -> the name passed for that key, when x is written as a dict literal of names."""
    arg = argument_node(site, 0, "x") if keys else None
    if not isinstance(arg, ast.Dict):
        return {}
    named = {k.value: v.id for k, v in zip(arg.keys, arg.values)
             if isinstance(k, ast.Constant) and isinstance(v, ast.Name)}
    return {i: named[key] for i, key in enumerate(keys) if key in named}


def _path(call: TrainingCall, prob: Problem, recorder: Any) -> list[PathStep]:
    steps = []

    xs = flat_items(call.x_shapes)
    if prob.extra_where == "validation" and call.validation_element is not None:  # the validation element
        xs = [tuple(getattr(call.validation_element[0], "shape", ()))]
    elif len(xs) > max(1, len(model_inputs(call.model))) and len(set(xs)) == 1 and xs[0] is not None:
        xs = [(len(xs),) + tuple(xs[0])]  # more arrays than inputs, all alike: samples in a list, one row
    weighted = prob.weights is not None  # the weights are at fault, not the inputs
    xp = _place(call, "data", dataclasses.replace(prob, data_site=None) if weighted else prob, recorder)
    # Named inputs (a dict) are one row each, called by their key: input_dict["age"].
    keys = list(call.x_shapes) if isinstance(call.x_shapes, dict) and len(call.x_shapes) == len(xs) else []
    literal = _dict_values(call.site, keys)  # fit({"title": titles, ...}): each row is its own array
    culprit = "culprit" if prob.culprit_kind == "data" and not weighted else ""
    one_each = prob.extra_where is None and len(xs) == len(model_inputs(call.model))  # one mismatched input
    for k, shape in enumerate(xs):
        name = xp.layer or "x"
        file, line, mark = xp.file, xp.line, culprit
        if len(xs) > 1 and not keys:  # a list of inputs: each row named by its own item
            own = argument_name(call.site, 0, "x", k)
            name = own or name
            if k != prob.output_index and one_each:
                made = assignment_line(call.site, own) if own else None  # an input that fits: where it was made
                name, mark = own or f"x[{k}]", ""
                file, line = (display_path(call.site.file), made) if made else (None, None)
        if literal.get(k):
            name = literal[k]
            made = assignment_line(call.site, name)
            file, line = (display_path(call.site.file), made) if made else (file, line)
        elif keys:
            name = f'{name}["{keys[k]}"]'
        steps.append(PathStep(name, "data", format_shape(shape), file, line, mark))
    outs = model_outputs(call.model)
    if outs:
        steps.append(PathStep(getattr(call.model, "name", "model"), type(call.model).__name__,
                              format_shape(outs[prob.output_index] if prob.output_index < len(outs) else outs[0]),
                              None, None, "culprit" if prob.culprit_kind == "layer" else ""))
    if call.y_shapes is not None:
        ys = flat_items(call.y_shapes)
        if len(ys) > max(1, len(outs)) and len(set(ys)) == 1 and ys[0] is not None:
            ys = [(len(ys),) + tuple(ys[0])]  # more label arrays than outputs, all alike: labels in a list
        shape = ys[prob.output_index] if prob.output_index < len(ys) else ys[0]
        yp = _place(call, "labels", prob, recorder)
        steps.append(PathStep(yp.layer or "y", "labels", format_shape(shape), yp.file, yp.line,
                              "culprit" if prob.culprit_kind == "labels" else "" if weighted else "consumer"))
    if weighted:
        wp = _place(call, "data", prob, recorder)
        steps.append(PathStep(prob.weights[0], "weights", prob.weights[1], wp.file, wp.line, "culprit"))
    return steps


def _rewrite_argument(call: TrainingCall, fix: TrainingFix) -> tuple[str, str | None, int | None, list]:
    """Replace the x (or y) argument of the training call, e.g. reorder a list of inputs (the list
    literal where the call writes it, over several lines too, or where the name it passes was bound)."""
    import linecache

    site = call.site
    if site is None:
        return fix.rewrite_argument, None, None, []
    position, keyword = (1, "y") if fix.kind == "labels" else (0, "x")
    arg = argument_node(site, position, keyword) if _training_call_in_file(site) is not None else None
    if isinstance(arg, ast.Name):
        bound = _list_bound_to(site, arg.id)
        if bound is not None:
            return bound(fix.rewrite_argument)
    if not isinstance(arg, (ast.List, ast.Tuple, ast.Dict)) or any(isinstance(e, ast.Starred)
                                                                    for e in getattr(arg, "elts", [])):
        return fix.rewrite_argument, site.file, site.line, []
    source = "".join(linecache.getlines(site.file))
    names = [ast.get_source_segment(source, e) for e in getattr(arg, "elts", [])]
    new = fix.rewrite_argument.format(*names)
    if isinstance(arg, ast.Tuple) and new.startswith("[") and new.endswith("]"):
        new = "(" + new[1:-1] + ")"  # written as the script wrote it: a tuple stays a tuple
    first = linecache.getline(site.file, arg.lineno).rstrip("\n")
    last = linecache.getline(site.file, arg.end_lineno).rstrip("\n")
    if not (first.isascii() and last.isascii()):
        return new, site.file, arg.lineno, []  # ast columns count bytes; written by hand there
    text = first[:arg.col_offset] + new + last[arg.end_col_offset:]
    edit = TextEdit(site.file, arg.lineno, arg.col_offset, arg.end_lineno, arg.end_col_offset, new)
    return text.strip(), site.file, arg.lineno, [edit]


def _list_bound_to(site, name: str):
    """``input_data = [a, b, c]`` written once before the training call at *site* (in the same scope):
    a function that rewrites that list from a template (``"[{0}, {2}, {1}]"``) and returns
    (code, file, line, edits); None when the name is bound otherwise or more than once."""
    import linecache

    source = "".join(linecache.getlines(site.file))
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    scopes = [f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
              and f.lineno <= site.line <= (f.end_lineno or f.lineno)]
    scope = max(scopes, key=lambda f: f.lineno) if scopes else tree
    binds = [n for n in ast.walk(scope) if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.For))
             and any(isinstance(t, ast.Name) and t.id == name
                     for t in ast.walk(n.target if not isinstance(n, ast.Assign) else ast.Tuple(n.targets)))]
    if len(binds) != 1 or not isinstance(binds[0], ast.Assign) or binds[0].lineno >= site.line:
        return None
    value = binds[0].value
    if not isinstance(value, (ast.List, ast.Tuple)) or any(isinstance(e, ast.Starred) for e in value.elts):
        return None
    names = [ast.get_source_segment(source, e) for e in value.elts]

    def rewrite(template: str):
        new = template.format(*names)
        if isinstance(value, ast.Tuple) and new.startswith("["):
            new = "(" + new[1:-1] + ("," if len(names) == 1 else "") + ")"
        edit = TextEdit(site.file, value.lineno, value.col_offset, value.end_lineno or value.lineno,
                        value.end_col_offset or value.col_offset, new)
        line = linecache.getline(site.file, value.lineno).rstrip("\n")
        code = (line[:value.col_offset] + new + line[value.end_col_offset:]).strip() \
            if value.lineno == value.end_lineno else f"{name} = {new}"
        return code, site.file, value.lineno, [edit]

    return rewrite


def _replace_argument(call: TrainingCall, fix: TrainingFix) -> tuple[str, str | None, int | None, list]:
    """Replace the whole x (or y) argument of the training call, e.g. one array by a list of them."""
    from shapedoctor.repair.codegen import argument_replace

    site = call.site
    position, keyword = (1, "y") if fix.kind == "labels" else (0, "x")
    written = argument_replace(site, position, keyword, fix.replace_argument) if site is not None else None
    if written is None:
        return fix.replace_argument, site.file if site else None, site.line if site else None, []
    more = _validation_labels_edit(call, fix) if fix.validation_labels else None
    if fix.validation_labels and more is None:
        return fix.replace_argument, None, None, []  # the validation labels too, or the script still fails
    return written.code, written.file, written.line, written.edits + ([more] if more else [])


def _validation_labels_edit(call: TrainingCall, fix: TrainingFix) -> TextEdit | None:
    """The edit that rewrites the labels of ``validation_data=(x, y)`` (the call's own tuple) after
    *fix*'s template, or None when they are not written there on one line."""
    import linecache

    node = argument_node(call.site, 99, "validation_data")
    if not isinstance(node, ast.Tuple) or len(node.elts) != 2:
        return None
    y = node.elts[1]
    text = linecache.getline(call.site.file, y.lineno)
    if y.lineno != y.end_lineno or not text.isascii():
        return None
    return TextEdit(call.site.file, y.lineno, y.col_offset, y.lineno, y.end_col_offset,
                    fix.validation_labels.format(text[y.col_offset:y.end_col_offset]))
