"""SD213 unused-classes (silent): a softmax over far more classes than the script names and its labels use.

Example of the bug::

    class_names = ["cat", "dog"]
    model.add(layers.Dense(10, activation="softmax"))     # left over from a 10-class example
    model.compile(loss="sparse_categorical_crossentropy")  # labels 0/1: trains, on 8 classes that never occur
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD213",
        slug="unused-classes",
        title="The output layer has units for classes that never occur",
        what="A softmax output over k classes, trained on class ids below m < k, in a script that names m classes.",
        why=(
            "A sparse cross-entropy takes any id below the number of units, so a 10-unit softmax trains on 0/1 "
            "labels without an error. The 8 extra units take probability from the two real classes and the "
            "accuracy and loss are off (the udacity cats-and-dogs notebook: accuracy below chance). One unit per "
            "class the script names."
        ),
        example='class_names = ["cat", "dog"]; layers.Dense(10, activation="softmax")',
        use_instead='layers.Dense(len(class_names), activation="softmax")',
        severity="warning",
        suggestions=("give the output layer one unit per class the script names",),
    )
)
