"""SD105 spatial shrink: a window larger than what is left of the feature map, and
keras.applications refusing images below their minimum size.
"""

from __future__ import annotations

from shapedoctor.explain.advice.core import Advice, advisor, dims, fix, layer_place, rule_for, shape_of, who
from shapedoctor.messages.facts import ErrorFacts
from shapedoctor.report.model import FixReport


def _too_small_for_application(f: ErrorFacts) -> Advice:
    """keras.applications refuses images below its minimum size (its downsampling would shrink them away)."""
    height, width = f.details["min_size"]
    recv = shape_of(f.received)
    message = f"the pretrained architecture needs images of at least {height}x{width}, received input_shape={f.received}"
    explanation = (f"This keras.applications model downsamples its input several times; below {height}x{width} "
                   f"the feature maps would shrink away, so it refuses input_shape={f.received}. ") + rule_for("SD105", f)
    channels = recv[-1] if recv is not None and len(recv) == 3 else None
    inner = f"{height}, {width}" + (f", {channels}" if channels else ", channels")
    fixes = [
        fix(f"Declare the smallest input the model accepts, input_shape=({inner}), and resize the images to it",
            f"input_shape=({inner})"),
        fix(f"Or resize the images to at least {height}x{width} inside the model",
            f"inputs = keras.Input(shape=({dims(recv) if recv else 'height, width, channels'}))\n"
            f"x = layers.Resizing({height}, {width})(inputs)\n# then call the application on x with input_shape=({inner})"),
    ]
    return Advice(message, explanation, fixes, consumer=layer_place(f),
                  cannot_tell="The text does not show which application or where the images were loaded.")


@advisor("SD105")
def advise_shrink(f: ErrorFacts, ranked: list) -> Advice:
    if f.details.get("min_size"):
        return _too_small_for_application(f)
    recv = shape_of(f.received)
    window = [w for w in (f.details.get("window") or []) if w]
    k = max(window, default=None)
    spatial = tuple(recv[1:-1]) if recv is not None and len(recv) >= 3 else None
    if len(window) > 1:
        win_txt = "a " + "x".join(str(w) for w in window) + " window"
    elif window:
        win_txt = f"a window of {window[0]}"
    else:
        win_txt = "the window"
    size_txt = "x".join("?" if d is None else str(d) for d in spatial) if spatial else None
    if size_txt:
        message = f"{who(f)}: {win_txt} does not fit the {size_txt} input {f.received}"
    else:
        message = f"{who(f)}: {win_txt} is larger than the input {f.received or ''}".rstrip()
    explanation = (
        f"With padding=\"valid\" a window of size {k or 'k'} needs at least {k or 'k'} positions on each spatial axis; "
        f"the input {f.received or ''} has fewer after the layers before it. "
    ).replace("  ", " ") + rule_for("SD105", f)
    # padding="same" and a smaller window come from the family generator (run's ranking);
    # what the text alone adds: images given channels-first, and the stack before the layer.
    fixes: list[FixReport] = []
    if recv is not None and len(recv) == 4 and recv[1] in (1, 3) and (recv[2] or 0) >= 8 and (recv[3] or 0) >= 8:
        fixes.append(fix(
            f"{f.received} looks like channels-first images (channels, height, width): move the channels last",
            "x = np.transpose(x, (0, 2, 3, 1))   # (N, C, H, W) -> (N, H, W, C)",
            note="or build the model with data_format=\"channels_first\"",
        ))
    fixes.append(fix("Or remove a pooling layer earlier, or feed larger inputs", "keras.Input(shape=(height, width, channels))"))
    return Advice(message, explanation, fixes, consumer=layer_place(f),
                  cannot_tell="The text does not show which earlier layers shrank the input.")
