"""Data slips whose Keras messages name no shape: ragged token sequences, ids beyond an
Embedding, one array for several inputs or outputs, class labels coded -1/1.

Real Keras (no mocks): each check runs through ``shapedoctor.diagnose`` on a small model and
the user's own arrays, and its first fix must be verified by one real training step; the
error texts are Keras's own, read by ``explain`` without Keras.
"""

from __future__ import annotations

import numpy as np
import pytest

from shapedoctor.explain.from_text import diagnose_text
from shapedoctor.messages import parse
from shapedoctor.repair import invariants as inv

keras = pytest.importorskip("keras")
layers = keras.layers


def _first(diagnosis):
    assert diagnosis.findings, "no finding"
    return diagnosis.findings[0]


# -- run (through the API, which runs the same checks and verification) -------------------------
def test_token_lists_of_different_lengths_are_padded_to_the_declared_length():
    import shapedoctor

    rng = np.random.default_rng(0)
    tweets = [list(rng.integers(1, 50, size=n)) for n in (3, 7, 12, 5, 9, 4, 6, 8, 10, 11)]
    labels = rng.integers(0, 2, size=(10,))
    model = keras.Sequential([keras.Input((12,)), layers.Embedding(50, 4), layers.GlobalAveragePooling1D(),
                              layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    finding = _first(shapedoctor.diagnose(model, tweets, labels))
    assert finding.id == "SD201" and "different lengths (3 to 12)" in finding.message
    fix = finding.fixes[0]
    # (through the API the code is written at the diagnose() call; `run` rewrites the data line: corpus t040)
    assert fix.verified and 'keras.utils.pad_sequences(' in fix.code and 'maxlen=12, padding="post")' in fix.code
    assert fix.checks["samples"] and fix.checks["keeps_data"]


def test_padding_that_would_cut_sequences_is_not_verified():
    import shapedoctor

    seqs = np.array([np.arange(1, n + 1) for n in (2, 9, 4, 3)], dtype=object)
    y = np.array([0, 1, 0, 1])
    model = keras.Sequential([keras.Input((5,)), layers.Embedding(20, 4), layers.Flatten(), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    fix = _first(shapedoctor.diagnose(model, seqs, y)).fixes[0]
    assert not fix.verified and "keeps_data: cuts 1 sequence longer than 5 ids" in fix.title


def test_embedding_is_given_one_row_per_id_of_all_the_data():
    import shapedoctor

    x = np.tile(np.arange(10), (40, 1))
    x[-1, -1] = 77  # the largest id is in the last sample, beyond the few the training step uses
    y = np.zeros((40,))
    model = keras.Sequential([keras.Input((10,)), layers.Embedding(50, 4), layers.GlobalAveragePooling1D(),
                              layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    finding = _first(shapedoctor.diagnose(model, x, y))
    assert finding.id == "SD201" and "id 77" in finding.message and finding.culprit.cls == "Embedding"
    fix = finding.fixes[0]
    assert fix.verified and "78" in fix.code and fix.checks["ids_in_range"]


def test_one_array_for_two_inputs_names_the_users_arrays_in_model_order():
    import shapedoctor

    title_ids = np.random.randint(0, 30, size=(16, 5))  # noqa: F841 - found by name in this frame
    body_ids = np.random.randint(0, 30, size=(16, 9))
    clicked = np.random.randint(0, 2, size=(16,))
    t_in, b_in = keras.Input((5,), name="title"), keras.Input((9,), name="body")
    h = layers.Concatenate()([layers.Flatten()(layers.Embedding(30, 2)(t_in)), layers.Flatten()(layers.Embedding(30, 2)(b_in))])
    model = keras.Model([t_in, b_in], layers.Dense(1, activation="sigmoid")(h))
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    finding = _first(shapedoctor.diagnose(model, body_ids, clicked))
    assert finding.id == "SD201" and "takes 2 inputs" in finding.message
    fix = finding.fixes[0]
    assert fix.verified and "[title_ids, body_ids]" in fix.code


def test_one_label_array_for_two_outputs_pairs_outputs_with_arrays_by_name():
    import shapedoctor

    x = np.random.rand(16, 4).astype("float32")
    price = np.random.rand(16, 1).astype("float32")
    sold = np.random.randint(0, 2, size=(16, 1)).astype("float32")  # noqa: F841 - found by name in this frame
    inp = keras.Input((4,))
    h = layers.Dense(4)(inp)
    model = keras.Model(inp, [layers.Dense(1, name="sold")(h), layers.Dense(1, name="price")(h)])
    model.compile(optimizer="sgd", loss="mse")
    finding = _first(shapedoctor.diagnose(model, x, price))
    assert finding.id == "SD203"
    fix = finding.fixes[0]
    assert fix.verified and "[sold, price]" in fix.code


@pytest.mark.parametrize("labels, title", [
    (np.array([-1, 1] * 10), "map the labels -1/1 to 0/1: (y + 1) // 2"),
    (np.array([1, 2, 3, 4] * 5), "number the classes from 0: y - 1"),
    (np.array([-5, 0, 5, 10] * 5), "number the label codes 0..n-1 in order: np.unique(y, return_inverse=True)[1]"),
])
def test_sparse_labels_that_are_codes_are_renumbered_from_all_the_labels(labels, title):
    import shapedoctor

    x = np.random.rand(20, 3).astype("float32")
    y = labels
    model = keras.Sequential([keras.Input((3,)), layers.Dense(4 if len(set(labels)) == 4 else 2, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    finding = _first(shapedoctor.diagnose(model, x, y))
    assert finding.id == "SD202" and finding.culprit.kind == "labels"
    fix = finding.fixes[0]
    assert fix.verified and fix.title == title and fix.checks["labels_in_range"]


# -- invariants --------------------------------------------------------------------------------
def test_invariants_for_padding_ids_and_label_codes():
    assert inv.padding_keeps_tokens([3, 5, 7], 7) == (True, "")
    assert inv.padding_keeps_tokens([3, 9, 8], 7) == (False, "cuts 2 sequences longer than 7 ids")
    assert inv.ids_in_range(99, 100) == (True, "")
    assert inv.ids_in_range(100, 100)[0] is False
    assert inv.labels_in_range(np.array([0, 1, 2]), 3) == (True, "")
    assert inv.labels_in_range(np.array([0, 1, 3]), 3) == (False, "labels span 0..3, the output has classes 0..2")


# -- explain: Keras's own texts, no Keras needed ----------------------------------------------
TEXTS = {
    "ragged_adapter": ('  File ".../keras/src/trainers/data_adapters/data_adapter_utils.py", line 105, in <genexpr>\n'
                       "    int(i.shape[0]) for i in tree.flatten(data) if i is not None\n"
                       "IndexError: tuple index out of range\n"),
    "ragged_object": "ValueError: Invalid dtype: object\n",
    "ragged_tf": "ValueError: Failed to convert a NumPy array to a Tensor (Unsupported object type list).\n",
    "ragged_predict": ("ValueError: Unrecognized data type: x=[[4, 17, 250], [8, 9, 10, 11], [42, 7]] "
                       "(of type <class 'list'>)\n"),
    "embedding": ("tensorflow.python.framework.errors_impl.InvalidArgumentError: Graph execution error:\n\n"
                  "indices[0,2] = 4953 is not in [0, 1000)\n"
                  "\t [[{{node sequential_1/embedding_1/GatherV2}}]] [Op:__inference_multi_step_on_iterator_762]\n"),
    "inputs": ("ValueError: Layer \"functional\" expects 2 named input(s) with keys ['question', 'passage'], but it "
               "received 1 input tensors. Pass inputs as a dict, e.g. `layer({'question': ..., 'passage': ...})`.\n"),
    "outputs": ("KeyError: \"The path: (0,) in the `loss` argument, can't be found in either the model's output "
                "(`y_pred`) or in the labels (`y_true`).\"\n"),
    "minus_one": ("tensorflow.python.framework.errors_impl.InvalidArgumentError: Graph execution error:\n\n"
                  "Received a label value of -1 which is outside the valid range of [0, 2).  Label values: 1 -1 1 -1 1\n"),
}


@pytest.mark.parametrize("name, family, title", [
    ("ragged_adapter", "SD201", "pad the sequences to one length: keras.utils.pad_sequences"),
    ("ragged_object", "SD201", "pad the sequences to one length: keras.utils.pad_sequences"),
    ("ragged_tf", "SD201", "pad the sequences to one length: keras.utils.pad_sequences"),
    ("ragged_predict", "SD201", "pad the sequences to one length: keras.utils.pad_sequences"),
    ("embedding", "SD201", "give the Embedding one row per id: input_dim = largest id + 1"),
    ("inputs", "SD201", "pass one array per input, in the model's order"),
    ("outputs", "SD203", "pass one label array per output, in the model's order"),
    ("minus_one", "SD202", "map the labels -1/1 to 0/1: (y + 1) // 2"),
])
def test_explain_reads_the_same_problem_and_first_fix(name, family, title):
    facts = parse(TEXTS[name])
    assert facts is not None and facts.family == family
    finding = diagnose_text(TEXTS[name]).findings[0]
    assert finding.id == family and finding.fixes[0].title == title and not finding.fixes[0].verified


def test_explain_embedding_fix_uses_the_id_the_text_shows():
    finding = diagnose_text(TEXTS["embedding"]).findings[0]
    assert "input_dim=4954" in finding.fixes[0].code and "1000" in finding.message


def test_an_index_error_elsewhere_is_not_taken_for_ragged_data():
    assert parse("Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n"
                 "    print(t[5])\nIndexError: tuple index out of range\n") is None


def test_a_loss_list_shorter_than_the_outputs_gets_a_loss_per_output_from_activation_and_labels():
    import shapedoctor

    x = np.random.rand(16, 4).astype("float32")
    price = np.random.rand(16, 1).astype("float32")
    kind = np.random.randint(0, 3, size=(16,))
    inp = keras.Input((4,))
    h = layers.Dense(4)(inp)
    model = keras.Model(inp, [layers.Dense(1, name="price")(h), layers.Dense(3, activation="softmax", name="kind")(h)])
    model.compile(optimizer="sgd", loss=["mae"])
    finding = _first(shapedoctor.diagnose(model, x, [price, kind]))
    assert finding.id == "SD203" and "kind is never trained" in finding.message
    fix = finding.fixes[0]
    assert fix.verified and '["mae", "sparse_categorical_crossentropy"]' in fix.code


def test_minus_one_labels_under_binary_crossentropy_are_mapped_to_zero_one():
    import shapedoctor

    x = np.random.rand(20, 3).astype("float32")
    y = np.array([-1.0, 1.0] * 10)
    model = keras.Sequential([keras.Input((3,)), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    finding = _first(shapedoctor.diagnose(model, x, y))
    assert finding.id == "SD202" and finding.message.startswith("labels coded -1/1 used with binary_crossentropy")
    fix = finding.fixes[0]
    assert fix.verified and fix.title == "map the labels -1/1 to 0/1: (y + 1) // 2" and fix.checks["labels_in_range"]
    # hinge losses are made for -1/+1 labels: nothing to say
    model.compile(optimizer="sgd", loss="hinge")
    assert not shapedoctor.diagnose(model, x, y).findings


def test_a_table_of_python_objects_is_not_taken_for_ragged_sequences():
    import shapedoctor

    y = np.random.rand(8)
    model = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    text = np.array([[0.5, "red"], [0.1, "blue"]] * 4, dtype=object)
    finding = _first(shapedoctor.diagnose(model, text, y))
    assert "not numbers" in finding.message and "'blue', 'red'" in finding.explanation and not finding.fixes
    numbers = np.array([[0.5, 1], [0.1, 2]] * 4, dtype=object)
    fix = _first(shapedoctor.diagnose(model, numbers, y)).fixes[0]
    assert fix.verified and fix.title == 'store the numbers as numbers: x.astype("float32")'


def test_a_python_list_of_equal_rows_is_stacked_into_one_array():
    import shapedoctor

    rows = [[0.1, 0.2, 0.3]] * 8
    y = np.zeros((8,))
    model = keras.Sequential([keras.Input((3,)), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    finding = _first(shapedoctor.diagnose(model, rows, y))
    assert finding.message == "x is a Python list of 8 sequences of 3 values, not one array"
    assert finding.fixes[0].verified and finding.fixes[0].title == "stack the rows into one array: np.asarray(x)"


def test_explain_tells_a_printed_list_of_equal_rows_from_ragged_sequences():
    rows = "ValueError: Unrecognized data type: x=[[1.0, 2.0], [3.0, 4.0]] (of type <class 'list'>)\n"
    assert diagnose_text(rows).findings[0].fixes[0].title == "stack the rows into one array: np.asarray(x)"
    ragged = "ValueError: Unrecognized data type: x=[[1.0, 2.0], [3.0]] (of type <class 'list'>)\n"
    assert diagnose_text(ragged).findings[0].fixes[0].title.startswith("pad the sequences")


def test_one_sample_written_as_a_flat_list_gets_its_batch_axis():
    import shapedoctor

    model = keras.Sequential([keras.Input((3,)), layers.Dense(1)])
    finding = _first(shapedoctor.diagnose(model, [1.0, 2.0, 3.0]))
    assert finding.received == "(3,)"
    assert finding.fixes[0].verified and "expand_dims" in finding.fixes[0].title


def test_one_label_array_is_right_when_only_one_output_has_a_loss():
    """``compile(loss=[loss_fn, None])``: the second output is not trained (Keras's compile docs; the
    keras-io miniature GPT returns its hidden states this way), so one label array is valid: no finding."""
    import shapedoctor

    inputs = keras.Input((6,))
    hidden = layers.Dense(4)(inputs)
    model = keras.Model(inputs, [layers.Dense(3)(hidden), hidden])
    model.compile(optimizer="adam", loss=[keras.losses.SparseCategoricalCrossentropy(from_logits=True), None])
    x, y = np.zeros((16, 6), "float32"), np.zeros((16,), "int32")
    model.fit(x, y, epochs=1, verbose=0)  # Keras accepts it
    assert shapedoctor.diagnose(model, x, y).findings == []


@pytest.mark.parametrize("sizes, family, code", [
    ("'x' sizes: " + ", ".join(["40"] * 6) + "\n'y' sizes: 6", "SD201", "x = np.asarray(x)"),
    ("'x' sizes: 6\n'y' sizes: " + ", ".join(["1"] * 6), "SD203", "y = np.asarray(y)"),
])
def test_a_cardinality_text_listing_one_size_per_sample_is_a_list_of_samples(sizes, family, code):
    text = "ValueError: Data cardinality is ambiguous. Make sure all arrays contain the same number of samples." + sizes
    finding = diagnose_text(text).findings[0]
    assert finding.id == family and finding.fixes[0].code == code


def test_a_cardinality_text_of_two_splits_is_not_a_list_of_samples():
    text = "ValueError: Data cardinality is ambiguous. Make sure all arrays contain the same number of samples.'x' sizes: 600\n'y' sizes: 100"
    finding = diagnose_text(text).findings[0]
    assert finding.id == "SD203" and "asarray" not in " ".join(f.code or "" for f in finding.fixes)
