"""SD202 labels-vs-loss: the labels' shape does not fit the model output under the chosen loss.

Example of the bug::

    model.compile(loss="categorical_crossentropy")   # output (None, 64)
    model.fit(x, y)                                  # y are integer classes, shape (N, 1)
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD202",
        slug="labels-vs-loss",
        title="The labels do not fit the model's output under this loss",
        what="The loss compares `y` with the model output, and their shapes disagree in a way the loss does not accept.",
        why=(
            "`categorical_crossentropy` wants one-hot labels shaped like the output, (N, classes); "
            "`sparse_categorical_crossentropy` wants one integer class per sample, (N,) or (N, 1). "
            "Integer labels with the categorical loss give `target.shape=(32, 1)` against "
            "`output.shape=(32, 64)`. The number of output units must also equal the number of classes."
        ),
        example='model.compile(loss="categorical_crossentropy")\nmodel.fit(x, y_int)',
        use_instead='model.compile(loss="sparse_categorical_crossentropy")\nmodel.fit(x, y_int)',
        suggestions=(
            "integer labels: use `sparse_categorical_crossentropy`, or one-hot encode with `keras.utils.to_categorical(y, n_classes)`",
            "one-hot labels with a sparse loss: use `categorical_crossentropy` or `np.argmax(y, -1)`",
            "make the last layer's units equal the number of classes",
            "pool or flatten a time axis the labels do not have",
        ),
    )
)
