"""Which side is wrong when image data and the declared input hold the same sizes in another channel
order: the data's own layout against the layout the model's convolutions read.

The model's convolutions and poolings read one layout (their ``data_format``, channels last by
default). When the data is laid out that way, ``(N, 32, 32, 3)``, and the declaration puts the same
sizes channels-first, ``(3, 32, 32)``, the declaration is wrong: transposing the data to fit it
would run (with ``padding="same"``) but slide every convolution over the colour axis as if it were
image rows. When the data is channels-first, ``(N, 3, 48, 48)``, against a channels-last declaration
``(48, 48, 3)``, the data is wrong (made channels-first by a transpose or a PyTorch-style loader) and
declaring its layout would be the same mistake the other way round.
"""

from __future__ import annotations

from typing import Any

CHANNEL_COUNTS = (1, 3, 4)  # grayscale, RGB, RGBA: a channel axis, never an image side


def layout_of_model(model: Any) -> str | None:
    """The ``data_format`` of the first convolution or pooling layer of *model*, or None without one."""
    for layer in getattr(model, "layers", []) or []:
        name = type(layer).__name__
        if ("Conv" in name or "Pooling" in name) and hasattr(layer, "data_format"):
            return layer.data_format
    return None


def wrong_side(model: Any, want: tuple, got: tuple) -> str | None:
    """``"declaration"`` or ``"data"``: the side laid out against the model's channels-last layers
    when both hold the same sizes in another channel order (see the module); None otherwise."""
    if len(want) != len(got) or len(got) not in (4, 5) or None in tuple(want)[1:] or None in tuple(got)[1:]:
        return None
    if layout_of_model(model) != "channels_last":
        return None
    declared, data = tuple(want[1:]), tuple(got[1:])
    if data[-1] in CHANNEL_COUNTS and data[0] not in CHANNEL_COUNTS and declared == (data[-1],) + data[:-1]:
        return "declaration"
    if data[0] in CHANNEL_COUNTS and data[-1] not in CHANNEL_COUNTS and declared == data[1:] + (data[0],):
        return "data"
    return None
