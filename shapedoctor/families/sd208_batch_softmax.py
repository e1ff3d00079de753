"""SD208 softmax-over-batch (silent): a softmax normalised across the samples of a batch.

Example of the bug::

    probs = ops.softmax(logits / temperature, axis=0)   # logits: (batch, classes)
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD208",
        slug="softmax-over-batch",
        title="A softmax was taken over the batch axis, across samples",
        what="The user's code applied a softmax along axis 0 of a (batch, ...) tensor.",
        why=(
            "Axis 0 is the batch axis: it holds the samples, not one sample's classes. A softmax along it "
            "makes each class's values over the samples of the batch sum to 1, so no sample's probabilities "
            "sum to 1 and each depends on which samples share its batch. The shape does not change, so "
            "nothing raises; a loss on these values trains towards the wrong target."
        ),
        example="ops.softmax(logits / temperature, axis=0)",
        use_instead="ops.softmax(logits / temperature, axis=-1)   # over each sample's classes",
        severity="warning",
        suggestions=("take the softmax over the class axis: `axis=-1` (or leave `axis` out)",),
    )
)
