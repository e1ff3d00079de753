"""Labels encoded by a directory loader for the wrong loss: the loader's ``label_mode`` is the cause.

``image_dataset_from_directory`` (and its text/audio siblings) yields integer labels by default
(``label_mode="int"``), one-hot rows with ``label_mode="categorical"``. A categorical cross-entropy
trained on the integer labels (or a sparse one on the one-hot rows) fails at ``fit``; the user never
wrote the labels, the loader's call chose their encoding. So that line is named, and the first fix
gives it the ``label_mode`` the loss reads, checked by re-encoding one batch's labels the same way.
The loss fix the label check proposed stays as the alternative; the re-encoding of a ``y`` that the
script does not have (the labels live inside the dataset) is replaced by the loader fix.
"""

from __future__ import annotations

from shapedoctor.diagnosis.training_base import Problem, TrainingFix, to_categorical_transform


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
