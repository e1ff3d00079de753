"""SD201 data shape: the array given to fit/predict/evaluate does not fit the declared input.

run's own data transforms come first (text_fixes.run_ranked_fixes); this advisor writes the
message and adds the fixes for widths and lengths that only the text's reader can suggest.
"""

from __future__ import annotations

import re

from shapedoctor.explain import text_fixes as tf
from shapedoctor.explain.advice.core import Advice, advisor, fix, generic_fixes, layer_place, rule_for, shape_of
from shapedoctor.messages import hints
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport, Place


@advisor("SD201")
def advise_data(f: ErrorFacts, ranked: list) -> Advice:
    exp = shape_of(f.expected)
    recv = shape_of(f.received)
    want_ndim = None
    m = re.match(r"ndim(?:>=|=)(\d+)", f.expected or "")
    if m:
        want_ndim = int(m.group(1))
    elif exp is not None:
        want_ndim = len(exp)
    where = f" at {f.layer}" if f.layer and not hints.is_model_name(f.layer) else ""
    message = f"the data has shape {f.received}, the model expects {f.expected}{where}"
    declared = f"samples of shape {f.expected}" if f.details.get("per_sample") else f"inputs of {f.expected}"
    explanation = f"The model was declared for {declared}; the array given has {f.received}. " + rule_for(f.family, f)
    # run's data transforms (text_fixes.data_fixes) come first: each one checked against the
    # declared input. What the text's reader adds is below.
    fixes: list[FixReport] = []
    if recv is not None and len(recv) == 1 and (want_ndim or 0) >= 2 and f.phase not in ("fit", "evaluate"):
        # predict batches a 1-D array along its only axis: one sample of 64 values arrives as
        # (32,), so the shape cannot be checked against the declared width; the data can.
        fixes.append(fix("A single sample lacks its batch axis: add it", "x = np.expand_dims(x, 0)"))
    elif recv is not None and exp is not None and len(recv) == len(exp) and recv[-1] != exp[-1]:
        if exp[-1] is not None and recv[-1] is not None:
            unit = "feature" if recv[-1] == 1 else "features"
            fixes.append(fix(f"The data has {recv[-1]} {unit} per sample, the model {exp[-1]}: pass the columns it was built for",
                             f"x = x[:, feature_columns]   # the {exp[-1]} columns the model expects"))
    elif recv is not None and exp is not None and len(recv) == len(exp):
        axis = f.details.get("axis")
        want, have = f.details.get("expected_size"), f.details.get("received_size")
        if axis not in (None, -1) and want and have:
            fixes.append(fix(f"The data has {have} on axis {axis} (time steps?), the model {want}: pad or cut to {want}",
                             f"x = keras.utils.pad_sequences(x, maxlen={want}, padding=\"post\", dtype=\"float32\")"))
            fixes.append(fix("Or accept any length on that axis: declare it None in the Input",
                             "keras.Input(shape=(None, features))"))
    declared_whole_array = bool(tf.batch_axis_declared(recv, exp))
    if declared_whole_array:
        explanation = (f"The model was declared for inputs of {f.expected}, one axis more than the data's {f.received}: "
                       f"the {exp[1]} in front looks like the number of samples, i.e. the input was declared with the "
                       f"whole array's shape (batch axis included). `input_shape` / `Input(shape=...)` describe one sample.")
    if not fixes and not ranked and not declared_whole_array:
        fixes = generic_fixes("SD201", f)
    return Advice(message, explanation, fixes, consumer=layer_place(f, "input"),
                  culprit=None if declared_whole_array else Place(kind="data"),
                  cannot_tell="The text does not show where the array was built or loaded.")
