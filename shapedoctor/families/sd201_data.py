"""SD201 data-shape: the data given to fit/predict/evaluate does not match the model's inputs.

Example of the bug::

    model = keras.Sequential([keras.Input(shape=(64,)), layers.Dense(10)])
    model.fit(x, y)        # x has shape (N, 1) or (64, N) or lacks the batch axis
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD201",
        slug="data-shape",
        title="The data does not have the shape the model's input was declared with",
        what="The array passed as `x` differs in rank or width from `Input(shape=...)`.",
        why=(
            "`Input(shape=(64,))` declares one sample; Keras adds the batch axis (`None`) in front, "
            "so the data must be (N, 64). Common slips: one feature column instead of 64, a "
            "transposed matrix, a single sample passed to `predict` without its batch axis, "
            "images without a channel axis, tabular data fed to an RNN without a time axis."
        ),
        example="model.predict(x[0])          # shape (64,): no batch axis",
        use_instead="model.predict(x[0:1])        # shape (1, 64)",
        suggestions=(
            "reshape the data: `np.expand_dims(x, 0)` for a single sample, `np.expand_dims(x, -1)` for a channel/feature axis, `x.T` if transposed",
            "or declare the input the data really has: `Input(shape=x.shape[1:])`",
        ),
    )
)
