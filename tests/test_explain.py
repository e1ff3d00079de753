"""`shapedoctor explain`: real error texts in, the right family and facts out, never a crash.

The fixtures in tests/fixtures/errors are real texts: produced by running real Keras 3 on
TensorFlow, JAX and PyTorch, tf_keras 2.x, raw TensorFlow ops and NumPy (see _collect.py),
or quoted from public issue threads; expected.toml says where each came from and which
facts must be read from it. Nothing here imports Keras or a backend.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

from shapedoctor.explain.evidence import numbers_in, sentences
from shapedoctor.explain.from_text import _DIALECTS, diagnose_text
from shapedoctor.families import all_families
from shapedoctor.messages import parse
from shapedoctor.messages.normalize import normalize
from shapedoctor.messages.shapes import find_shapes, parse_shape
from shapedoctor.report.model import Finding, FixReport

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "errors"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))
FILES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
FACT_KEYS = ("layer", "expected", "received", "loss", "dialect", "backend")
HEAVY = ("keras", "tensorflow", "tf_keras", "jax", "jaxlib", "torch")


def read(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_bytes().decode("utf-8", errors="replace")


def run_explain(*args: str, stdin: str | None = None, module: str = "shapedoctor.explain") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONWARNINGS="ignore", COLUMNS="100", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


# --- the fixture set -----------------------------------------------------------------------


def test_fixture_set_is_complete_and_labelled():
    assert len(FILES) >= 45
    assert set(FILES) == set(EXPECTED), "every fixture needs an expected.toml entry and vice versa"
    for name, entry in EXPECTED.items():
        assert entry.get("source"), f"{name}: say where the text came from"
        assert entry.get("family"), name
    # Several origins, each represented.
    prefixes = {"k3tf_", "k3jax_", "k3torch_", "tfkeras_", "tf_", "thread_", "paste_"}
    for prefix in prefixes:
        assert any(n.startswith(prefix) for n in FILES), prefix
    # The paste variants the brief asks for.
    texts = {n: read(n) for n in FILES}
    assert sum("Traceback (most recent call last)" in t for t in texts.values()) >= 5
    assert any("\x1b[" in t for t in texts.values()), "an ANSI-coloured paste"
    assert any("\r\n" in t for t in texts.values()), "a CRLF paste"
    assert any(">>> " in t for t in texts.values()) and any("In [" in t for t in texts.values()), "prompts"
    assert any(t.count("Traceback (most recent call last)") >= 2 for t in texts.values()), "two errors"


@pytest.mark.parametrize("name", FILES)
def test_fixture_is_recognised_with_its_facts(name):
    want = EXPECTED[name]
    facts = parse(read(name))
    assert facts is not None, f"{name} not recognised"
    assert facts.family == want["family"], f"{name}: {facts}"
    for key in FACT_KEYS:
        if key in want:
            expected = want[key] or None
            assert getattr(facts, key) == expected, f"{name}: {key} {getattr(facts, key)!r} != {expected!r}"
    if "data" in want:
        assert bool(facts.details.get("data")) is want["data"], f"{name}: data"
    assert facts.key_line and "\n" not in facts.key_line


@pytest.mark.parametrize("name", FILES)
def test_fixture_diagnosis_has_what_where_why_fix(name):
    diagnosis = diagnose_text(read(name))
    assert diagnosis.source == "text"
    assert len(diagnosis.findings) == 1
    finding = diagnosis.findings[0]
    family = {f.id: f for f in all_families()}[EXPECTED[name]["family"]]
    assert (finding.id, finding.family, finding.severity) == (family.id, family.slug, family.severity)
    assert finding.message and "\n" not in finding.message
    # The family's rule, without example sentences whose numbers this text does not state.
    for sentence in sentences(family.why):
        if not numbers_in(sentence):
            assert sentence in finding.explanation, sentence
    assert finding.fixes, "at least one suggested fix"
    assert all(isinstance(fx, FixReport) and fx.verified is False for fx in finding.fixes)
    assert finding.keras_message
    assert any("shapedoctor run" in note for note in diagnosis.notes)
    if EXPECTED[name].get("layer"):
        assert finding.consumer is not None and finding.consumer.layer == EXPECTED[name]["layer"]


def test_recognition_rate_is_total():
    recognised = [n for n in FILES if parse(read(n)) is not None]
    assert len(recognised) == len(FILES)


# --- specific advice -----------------------------------------------------------------------


def test_lstm_rank_advice_is_specific():
    finding = diagnose_text(read("k3tf_lstm_after_dense")).findings[0]
    c = finding.consumer
    assert (c.kind, c.layer, c.cls) == ("layer", "lstm", "LSTM")
    # Where it surfaced: the user's own frame of the traceback, not a library frame.
    assert c.file.endswith("lstm_after_dense.py") and c.line == 5 and c.code == "model = keras.Sequential(["
    assert (finding.expected, finding.received) == ("ndim=3", "(None, 1)")
    assert "LSTM needs 3 axes (batch, steps, features); it received (None, 1), 2 axes" in finding.explanation
    codes = " ".join(fx.code for fx in finding.fixes)
    assert "RepeatVector(steps)" in codes and "Reshape((1, 1))" in codes and "return_sequences=True" in codes


def test_integer_labels_with_categorical_loss_advice():
    finding = diagnose_text(read("k3torch_cce_int_labels")).findings[0]
    codes = [fx.code for fx in finding.fixes]
    assert any('loss="sparse_categorical_crossentropy"' in c for c in codes)
    assert any("keras.utils.to_categorical(y, 64)" in c for c in codes)
    assert finding.culprit.kind == "labels"
    assert (finding.culprit.line, finding.culprit.code) == (13, "model.fit(x, y, epochs=2, batch_size=32)")


def test_one_hot_labels_with_sparse_loss_advice():
    for name in ("k3jax_scce_onehot", "tfkeras_scce_onehot", "thread_tf1_squeeze"):
        codes = " ".join(fx.code for fx in diagnose_text(read(name)).findings[0].fixes)
        assert "categorical_crossentropy" in codes and "np.argmax(y, axis=-1)" in codes, name


def test_sequence_labels_suggest_return_sequences():
    finding = diagnose_text(read("thread_tf2_graph_execution_sparse")).findings[0]
    assert any("return_sequences=True" in fx.code and fx.result_shape == "(None, 30, 271573)" for fx in finding.fixes)


def test_reshape_advice_solves_the_axis():
    finding = diagnose_text(read("numpy_reshape")).findings[0]
    assert any("(100, 28, 28, 1)" in fx.code for fx in finding.fixes)
    finding = diagnose_text(read("k3torch_ops_reshape")).findings[0]
    assert any("(32, 10)" in fx.code for fx in finding.fixes)


def test_concatenate_advice_names_the_axis():
    finding = diagnose_text(read("k3tf_concat_mismatch")).findings[0]
    assert any("Concatenate(axis=1)" in fx.code and fx.result_shape == "(None, 9, 8)" for fx in finding.fixes)


def test_where_from_ipython_and_chained_tracebacks():
    c = diagnose_text(read("paste_k3torch_ipython_ansi")).findings[0].consumer
    assert (c.file, c.line) == ("In[3]", 1) and c.code.startswith("model = keras.Sequential(")
    c = diagnose_text(read("thread_tf1_negative_dim_maxpool")).findings[0].consumer
    assert (c.file, c.line) == ("HumanActionRecognition.py", 75)
    assert diagnose_text(read("paste_lastline_k3jax_lstm")).findings[0].consumer.file is None


def test_data_vs_layer_is_told_apart():
    """The data given to fit/predict is SD201 (as `shapedoctor run` says), a layer output SD101/SD102."""
    facts = parse(read("k3tf_predict_wrong_width"))  # model.predict on (8, 1)
    assert (facts.family, facts.details["data"]) == ("SD201", True)
    finding = diagnose_text(read("k3tf_predict_wrong_width")).findings[0]
    assert finding.culprit.kind == "data" and finding.culprit.code == "model.predict(np.zeros((8, 1)))"
    assert any("keras.Input(shape=(1,))" in fx.code for fx in finding.fixes)
    facts = parse(read("k3tf_eager_dense_call"))  # a layer called directly on an array
    assert (facts.family, facts.details["data"]) == ("SD102", False)
    facts = parse(read("k3tf_reused_layer"))  # `b = shared(x20)`: a layer called twice (run's SD106)
    assert (facts.family, facts.details["data"]) == ("SD106", False)
    facts = parse(read("k3torch_predict_no_batch"))  # model.predict(np.zeros((64,)))
    assert (facts.family, facts.details["data"]) == ("SD201", True)


def test_two_errors_use_the_last():
    text = read("paste_k3jax_python_prompt_two_errors")
    assert "target.shape=(32,)" in text  # the first error is a labels error...
    assert parse(text).family == "SD203"  # ...but the last one is explained


def test_exception_str_is_enough():
    """`shapedoctor run` classifies caught exceptions with parse(str(exc))."""
    exc = ValueError(
        "Input 0 with name 'None' of layer 'lstm' is incompatible with the layer: "
        "expected ndim=3, found ndim=2. Full shape received: (None, 1)"
    )
    facts = parse(str(exc))
    assert (facts.family, facts.layer, facts.received) == ("SD101", "lstm", "(None, 1)")
    assert parse("") is None and parse("   \n") is None


@pytest.mark.parametrize(
    "text",
    [
        "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nZeroDivisionError: division by zero",
        "ModuleNotFoundError: No module named 'tensorflow'",
        "hello world",
        "ValueError: could not convert string to float: 'abc'",
        "KeyError: 'dense'",
        "RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB",
    ],
)
def test_other_errors_are_not_claimed(text):
    assert parse(text) is None
    assert diagnose_text(text).findings == []


# --- every number printed comes from the text ---------------------------------------------


CORPUS_TEXTS_DIR = FIXTURES / "corpus"


def _printed(diagnosis) -> str:
    out = list(diagnosis.notes)
    for f in diagnosis.findings:
        out += [f.message, f.explanation]
        for fx in f.fixes:
            out += [fx.title, fx.code, fx.note or "", fx.result_shape or ""]
    text = "\n".join(out)
    for label in sorted(_DIALECTS.values(), key=len, reverse=True):  # "Keras 3", "tf.keras 2.x": names
        text = text.replace(label, "")
    return text


def derived_numbers(text: str) -> set[str]:
    """Numbers an explanation may compute from the shapes of *text*: 0 and 1 (an axis of size 1,
    `expand_dims(x, -1)`), ranks and rank - 1, products of consecutive axes (28 x 28 = 784),
    sums along one axis over the shapes (Concatenate), and quotients of those (960 labels for
    32 samples = 30 per sample)."""
    allowed = {"0", "1"}
    dims = []
    for printed in find_shapes(text, limit=200):
        shape = list(parse_shape(printed) or ())
        allowed |= {str(len(shape)), str(max(len(shape) - 1, 0))}
        for i in range(len(shape)):
            for j in range(i + 1, len(shape) + 1):
                seg = shape[i:j]
                if all(isinstance(d, int) for d in seg):
                    allowed.add(str(math.prod(seg)))
        dims.append(shape)
    for axis in range(max((len(d) for d in dims), default=0)):
        column = [d[axis] for d in dims if len(d) > axis and isinstance(d[axis], int)]
        if len(column) >= 2:
            allowed.add(str(sum(column)))
    ints = [int(x) for x in allowed]
    allowed |= {str(a // b) for a in ints for b in ints if b > 1 and a % b == 0}
    # A count from the largest index: classes 0 to n - 1, labels up to 25 need 26 units.
    allowed |= {str(int(x) + 1) for x in numbers_in(text) if x.isdigit()}
    allowed |= {str(int(x) - 1) for x in numbers_in(text) if x.isdigit() and int(x) > 0}
    # Divisors of a size (30 values: rows of 5 or 6, `Reshape((-1, 6))`).
    allowed |= {str(d) for a in ints if 0 < a <= 100_000 for d in range(2, min(a, 64) + 1) if a % d == 0}
    # The multiples of b nearest to a (30 values into rows of 7: 28 or 35).
    allowed |= {str(m) for a in ints for b in ints if b > 1 for m in ((a // b) * b, (a // b + 1) * b)}
    return allowed


def _foreign_numbers(text: str) -> set[str]:
    plain = normalize(text)
    return numbers_in(_printed(diagnose_text(text))) - numbers_in(plain) - derived_numbers(plain)


@pytest.mark.parametrize("name", FILES)
def test_every_number_printed_comes_from_the_text(name):
    """No canned numbers from another example: each number is in the text or computed from it."""
    assert _foreign_numbers(read(name)) == set()


@pytest.mark.parametrize("path", sorted(CORPUS_TEXTS_DIR.glob("*.txt")), ids=lambda p: p.name)
def test_every_number_printed_comes_from_the_text_corpus(path):
    assert _foreign_numbers(path.read_text(encoding="utf-8")) == set()


def test_number_check_catches_a_canned_example():
    assert "64" in numbers_in("A Dense layer with a (64, units) kernel") and "2" not in numbers_in("Conv2D float32")
    plain = "expected axis -1 of input shape to have value 784, but received input with shape (None, 28, 28)"
    assert {"784", "28", "3", "2"} <= derived_numbers(plain) and "64" not in derived_numbers(plain)


# --- evidence in the text: what an expert reads from the numbers -------------------------------


def test_unflattened_images_get_flatten_first():
    """784 = 28 x 28: the sample is an unflattened image; Flatten before anything else, not units=784."""
    finding = diagnose_text(read("k3tf_mnist_unflattened_layer")).findings[0]
    assert finding.id == "SD106"  # `features = dense(images)`: the layer was built by an earlier call
    first = finding.fixes[0]
    assert first.code == "layers.Flatten()," and "28 x 28 = 784" in first.title
    assert "64" not in finding.explanation  # the family's example sentence is left out
    data = diagnose_text(read("k3tf_mnist_unflattened_predict")).findings[0]
    assert data.id == "SD201" and data.culprit.kind == "data"
    assert data.fixes[0].code == "x = x.reshape(len(x), -1)" and data.fixes[0].result_shape == "(16, 784)"
    assert "layers.Flatten()" in data.fixes[1].code and "keras.Input(shape=(28, 28))" in data.fixes[1].code


def test_frames_into_a_2d_layer_get_time_distributed():
    for name in ("k3tf_conv2d_on_video", "k3jax_conv2d_on_video"):
        facts = parse(read(name))
        assert (facts.family, facts.layer_class, facts.expected, facts.received) == (
            "SD101", "Conv2D", "ndim=4", "(None, 10, 64, 64, 3)"), name
        fixes = diagnose_text(read(name)).findings[0].fixes
        assert fixes[0].code == "layers.TimeDistributed(layers.Conv2D(...))," and "10 frames" in fixes[0].title
        assert fixes[1].code == "layers.Conv3D(...),"


def test_kernel_rank_texts_name_the_convolution():
    facts = parse(read("k3tf_conv1d_on_images"))
    assert (facts.layer_class, facts.expected, facts.received, facts.details["kernel_shape"]) == (
        "Conv1D", "ndim=3", "(None, 28, 28, 1)", "(3, 1, 8)")
    facts = parse(read("k3jax_ops_conv_rank"))  # JAX's conv_general_dilated wording
    assert (facts.family, facts.layer_class, facts.expected, facts.received) == ("SD101", "Conv2D", "ndim=4", "(4, 28, 28)")
    first = diagnose_text(read("k3jax_ops_conv_rank")).findings[0].fixes[0]
    assert "(28, 28, 1)" in first.code


def test_a_batch_axis_declared_twice():
    """(None, None, 224, 224, 3) into Conv2D (threads about Keras 3 loading old models): not frames."""
    for name in ("thread_k3_kernel_rank_double_batch", "thread_k3_kernel_rank_h5_model", "thread_k3_kernel_rank_paraphrased"):
        first = diagnose_text(read(name)).findings[0].fixes[0]
        assert "second batch axis" in first.title and first.code.startswith("keras.Input(shape=("), name
    assert diagnose_text(read("thread_k3_kernel_rank_double_batch")).findings[0].fixes[0].code == \
        "keras.Input(shape=(224, 224, 3))"


def test_time_distributed_on_a_vector():
    facts = parse(read("k3tf_timedistributed_2d"))
    assert (facts.family, facts.layer_class, facts.expected, facts.received) == ("SD101", "TimeDistributed", "ndim>=3", "(None, 10)")
    codes = [fx.code for fx in diagnose_text(read("k3tf_timedistributed_2d")).findings[0].fixes]
    # keras-team/keras#815 (fchollet): return_sequences=True on the LSTM before TimeDistributed.
    assert codes[0] == "layers.LSTM(..., return_sequences=True),"
    assert "layers.Reshape((10, 1))," in codes and "layers.RepeatVector(steps)," in codes


def test_applications_minimum_size():
    finding = diagnose_text(read("k3tf_applications_too_small")).findings[0]
    assert finding.id == "SD105" and finding.expected == "at least 75x75" and finding.received == "(32, 32, 3)"
    assert finding.fixes[0].code == "input_shape=(75, 75, 3)"
    assert "layers.Resizing(75, 75)" in finding.fixes[1].code
    assert not any("padding" in fx.code for fx in finding.fixes)


def test_mobilenetv3_minimum_size_worded_with_backticks():
    # MobileNetV3 words it "...; Received `input_shape=(24, 24, 3)`" (the others "Received: input_shape=")
    finding = diagnose_text(read("k3tf_mobilenetv3_too_small")).findings[0]
    assert finding.id == "SD105" and finding.expected == "at least 32x32" and finding.received == "(24, 24, 3)"
    assert finding.fixes[0].code == "input_shape=(32, 32, 3)"


# --- the corpus of `shapedoctor run`: same family, same first fix ---------------------------

CORPUS_TEXTS = FIXTURES / "corpus"
RUN_SAID = tomllib.loads((CORPUS_TEXTS / "run.toml").read_text(encoding="utf-8"))
CORPUS_CASES = ROOT / "tests" / "corpus"
_INSERT = re.compile(r"insert (\w+)\(")
_SHAPE_ARG = re.compile(r"(?:shape=|Reshape\(|reshape\()(\([\d, ]+\))")


def fix_kind(title: str, code: str) -> str:
    """What a fix does, in words both `run` and `explain` titles and code share."""
    title_l = title.lower()
    if m := _INSERT.search(title):
        return f"insert {m.group(1)}"
    if "global pooling" in title_l or "globalaveragepooling" in title_l or code.startswith("layers.GlobalAveragePooling"):
        return "global pooling"
    if "wrap it in timedistributed" in title_l:
        return "wrap in TimeDistributed"
    for key in ("return_sequences", "padding"):
        if f"{key}=" in title_l:
            return key
    if "concatenate(axis=" in code.lower():
        return "join axis " + code.lower().split("concatenate(axis=")[1].split(")")[0]
    if re.search(r"\b(units|filters|output_dim)=", title_l) or re.match(r"layers\.Dense\(\d", code):
        return "width of the producer"
    for key in ("return_sequences", "padding"):
        if f"{key}=" in code:
            return key
    for needle, kind in (("ds.batch(", "data: batch the dataset"), ("expand_dims(x, 0)", "data: add batch axis"), ("expand_dims(x, -1)", "data: add last axis"),
                         ("sparse_categorical_crossentropy", "loss: sparse"), ("to_categorical", "labels: one-hot"),
                         ("argmax", "labels: class indices"), ("categorical_crossentropy", "loss: categorical"),
                         ("x[:, :", "data: select columns"), ("reshape", "data: reshape")):
        if needle in title_l or needle in code:
            return kind
    if "declare the input" in title_l or "keras.Input(shape=" in code:
        return "declare the input"
    return title_l


def target_shape(code: str):
    """The per-sample shape a fix writes (``Input(shape=(28, 28, 1))``, ``Reshape((28, 28, 1))``)."""
    m = _SHAPE_ARG.search(code)
    return parse_shape(m.group(1)) if m else None


_WIDTH = re.compile(r"(?:units|filters|output_dim)=(\d+)|layers\.Dense\((\d+)")


def same_fix(run: dict, fix: FixReport) -> bool:
    if run["first_fix_title"].lower() == fix.title.lower():
        return True
    kind = fix_kind(run["first_fix_title"], run["first_fix_code"])
    if kind == fix_kind(fix.title, fix.code):
        if kind == "width of the producer":  # the same width, too
            a = _WIDTH.search(run["first_fix_title"] + " " + run["first_fix_code"])
            b = _WIDTH.search(fix.title + " " + fix.code)
            return not (a and b) or (a.group(1) or a.group(2)) == (b.group(1) or b.group(2))
        return True
    shape = target_shape(run["first_fix_code"])
    return shape is not None and shape == target_shape(fix.code)


# Where the text cannot hold the answer: run's first fix edits a layer the message does not
# name (the producer of the bad tensor, found by walking the real graph).
TEXT_CANNOT_TELL = {
    "c170_captcha_crnn_second_conv_valid_padding_reshape": "the text shows a Reshape refusing (49, 11, 64) for "
    "(50, 768); that one 'valid' convolution above it trimmed the map is only in the recorded graph",
    "c172_imdb_stacked_bidirectional_dropout_between": "the text shows a Bidirectional refusing (None, 64); that the "
    "Bidirectional above the Dropout dropped the time axis is only in the recorded graph",
    "c173_resnet_input_shape_includes_the_image_count": "the text shows (None, 40, 64, 64, 3) at a ZeroPadding2D; that "
    "40 is the number of images the script holds is only in its arrays",
    "c174_conv2d_input_shape_from_np_shape_of_all_images": "the text shows a (None, 60, 28, 28, 1) input to a Conv2D; "
    "that 60 is the number of images the script holds is only in its arrays",
    "c175_dense_before_lstm_input_shape_without_time_axis": "the text shows an LSTM refusing (None, 16); that the Input "
    "above two Dense layers lacks the time axis of the script's windows is only in its arrays",
    "c150_cyclegan_generator_upsampling_stride_missing": "the text shows a generator refusing 16x16 images; that "
    "the other generator made them, and which of its layers lacks the stride, is only in the recorded models",
    "c151_cvae_tape_loop_decoder_reshape_seed_wrong": "the text shows 56x56 logits against 28x28 images; that the "
    "decoder's seed Reshape made the grid twice too large is only in the recorded models",
    "c154_resnet_bottleneck_both_convs_strided": "the text shows an Add of 16x16 and 8x8 maps; which of the main "
    "branch's convolutions are strided is only in the source",
    "c155_mlp_mixer_token_mlp_projects_to_channels": "the text shows an Add of (16, 32) and (32, 32); that a Permute "
    "turned a Dense's features into the token axis is only in the recorded graph",
    "c156_unet_conv2dtranspose_kernel3_valid_padding_adds_a_pixel": "the text shows 33x33 against 32x32 maps; that a "
    "transposed convolution with 'valid' padding made the extra pixel is only in the recorded graph",
    "c159_tcn_dilated_conv_without_causal_padding_residual": "the text shows 64 against 62 steps; the 'valid' dilated "
    "convolution, and the causal padding of the model's other convolutions, are only in the recorded graph",
    "c160_segmentation_decoder_residual_not_upsampled": "the text shows an Add of 8x8 and 4x4 maps; that the larger "
    "branch upsampled and the shortcut's projection did not is only in the recorded graph",
    "c163_conv1d_rows_reshaped_to_one_step_of_features": "the text shows a Conv1D window of 3 over (None, 1, 200); "
    "that this is the model's declared input (one step of 200 readings, reshaped so by the script) is only in the "
    "recorded graph and the source",
    "c164_inceptionv3_input_tensor_cifar_32x32": "the text shows a convolution refusing a 1x1 map; that it sits inside "
    "InceptionV3 built on the script's 32x32 Input is only in the recorded graph and the source",
    "c167_lstm_declared_look_back_features_data_reshaped_to_steps": "the text shows (None, 10) into an LSTM; that the "
    "script holds its windows already reshaped to (N, 10, 1) is only in the script's data",
    "c161_attention_gate_skip_projection_not_strided": "the text shows an Add of 16x16 and 8x8 maps; that the skip's "
    "projection sits in the gate helper and the pooling in its caller is only in the graph and the source",
    "c008_subclassed_bilstm_then_gru": "the GRU's (4, 64) input comes from a Bidirectional LSTM the text never names",
    "c012_autoencoder_bottleneck_width": "the bad width comes from another model (an encoder), not from a layer with units",
    "c020_concat_sequence_with_vector": "the (None, 20, 32) input is an LSTM's output; the text does not say it is recurrent",
    "c022_unet_skip_valid_padding": "the feature maps shrank in convolutions with padding='valid' the text does not show",
    "t017_multi_input_list_order_swapped": "the text shows one of the two inputs; that they are swapped needs both",
    "c034_residual_add_pooled_branch": "the shortcut's own 1x1 convolution (to stride) is not in the text; explain pools it",
    "c035_channels_first_input_declared": "the text shows a (1, 16) map at the second convolution, not the (3, 32, 32) input",
    "t038_class_labels_start_at_one": "label 6 against 6 units: 7 classes or classes numbered from 1; only the data tells",
    "t049_iris_labels_one_to_three": "label 3 against 3 units: 4 classes or classes numbered from 1; only the data tells",
    "c038_convmixer_depthwise_valid_padding_add": "the depthwise convolution with padding='valid' that shrank the map is not in the text",
    "c039_conv1d_residual_identity_shortcut": "that input 1 is the helper's unprojected identity shortcut (s = x) is only in the source",
    "c041_stacked_bidirectional_no_return_sequences": "the (None, 128) input comes from a Bidirectional LSTM the text never names",
    "t053_text_cnn_missing_global_pooling": "the text shows the output, not that a Dense before it was applied to the Conv1D sequence",
    "t055_return_sequences_vs_one_label_per_sequence": "the LSTM's return_sequences and the TimeDistributed wrapper are not in the text",
    "t070_onehot_labels_coded_one_to_three": "(16, 4) one-hot against 3 units: 4 classes, or classes numbered from 1 "
                                             "one-hot encoded by to_categorical; only the labels' values tell",
    "t071_regression_target_sparse_ce_softmax_unit": "the text shows one label value, not that the targets are real "
                                                     "numbers (a regression): only the data tells",
    "t073_lstm_input_shape_samples_and_steps": "the text shows an LSTM cell's 8 vs 15 features, not that the "
                                               "declared (200, 15) starts with the 200 samples",
    "t074_dense_autoencoder_sparse_ce_on_pixels": "the text shows (50, 28, 28) labels, not that they are the inputs' "
                                                  "real-valued pixels: only the data tells",
    "t075_gan_discriminator_labels_half_batch": "run offers no verified fix (the missing half's labels are unknown); "
                                                "its first, rejected candidate drops samples",
    "t077_onehot_validation_fewer_classes_evaluate": "(None, 8) one-hot against 10 units: the text cannot tell that "
                                                     "to_categorical left out num_classes",
    "t078_onehot_train_subset_missing_top_class": "(None, 9) one-hot against 10 units: the text cannot tell that "
                                                  "to_categorical left out num_classes",
    "t082_tfdata_class_ids_one_to_124": "label 124 against 124 units: 125 classes or classes numbered from 1; only "
                                        "the data tells",
    "c046_bidirectional_residual_width_doubles": "the text shows (40, 32) and (40, 64), not that the 64 are the two "
                                                 "directions of a Bidirectional(LSTM(32))",
    "c048_xception_residual_stale_shortcut": "the text shows (8, 8, 128) and (16, 16, 128), not that the shortcut "
                                             "reads a tensor left over from the previous loop iteration",
    "c049_timedistributed_conv_input_without_frames": "the text shows a Conv2D kernel against (None, 32, 3), not that "
                                                      "a TimeDistributed took the image rows as time steps",
    "t101_conv_autoencoder_decoder_conv_padding_same": "the text shows 28x28 labels against a 32x32 output, not which "
                                                       "decoder convolution's padding accounts for the 4 pixels",
    "t102_encoder_decoder_repeatvector_input_length": "the text shows 2 against 3 steps in mse, not that a "
                                                      "RepeatVector(3) set the output's steps",
    "t103_dense_on_matrix_samples_without_flatten": "(16, 3, 4) against (16, 4): a sequence (pool) or matrix rows "
                                                    "(flatten); only the model tells",
    "c061_conv1d_residual_projection_not_strided": "the text shows (64, 64) and (128, 64), not that the shortcut "
                                                   "has a 1x1 projection that a stride would downsample",
    "t086_evaluate_test_windows_not_reshaped_like_train": "a gap of explain: (None, 20) against (None, 10, 2) holds "
                                                          "the reshape, explain does not offer it yet",
    "t087_predict_new_texts_padded_to_their_own_length": "that the model was trained and the data came from "
                                                         "pad_sequences without maxlen is only in the script",
    "t092_targets_stacked_as_rows": "the cardinality text gives the counts 100 and 3, not the labels' (3, 100) shape",
    "t093_fit_training_images_with_test_labels": "the text gives 600 vs 100 samples; that y_train pairs with "
                                                 "x_train is only in the script's scope",
    "t105_fit_object_array_of_image_arrays": "'Invalid dtype: object' is the same for ragged token lists and for an "
                                             "object array of equal images; only the data tells",
    "t106_stateful_lstm_samples_not_multiple_of_batch": "the text shows a [5, 16] vs [8, 16] broadcast, not that the "
                                                        "model is stateful with a fixed batch of 8",
    "t107_tfdata_validation_dataset_not_batched": "the text shows one sample reaching the model, not that it came from "
                                                  "the validation dataset (explain batches the dataset)",
    "t108_predict_one_colour_image_without_batch_axis": "(32, 50, 3) against (None, 50, 50, 3): Keras batched the "
                                                        "image's rows; that it is one image is only in the script",
    "t110_two_input_predict_nested_python_lists": "the text shows a nested list, not that the model has two inputs",
    "t111_onehot_features_narrower_at_predict": "3 against 5 features: the text cannot tell that to_categorical left "
                                                "out num_classes",
    "c050_lstm_input_shape_is_the_whole_array_shape": "(None, 24, 6, 30) alone does not say 24 is the sample count; "
                                                      "run sees `batch` of shape (24, 6, 30) in scope",
    "c051_convlstm2d_input_shape_is_the_whole_array_shape": "(None, 20, 5, 12, 12, 1) alone does not say 20 is the "
                                                            "sample count; run sees `x_train` in scope",
    "c052_conv2d_grayscale_input_shape_from_sample_without_channel": "that the declaration was read off the images "
                                                                     "(img_data[0].shape) is only in the script",
    "c053_lstm_sensor_windows_channels_first": "the text is an LSTM cell's MatMul on 200 vs 3 features; that the "
                                               "data is (N, 3, 200) against (200, 3) is only in the script",
    "c055_resnet50_thumbnails_below_min_size": "that input_shape was read off the images (x_train.shape[1:]) is "
                                               "only in the script; explain resizes inside the model instead",
    "c056_conv1d_feature_rows_input_shape_without_channel": "that the declaration was read off the rows "
                                                            "(X.shape[1:]) is only in the script",
    "t140_tfdata_batched_twice": "the text shows (None, None, 32, 32, 3) data, not that a tf.data dataset made it "
                                 "by batching twice",
    "t142_preprocess_helper_rolls_channels_first": "(8, 3, 48, 48) against a 3-channel Conv2D: a channels-first "
                                                   "array or a wrong declaration; run sees the data was rolled",
    "t143_predict_photo_resized_to_other_size": "the text shows 46656 against 20736 flattened values, not that they "
                                                "are a 216x216 photo resized for a 150x150 model",
    "t144_textvectorization_length_from_each_batch": "the text shows 32 against 96 values, not that a "
                                                     "TextVectorization without output_sequence_length made them",
    "t146_multivariate_windows_stacked_features_first": "the text gives the counts 2 and 40, not that the windows "
                                                        "were stacked feature by feature",
    "c068_subclassed_dense_reused_on_wider_input": "that the Dense attribute already ran earlier in call() (a reuse, "
                                                   "with an unused twin attribute) is only in the run and the source",
    "c069_subclassed_block_batchnorm_reused_after_wider_conv": "that the BatchNormalization attribute already ran "
                                                               "after the wider conv in call() is only in the run",
    "c070_identity_block_where_projection_block_needed": "that the add joins an identity shortcut of a helper (the "
                                                         "caller picked the wrong block) is only in the source",
    "c071_shared_conv_from_list_multiplication": "the text shows one Conv2D built on 1 channel getting 8, not that "
                                                 "it came from a list multiplied by `* n_blocks` (only in the source)",
    "c072_conv_pool_loop_more_blocks_than_image_allows": "the text shows one pooling on a 1x1 map, not that a loop over "
                                                         "a five-item list built it on its fifth pass",
    "c066_conv_loop_flatten_indented_into_loop": "the text shows a Conv2D getting (None, 16), not that a Flatten/Dense "
                                                 "head indented into the block loop made it on the previous pass",
    "c080_unet_input_not_divisible_by_pooling_depth": "the text shows two maps one pixel apart, not that both come "
                                                      "from one Input whose size the downsampling does not divide",
    "c081_strided_encoder_unet_input_not_multiple_of_stride_product": "the text shows two maps one pixel apart, not "
                                                                      "the assignment that sized the Input",
    "c082_caption_image_vector_concat_word_sequence_no_repeatvector": "the text shows a vector and a sequence, not "
                                                                      "that an LSTM reads the merge as a sequence",
    "c090_gan_train_step_generator_one_upsampling_short": "the text shows the discriminator refusing a size, not "
                                                          "that the generator made it inside train_step",
    "c091_dcgan_tape_loop_generator_upsamples_once_too_often": "the text shows the discriminator refusing a size, "
                                                               "not that the generator made it in the tape loop",
    "t158_conv1d_tabular_input_shape_whole_array": "the text shows the declared (300, 12), not that the rows are "
                                                   "tabular samples a Conv1D reads as one-channel sequences",
    "t159_customer_id_column_kept_with_features": "the text shows one column too many, not that it is a row id",
    "t160_dummy_columns_from_the_query_categories": "the text shows fewer dummy columns, not that the new data "
                                                    "was encoded with its own categories",
    "t171_vae_train_step_decoder_one_stage_short": "the text names the decoder's last layer; run inserts the "
                                                   "missing upsampling after another one (both upsample once more)",
    "t185_directory_dataset_int_labels_categorical_crossentropy": "the text shows (None,) labels against a 3-unit "
                                                                  "output, not that a directory loader's default "
                                                                  "label_mode made them",
    "t186_directory_dataset_image_size_typo": "the text shows 277x277 batches for a 227x227 input, not that the "
                                              "loader's image_size literal chose that size",
    "t188_thumbnails_smaller_than_backbone_input": "the text shows 28x28 batches for a 96x96 input, not that a nested "
                                                   "backbone fixes that size (the model cannot be re-declared)",
    "t189_bottleneck_features_predict_steps_counts_images": "the text shows 384 inputs for 48 labels, not that a "
                                                            "predict(steps=...) counted batches as samples",
    "t190_colour_images_reshaped_with_one_channel": "the text shows 120 inputs for 40 labels, not that a reshape's "
                                                    "-1 axis took in the colour channels",
    "t192_conv1d_tagger_valid_padding_shortens_sequence": "the text shows 30 tag ids against 26 output steps, not "
                                                          "which convolution (valid padding) shortened the sequence",
    "t194_nan_rows_dropped_after_labels_were_taken": "the text shows 111 inputs for 120 labels, not the row filter "
                                                     "the inputs went through and the labels did not",
    "t193_dense_input_shape_with_extra_step_axis": "the text shows (None, 3) rows against a (None, 1, 3) input; that "
                                                   "the model is Dense-only (the step axis means nothing) needs the code",
    "c131_traffic_signs_rollaxis_left_after_channels_last_input": "the text shows (N, 3, 48, 48) data against a "
        "(48, 48, 3) input; that the model is channels-last and a preprocessing line rolled the colour axis first is "
        "only in the source",
    "c133_lstm_price_windows_declared_without_feature_axis": "the text shows the LSTM refusing a (None, 60) tensor, "
        "not that this tensor is the declared input (input_shape=(60,)) rather than a layer's output",
    "t201_lstm_windows_reshaped_one_step_many_features": "the text is an LSTM cell's MatMul on 3 vs 1 features; that "
        "a reshape put the axis of 1 before the look-back steps is only in the source",
    "t202_char_ids_into_onehot_declared_lstm": "the text shows (None, 10) against (None, 10, 27); that the data are "
        "integer ids 0..26 (one-hot to encode) is only in the arrays",
    "t203_images_kept_their_batch_axis_when_stacked": "the text shows (8, 1, 32, 32, 3); that np.array stacked photos "
        "which each kept a batch axis is only in the source (explain's reshape gives the same array)",
    "t204_rgba_png_alpha_channel_into_rgb_model": "the text shows 4 channels for 3; that the fourth holds one value "
        "everywhere (an opaque alpha, safe to drop) is only in the data",
    "t205_windows_cut_from_one_column_of_three": "the text shows (16, 5) against (None, 5, 3); that the windows were "
        "cut from one column of a 3-column table is only in the source and the caller's arrays",
    "t206_grayscale_pictures_into_rgb_model": "the text shows (6, 32, 32) against (None, 32, 32, 3); that these are "
        "grayscale pictures for a model already trained on colour ones is only in the run",
    "t195_dense_autoencoder_missing_output_reshape": "the text shows [16,28,28] against [16,784] in a subtraction; "
        "that the targets are the inputs and the model's last layer is a Dense needs the arrays and the code",
    "t198_forecast_reshape_axes_swapped": "the text shows [16,12,5] against [16,5,12], not that the model ends on a "
        "Reshape whose target is the labels' sizes in the other order",
    "t199_segmentation_decoder_one_upsampling_short": "the text shows 64x64 masks against a 32x32 output, not which "
                                                      "decoder block lost its upsampling",
    "t200_pos_tagger_flatten_before_per_word_head": "the text shows one tag per word against one distribution per "
                                                    "sentence; that a Flatten (not the LSTM) merged the words needs "
                                                    "the code",
    "t212_multistep_forecaster_last_lstm_returns_sequences": "the text shows [16,3] targets against a [16,10,3] "
                                                             "output, not that the 10 is the time axis an LSTM "
                                                             "with return_sequences=True kept",
    "t213_token_tagger_global_pooling_before_head": "the text shows one tag per token against one distribution per "
                                                    "sentence; that a GlobalMaxPooling1D (not the LSTM) merged the "
                                                    "tokens needs the code",
    "t215_mnist_reshaped_channels_first_for_a_channels_last_cnn": "the text shows (32, 1, 28, 28) against "
        "(None, 28, 28, 1); that a reshape put the axis of 1 first (and made X_test the same way) is only in the source",
    "t216_fit_python_list_of_single_image_batches": "the text shows x sizes 1, 1 against 2 labels; that each item "
        "is a batch of one (joined with np.concatenate, not stacked) is only in the arrays",
    "t217_tfdata_newaxis_on_images_that_have_a_channel": "the text shows a 5-axis input to a Conv2D; that the "
        "pipeline's [..., np.newaxis] added an axis the images already had is only in the source and the arrays",
    "t218_conv_model_built_at_fit_on_images_without_channel": "the text shows a Conv2D refusing (None, 28, 28); that "
        "this tensor is the data itself (the model was built from it at fit) is only in the run",
    "t220_conv1d_autoencoder_decoder_transpose_lost_stride": "the text shows [?,32,1] against [?,16,1] in a "
        "subtraction; that the targets are the inputs and which Conv1DTranspose lost its stride needs the model",
    "t223_multi_output_box_head_on_feature_map": "the text shows [16,4] against [16,15,15,4]; that another head "
        "flattens the same map (so the Flatten goes before this head, not the pooling) needs the graph",
    "t224_letter_labels_ascii_codes_onehot_too_wide": "the text shows (13, 123) against (13, 26); that the 97 "
        "leading one-hot columns are never set (letters kept as character codes) is only in the labels",
    "t226_onehot_binary_labels_one_sigmoid_unit": "the text shows (8, 2) against (8, 1); that the two columns are "
        "one-hot rows of 0/1 labels (and the head a sigmoid) is only in the labels and the model",
    "t227_evaluate_onehot_test_labels_sparse_loss": "the text shows one-hot rows under the sparse loss; that the "
        "model already trained with that loss on class ids (so the labels, not the loss, change) is only in the run",
}
# Where the text alone points to another family than run, which saw the arrays: that family.
TEXT_OTHER_FAMILY = {
    "t106_stateful_lstm_samples_not_multiple_of_batch": ("SD202", "the text is a loss broadcast of 5 vs 8 rows; run "
                                                         "saw the stateful model's fixed batch of 8 (SD203)"),
    "t201_lstm_windows_reshaped_one_step_many_features": ("SD102", "the text is an LSTM cell's MatMul on 3 vs 1 "
                                                          "features; run saw (N, 1, 3) data against the declared "
                                                          "(3, 1) (SD201)"),
    "c053_lstm_sensor_windows_channels_first": ("SD102", "the text is an LSTM cell's MatMul on 200 vs 3 features; "
                                                "run saw (N, 3, 200) data against the declared (200, 3) (SD201)"),
    "t073_lstm_input_shape_samples_and_steps": ("SD102", "the text is an LSTM cell's MatMul on 8 vs 15 features; run "
                                                "saw the declared (200, 15) start with the data's 200 samples (SD201)"),
    "c047_bidirectional_encoder_states_into_decoder": ("SD102", "the text is an LSTM cell's MatMul on 128 vs 64 state "
                                                       "values; run reads the failing fit as labels vs output (its "
                                                       "known_gap)"),
    "t146_multivariate_windows_stacked_features_first": ("SD203", "the text is a sample-count mismatch of 2 vs 40; "
                                                         "run saw the features stacked first (SD201)"),
    "c068_subclassed_dense_reused_on_wider_input": ("SD201", "the text is one Dense rejecting (8, 96) inside a "
                                                    "subclassed call(); run saw it already applied in that call (SD106)"),
    "c069_subclassed_block_batchnorm_reused_after_wider_conv": ("SD201", "the text is one BatchNormalization rejecting "
                                                                "8 channels; run saw it already applied in call() (SD106)"),
    "c090_gan_train_step_generator_one_upsampling_short": ("SD201", "the text is a Sequential refusing an input "
                                                           "size; run saw the generator make it in train_step (SD102)"),
    "c091_dcgan_tape_loop_generator_upsamples_once_too_often": ("SD201", "the text is a Sequential refusing an input "
                                                                "size; run saw the generator make it (SD102)"),
    "t217_tfdata_newaxis_on_images_that_have_a_channel": ("SD101", "the text is a Conv2D kernel against a 5-axis "
                                                          "input; run saw the data pipeline add an axis the "
                                                          "images had (SD201)"),
    "t218_conv_model_built_at_fit_on_images_without_channel": ("SD101", "the text is a Conv2D refusing (None, 28, "
                                                               "28); run saw that tensor is the data itself (SD201)"),
}


# Raising cases `run` does not recognise at all (their known_gap): nothing of run's to compare with.
RUN_SILENT = {"c062_subpixel_upsampling_channels_not_squared"}
# Raising cases whose Keras text explain does not read as a shape problem (no shape message at all, or
# one explain does not know yet): only run, which sees the arrays, can tell.
TEXT_NOT_SHAPE = {"t155_two_output_label_dict_wrong_keys": "a TypeError on a dict key read as a label array "
                  "('Expected float32, but got age_output of type str'): the text names no shape or output",
                  "t141_generator_yields_single_samples": "a gap of explain: 'arrays must be at least rank 1' from a "
                  "generator's scalar labels is not among the messages it reads yet",
                  "t219_pydataset_getitem_returns_one_sample": "the same gap as t141: 'arrays must be at least rank "
                  "1' from a PyDataset's scalar labels is not among the messages explain reads yet",
                  "c120_bert_mlm_ffn_last_dense_ff_dim": "a gap of explain: Keras's 'Cannot broadcast shape, the "
                  "failure dim has value ...' from a sum of two functional tensors is not among the messages it "
                  "reads yet",
                  "c121_bottleneck_block_identity_shortcut_when_not_downsampling": "a gap of explain: the same "
                  "'Cannot broadcast shape' message of a functional `x + shortcut` is not read yet",
                  "c165_keras3_input_shape_int_without_comma": "a gap of explain: Keras 3's 'Cannot convert '13' "
                  "to a shape.' (a declared shape written without its tuple comma) is not among the messages it reads "
                  "yet; run reads the declaration from the source",
                  "c166_resnet50_grayscale_input_shape_without_channels": "a gap of explain: keras.applications' "
                  "'input_shape must be a tuple of three integers' is not among the messages it reads yet",
                  "c153_wdsr_pixel_shuffle_conv_channels_not_squared": "a gap of explain: TensorFlow's 'Dimension "
                  "size must be evenly divisible by 4' of a DepthToSpace node inside a custom layer's call is not "
                  "among the messages it reads yet"}


def test_every_raising_corpus_case_has_a_stored_text():
    raising = sorted(p.name for p in CORPUS_CASES.iterdir()
                     if (p / "case.toml").exists() and 'expect = "mismatch"' in (p / "case.toml").read_text()
                     and p.name not in RUN_SILENT)
    assert all("known_gap" in tomllib.loads((CORPUS_CASES / n / "case.toml").read_text()) for n in RUN_SILENT)
    assert sorted(RUN_SAID) == raising, "store the new cases: python tests/fixtures/errors/corpus/_store.py NAME"
    for name in RUN_SAID:
        case = tomllib.loads((CORPUS_CASES / name / "case.toml").read_text())
        assert case["keras_error"] in (CORPUS_TEXTS / f"{name}.txt").read_text(), name


@pytest.mark.parametrize("name", sorted(RUN_SAID))
def test_corpus_text_gets_runs_family(name):
    if name in TEXT_NOT_SHAPE:
        pytest.skip(TEXT_NOT_SHAPE[name])
    text = (CORPUS_TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    diagnosis = diagnose_text(text)
    assert diagnosis.findings, f"{name}: not recognised"
    family = TEXT_OTHER_FAMILY[name][0] if name in TEXT_OTHER_FAMILY else RUN_SAID[name]["family"]
    assert diagnosis.findings[0].id == family, name


@pytest.mark.parametrize("name", sorted(RUN_SAID))
def test_corpus_text_gets_runs_first_fix(name):
    """Where the text holds the shapes, explain's first fix is run's (same kind or same target shape)."""
    run = RUN_SAID[name]
    text = (CORPUS_TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    if name in TEXT_NOT_SHAPE:
        pytest.skip(TEXT_NOT_SHAPE[name])
    if name in TEXT_CANNOT_TELL:
        pytest.skip(TEXT_CANNOT_TELL[name])
    fixes = diagnose_text(text).findings[0].fixes
    if not run["first_fix_title"]:
        assert fixes  # run verified none of its candidates; explain still suggests one
        return
    assert fixes and same_fix(run, fixes[0]), (
        f"{name}: run said {run['first_fix_title']!r}, explain {fixes[0].title if fixes else None!r}")


JAX_TEXTS = sorted(p.name[: -len(".jax.txt")] for p in CORPUS_TEXTS.glob("*.jax.txt"))


@pytest.mark.parametrize("name", JAX_TEXTS)
def test_corpus_jax_text_gets_runs_family_and_first_fix(name):
    """The same corpus scripts on the JAX backend word their errors differently (broadcasting
    instead of the cross-entropy's checks, no loss in the filtered traceback, "empty output"
    instead of "Negative dimension"): the same family and first fix as run on TensorFlow."""
    run = RUN_SAID[name]
    finding = diagnose_text((CORPUS_TEXTS / f"{name}.jax.txt").read_text(encoding="utf-8")).findings[0]
    assert finding.id == run["family"], name
    assert same_fix(run, finding.fixes[0]), f"{name}: run said {run['first_fix_title']!r}, explain {finding.fixes[0].title!r}"


def test_jax_texts_were_stored():
    assert len(JAX_TEXTS) >= 6
    for name in JAX_TEXTS:
        case = tomllib.loads((CORPUS_CASES / name / "case.toml").read_text())
        assert case["keras_error_jax"] in (CORPUS_TEXTS / f"{name}.jax.txt").read_text(), name


# --- one fix per edit, each one fitting the shapes the text gives ------------------------------


def _fix_texts(name: str) -> list[str]:
    path = FIXTURES / f"{name}.txt"
    path = path if path.exists() else CORPUS_TEXTS / f"{name}.txt"
    return [f"{fx.title}\n{fx.code}" for fx in diagnose_text(path.read_text(encoding="utf-8")).findings[0].fixes]


@pytest.mark.parametrize("name, edit", [
    ("k3tf_pool_shrink", 'padding="same"'),  # the family's own, not also a hand-built copy
    ("tfkeras_conv_shrink", 'padding="same"'),
    ("k3tf_conv_shrink", "window"),  # one smaller window
    ("c004_stacked_lstm_no_return_sequences", "return_sequences=True"),
    ("t015_predict_single_row_without_batch_axis", "np.expand_dims(x, 0)"),
    ("k3tf_add_mismatch", "Dense("),  # one projection
    ("c016_gan_reshape_wrong_channels", "Reshape(("),  # (7, 7, -1), not also (7, 7, 64) and (-1, features)
    ("k3tf_concat_mismatch", "Flatten()"),
])
def test_an_edit_is_suggested_once(name, edit):
    found = [t for t in _fix_texts(name) if edit in t]
    assert len(found) == 1, found


def test_data_fixes_fit_the_declared_input():
    """The data transforms are run's, each checked against the declared input; the text's reader
    adds only what that check cannot see (predict slicing a 1-D array into batches)."""
    codes = " ".join(_fix_texts("t013_predict_single_grayscale_image"))  # (28, 28, 1) for (None, 28, 28, 1)
    assert "np.expand_dims(x, -1)" not in codes  # (28, 28, 1, 1)
    codes = " ".join(_fix_texts("t016_flat_csv_pixels_into_cnn"))  # (16, 784) for (None, 28, 28, 1)
    assert "np.expand_dims(x, -1)" not in codes  # (16, 784, 1)
    codes = " ".join(_fix_texts("t014_tfdata_dataset_not_batched"))  # fit: one sample is an unbatched dataset
    assert "np.expand_dims(x, 0)" not in codes and "x.reshape(-1, 1)" not in codes
    codes = " ".join(_fix_texts("k3tf_predict_no_batch"))  # predict(np.zeros((64,))) seen as (32,)
    assert "x = np.expand_dims(x, 0)" in codes and "x.reshape(-1, 1)" not in codes  # not 64 rows of 1
    codes = " ".join(_fix_texts("k3tf_mnist_unflattened_predict"))  # (16, 28, 28) for (None, 784)
    assert "np.squeeze(x)" not in codes


# --- the command ---------------------------------------------------------------------------


def test_command_explains_a_file():
    proc = run_explain(str(FIXTURES / "k3tf_lstm_after_dense.txt"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "SD101" in out and "wrong-rank" in out and "lstm" in out
    assert "RepeatVector" in out and "not verified" in out and "shapedoctor run" in out


def test_command_reads_stdin_and_unknown_text_exits_1():
    proc = run_explain(stdin=read("k3jax_cardinality"))
    assert proc.returncode == 0 and "SD203" in proc.stdout
    proc = run_explain("-", stdin="TypeError: unsupported operand type(s) for +: 'int' and 'str'\n")
    assert proc.returncode == 1
    assert "not a shape error I know" in proc.stdout
    assert len(proc.stdout.splitlines()) <= 3


def test_command_usage_errors_exit_2():
    assert run_explain("no/such/file.txt").returncode == 2
    assert run_explain(str(FIXTURES)).returncode == 2  # a directory
    assert run_explain(stdin="").returncode == 2  # nothing to explain
    assert run_explain("--bogus").returncode == 2


def test_command_reads_utf16_files(tmp_path):
    path = tmp_path / "err.txt"
    path.write_bytes(read("k3tf_cce_int_labels").encode("utf-16"))  # PowerShell `>`
    assert run_explain(str(path), "--json").returncode == 0


def _explain_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "shapedoctor.explain", *args]


def test_endless_device_is_read_bounded():
    """Issue #10 item 10: /dev/zero was read without bound (3.8 GB, then MemoryError)."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    proc = run_explain("/dev/zero")
    assert proc.returncode == 1 and "not a shape error I know" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_a_pipe_given_as_a_path_is_read(tmp_path):
    """/dev/stdin and <(...) are pipes: they cannot seek, and used to fail with "not seekable"."""
    if not os.path.exists("/dev/stdin"):
        pytest.skip("no /dev/stdin")
    text = read("k3tf_lstm_after_dense")
    proc = subprocess.run(_explain_cmd("--json", "/dev/stdin"), input=text, capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["id"] == "SD101"
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(_explain_cmd("--json", str(fifo)), stdout=subprocess.PIPE, cwd=ROOT)
    with open(fifo, "w") as fh:
        fh.write(text)
    out, _ = reader.communicate(timeout=60)
    assert reader.returncode == 0 and json.loads(out)["findings"][0]["id"] == "SD101"


def test_huge_stream_keeps_only_its_tail():
    """40 MB on stdin, the error at the end: found, while only a bounded tail is kept in memory."""
    script = (
        "import sys\n"
        "out = sys.stdout.buffer\n"
        "for _ in range(40):\n"
        "    out.write(b'noise line\\n' * 95325)\n"
        f"out.write({read('k3tf_lstm_after_dense').encode()!r})\n"
    )
    feeder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    proc = subprocess.run(_explain_cmd("--json"), stdin=feeder.stdout, capture_output=True, cwd=ROOT, timeout=120)
    feeder.wait(timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["id"] == "SD101"


def test_read_tail_is_bounded():
    import io

    from shapedoctor.explain.read_input import read_tail

    data = bytes(range(256)) * 40_000
    assert read_tail(io.BytesIO(data), keep=1000) == data[-1000:]
    assert read_tail(io.BytesIO(data), keep=1000, limit=5000) == data[4000:5000]


@pytest.mark.parametrize("as_json", [True, False])
def test_closed_pipe_exits_quietly(as_json):
    """`explain --json ... | head -0` ended in BrokenPipeError."""
    args = ["--json"] if as_json else []
    proc = subprocess.Popen(_explain_cmd(*args, str(FIXTURES / "k3tf_lstm_after_dense.txt")),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()  # the reader is gone before anything is written
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert err == b""
    assert proc.returncode == 0


def test_json_schema():
    proc = run_explain("--json", str(FIXTURES / "k3torch_cce_int_labels.txt"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["version"] == 1
    assert data["status"] == "mismatch"
    assert data["source"] == "text"
    assert len(data["findings"]) == 1
    finding = data["findings"][0]
    assert set(finding) == set(Finding(id="x", family="x", severity="error", message="x").to_json())
    assert finding["id"] == "SD202" and finding["family"] == "labels-vs-loss"
    assert finding["expected"] == "(32, 64)" and finding["received"] == "(32, 1)"
    assert finding["culprit"]["kind"] == "labels"
    assert all(fx["verified"] is False for fx in finding["fixes"])
    assert set(finding["fixes"][0]) >= {"title", "code", "file", "line", "verified", "result_shape"}
    assert data["notes"] and "shapedoctor run" in data["notes"][0]


def test_json_for_unknown_text():
    proc = run_explain("--json", stdin="just some words\n")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["version"] == 1 and data["source"] == "text" and data["findings"] == []


def test_main_cli_wires_explain():
    """`python -m shapedoctor explain` (the CLI) reaches the same command."""
    proc = run_explain("explain", "--json", str(FIXTURES / "tf_matmul.txt"), module="shapedoctor")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"][0]["id"] == "SD102"


def test_explain_never_imports_keras_or_a_backend():
    script = (
        "import io, sys, contextlib\n"
        "from shapedoctor.cli import main\n"
        "for args in (['explain', sys.argv[1]], ['explain', '--json', sys.argv[1]]):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(args) == 0\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})\n"
        "print(heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(FIXTURES / "paste_k3torch_ipython_ansi.txt")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_plain_output_imports_no_table_and_no_highlighter():
    """Printed to a pipe, explain draws no table and no colours: rich.table, rich.syntax and
    pygments (about a third of its start-up) stay unimported; --json imports no rich at all."""
    script = (
        "import io, sys, contextlib\n"
        "from shapedoctor.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['explain', '--json', sys.argv[1]]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'pygments')))\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    assert main(['explain', sys.argv[1]]) == 0\n"
        "assert 'suggested fixes' in out.getvalue() and '\\x1b[' not in out.getvalue()\n"
        "print(sorted(m for m in ('rich.table', 'rich.syntax', 'pygments') if m in sys.modules))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    proc = subprocess.run([sys.executable, "-c", script, str(FIXTURES / "k3tf_pool_shrink.txt")],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:2] == ["[]", "[]"]


@pytest.mark.parametrize("code", [
    "layers.Conv2D(..., padding='same'),", "", "x = 1\n", "\n\ty = 2\r\nz = 3", "a\rb", "w " * 70, "é → ✓",
])
def test_code_without_colour_is_drawn_as_syntax_draws_it(code):
    """The plain drawing of a fix's code (no pygments) has the very characters Syntax prints."""
    import io

    from rich.console import Console
    from rich.padding import Padding
    from rich.syntax import Syntax

    from shapedoctor.render.terminal import Code

    def draw(renderable, width):
        out = io.StringIO()
        Console(file=out, width=width, color_system=None, highlight=False).print(Padding(renderable, (0, 0, 0, 6)))
        return out.getvalue()

    for width in (30, 100):
        syntax = Syntax(code, "python", theme="ansi_dark", background_color="default")
        assert draw(Code(code), width) == draw(syntax, width)


# --- robustness ----------------------------------------------------------------------------

ROBUST = settings(
    max_examples=200,
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SAMPLE = [read(n) for n in FILES[:: max(1, len(FILES) // 25)]]
PIECES = [
    "Input 0", " of layer ", "'dense'", '"lstm"', "expected ndim=", "found ndim=", "(None, ", "[?,", ")", "]",
    "Incompatible shapes: [", "] vs. [", "Matrix size-incompatible: In[0]: [", "target.shape=", "output.shape=",
    "torch.Size([", "ValueError: ", "Traceback (most recent call last):\n", "\x1b[1m", "\x1b[0m", "\r\n", ">>> ",
    "In [3]: ", "Exception encountered when calling ", ".call().", "• inputs=", "sizes: ", "Data cardinality is ambiguous",
    "{{node ", "with input shapes: ", "Negative dimension size caused by subtracting ", "cannot reshape array of size ",
    "      ", "\n", "1", "64", ",", "(", "[", "'", '"', "`",
]


_SHAPE_IN_TEXT = re.compile(r"\([0-9None, ?]{0,60}\)|\[[0-9?, ]{0,60}\]")
_DIMS = ["None", "0", "1", "2", "3", "28", "64", "784", "-1", "?", "99999999999"]


def _random_shape(rnd: random.Random) -> str:
    dims = [rnd.choice(_DIMS) for _ in range(rnd.choice([0, 0, 1, 1, 2, 3, 4, 5, 6]))]
    if rnd.random() < 0.5:
        return "(" + ", ".join(dims) + ("," if len(dims) == 1 else "") + ")"
    return "[" + ",".join(dims) + "]"


def _mutate(text: str, rnd: random.Random, n: int) -> str:
    """Edit a real text: replace its shapes by random ones (scalars too), insert, delete, copy."""
    if rnd.random() < 0.6:
        for _ in range(rnd.randint(1, 3)):
            found = list(_SHAPE_IN_TEXT.finditer(text))
            if not found:
                break
            m = rnd.choice(found)
            text = text[: m.start()] + _random_shape(rnd) + text[m.end() :]
        if rnd.random() < 0.5:
            return text
    chars = list(text)
    for _ in range(n):
        op = rnd.randrange(4)
        pos = rnd.randrange(len(chars) + 1)
        if op == 0 and chars:
            del chars[min(pos, len(chars) - 1)]
        elif op == 1:
            chars[pos:pos] = list(rnd.choice(PIECES))
        elif op == 2 and chars:
            chars[min(pos, len(chars) - 1)] = chr(rnd.randrange(32, 0x2600))
        else:
            start = rnd.randrange(len(chars) + 1)
            chars[pos:pos] = chars[start : start + rnd.randrange(200)]
    return "".join(chars)


def _check(text: str, limit: float = 2.0) -> None:
    start = time.perf_counter()
    facts = parse(text)
    diagnosis = diagnose_text(text)
    json.dumps(diagnosis.to_json())
    took = time.perf_counter() - start
    assert took < limit, f"{took:.2f}s on {len(text)} chars"
    if facts is not None:
        assert facts.family in {f.id for f in all_families()}


@ROBUST
@given(st.text(max_size=3000))
def test_random_text_never_crashes(text):
    _check(text)


@ROBUST
@given(st.lists(st.sampled_from(PIECES), max_size=400).map("".join))
def test_shape_error_vocabulary_never_crashes(text):
    _check(text)


@ROBUST
@given(st.sampled_from(SAMPLE), st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_mutated_fixtures_never_crash(text, seed, n):
    _check(_mutate(text, random.Random(seed), n))


LONG = bool(os.environ.get("SHAPEDOCTOR_LONG"))
FUZZ_EXAMPLES = 20_000 if LONG else 2_000
ALL_TEXTS = [read(n) for n in FILES]


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(ALL_TEXTS), st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_fuzz_mutated_real_texts(text, seed, n):
    """Every fixture text, its shapes replaced (scalars, zeros, huge, unknown) and its bytes edited:
    never a crash. 2,000 inputs in CI, 20,000 with SHAPEDOCTOR_LONG=1."""
    json.dumps(diagnose_text(_mutate(text, random.Random(seed), n)).to_json())


@pytest.mark.parametrize("text", [
    "ValueError: Shapes () and (None, 64) are incompatible",
    "ValueError: Arguments `target` and `output` must have the same shape. Received: target.shape=(), output.shape=(32, 10)",
    "ValueError: Input 0 with name 'None' of layer 'dense' is incompatible with the layer: "
    "expected axis -1 of input shape to have value 64, but received input with shape ()",
    "ValueError: Error when checking input: expected dense_1_input to have shape [] but got array with shape ()",
    "InvalidArgumentError: Matrix size-incompatible: In[0]: [], In[1]: [64,10]",
    "ValueError: Dimensions must be equal, but are 3 and 64 for '{{node MatMul}} = MatMul[T=DT_FLOAT]' "
    "with input shapes: [], [64,10].",
])
def test_scalar_shapes_are_explained_without_crash(text, monkeypatch):
    """Issue #10 item 9: a scalar shape `()` crashed the advice with IndexError."""
    monkeypatch.setenv("SHAPEDOCTOR_DEBUG", "1")  # recognisers and advisors raise instead of hiding
    diagnosis = diagnose_text(text)
    json.dumps(diagnosis.to_json())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(PIECES + ["a", "(1, ", "[1,", " ", "\x1b[", "Error: "]), st.sampled_from(SAMPLE))
def test_one_megabyte_inputs(piece, tail):
    """1 MB of repeated vocabulary (worst case for regexes), then a real error: still found."""
    filler = piece * (1_000_000 // len(piece) + 1)
    _check(filler, limit=3.0)
    text = filler[:1_000_000] + "\n" + tail
    _check(text, limit=3.0)
    assert parse(text) is not None


def test_one_megabyte_single_line():
    line = "x" * 1_000_000 + " ValueError: Shapes (None, 1) and (None, 64) are incompatible"
    start = time.perf_counter()
    parse(line)
    assert time.perf_counter() - start < 3.0


def test_a_declared_axis_of_size_zero_gives_no_reshape_and_no_crash():
    from shapedoctor.diagnosis.training import data_options

    assert not any("reshape" in how for how, _shape, _why in data_options((4, 6), (None, 0, 3)))


def test_sparse_loss_output_with_extra_axes_reads_as_pool_them_not_multi_hot_labels():
    # t053: target (32,) against output (32, 3, 20): the output kept the sequence axis (Dense per position).
    text = (CORPUS_TEXTS / "t053_text_cnn_missing_global_pooling.txt").read_text(encoding="utf-8")
    fixes = diagnose_text(text).findings[0].fixes
    assert fixes[0].title.startswith("Pool the extra axes before the output layer: GlobalAveragePooling1D()")
    assert not any("multi-hot" in f.title for f in fixes)


def test_op_failing_inside_a_layers_call_during_fit_is_a_merge_not_labels():
    # c043: `out1 + ffn_output` inside TransformerBlock.call(), built during fit.
    text = (CORPUS_TEXTS / "c043_ner_transformer_ffn_width_residual.txt").read_text(encoding="utf-8")
    finding = diagnose_text(text).findings[0]
    assert finding.id == "SD104"
    assert "(16, 16, 32)" in finding.received and "(16, 16, 64)" in finding.received


# --- a Concatenate whose inputs differ only on the last axis was given another axis ------------

CONCAT_TEXT = ("ValueError: A `Concatenate` layer requires inputs with matching shapes except for the "
               "concatenation axis. Received: input_shape=[{}]")


def test_concatenate_inputs_differing_only_on_the_last_axis_get_axis_minus_one_only():
    finding = diagnose_text(CONCAT_TEXT.format("(None, 8, 8, 16), (None, 8, 8, 4)")).findings[0]
    first = finding.fixes[0]
    assert "Concatenate(axis=-1)" in first.code and first.result_shape == "(None, 8, 8, 20)"
    # A branch's width is what the default axis joins: changing it would be wrong, so it is not offered.
    assert not any(re.search(r"\b(units|filters)=", f.title + f.code) for f in finding.fixes)
    assert "given another `axis=`" in finding.explanation


def test_concatenate_inputs_differing_on_a_spatial_axis_keep_the_other_advice():
    finding = diagnose_text(CONCAT_TEXT.format("(None, 8, 8, 16), (None, 4, 4, 16)")).findings[0]
    assert not any("Concatenate(axis=-1)" in f.code for f in finding.fixes[:1])
    assert "given another `axis=`" not in finding.explanation


@pytest.mark.parametrize("target, output, first", [
    ("(8, 64, 64, 1)", "(8, 60, 60, 1)", 'padding="same"'),  # two valid 3x3 convolutions: 4 pixels per axis
    ("(4, 100, 2)", "(4, 96, 2)", 'Conv1D(filters, kernel_size, padding="same"'),  # the same on a sequence
    ("(8, 64, 64, 1)", "(8, 32, 32, 1)", "Upsample once more"),  # a whole ratio: a missing upsampling instead
])
def test_output_map_a_few_pixels_short_of_the_masks(target, output, first):
    """A segmentation output a few pixels smaller than its masks on every axis (t170's text): the
    convolutions' padding, not the labels' encoding; a halved map stays a missing upsampling."""
    text = ("ValueError: Arguments `target` and `output` must have the same shape. "
            f"Received: target.shape={target}, output.shape={output}")
    fixes = diagnose_text(text).findings[0].fixes
    assert first in f"{fixes[0].title}\n{fixes[0].code}", [f.title for f in fixes]
    assert not any("sparse_categorical" in f.code for f in fixes)
