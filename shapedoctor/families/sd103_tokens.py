"""SD103 for a patch embedding: a feature map read into tokens with the wrong token count.

A Vision Transformer cuts the image into patches with a convolution whose output is a map
``(None, H, W, C)`` and reads it as tokens with ``Reshape((num_patches, C))``. When the Reshape keeps
the channels (its last size is ``C``) but asks for another number of tokens than the map has
positions (``H * W``), the channels are right and the count is wrong: the count was computed for
another image size (``num_patches = (image_size // patch_size) ** 2`` with an ``image_size`` the
images do not have). The line that computed that count is the root cause when the Reshape names it
(:func:`token_count_line`); the fixes let the token axis take the map's positions, ``(-1, C)``, or
write the positions' number. Absorbing the difference into the channel axis (``(T, -1)``) would
"build" while mixing positions into features, so it is not offered.
"""

from __future__ import annotations

import math


def token_reshape(ctx) -> tuple[int, int] | None:
    """``(positions, channels)`` when the failing Reshape reads a map into (count, channels) tokens
    with a count other than the map's positions; None otherwise."""
    if ctx.family != "SD103" or ctx.consumer_cls != "Reshape":
        return None
    got = ctx.shape_in()
    target = tuple(ctx.config_of(ctx.consumer).get("target_shape") or ())
    if got is None or len(got) < 4 or None in got[1:] or len(target) != 2:
        return None
    count, channels = target
    positions = math.prod(got[1:-1])
    if channels != got[-1] or count in (-1, positions) or positions < 2:
        return None
    return positions, channels


def token_fixes(ctx, tokens: tuple[int, int]):
    """The token axis takes the map's positions: ``(-1, C)`` first, then the number written out."""
    from shapedoctor.repair import generators as g
    from shapedoctor.repair.candidate import Candidate
    from shapedoctor.repair.edits import SetConfig

    positions, channels = tokens
    for cost, new in ((1, (-1, channels)), (2, (positions, channels))):
        yield Candidate(f"read every position of the map as a token: target_shape={new} on {g.name(ctx, ctx.consumer)}",
                        [SetConfig(ctx.consumer.layer, {"target_shape": new})], cost=cost)


def token_count_line(ctx):
    """The assignment of the name the Reshape gives as its token count (``num_patches = ...``), as a
    Place, when :func:`token_reshape` holds and the count is written as a name; None otherwise."""
    import ast
    import linecache

    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import called_name, source_tree_and_calls_at

    if token_reshape(ctx) is None:
        return None
    spec = ctx.graph.spec(ctx.consumer)
    site = spec.created if spec is not None else None
    if site is None or not site.file:
        return None
    tree, around = source_tree_and_calls_at(site)
    calls = [n for n in around if called_name(n.func) == "Reshape" and n.args
             and isinstance(n.args[0], (ast.Tuple, ast.List))]
    if len(calls) != 1 or not calls[0].args[0].elts or not isinstance(calls[0].args[0].elts[0], ast.Name):
        return None
    name = calls[0].args[0].elts[0].id
    scopes = [f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
              and f.lineno <= site.line <= (f.end_lineno or f.lineno)]
    for scope in ([max(scopes, key=lambda f: f.lineno)] if scopes else []) + [tree]:
        body = ast.walk(scope) if scope is not tree else iter(tree.body)
        assigned = [n for n in body if isinstance(n, ast.Assign) and n.lineno < site.line and any(
            isinstance(t, ast.Name) and t.id == name for t in n.targets)]
        if assigned:
            line = max(assigned, key=lambda n: n.lineno).lineno
            return Place("layer", name, "token count", site.file, line, linecache.getline(site.file, line).strip())
    return None
