"""Context clues around an error message: dialect, backend, loss, phase, wrapper, class.

The message line says what failed; the lines around it often say more: which Keras wrote
it (``keras/src`` paths, ``tf_keras``), which backend ran (``jax/_src``, ``torch.Size``,
``{{node ...}}``), which loss was computing (a frame ``in categorical_crossentropy``),
whether ``fit`` or ``predict`` was running, and which layer call Keras 3 or tf.keras
wrapped around the error (``Exception encountered when calling Reshape.call()``). These
helpers read such clues with simple bounded patterns; each returns ``None`` when the text
does not show the clue.
"""

from __future__ import annotations

import re
from typing import Optional

from shapedoctor.messages import shapes as sh

# --- layer classes -----------------------------------------------------------------------

_CLASSES = {
    "dense": "Dense",
    "einsum_dense": "EinsumDense",
    "lstm": "LSTM",
    "gru": "GRU",
    "simple_rnn": "SimpleRNN",
    "simplernn": "SimpleRNN",
    "conv_lstm2d": "ConvLSTM2D",
    "bidirectional": "Bidirectional",
    "time_distributed": "TimeDistributed",
    "conv1d": "Conv1D",
    "conv2d": "Conv2D",
    "conv3d": "Conv3D",
    "convolution1d": "Conv1D",
    "convolution2d": "Conv2D",
    "conv2d_transpose": "Conv2DTranspose",
    "separable_conv2d": "SeparableConv2D",
    "depthwise_conv2d": "DepthwiseConv2D",
    "max_pooling1d": "MaxPooling1D",
    "max_pooling2d": "MaxPooling2D",
    "max_pooling3d": "MaxPooling3D",
    "maxpooling1d": "MaxPooling1D",
    "maxpooling2d": "MaxPooling2D",
    "average_pooling1d": "AveragePooling1D",
    "average_pooling2d": "AveragePooling2D",
    "global_average_pooling1d": "GlobalAveragePooling1D",
    "global_average_pooling2d": "GlobalAveragePooling2D",
    "global_max_pooling1d": "GlobalMaxPooling1D",
    "global_max_pooling2d": "GlobalMaxPooling2D",
    "flatten": "Flatten",
    "reshape": "Reshape",
    "permute": "Permute",
    "repeat_vector": "RepeatVector",
    "batch_normalization": "BatchNormalization",
    "batchnormalization": "BatchNormalization",
    "layer_normalization": "LayerNormalization",
    "embedding": "Embedding",
    "dropout": "Dropout",
    "activation": "Activation",
    "concatenate": "Concatenate",
    "add": "Add",
    "subtract": "Subtract",
    "multiply": "Multiply",
    "average": "Average",
    "maximum": "Maximum",
    "minimum": "Minimum",
    "dot": "Dot",
    "multi_head_attention": "MultiHeadAttention",
    "attention": "Attention",
    "sequential": "Sequential",
    "functional": "Functional",
    "model": "Functional",
}
_SUFFIX = re.compile(r"_\d{1,6}$")
_MODEL_NAME = re.compile(r"^(?:sequential|functional|model)(?:_\d{1,6})?$")

RECURRENT = {"LSTM", "GRU", "SimpleRNN", "Bidirectional", "ConvLSTM2D"}
CONV1D = {"Conv1D", "MaxPooling1D", "AveragePooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling1D"}
CONV2D = {
    "Conv2D",
    "Conv2DTranspose",
    "SeparableConv2D",
    "DepthwiseConv2D",
    "MaxPooling2D",
    "AveragePooling2D",
    "GlobalAveragePooling2D",
    "GlobalMaxPooling2D",
}
MERGES = {"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot"}
MODELS = {"Sequential", "Functional", "Model"}


def guess_class(layer: Optional[str]) -> Optional[str]:
    """The class Keras names a layer after (``lstm_2`` -> ``LSTM``); ``None`` if unsure."""
    if not layer:
        return None
    base = _SUFFIX.sub("", layer.strip().lower())
    return _CLASSES.get(base)


def is_model_name(layer: Optional[str]) -> bool:
    return bool(layer) and bool(_MODEL_NAME.match(layer.strip().lower()))


# --- dialect and backend -----------------------------------------------------------------

_JAX = ("jax/_src", "/jax/", "jax_traceback_filtering", "jnp.ndarray", "jittracer", "jaxlib", "backend/jax")
_TORCH = ("torch.size(", "torch.tensor(", "/torch/", "backend/torch", "mat1 and mat2", "non-singleton dimension")
_TF = ("tensorflow", "tf.tensor(", "{{node", "[op:", "(op: '", "onednn", "tf_enable_onednn_opts", "[[node")


def backend(text: str) -> Optional[str]:
    """Which backend ran, when the text shows it."""
    low = text.lower()
    if any(k in low for k in _JAX):
        return "jax"
    if any(k in low for k in _TORCH):
        return "torch"
    if any(k in low for k in _TF):
        return "tensorflow"
    return None


def dialect(text: str) -> Optional[str]:
    """Which Keras printed the traceback, judged from paths and wording."""
    low = text.lower()
    if "tf_keras" in low or "tensorflow/python/keras" in low or "tensorflow_core/python/keras" in low:
        return "tf.keras"
    if "keras/src/" in low or "keras\\src\\" in low or ".call()." in low or "arguments received by" in low:
        return "keras3"
    if "call arguments received by layer" in low or "exception encountered when calling layer" in low:
        return "tf.keras"
    if "keras/engine/topology.py" in low or "keras/legacy/" in low or "using tensorflow backend." in low:
        return "keras2"
    if "keras/engine/" in low or "keras\\engine\\" in low:
        return "tf.keras"
    return None


# --- loss --------------------------------------------------------------------------------

_LOSS_RE = re.compile(
    r"\b(sparse_categorical_crossentropy|categorical_crossentropy|binary_crossentropy"
    r"|binary_focal_crossentropy|categorical_focal_crossentropy|categorical_hinge"
    r"|mean_squared_error|mean_absolute_error|mean_absolute_percentage_error"
    r"|mean_squared_logarithmic_error|kl_divergence|poisson|huber|squared_hinge|hinge"
    r"|cosine_similarity|log_cosh|mse|mae|SparseSoftmaxCrossEntropyWithLogits"
    r"|sparse_softmax_cross_entropy|sigmoid_cross_entropy_with_logits"
    r"|softmax_cross_entropy_with_logits|SparseCategoricalCrossentropy"
    r"|CategoricalCrossentropy|BinaryCrossentropy|MeanSquaredError|MeanAbsoluteError)\b"
)
_LOSS_ALIASES = {
    "mse": "mean_squared_error",
    "mae": "mean_absolute_error",
    "SparseSoftmaxCrossEntropyWithLogits": "sparse_categorical_crossentropy",
    "sparse_softmax_cross_entropy": "sparse_categorical_crossentropy",
    "sigmoid_cross_entropy_with_logits": "binary_crossentropy",
    "softmax_cross_entropy_with_logits": "categorical_crossentropy",
    "SparseCategoricalCrossentropy": "sparse_categorical_crossentropy",
    "CategoricalCrossentropy": "categorical_crossentropy",
    "BinaryCrossentropy": "binary_crossentropy",
    "MeanSquaredError": "mean_squared_error",
    "MeanAbsoluteError": "mean_absolute_error",
}


def loss(text: str) -> Optional[str]:
    """The loss the text names last (frames and TF node names), in its Keras spelling."""
    found = None
    for m in _LOSS_RE.finditer(text):
        found = m.group(1)
    if found is None:
        return None
    return _LOSS_ALIASES.get(found, found)


_METRIC_RE = re.compile(r"metrics?/|accuracy", re.I)
_LOSSY_RE = re.compile(
    r"loss|crossentropy|y_true|y_pred|squared_difference|SquaredDifference|compile_utils"
    r"|train_function|train_step|test_function|[Oo]p:__inference_train",
)


def mentions_labels(text: str) -> bool:
    """Does the context show a loss or a metric comparing labels with predictions?"""
    return bool(_LOSSY_RE.search(text) or _METRIC_RE.search(text))


# --- phase -------------------------------------------------------------------------------

_PHASE_RE = re.compile(
    r"\.fit\(|\bin fit\b|train_function|train_step|\.train_on_batch\("
    r"|\.predict\(|\bin predict\b|predict_function|predict_step|\.predict_on_batch\("
    r"|\.evaluate\(|\bin evaluate\b|test_function|test_step"
    r"|Sequential\(|_maybe_rebuild|\bin build\b|build_wrapper|model\.add\("
)


def phase(text: str) -> Optional[str]:
    """What the program was doing: ``fit``, ``predict``, ``evaluate`` or ``build``."""
    last = None
    for m in _PHASE_RE.finditer(text):
        last = m.group(0)
    if last is None:
        return None
    if "fit" in last or "train" in last:
        return "fit"
    if "predict" in last:
        return "predict"
    if "evaluate" in last or "test_" in last:
        return "evaluate"
    return "build"


# --- where in the user's code the error surfaced ------------------------------------------

_FRAME = re.compile(r'^\s{0,8}File "([^"\n]{1,500})", line (\d{1,7})(?:, in [^\n]{0,200})?$', re.M)
_IPY_FRAME = re.compile(r"^\s{0,8}(?:Cell In\s?\[(\d{1,6})\], line (\d{1,7})|File ([^\n,]{1,500}):(\d{1,7}), in [^\n]{0,200})$", re.M)
_LIBRARY = (
    "site-packages", "dist-packages", "/lib/python", "\\lib\\", "<frozen", "__autograph_generated",
    "/usr/lib/", "<string>", "/keras/", "/tensorflow/", "/jax/", "/torch/",
)


def user_frame(text: str) -> Optional[tuple[str, int, Optional[str]]]:
    """(file, line, code) of the last traceback frame outside libraries, if the text shows one."""
    found = None
    for m in _FRAME.finditer(text):
        path = m.group(1)
        if not any(k in path for k in _LIBRARY):
            found = (path, int(m.group(2)), m.end())
    for m in _IPY_FRAME.finditer(text):
        if m.group(1):
            path, line = f"In[{m.group(1)}]", int(m.group(2))
        else:
            path, line = m.group(3).strip(), int(m.group(4))
            if any(k in path for k in _LIBRARY):
                continue
        if found is None or m.end() > found[2]:
            found = (path, line, m.end())
    if found is None:
        return None
    path, line, end = found
    code = None
    for nxt in text[end : end + 2000].split("\n")[1:4]:
        s = nxt.strip()
        if not s or set(s) <= set("^~ "):
            continue
        if s.startswith(("File ", "Traceback", "Cell In")):
            break
        s = re.sub(r"^-*>\s{0,4}\d{1,7}\s", "", s)  # IPython's "----> 1 model.fit(...)"
        code = s[:300]
        break
    return path, line, code


# --- the layer call Keras wrapped around the error ----------------------------------------

_K3_WRAP = re.compile(r"Exception encountered when calling (\w{1,80})\.call\(\)")
_TFK_WRAP = re.compile(
    r"Exception encountered when calling layer ['\"]([^'\"\n]{1,120})['\"] \(type (\w{1,80})\)"
)
_ARGS_LINE = re.compile(r"^\s{0,12}(?:•|\*|-)\s{0,4}(?:inputs|args|x)=([^\n]{0,600})$", re.M)


def wrapper(text: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(class, layer name, input shape) of the call Keras wrapped around the error."""
    cls = name = None
    m = _TFK_WRAP.search(text)
    if m:
        name, cls = m.group(1), m.group(2)
    else:
        m = _K3_WRAP.search(text)
        if m:
            cls = m.group(1)
    shape = None
    if cls is not None:
        a = _ARGS_LINE.search(text)
        if a:
            found = sh.find_shapes(a.group(1), limit=1)
            shape = found[0] if found else None
    return cls, name, shape


def looks_like_data(
    text: str, layer: Optional[str], received: Optional[str], ph: Optional[str]
) -> bool:
    """Is the mismatching tensor the data given to fit/predict rather than a layer output?

    True when the consumer is the model itself, when the model call Keras wrapped around the
    error received exactly the offending shape, or when fit/predict/evaluate ran with a
    concrete batch size (symbolic tensors while building have ``None`` there).
    """
    if "<KerasTensor" in text or "KerasTensor(" in text:
        return False  # Keras names the symbolic tensor it received: a layer output, not an array
    if is_model_name(layer):
        return True
    cls, _, shape = wrapper(text)
    if cls in MODELS and shape is not None and shape == received:
        return True
    if ph in ("fit", "predict", "evaluate") and received:
        parsed = sh.parse_shape(received)
        if parsed and parsed[0] is not None:
            return True
        # A layer refusing a traced (None, ...) tensor inside fit/predict: a model built on
        # its first data, whose first layer meets the data (run's SD201).
        return bool(parsed) and cls is None and len(parsed) == 2
    return False


# `b = shared(x20)`: the user's line calls a layer object held in a variable on one tensor.
_CALLS_A_VARIABLE = re.compile(r"^\s*[\w.]{1,80}\s*=\s*([a-z_][\w]{0,80})\(\s*[\w.]{1,80}\s*\)\s*$")


def reuses_a_layer(facts) -> bool:
    """A built layer refusing a symbolic tensor on a fixed axis, called from a line like
    ``b = shared(x20)``: the layer object was called before on another width (SD106, as
    ``shapedoctor run`` sees from the layer's earlier calls). A fresh layer in a model is
    never refused on its feature axis, so the earlier call built it."""
    if facts.details.get("data") or facts.details.get("call_input") or facts.phase in ("fit", "predict", "evaluate"):
        return False
    if is_model_name(facts.layer):
        return False  # a model refusing its input: what fed it is the question, not sharing
    got = sh.parse_shape(facts.received) if facts.received else None
    code = (facts.details.get("where") or {}).get("code") or ""
    m = _CALLS_A_VARIABLE.match(code)
    return bool(got) and got[0] is None and m is not None and m.group(1) not in MODEL_VARIABLES


MODEL_VARIABLES = frozenset({"model", "net", "network", "encoder", "decoder", "generator", "discriminator", "classifier"})


def single_sample_given_an_axis(facts) -> None:
    """A single image passed to predict/evaluate without its batch axis: a functional model
    appends an axis of size 1 to fit its input's rank, so (28, 28, 1) reaches Conv2D as
    (28, 28, 1, 1) and fails as a shrink (SD105). It is the data (SD201), one sample: the
    sample's shape is the received shape without that last axis."""
    if facts.family != "SD105" or facts.phase not in ("predict", "evaluate"):
        return
    call = facts.details.get("call_input") or {}
    got = sh.parse_shape(call.get("shape") or facts.received) if (call or facts.received) else None
    if not got or len(got) != 4 or None in got or got[-1] != 1 or got[-2] not in (1, 3, 4):
        return
    sample = tuple(got[:-1])
    facts.family = "SD201"
    facts.received = sh.fmt(sample)
    facts.expected = sh.fmt((None,) + sample)
    facts.details.update({"data": True, "appended_axis": True})
