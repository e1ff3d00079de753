"""SD103 reshape-size: a Reshape whose target shape holds a different number of elements.

Example of the bug::

    layers.Dense(1),          # (None, 1): 1 value per sample
    layers.Reshape((64,)),    # asks for 64 values per sample
"""

from shapedoctor.families.base import Family, register


def fixes(ctx):
    """Candidates for a Reshape whose element count does not match."""
    import math

    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import RemoveNode, SetConfig

    from shapedoctor.families.sd103_blocks import block_divisor, block_fixes
    from shapedoctor.families.sd103_tokens import token_fixes, token_reshape

    divisor = block_divisor(ctx.message)
    if divisor is not None:  # depth_to_space: the channels before it are not a multiple of block**2
        yield from block_fixes(ctx, divisor)
        return

    tokens = token_reshape(ctx)
    if tokens is not None:
        # A patch map read into tokens of its own channels: only the token count is wrong.
        yield from token_fixes(ctx, tokens)
        return
    from shapedoctor.diagnosis.reshape_origin import padding_origin

    trimmed = padding_origin(ctx)
    if trimmed is not None:  # the target is right; one valid convolution above shrank the map
        yield trimmed[1]
    got = ctx.shape_in()
    target = tuple(ctx.config_of(ctx.consumer).get("target_shape") or ())
    if got is None or not target or None in got[1:]:
        return
    have = math.prod(got[1:])
    fixed = [d for d in target if d != -1]
    want = math.prod(fixed) if -1 not in target else None
    prod = ctx.shaping_producer(ctx.producer())
    if want is not None:
        # Make the producer emit `want` values in all.
        key = g.width_key(ctx, prod)
        rest = math.prod(got[1:-1]) if len(got) > 2 else 1
        if key and want % rest == 0:
            yield from g.set_width(ctx, prod, want // rest)
        elif not key and len(got) == 2 and ctx.cls_of(prod).startswith("Global") and prod.input_ids():
            # A global pooling gives one value per channel (a network-in-network head pooled into class
            # scores): the layer that made the channels emits `want` of them.
            inner = ctx.shaping_producer(ctx.graph.producer(prod.input_ids()[0]))
            if inner is not None and g.width_key(ctx, inner):
                yield from g.set_width(ctx, inner, want)
        if len(got) == 2 and got[1] == 1:
            yield Candidate(
                f"repeat the single value {want} times: insert RepeatVector({want}) before {g.name(ctx, ctx.consumer)}",
                [g.insert(ctx, "RepeatVector", want).edits[0]], cost=2,
                note="RepeatVector copies the value; Reshape alone can never create new values")
    if len(target) == 1 and want is not None and len(got) >= 3 and have % want == 0 and have > want:
        # A flattening Reshape sized for part of each sample ((h * w,) for h x w x 3 images): every value
        # it receives goes into the vector, as Flatten does.
        yield Candidate(f"flatten every value it receives ({have} per sample): target_shape=(-1,)",
                        [SetConfig(ctx.consumer.layer, {"target_shape": (-1,)})], cost=1)
    # The target keeps the leading axes it receives and gathers the others into its last one (a CRNN's
    # ``(width // 4, (height // 4) * 64)`` for a map of 64 channels): that last size, recomputed.
    k = len(target)
    if -1 not in target and 2 <= k < len(got) - 1 and tuple(got[1:k]) == tuple(target[:k - 1]) \
            and math.prod(got[k:]) != target[-1]:
        new = tuple(target[:k - 1]) + (math.prod(got[k:]),)
        yield Candidate(f"gather the last {len(got) - k} axes it receives into the target's last axis: "
                        f"target_shape={new}", [SetConfig(ctx.consumer.layer, {"target_shape": new})], cost=2)
    # A map read as a sequence whose step count was written for another input size (a CRNN's (32, 256)
    # after the plates doubled): each position of the first axis it receives one step, the rest its features,
    # so no step mixes two columns of the map.
    if len(target) == 2 and -1 not in target and len(got) >= 4 and got[1] != target[0] and want != have \
            and got[-1] > 1 and target[1] % got[-1] == 0:  # each step's features gather whole channel vectors
        new = (got[1], math.prod(got[2:]))
        yield Candidate(f"one step per position of its first axis, the rest as features: target_shape={new}",
                        [SetConfig(ctx.consumer.layer, {"target_shape": new})], cost=1)
    # A square (cubic) seed map whose side was written for another size (a GAN generator's Dense(7 * 7 * 128)
    # reshaped to (14, 14, 128), r1099): the channels kept, the side that holds every value.
    if len(target) >= 3 and -1 not in target and len(set(target[:-1])) == 1 and have % target[-1] == 0:
        n = len(target) - 1
        side = round((have // target[-1]) ** (1 / n))
        if side > 0 and side ** n * target[-1] == have and side != target[0]:
            new = (side,) * n + (target[-1],)
            yield Candidate(f"keep the {target[-1]} channels, on a map of side {side}: target_shape={new}",
                            [SetConfig(ctx.consumer.layer, {"target_shape": new})], cost=1)
    # Keep the target's layout but let one axis absorb the size (-1).
    if len(target) >= 2:
        offered = 0
        for i in reversed(range(len(target))):
            others = math.prod(d for j, d in enumerate(target) if j != i and d != -1)
            if others and have % others == 0:
                new = tuple(-1 if j == i else d for j, d in enumerate(target))
                yield Candidate(f"let axis {i} of the target absorb the size: target_shape={new}",
                                [SetConfig(ctx.consumer.layer, {"target_shape": new})], cost=2 + offered)
                offered += 1
                if offered == 2:
                    break
    if want is None and fixed:
        # A -1 axis: the other axes must divide the element count.
        k = math.prod(fixed)
        key = g.width_key(ctx, prod)
        rest = math.prod(got[1:-1]) if len(got) > 2 else 1
        if key:
            lower, upper = (have // k) * k, -(-have // k) * k
            for total in (upper, lower):
                if total > 0 and total % rest == 0:
                    yield from g.set_width(ctx, prod, total // rest)
        if len(fixed) == 1:
            divisors = sorted((d for d in range(1, have + 1) if have % d == 0), key=lambda d: (abs(d - k), d))
            for d in divisors[:2]:
                new = tuple(d if t != -1 else -1 for t in target)
                yield Candidate(f"use an axis size that divides {have}: target_shape={new}",
                                [SetConfig(ctx.consumer.layer, {"target_shape": new})], cost=2)
    if len(target) == len(got) - 1:
        # Without it the layers after get the rank they were built for; removing one that changes the rank
        # (a 7x7 seed map made from a vector) leaves the convolutions after it nothing they can take.
        yield Candidate(f"remove the Reshape ({g.name(ctx, ctx.consumer)})", [RemoveNode(ctx.consumer.id)], cost=3)


FAMILY = register(
    Family(
        id="SD103",
        slug="reshape-size",
        title="Reshape asks for a different number of elements than it receives",
        what="The product of `target_shape` differs from the product of the incoming non-batch axes.",
        why=(
            "Reshape only rearranges values; it never creates or drops any. A sample of shape (1,) "
            "holds one value and cannot become 64 values. The batch axis (`None`) is left alone by "
            "Reshape, so only the other axes must multiply to the same total."
        ),
        example="layers.Dense(1),\nlayers.Reshape((64,)),",
        use_instead="layers.Dense(64),\nlayers.Reshape((64,)),   # or repeat the value: RepeatVector(64) first",
        suggestions=(
            "make the producer emit as many values as the target holds (e.g. `Dense(64)`)",
            "change `target_shape` so its product equals the incoming element count (use -1 for one axis)",
            "to repeat a single value, use `RepeatVector(n)` instead of Reshape",
        ),
        fixes=fixes,
    )
)
