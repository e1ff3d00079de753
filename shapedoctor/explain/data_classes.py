"""Advice for data slips whose messages name no shape: ragged sequences, ids beyond an
Embedding, one array for several inputs or outputs, and class labels coded -1/1 or the like.

The recognisers (:mod:`shapedoctor.messages.data_values`, :mod:`shapedoctor.messages.losses`)
mark these facts in ``details``; :func:`special_advice` gives them the what / why / fix that
``shapedoctor run`` gives the same problems (the same fix titles, in the same order), or None
for every other text, which the family advisors then explain as before.
"""

from __future__ import annotations

from typing import Optional

from shapedoctor.explain.advice import Advice
from shapedoctor.explain.evidence import numbers_in, rule
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport, Place

PAD_TITLE = "pad the sequences to one length: keras.utils.pad_sequences"
ROWS_TITLE = "stack the rows into one array: np.asarray(x)"
EMBEDDING_TITLE = "give the Embedding one row per id: input_dim = largest id + 1"
INPUTS_TITLE = "pass one array per input, in the model's order"
OUTPUTS_TITLE = "pass one label array per output, in the model's order"
PLUS_MINUS_TITLE = "map the labels -1/1 to 0/1: (y + 1) // 2"
CODES_TITLE = "number the label codes 0..n-1 in order: np.unique(y, return_inverse=True)[1]"


def _fix(title: str, code: str, note: Optional[str] = None) -> FixReport:
    return FixReport(title=title, code=code, verified=False, note=note)


def _rule(f: ErrorFacts) -> str:
    return rule(f.family, numbers_in(" ".join([f.key_line, f.expected or "", f.received or ""])))


def ragged(f: ErrorFacts) -> Advice:
    message = "the data is a collection of sequences of different lengths, not one rectangular array"
    explanation = ("Keras stacks the samples into one array whose rows all have the same length; token sequences "
                   "of different lengths (a list of lists, or an object array) cannot be stacked, and the error "
                   "surfaces while the data is converted, naming no shape. Pad (and truncate) every sequence to the "
                   "length the model was built for. " + _rule(f))
    fixes = [_fix(PAD_TITLE, 'x = keras.utils.pad_sequences(x, maxlen=maxlen, padding="post")',
                  note="maxlen: the length of the model's Input (or of the longest sequence)")]
    if f.details.get("object_dtype"):
        explanation += (" The same message comes from a rectangular array of Python objects, e.g. a DataFrame with a "
                        "text column: then encode the text as numbers and cast the array to float32.")
        fixes.append(_fix("Or, if x is a table with text columns, encode them as numbers",
                          'x = pd.get_dummies(df).to_numpy().astype("float32")'))
    return Advice(message, explanation, fixes, culprit=Place(kind="data"),
                  cannot_tell="The text does not show the model's input length (maxlen) nor where the list was built.")


def rows_list(f: ErrorFacts) -> Advice:
    message = "the data is a Python list of rows, not one array"
    explanation = ("Keras 3 takes the data as one array (or one array per model input); a Python list of rows of "
                   "equal length is not converted for you. Stack it into one array. " + _rule(f))
    return Advice(message, explanation, [_fix(ROWS_TITLE, "x = np.asarray(x)")], culprit=Place(kind="data"),
                  cannot_tell="The text does not show where the list was built.")


def samples_list(f: ErrorFacts) -> Advice:
    side = f.details["list_of_samples"]
    count = len(f.details["sizes"][side])
    what = "data" if side == "x" else "labels"
    message = f"the {what} ({side}) is a Python list of {count} per-sample arrays, not one array"
    explanation = (f"Keras reads a list as one array per model {'input' if side == 'x' else 'output'}, so each of the "
                   f"{count} samples counted as a separate {'input' if side == 'x' else 'output'} of "
                   f"{f.details['sizes'][side][0]} rows. Stack the {'samples' if side == 'x' else 'labels'} into one "
                   "array. " + _rule(f))
    title = "stack the samples into one array: np.asarray(x)" if side == "x" else \
        "stack the labels into one array: np.asarray(y)"
    return Advice(message, explanation, [_fix(title, f"{side} = np.asarray({side})")], culprit=Place(kind=what),
                  cannot_tell="The text does not show where the list was built.")


def embedding_ids(f: ErrorFacts) -> Advice:
    value, rows = f.details["max_id"], f.details["input_dim"]
    who = f"Embedding `{f.layer}`" if f.layer else "the Embedding"
    message = f"id {value} has no row in {who}, which has input_dim={rows} (ids 0 to {rows - 1})"
    explanation = (f"An Embedding has one row per id: `input_dim` is the vocabulary size, the largest id + 1. The data "
                   f"holds id {value} (at least), the layer only {rows} rows; TensorFlow's lookup fails, JAX would read "
                   "the wrong row. Size the Embedding to the tokenizer's vocabulary, or cap the vocabulary at the "
                   "Embedding's size.")
    fixes = [_fix(EMBEDDING_TITLE, f"layers.Embedding(input_dim={value + 1}, output_dim=...),   # at least {value + 1}: "
                  "the largest id + 1"),
             _fix(f"Or cap the tokenizer's vocabulary at {rows} words", f"layers.TextVectorization(max_tokens={rows})")]
    return Advice(message, explanation, fixes, culprit=Place(kind="layer", layer=f.layer, cls="Embedding"),
                  cannot_tell="The text shows one id beyond the vocabulary, not the largest one in the data.")


def input_count(f: ErrorFacts) -> Advice:
    want, got = f.details["inputs_expected"], f.details["inputs_received"]
    names = f.details.get("input_names") or [f"input_{i + 1}" for i in range(want)]
    if got < want:
        message = f"the model takes {want} inputs ({', '.join(names)}) but was given {got} array{'s' if got != 1 else ''}"
        explanation = ("A model built with `keras.Model(inputs=[...])` takes one array per input, as a list in that "
                       "order or a dict by input name; a single array (or several glued into one) reaches only one "
                       "of them. " + _rule(f))
        listed = ", ".join(f"{n}_data" for n in names)
        fixes = [_fix(INPUTS_TITLE, f"model.fit([{listed}], y, ...)   # or a dict by input name")]
    else:
        message = f"the model takes {want} input{'s' if want != 1 else ''} but was given {got} arrays"
        explanation = ("The model was called with more arrays than it has inputs: a dataset that yields (x, y) pairs "
                       "given to `predict`/`model(...)`, or a list where one array was meant. " + _rule(f))
        fixes = [_fix("pass only the inputs: one array per model input", "model.predict(x)   # not (x, y)")]
    return Advice(message, explanation, fixes, culprit=Place(kind="data"),
                  cannot_tell="The text does not show which of your arrays belongs to which input.")


def loss_path(f: ErrorFacts) -> Advice:
    message = "the model has several outputs but fit was given fewer label arrays (one array for all of them)"
    explanation = ("A multi-output model needs one label array per output, as a list in the order of "
                   "`keras.Model(outputs=[...])` or a dict by output name; given one array, Keras cannot find the "
                   "labels for the second output's loss. " + _rule(f))
    fixes = [_fix(OUTPUTS_TITLE, "model.fit(x, [y_first_output, y_second_output], ...)   # or a dict by output name")]
    return Advice(message, explanation, fixes, culprit=Place(kind="labels"),
                  cannot_tell="The text does not show which label arrays you have.")


def label_codes(f: ErrorFacts) -> Optional[Advice]:
    low, classes = f.details.get("min_label"), f.details.get("classes")
    values = set(f.details.get("label_values") or [])
    if low is None or low >= 0 or not classes:
        return None
    message = f"a label value of {low} has no output unit: sparse labels must be class indices 0 to {classes - 1}"
    explanation = (f"sparse_categorical_crossentropy reads each label as the index of an output unit, so labels must lie "
                   f"in 0 to {classes - 1}; a negative label is a code (e.g. -1/+1), not an index. Re-number the "
                   "labels rather than changing the model. " + _rule(f))
    if values <= {-1, 1} and classes == 2:
        fixes = [_fix(PLUS_MINUS_TITLE, "y = (y + 1) // 2")]
    else:
        fixes = [_fix(CODES_TITLE, "y = np.unique(y, return_inverse=True)[1]")]
    return Advice(message, explanation, fixes, consumer=Place(kind="loss", cls=f.loss), culprit=Place(kind="labels"),
                  cannot_tell="The text shows the labels of one batch only.")


def special_advice(facts: ErrorFacts) -> Optional[Advice]:
    """The advice for these data slips, or None when *facts* are none of them."""
    d = facts.details
    if d.get("list_of_samples"):
        return samples_list(facts)
    if facts.family == "SD201" and d.get("list_of_rows"):
        return rows_list(facts)
    if facts.family == "SD201" and d.get("ragged"):
        return ragged(facts)
    if facts.family == "SD201" and "max_id" in d and "input_dim" in d:
        return embedding_ids(facts)
    if facts.family == "SD201" and "inputs_expected" in d:
        return input_count(facts)
    if facts.family == "SD203" and d.get("loss_path") is not None:
        return loss_path(facts)
    if facts.family == "SD202" and d.get("min_label") is not None:
        return label_codes(facts)
    if facts.family == "SD101" and d.get("operation") == "slice":
        return slice_rank(facts)
    return None


def slice_rank(f: ErrorFacts) -> Advice:
    """A slice in the user's code reads an axis its tensor does not have (no layer involved)."""
    want, have = f.details.get("expected_ndim"), f.details.get("found_ndim")
    axes = f"{have} axis" + ("" if have == 1 else "es")
    shape = f"{f.received}, {axes}" if f.received and f.received.startswith("(") else axes
    message = f"a slice reads axis {want - 1} of a tensor of {shape}"
    explanation = (f"The indexing on this line (e.g. `t[:, None, None, :]`) walks {want} axes, but the tensor has "
                   f"{have}: an axis the code expects was never made. Class ids of shape (batch,) sliced as one-hot "
                   "rows (batch, classes) are the usual cause: encode them where they are made "
                   "(`tf.one_hot(y, depth=classes)` in the dataset's map), or give the tensor the axis it lacks.")
    return Advice(message, explanation, [], culprit=Place(kind="data"),
                  cannot_tell="The text does not show where the sliced tensor was made.")
