"""SD210 batch-summed-loss (silent): a hand-written loss sums over the samples of the batch.

Example of the bug::

    def focal(y_true, y_pred):
        return -ops.sum(alpha * ops.power(1 - p, gamma) * ops.log(p))   # one number for the whole batch
    model.compile(loss=focal)
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD210",
        slug="batch-summed-loss",
        title="A hand-written loss sums over the samples of the batch",
        what="The loss returns one number for the whole batch, the sum over its samples, instead of one value "
             "per sample (or their mean).",
        why=(
            "Keras averages the values a loss returns over the batch. A loss that sums over the samples itself "
            "grows with the batch size: twice the samples, twice the loss. `batch_size` then silently scales the "
            "learning rate, the last smaller batch of an epoch counts less, sample weights cannot apply, and the "
            "reported loss changes when only the batch size does; nothing raises."
        ),
        example="return -ops.sum(alpha * ops.power(1.0 - p, gamma) * ops.log(p))",
        use_instead="return -ops.mean(alpha * ops.power(1.0 - p, gamma) * ops.log(p))   # or sum over axis=-1 only",
        severity="warning",
        suggestions=("average over the batch (`mean`) or reduce only the per-sample axes (`axis=-1`)",),
    )
)
