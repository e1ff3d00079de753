"""SD209 metric-encoding (silent): a metric that reads the labels in another encoding than they are given.

Example of the bug::

    model.compile(loss="sparse_categorical_crossentropy", metrics=["categorical_accuracy"])
    model.fit(x, class_ids)   # class_ids: (n,) integers, the output: (n, k) probabilities
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD209",
        slug="metric-encoding",
        title="A metric reads the labels in another encoding than they are given",
        what="A categorical metric (one-hot labels expected) is compiled for integer class labels.",
        why=(
            "`categorical_accuracy` takes the argmax of each label row, as if it were one-hot. An integer class "
            "id has no class axis to take it over, so the metric compares the predicted class with the wrong "
            "number and reports a meaningless accuracy; the loss is right and nothing raises."
        ),
        example='model.compile(loss="sparse_categorical_crossentropy", metrics=["categorical_accuracy"])',
        use_instead='metrics=["sparse_categorical_accuracy"]   # or "accuracy", which Keras matches to the labels',
        severity="warning",
        suggestions=("use the sparse metric for integer labels: `sparse_categorical_accuracy`",),
    )
)
