"""A fix is "verified" only when it keeps every invariant (shapedoctor/repair/invariants.py).

One test per invariant, each on real Keras: a candidate Keras accepts but that breaks the
invariant must come back not verified, naming the invariant; a good one must pass it.
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402

import shapedoctor  # noqa: E402
from shapedoctor.diagnosis.training_base import Problem, TrainingFix, numpy_transform  # noqa: E402
from shapedoctor.diagnosis.training_fixes import verify as verify_training  # noqa: E402
from shapedoctor.graph.from_trace import graph_from_model  # noqa: E402
from shapedoctor.infer.propagate import propagate  # noqa: E402
from shapedoctor.repair.candidate import Candidate  # noqa: E402
from shapedoctor.repair.edits import DataTransform, InsertLayer, SetConfig  # noqa: E402
from shapedoctor.repair.verify import verify as verify_graph  # noqa: E402
from shapedoctor.trace.recorder import Recorder  # noqa: E402
from shapedoctor.trace.training import capture  # noqa: E402


def _call(model, x, y=None, method="fit"):
    call, _, _ = capture(method, model, None, (x,) if y is None else (x, y), {})
    return call


def _dense_model(width=4, out=1, loss="mse"):
    model = keras.Sequential([keras.Input(shape=(width,)), layers.Dense(8), layers.Dense(out)])
    model.compile(optimizer="sgd", loss=loss)
    return model


# -- (a) reaches_end ---------------------------------------------------------------------
def test_reaches_end_fails_when_keras_refuses_the_fixed_model():
    model = _dense_model(4)
    call = _call(model, np.zeros((20, 4), "float32"), np.zeros((20, 1), "float32"))
    prob = Problem("SD201", "test", "data")
    fix = TrainingFix("too wide", "data", transform="np.repeat({v}, 2, axis=1)",
                      apply=numpy_transform("np.repeat({v}, 2, axis=1)"))
    verdict = verify_training(call, prob, fix, None)
    assert not verdict.ok
    assert verdict.checks.results["reaches_end"] is False


# -- (b) samples: counted on the FULL arrays, not on the rows of the training step --------
def test_reshape_that_turns_samples_into_rows_is_rejected_on_the_full_arrays():
    model = _dense_model(4)
    x = np.random.rand(30, 5, 4).astype("float32")  # 30 samples, each a 5x4 matrix
    y = np.random.rand(30, 1).astype("float32")
    call = _call(model, x, y)
    prob = Problem("SD201", "test", "data")
    fix = TrainingFix("reshape", "data", transform="{v}.reshape((-1, 4))", apply=numpy_transform("{v}.reshape((-1, 4))"))
    verdict = verify_training(call, prob, fix, None)
    assert not verdict.ok
    assert verdict.checks.results["samples"] is False
    assert "150" in verdict.checks.failure_text()  # 30 samples -> 150 rows


def test_reported_fixes_never_reshape_matrix_samples_into_rows():
    model = _dense_model(4)
    x = np.random.rand(30, 5, 4).astype("float32")
    diagnosis = shapedoctor.diagnose(model, x, np.random.rand(30, 1).astype("float32"))
    assert diagnosis.findings[0].id == "SD201"
    assert not any("reshape((-1" in f.code and f.verified for f in diagnosis.fixes)
    assert all(f.checks.get("samples", True) for f in diagnosis.fixes if f.verified)


def test_one_sample_may_gain_its_batch_axis():
    model = _dense_model(4)
    call = _call(model, np.zeros((4,), "float32"), method="predict")
    prob = Problem("SD201", "test", "data")
    fix = TrainingFix("batch axis", "data", transform="np.expand_dims({v}, 0)",
                      apply=numpy_transform("np.expand_dims({v}, 0)"))
    verdict = verify_training(call, prob, fix, None)
    assert verdict.ok and verdict.checks.results["samples"] is True


# -- (c) loss_shapes ---------------------------------------------------------------------
def test_label_fix_that_still_broadcasts_in_the_loss_is_rejected():
    model = _dense_model(4, out=3)
    call = _call(model, np.zeros((16, 4), "float32"), np.zeros((16,), "float32"))
    prob = Problem("SD202", "test", "labels")
    fix = TrainingFix("column", "labels", transform="{v}.reshape(-1, 1)", apply=numpy_transform("{v}.reshape(-1, 1)"))
    verdict = verify_training(call, prob, fix, None)
    assert not verdict.ok
    assert verdict.checks.results["loss_shapes"] is False


# -- (d) keeps_data ----------------------------------------------------------------------
def _merge_graph():
    inputs = keras.Input(shape=(32, 32, 16))
    pooled = layers.MaxPooling2D(2)(inputs)
    out = layers.Conv2D(16, 3, padding="same")(pooled)
    model = keras.Model(inputs, out)
    graph = graph_from_model(Recorder(), model)
    conv = next(n for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).cls == "Conv2D")
    return graph, conv


def test_cropping_most_of_a_feature_map_is_not_verified():
    graph, conv = _merge_graph()
    cand = Candidate("crop", [InsertLayer(conv.id, "Cropping2D", (((4, 4), (4, 4)),))])
    verify_graph(graph, cand, base=propagate(graph))
    assert not cand.verified and cand.checks.results["keeps_data"] is False
    small = Candidate("crop a border", [InsertLayer(conv.id, "Cropping2D", (((1, 1), (1, 1)),))])
    verify_graph(graph, small, base=propagate(graph))
    assert small.verified and small.checks.results["keeps_data"] is True


def test_a_reshape_to_the_same_sizes_in_another_order_is_not_verified():
    """(16, 16, 8) reshaped to (8, 16, 16) keeps the memory order and mixes positions: a transpose is meant
    (r1031's volume in the labels' order). Other sizes are not a reordering."""
    inputs = keras.Input(shape=(16, 16, 8))
    model = keras.Model(inputs, layers.Conv2D(8, 1)(inputs))
    graph = graph_from_model(Recorder(), model)
    conv = next(n for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).cls == "Conv2D")
    mixed = Candidate("reorder", [InsertLayer(conv.id, "Reshape", ((8, 16, 16),))])
    verify_graph(graph, mixed, base=propagate(graph))
    assert not mixed.verified and mixed.checks.results["keeps_data"] is False
    halves = Candidate("other sizes", [InsertLayer(conv.id, "Reshape", ((32, 8, 8),))])
    verify_graph(graph, halves, base=propagate(graph))
    assert halves.checks.results["keeps_data"] is True


def test_pooling_a_branch_down_by_eight_is_not_verified_but_by_two_is():
    graph, conv = _merge_graph()
    big = Candidate("pool by 8", [InsertLayer(conv.id, "MaxPooling2D", (8,), {"padding": "same"})])
    verify_graph(graph, big, base=propagate(graph))
    assert not big.verified and big.checks.results["keeps_data"] is False
    assert "keeps 1 value in 8" in big.checks.failure_text()
    small = Candidate("pool by 2", [InsertLayer(conv.id, "MaxPooling2D", (2,))])
    verify_graph(graph, small, base=propagate(graph))
    assert small.verified and small.checks.results["keeps_data"] is True


def test_slicing_features_from_the_data_is_not_verified():
    model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2)])
    graph = graph_from_model(Recorder(), model)
    cand = Candidate("keep 3 columns", [DataTransform("{x}[:, :3]", (10, 3), None, before=(10, 7))])
    verify_graph(graph, cand, base=propagate(graph))
    assert not cand.verified and cand.checks.results["keeps_data"] is False


# -- (e) size ----------------------------------------------------------------------------
def test_a_fix_that_blows_up_the_model_is_not_verified():
    model = keras.Sequential([keras.Input(shape=(16,)), layers.Dense(8), layers.Dense(4), layers.Dense(2)])
    graph = graph_from_model(Recorder(), model)
    first = next(n for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).cls == "Dense")
    # Resizing the first Dense is the fix's intent; the knock-on growth of the next layer is the blow-up.
    cand = Candidate("huge", [SetConfig(first.layer, {"units": 2 ** 18})])
    verify_graph(graph, cand, base=propagate(graph))
    assert not cand.verified and cand.checks.results["size"] is False
    assert "parameters" in cand.checks.failure_text()
    modest = Candidate("modest", [SetConfig(first.layer, {"units": 64})])
    verify_graph(graph, modest, base=propagate(graph))
    assert modest.verified and modest.checks.results["size"] is True


def test_a_fix_that_blows_up_the_activations_is_not_verified():
    model = keras.Sequential([keras.Input(shape=(8, 8, 3)), layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(2)])
    graph = graph_from_model(Recorder(), model)
    conv = next(n for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).cls == "Conv2D")
    # Upsampling by 8 before the convolution: 64x more values per sample than the model ever had.
    cand = Candidate("upsample", [InsertLayer(conv.id, "UpSampling2D", (8,))])
    verify_graph(graph, cand, base=propagate(graph))
    assert not cand.verified and cand.checks.results["size"] is False


def test_laying_the_same_input_values_out_channels_last_is_no_blow_up():
    """A channels-first input collapses the first feature map to one row; declaring the same
    3x32x32 values channels-last restores a 30x30 map (30x more values) and is still verified.
    Upsampling that input to 4x the values is not."""
    from shapedoctor.repair.edits import SetShape

    model = keras.Sequential([keras.Input(shape=(3, 32, 32)), layers.Conv2D(8, 3), layers.Flatten(), layers.Dense(2)])
    graph = graph_from_model(Recorder(), model)
    inp = next(n for n in graph.nodes if n.kind == "input")
    base = propagate(graph)
    relaid = Candidate("channels last", [SetShape(inp.id, (None, 32, 32, 3))])
    verify_graph(graph, relaid, base=base)
    assert relaid.verified and relaid.checks.results["size"] is True
    assert relaid.result_shape == (None, 2)
    bigger = Candidate("4x the values", [SetShape(inp.id, (None, 64, 64, 3)), SetConfig(
        next(n.layer for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).cls == "Dense"), {"units": 2})])
    verify_graph(graph, bigger, base=base)
    assert not bigger.verified and bigger.checks.results["size"] is False


# -- (f) fits_labels ---------------------------------------------------------------------
def test_a_model_fix_whose_output_no_longer_fits_the_labels_is_not_verified():
    model = _dense_model(4, out=3)
    call = _call(model, np.zeros((16, 4), "float32"), np.zeros((16, 3), "float32"))
    prob = Problem("SD202", "test", "layer", layer=model.layers[-1])
    fix = TrainingFix("units", "model", edits=[("config", model.layers[-1], {"units": 1})])
    verdict = verify_training(call, prob, fix, None)
    assert not verdict.ok
    assert verdict.checks.results["fits_labels"] is False


def test_loss_shapes_treat_a_dynamic_axis_as_matching_and_filters_set_a_conv_heads_width():
    """A variable-length sequence model (time axis None) whose last Conv1D has 2 filters against
    1-channel labels under binary_crossentropy: Keras refuses it (every backend's
    binary_crossentropy wants equal shapes), the check says so before Keras runs, and the fix
    filters=1 passes loss_shapes although the output's time axis is None."""
    inputs = keras.Input(shape=(None, 4))
    hidden = layers.Conv1D(8, 3, padding="same", activation="relu")(inputs)
    model = keras.Model(inputs, layers.Conv1D(2, 3, padding="same", activation="sigmoid")(hidden))
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    x, y = np.zeros((16, 30, 4), "float32"), np.zeros((16, 30, 1), "float32")
    try:
        model.train_on_batch(x, y)
        raised = False
    except ValueError as exc:
        raised = "same shape" in str(exc)
    assert raised  # Keras is the oracle: not a silent broadcast
    call = _call(model, x, y)
    from shapedoctor.diagnosis.training import check

    problems = check(call)
    assert [(p.family, p.culprit_kind) for p in problems] == [("SD202", "layer")]
    fix = problems[0].fixes[0]
    assert fix.edits[0][2] == {"filters": 1}
    verdict = verify_training(call, problems[0], fix, None)
    assert verdict.ok and verdict.checks.results["loss_shapes"] is True


def test_construction_fix_that_changes_the_model_output_is_not_verified():
    model = keras.Sequential([keras.Input(shape=(16,)), layers.Dense(8), layers.Dense(4)])
    graph = graph_from_model(Recorder(), model)
    first = next(n for n in graph.nodes if graph.spec(n) is not None and graph.spec(n).cls == "Dense")
    cand = Candidate("flat", [InsertLayer(first.id, "Reshape", ((4, 4),))])
    verify_graph(graph, cand, expected_output=(None, 4))
    assert not cand.verified and cand.checks.results["fits_labels"] is False


# -- clone fallback ----------------------------------------------------------------------
class _NoConfig(layers.Layer):
    def __init__(self, width):
        super().__init__()
        self.dense = layers.Dense(width)

    def call(self, x):
        return self.dense(x)


def test_unclonable_model_is_flagged_for_a_proof_not_swallowed():
    model = keras.Sequential([keras.Input(shape=(4,)), _NoConfig(3)])
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    call = _call(model, np.zeros((16, 4), "float32"), np.zeros((16,), "int64"))
    prob = Problem("SD202", "test", "loss")
    fix = TrainingFix("sparse", "loss", loss="sparse_categorical_crossentropy")
    verdict = verify_training(call, prob, fix, None)
    assert not verdict.ok and verdict.unclonable


class _MadeFrom(layers.Layer):
    """A layer made from an object no config can hold (a factory): nothing rebuilds it."""

    def __init__(self, make):
        super().__init__()
        self.inner = make()

    def call(self, x):
        return self.inner(x)


def test_a_model_edit_on_a_model_with_an_unrebuildable_layer_is_flagged_for_a_proof():
    # The edit (pooling before the head) leaves the custom layer alone, but the edited model is made
    # from configs and _MadeFrom has none that rebuilds it: only the patched script can verify it.
    inputs = keras.Input(shape=(6, 4))
    seq = _MadeFrom(lambda: layers.Dense(8))(inputs)
    outputs = layers.Dense(1, activation="sigmoid")(seq)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    call = _call(model, np.zeros((16, 6, 4), "float32"), np.zeros((16,), "float32"))
    prob = Problem("SD202", "test", "layer")
    head = model.layers[-1]
    fix = TrainingFix("pool", "model", edits=[("insert_before_layer", head, "GlobalAveragePooling1D")])
    verdict = verify_training(call, prob, fix, None)
    assert not verdict.ok and verdict.unclonable and "_MadeFrom" in verdict.unclonable


def test_a_layer_whose_init_takes_fewer_keys_than_its_config_is_rebuilt_from_those_it_takes():
    # _NoConfig(width) without **kwargs: Keras's automatic config holds width beside name, trainable and dtype,
    # so from_config fails; made from the keys its __init__ accepts (width=8) it is the same layer, and the edit
    # is verified on the clone instead of waiting for a proof (r1156's endpoint layer, __init__(self, name=None)).
    inputs = keras.Input(shape=(6, 4))
    seq = _NoConfig(8)(inputs)
    outputs = layers.Dense(1, activation="sigmoid")(seq)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    call = _call(model, np.zeros((16, 6, 4), "float32"), np.zeros((16,), "float32"))
    prob = Problem("SD202", "test", "layer")
    fix = TrainingFix("pool", "model", edits=[("insert_before_layer", model.layers[-1], "GlobalAveragePooling1D")])
    verdict = verify_training(call, prob, fix, None)
    assert verdict.ok and verdict.result_shape == "(None, 1)"


def test_unclonable_model_fix_is_verified_by_running_the_patched_script(cli):
    from conftest import report_of

    proc = cli("run", "--json", "tests/fixtures/engine/unclonable_layer.py")
    finding = report_of(proc)["findings"][0]
    first = finding["fixes"][0]
    assert "sparse_categorical_crossentropy" in first["code"]
    assert first["verified"] and first["proven"] and first["checks"]["proof"] is True
    assert "cannot be cloned" in first["note"]


# -- keeps_meaning (class 5) -------------------------------------------------------------
def test_a_weighted_layer_is_never_inserted_inside_a_training_loop_or_call(tmp_path):
    from shapedoctor.repair.invariants import meaning_kept

    script = tmp_path / "loop.py"
    script.write_text(
        "import keras\n"
        "class M(keras.Model):\n"
        "    def call(self, x):\n"
        "        return self.head(x)\n"
        "for step in range(3):\n"
        "    out = head(encoder(x))\n"
        "out = head(encoder(x))\n"
    )
    assert meaning_kept("Dense", str(script), 6)[0] is False  # inside the loop
    assert meaning_kept("Conv2D", str(script), 4)[0] is False  # inside call()
    assert meaning_kept("Flatten", str(script), 6)[0] is True  # no weights: the same every step
    assert meaning_kept("Dense", str(script), 7)[0] is True  # top level: built once


def test_fix_inside_an_eager_loop_does_not_insert_a_dense_there(cli):
    from conftest import report_of

    proc = cli("run", "--json", "tests/fixtures/engine/eager_loop.py")
    finding = report_of(proc)["findings"][0]
    inserted = [f for f in finding["fixes"] if "layers.Dense(32)" in f["code"] and f["line"] == 12]
    assert inserted and not any(f["verified"] for f in inserted)
    assert inserted[0]["checks"]["keeps_meaning"] is False
    assert "not verified: keeps_meaning" in inserted[0]["title"]


def test_a_slice_of_the_features_throws_data_away_whatever_the_batch_axis():
    from shapedoctor.repair.invariants import values_kept

    assert values_kept((None, 384, 99), (None, 384, 96)) == (False, "slices 1,152 values of every sample away")
    assert values_kept((12, 99), (12, 96))[0] is False
    assert values_kept((None, 28, 28), (None, 28, 28, 1)) == (True, "")  # an axis added keeps every value
    assert values_kept((None, 784), (None, 28, 28)) == (True, "")
