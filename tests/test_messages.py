"""Unit tests of shapedoctor.messages: shapes, normalisation, blocks, hints, the registry."""

from __future__ import annotations

import time

import pytest

from shapedoctor.messages import (
    ErrorFacts,
    hints,
    parse,
    recognizer,
    recognizers,
    registry,
)
from shapedoctor.messages import shapes as sh
from shapedoctor.messages.normalize import MAX_LINE, normalize, split_errors

LSTM = (
    "ValueError: Input 0 with name 'None' of layer 'lstm' is incompatible with the layer: "
    "expected ndim=3, found ndim=2. Full shape received: (None, 1)"
)


@pytest.mark.parametrize(
    "text, shape",
    [
        ("(None, 1)", (None, 1)),
        ("(64,)", (64,)),
        ("()", ()),
        ("[?,19]", (None, 19)),
        ("[None 3 3 1]", (None, 3, 3, 1)),
        ("torch.Size([32, 1])", (32, 1)),
        ("TensorShape([None, 64])", (None, 64)),
        ("32x1", (32, 1)),
        ("[16]", (16,)),
        ("(16)", None),  # a number in brackets, not a 1-tuple
        ("(a, b)", None),
        ("hello", None),
    ],
)
def test_parse_shape(text, shape):
    assert sh.parse_shape(text) == shape


def test_fmt_and_find_shapes():
    assert sh.fmt((None, 1)) == "(None, 1)" and sh.fmt((64,)) == "(64,)" and sh.fmt(()) == "()"
    text = "target.shape=torch.Size([32, 1]), output.shape=(32, 64); [?,3] vs [?,3]"
    assert sh.find_shapes(text) == ["(32, 1)", "(32, 64)", "(None, 3)"]
    assert sh.find_shapes(text, unique=False)[-2:] == ["(None, 3)", "(None, 3)"]
    assert sh.size((2, 3, 4)) == 24 and sh.size((None, 3)) is None


def test_shape_regex_is_linear_on_bad_input():
    start = time.perf_counter()
    sh.find_shapes("(" + " " * 100_000 + "x")
    sh.find_shapes("(1" + " 1" * 50_000 + " x")
    sh.find_shapes("[" + "1," * 100_000)
    assert time.perf_counter() - start < 1.0


def test_normalize_strips_escapes_prompts_and_line_endings():
    raw = "In [3]: \x1b[91mValueError\x1b[39m: boom\r\n>>> >>> x = 1\r\n   ...: y\r\n> quoted\n[1mbold[0m"
    assert normalize(raw).split("\n") == ["ValueError: boom", "x = 1", "y", "quoted", "bold"]


def test_pytest_failure_output():
    text = "    def test_model():\n>       model = build()\n\nE       " + LSTM + "\n\ntest_model.py:12: ValueError\n"
    facts = parse(text)
    assert (facts.family, facts.layer, facts.exception) == ("SD101", "lstm", "ValueError")


def test_normalize_bounds_long_lines_and_keeps_their_tail():
    line = "x" * 100_000 + " expected axis -1 of input shape to have value 64"
    out = normalize(line)
    assert len(out) <= MAX_LINE + 5
    assert out.endswith("to have value 64")


def test_split_errors_cuts_at_headers_and_tracebacks():
    text = normalize(
        "Traceback (most recent call last):\n  File \"a.py\", line 1\nTypeError: first\n\n"
        "During handling of the above exception, another exception occurred:\n\n"
        "Traceback (most recent call last):\n  File \"b.py\", line 2\n"
        "tensorflow.python.framework.errors_impl.InvalidArgumentError: second\n  more detail\n"
    )
    blocks = split_errors(text)
    assert [b.exception for b in blocks] == ["TypeError", "InvalidArgumentError"]
    assert blocks[0].text == "TypeError: first"
    assert blocks[1].text.endswith("more detail")
    assert 'File "b.py"' in blocks[1].before
    assert split_errors("no header here")[0].exception is None


def test_keras3_wrapper_stays_in_the_block():
    text = (
        "ValueError: Exception encountered when calling Sequential.call().\n\n"
        "\x1b[1m" + LSTM.split(": ", 1)[1] + "\x1b[0m\n\n"
        "Arguments received by Sequential.call():\n  • inputs=tf.Tensor(shape=(None, 10), dtype=float32)\n"
    )
    facts = parse(text)
    assert (facts.family, facts.layer, facts.expected, facts.received) == ("SD101", "lstm", "ndim=3", "(None, 1)")
    # The same error where the model's own input is the offending tensor: the data is wrong.
    facts = parse(text.replace("(None, 10)", "(None, 1)"))
    assert (facts.family, facts.details["data"]) == ("SD201", True)


def test_hints():
    assert hints.guess_class("lstm_2") == "LSTM" and hints.guess_class("conv2d") == "Conv2D"
    assert hints.guess_class("my_layer") is None
    assert hints.is_model_name("sequential_3") and not hints.is_model_name("dense")
    assert hints.backend("File \"/x/jax/_src/lax.py\"") == "jax"
    assert hints.backend("target.shape=torch.Size([1])") == "torch"
    assert hints.backend("[Op:MatMul]") == "tensorflow"
    assert hints.dialect("site-packages/keras/src/layers/layer.py") == "keras3"
    assert hints.dialect("site-packages/tf_keras/src/engine/training.py") == "tf.keras"
    assert hints.loss("in categorical_crossentropy\n{{node compile_loss/mse/sub}}") == "mean_squared_error"
    assert hints.loss("in sparse_categorical_crossentropy") == "sparse_categorical_crossentropy"
    assert hints.phase("    model.fit(x, y)") == "fit" and hints.phase("model.predict(x)") == "predict"
    cls, name, shape = hints.wrapper(
        "Exception encountered when calling layer 'sequential' (type Sequential).\n"
        "Call arguments received by layer 'sequential' (type Sequential):\n  • inputs=tf.Tensor(shape=(None, 1), dtype=float32)"
    )
    assert (cls, name, shape) == ("Sequential", "sequential", "(None, 1)")


def test_registry_tries_recognisers_in_order_and_survives_bugs():
    assert len(recognizers()) >= 25
    names = [r.name for r in recognizers()]
    assert names.index("keras3_layers.input_spec_ndim") < names.index("tf_ops.incompatible_shapes")

    @recognizer("zzz-custom-needle")
    def broken(block):
        raise RuntimeError("a recogniser bug")

    @recognizer("zzz-custom-needle")
    def custom(block):
        return ErrorFacts(family="SD104", key_line="zzz-custom-needle (1, 2) (3, 4)")

    try:
        facts = parse("ValueError: zzz-custom-needle")
        assert facts.family == "SD104" and facts.recognizer == "test_messages.custom"
        assert facts.shapes == ["(1, 2)", "(3, 4)"]
    finally:
        registry._RECOGNIZERS[:] = [r for r in registry._RECOGNIZERS if "zzz-custom-needle" not in r.needles]


def test_parse_accepts_anything():
    for value in ("", None, 42, b"bytes", "\x00\x1b[", "ValueError:", "Error:" * 1000):
        parse(value)  # never raises


def test_earlier_error_is_used_when_the_last_is_unrelated():
    text = LSTM + "\n\nDuring handling...\nKeyboardInterrupt: stopped by user\n"
    assert parse(text).family == "SD101"


def test_stateful_batch_message_names_both_batch_sizes():
    """Keras 3's text (GRU.call on TensorFlow) when predict's batches differ from a stateful model's."""
    text = ("ValueError: Exception encountered when calling GRU.call().\n\n"
            "\x1b[1mIf an RNN is stateful, the batch size of the input sequences must be the same as the batch size "
            "of the initial state. \n- Expected batch size: 10\n- Received batch size: 20\x1b[0m\n\n"
            "Arguments received by GRU.call():\n  • sequences=tf.Tensor(shape=(20, 6, 1), dtype=float32)\n")
    facts = parse(text)
    assert facts.family == "SD201" and facts.recognizer == "keras3_layers.stateful_batch"
    assert facts.details["stateful_batch"] == (10, 20)


def test_tf_data_batch_of_uneven_elements_is_data_in_both_wordings():
    """TensorFlow's two texts (seen in real fit runs) when a dataset batches images of several sizes."""
    same_count = ("InvalidArgumentError: Graph execution error:\n\nCannot batch tensors with different shapes in "
                  "component 0. First element had shape [64,64,3] and element 1 had shape [96,96,3].\n"
                  "\t [[{{node IteratorGetNext}}]]")
    other_count = ("InvalidArgumentError: Cannot add tensor to the batch: number of elements does not match. Shapes "
                   "are: [tensor]: [32,48,1], [batch]: [40,40,1]\n\t [[{{node IteratorGetNext}}]]")
    for text, shapes in ((same_count, ["(64, 64, 3)", "(96, 96, 3)"]), (other_count, ["(40, 40, 1)", "(32, 48, 1)"])):
        facts = parse(text)
        assert facts.family == "SD201" and facts.recognizer == "data.uneven_batch"
        assert facts.shapes == shapes


def test_a_shape_with_none_that_cannot_become_a_tensor_is_an_undefined_axis():
    """Keras 3's text (TensorFlow) when a layer's call draws noise with the shape build() saw."""
    text = ("ValueError: Exception encountered when calling SampleLayer.call().\n\nCould not automatically infer "
            "the output shape / dtype of 'sample_layer' (of type SampleLayer). Error encountered:\n\n"
            "Failed to convert elements of (None, 8) to Tensor. Consider casting elements to a supported type.\n")
    facts = parse(text)
    assert facts.family == "SD107" and facts.details["none_shape"] == "(None, 8)"
    assert parse("TypeError: Failed to convert elements of (3, 8) to Tensor.") is None


def test_an_adapt_without_the_feature_axis_is_data():
    """Keras 3's text when Normalization.adapt gets a dataset of (batch,) values."""
    text = ("ValueError: All `axis` values to be kept must have a known shape. Received axis=(-1,), "
            "inputs.shape=(None, None), with unknown axis at index 1")
    facts = parse(text)
    assert facts.family == "SD201" and facts.details["kept_axis_unknown"] == "(-1,)"
