"""Class labels encoded by a ``StringLookup`` (or ``IntegerLookup``) that keeps its out-of-vocabulary slot.

The TF course's BBC-news assignment encodes the five topic names with ``label_encoder = layers.StringLookup()``
and trains a ``Dense(5)`` softmax: "Remember that you don't want any OOV tokens". With the default
``num_oov_indices=1`` index 0 is ``[UNK]`` and the topics are 1..5, so the sparse loss refuses "a label value of
5 which is outside the valid range of [0, 5)" (r1126). Keras names the loss; the labels were numbered by the
lookup.

Evidence, recorded: the labels go past the output's units; the program made exactly one lookup layer that is
not part of the model, with one OOV index, no mask token, integer output, and a vocabulary of exactly the units
plus that OOV slot. Its constructor line is the root cause; the fix gives it ``num_oov_indices=0``, proven by
running the patched script.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any

_LOOKUPS = ("StringLookup", "IntegerLookup")


def lookup_oov_labels(call: Any, prob: Any):
    """(culprit Place, fix, why) for the label lookup's constructor (see the module), or None."""
    from shapedoctor.diagnosis.training_base import all_layers, output_layer
    from shapedoctor.patch.apply import script_checked_fix
    from shapedoctor.patch.textedit import TextEdit
    from shapedoctor.report.model import Place
    from shapedoctor.trace import recorder as rec
    from shapedoctor.trace.sites import called_name, display_path, source_tree

    if prob.family != "SD202" or not prob.message.startswith("labels go up to class") or rec.CURRENT is None:
        return None
    units = getattr(output_layer(call.model, 0), "units", None)
    if not isinstance(units, int):
        return None
    own = {id(layer) for layer in all_layers(call.model)}
    # the user's own lookups: made on a line that constructs one (a TextVectorization makes one inside itself)
    lookups = [(layer, site, made) for layer in rec.CURRENT.created_layers()
               if type(layer).__name__ in _LOOKUPS and id(layer) not in own
               and (site := rec.CURRENT.creation_site(layer)) is not None and site.file
               and len(made := [n for n in ast.walk(source_tree(site.file)) if isinstance(n, ast.Call)
                                and n.lineno == site.line and called_name(n.func) in _LOOKUPS]) == 1]
    if len(lookups) != 1:
        return None
    lookup, site, made = lookups[0]
    if getattr(lookup, "num_oov_indices", None) != 1 or getattr(lookup, "mask_token", None) is not None \
            or getattr(lookup, "output_mode", "int") != "int" or getattr(lookup, "invert", False):
        return None
    try:
        size = int(lookup.vocabulary_size())
    except Exception:  # noqa: BLE001 - not adapted yet: nothing to read
        return None
    text = linecache.getline(site.file, site.line)
    if size != units + 1 or made[0].end_lineno != site.line or not text.isascii():
        return None
    edit = TextEdit.appending_argument(site.file, made[0], "num_oov_indices=0")
    fix = script_checked_fix(f"no out-of-vocabulary slot for the class names: {type(lookup).__name__}(num_oov_indices=0)",
                             edit.shown(), display_path(site.file), site.line, [edit], cost=1)
    place = Place("labels", "labels", "labels", display_path(site.file), site.line, text.strip())
    why = (f"The labels are numbered by the {type(lookup).__name__} made on line {site.line}: it keeps index 0 for "
           f"out-of-vocabulary values by default, so its {units} classes are 1..{units}, one past the {units} output "
           f"units. Class names have no unknown values: num_oov_indices=0 numbers them 0..{units - 1}.")
    return place, fix, why
