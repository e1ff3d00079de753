"""SD103 for a space-to/from-depth rearrangement: the channels are not a multiple of block**2.

A sub-pixel upscaling (``depth_to_space``, pixel shuffle) turns ``(H, W, C * r**2)`` into
``(H * r, W * r, C)``: the channels that reach it must be a multiple of ``r**2``. Keras or
TensorFlow says so ("must be divisible by block_size**2 (9)", "evenly divisible by 4 but is 6"). The
rearrangement is right; the layer that made the channels (the convolution before it, whose filters
were written ``C * r`` with the square left out) is the culprit, and the fix gives it the smallest
multiple of its own count that ``r**2`` divides (the missing factor). ``r**2`` times its count is not
offered: the replay ends at the rearrangement, so it could not tell whether the layers after it (a
merge with the other branch) accept that many channels.
"""

from __future__ import annotations

import math
import re

_DIVISIBLE = re.compile(r"divisible by (?:block_size\s*\*\*\s*2\s*\(\s*)?(\d+)", re.I)
_REARRANGING = re.compile(r"block.?size|depth.?to.?space|space.?to.?depth|pixel.?shuffle", re.I)


def block_divisor(message: str) -> int | None:
    """The number the channels must be a multiple of, when *message* is a block rearrangement's."""
    match = _DIVISIBLE.search(message or "")
    if match is None or not _REARRANGING.search(message):
        return None
    return int(match.group(1))


def block_fixes(ctx, divisor: int):
    """The producer's width made a multiple of *divisor*."""
    from shapedoctor.repair import generators as g

    producer = ctx.shaping_producer(ctx.producer())
    key = g.width_key(ctx, producer)
    width = ctx.config_of(producer).get(key) if key else None
    if not isinstance(width, int) or width < 1:
        return
    yield from g.set_width(ctx, producer, width * (divisor // math.gcd(width, divisor)))
