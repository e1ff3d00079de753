"""Kinds of Keras layers by what they do to a shape, shared by the replay and the diagnosis.

* :data:`PASS_THROUGH` never change a shape (dropout, activations, normalisation): never the root
  cause of a shape;
* :data:`SHAPE_KEEPING` are preprocessing and augmentation layers that keep their input's shape
  (a ``data_augmentation`` block): they make no size either, and a Sequential of them takes any
  image size it is called on.
"""

from __future__ import annotations

# Layers that hand their input's shape through unchanged: never the root cause of a shape.
PASS_THROUGH = frozenset(
    """Dropout SpatialDropout1D SpatialDropout2D SpatialDropout3D GaussianNoise GaussianDropout
    AlphaDropout Activation ReLU LeakyReLU PReLU ELU Softmax ThresholdedReLU BatchNormalization
    LayerNormalization GroupNormalization UnitNormalization Identity Masking ActivityRegularization
    """.split()
)
# Preprocessing and augmentation layers that keep their input's shape (a data_augmentation block).
SHAPE_KEEPING = frozenset(
    """Rescaling Normalization RandomFlip RandomRotation RandomZoom RandomTranslation RandomContrast
    RandomBrightness AutoContrast Solarization RandomColorJitter RandomHue RandomSaturation RandomSharpness
    RandomPosterization RandomInvert RandomColorDegeneration RandomShear""".split()
)


def keeps_any_shape(classes: list[str]) -> bool:
    """A block made only of layers that keep whatever shape they are given."""
    return bool(classes) and all(c in PASS_THROUGH or c in SHAPE_KEEPING for c in classes)
