"""Two models made by factories with one size keyword given two different values, then joined.

The keras-io dual encoder builds ``vision_encoder = create_vision_encoder(..., projection_dims=64)`` and
``text_encoder = create_text_encoder(..., projection_dims=32)``; its ``train_step`` compares the two
embeddings with ``ops.einsum("ae,be -> ab", captions, images)``, which fails at ``fit``:
``Dimensions must be equal, but are 32 and 64``. No layer is to blame: the sizes the two factory calls
were given are. The later call is named, and gets the earlier one's value (the two must agree).

Evidence, all read: the error's message names two sizes; exactly two top-level calls of the script pass
the same keyword, one with each of those sizes as an integer literal. The edit is proven by running
the patched script.
"""

from __future__ import annotations

import ast
import linecache
import re
from typing import Any
from shapedoctor.trace.sites import source_tree

_DIMS = re.compile(r"Dimensions must be equal, but are (\d+) and (\d+)")


def factory_keyword_sizes(exc: BaseException, finding: Any) -> Any:
    """*finding* aimed at the factory call whose size keyword disagrees with its sibling's, or *finding*."""
    from shapedoctor.diagnosis.reaim import reaimed

    return reaimed(finding, _found, _aim, exc)


def _aim(finding: Any, found: Any) -> Any:
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace.sites import display_path

    file, keyword, first, second = found
    value = second.value
    text = linecache.getline(file, value.lineno)
    new = str(first.value.value)
    edit = TextEdit.replacing(file, value, new)
    fix = script_checked_fix(f"give both models the same {keyword}: {keyword}={new}", edit.shown(), display_path(file),
                             value.lineno, [edit], cost=1)
    finding.message = (f"`{first.made}` and `{second.made}` are made with {keyword}={first.value.value} and "
                       f"{keyword}={value.value}, then combined")
    finding.culprit = Place("layer", second.made, keyword, display_path(file), value.lineno, text.strip())
    finding.fixes = [fix] + [f for f in finding.fixes if f.verified]
    finding.explanation = (
        f"Two models are made with `{keyword}={first.value.value}` (line {first.value.lineno}) and "
        f"`{keyword}={value.value}` (line {value.lineno}); their outputs are then combined along that axis, which "
        f"must have one size for both. Give the second call the first one's value (or change both).")
    return finding


def _found(exc: BaseException):
    from shapedoctor.trace.sites import outermost_user_site

    match = _DIMS.search(str(exc))
    if match is None:
        return None
    sizes = {int(match.group(1)), int(match.group(2))}
    if len(sizes) != 2:
        return None
    started = outermost_user_site(exc.__traceback__)
    if started is None:
        return None
    file = started.file
    try:
        tree = source_tree(file)
    except SyntaxError:
        return None
    by_keyword: dict = {}
    for stmt in tree.body:
        if not isinstance(stmt, ast.Assign) or not isinstance(stmt.value, ast.Call):
            continue
        for kw in stmt.value.keywords:
            if kw.arg and isinstance(kw.value, ast.Constant) and type(kw.value.value) is int \
                    and kw.value.value in sizes and kw.value.lineno == kw.value.end_lineno:
                kw.made = ast.unparse(stmt.targets[0])  # the name the model is bound to
                by_keyword.setdefault(kw.arg, []).append(kw)
    hits = [(k, v) for k, v in by_keyword.items() if len(v) == 2 and {kw.value.value for kw in v} == sizes]
    if len(hits) != 1 or not linecache.getline(file, hits[0][1][1].value.lineno).isascii():
        return None
    keyword, (first, second) = hits[0]
    return file, keyword, first, second
