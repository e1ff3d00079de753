"""Labels encoded by a directory loader for the wrong loss: the loader's ``label_mode`` is the cause.

``image_dataset_from_directory`` (and its text/audio siblings) yields integer labels by default
(``label_mode="int"``), one-hot rows with ``label_mode="categorical"``. A categorical cross-entropy
trained on the integer labels (or a sparse one on the one-hot rows) fails at ``fit``; the user never
wrote the labels, the loader's call chose their encoding. So that line is named, and the first fix
gives it the ``label_mode`` the loss reads, checked by re-encoding one batch's labels the same way.
The loss fix the label check proposed stays as the alternative; the re-encoding of a ``y`` that the
script does not have (the labels live inside the dataset) is replaced by the loader fix.

The loader also chooses the images' size (``image_size``, (256, 256) when left out). A validation
folder read without the ``image_size`` the training folder was read with gives images the trained
model refuses at ``evaluate``/``predict`` (the TensorFlow transfer-learning tutorial): the loader's
line is named and gets the ``image_size`` the other loader passes, checked by resizing one batch.
"""

from __future__ import annotations

from shapedoctor.diagnosis.training_base import Problem, TrainingFix, to_categorical_transform
from shapedoctor.trace.sites import source_tree


def loader_label_mode(call, prob: Problem, out: tuple, index: int) -> None:
    """Rewrite *prob* (integer labels for a categorical loss, or one-hot rows for a sparse one) when
    the labels come from a directory loader the training call's dataset was made by."""
    from shapedoctor.diagnosis.dataset_source import directory_loader, label_mode_edit
    from shapedoctor.diagnosis.training_base import model_outputs
    from shapedoctor.diagnosis.training_fixes import argument_name

    site = call.site
    if not call.batched or site is None or prob.family != "SD202" or len(model_outputs(call.model)) != 1:
        return
    if argument_name(site, 1, "y") is not None:
        return  # the labels were passed on their own: their line is the one to name
    recoding = next((f for f in prob.fixes if f.kind == "labels" and f.line_edit is None and f.transform), None)
    if recoding is None:
        return
    if "to_categorical" in recoding.transform:
        mode, apply, what = "categorical", to_categorical_transform(out[-1]), "one-hot rows"
    elif recoding.transform.startswith("np.argmax("):
        mode, apply, what = "int", recoding.apply, "class numbers"
    else:
        return
    loader = directory_loader(site, argument_name(site, 0, "x"))
    edit = label_mode_edit(site.file, loader, mode) if loader is not None else None
    if edit is None:
        return
    prob.fixes.remove(recoding)
    prob.fixes.insert(0, TrainingFix(f'let the loader give {what}: label_mode="{mode}"', "labels", apply=apply,
                                     line_edit=edit, cost=1))
    prob.culprit_kind = "labels"
    prob.labels_site = (site.file, loader.lineno)
    prob.explanation += (f" The labels come from the directory loader on line {loader.lineno}, whose `label_mode` "
                         f"chose their encoding: ask it for {what} (`label_mode=\"{mode}\"`), or change the loss.")


def loader_image_size(call, model, prob: Problem, want: tuple, got: tuple) -> None:
    """Images from a directory loader at another size than the model's, when the model cannot be
    re-declared for them (a pretrained backbone fixes the size, or it was already trained): the
    loader's line is the root cause and gets ``image_size=``, spelled like another loader of the
    script that passes it (the training one: ``image_size=IMG_SIZE``), else the model's size."""
    import ast
    import linecache

    from shapedoctor.diagnosis import training_evidence as ev
    from shapedoctor.diagnosis.data_origin import resize_to
    from shapedoctor.diagnosis.dataset_source import _LOADERS, directory_loader
    from shapedoctor.diagnosis.training import _fixed_by_nested_model
    from shapedoctor.diagnosis.training_fixes import argument_name
    from shapedoctor.trace.sites import called_name

    site = call.site
    if (site is None or not call.batched or call.source != "dataset" or len(got) != 4 or len(want) != 4
            or got[-1] != want[-1] or None in want[1:3] or tuple(got[1:3]) == tuple(want[1:3])):
        return
    trained = call.method != "fit" and ev.trained(model)
    if not (trained or _fixed_by_nested_model(model, want)):
        return
    loader = directory_loader(site, argument_name(site, 0, "x"))
    if loader is None or any(k.arg == "image_size" or k.arg is None for k in loader.keywords):
        return
    try:
        tree = source_tree(site.file)
    except SyntaxError:
        return
    spelled = {ast.get_source_segment("".join(linecache.getlines(site.file)), k.value)
               for n in ast.walk(tree) if isinstance(n, ast.Call) and called_name(n.func) in _LOADERS
               for k in n.keywords if k.arg == "image_size"}
    sizes = tuple(want[1:3])
    value = spelled.pop() if len(spelled) == 1 else str(sizes)
    line = loader.end_lineno
    text = linecache.getline(site.file, line)
    end = loader.end_col_offset - 1  # the closing parenthesis
    if not text.isascii() or text[end:end + 1] != ")":
        return
    before = text[:end].rstrip()
    sep = "" if before.endswith(("(", ",")) else ", "
    if before.endswith(","):
        sep = " "
    new = f"{sep}image_size={value}"
    new_line = (text[:end].rstrip() + new + text[end:]).strip()
    start = len(text[:end].rstrip())
    if trained:
        prob.fixes = [f for f in prob.fixes if f.kind != "model"]  # trained for its size: the data follows it
    prob.data_site = (site.file, loader.lineno)
    prob.explanation += (f" The images come from the directory loader on line {loader.lineno}, which resizes them "
                         f"to its default size without `image_size`: ask it for the model's "
                         f"{sizes[0]}x{sizes[1]}, like the data the model was built and trained on.")
    prob.fixes.insert(0, TrainingFix(f"load the images at the model's size: image_size={value}", "data", cost=1,
                                     apply=resize_to(sizes), line_edit=(line, start, end, new, new_line)))
