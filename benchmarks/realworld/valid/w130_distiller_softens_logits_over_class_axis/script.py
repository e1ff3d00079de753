# Teacher-student distillation on small grayscale glyphs: the student is trained on
# the hard labels and on the teacher's temperature-softened class distribution
# (softmax over the class axis of the (batch, classes) logits).
import numpy as np
import keras
from keras import layers, ops

NUM_GLYPHS = 6


class GlyphDistiller(keras.Model):
    def __init__(self, pupil, mentor):
        super().__init__()
        self.pupil = pupil
        self.mentor = mentor

    def compile(self, optimizer, metrics, hard_loss, soft_loss, alpha=0.2, temperature=4):
        super().compile(optimizer=optimizer, metrics=metrics)
        self.hard_loss = hard_loss
        self.soft_loss = soft_loss
        self.alpha = alpha
        self.temperature = temperature

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, allow_empty=False):
        mentor_logits = self.mentor(x, training=False)
        hard = self.hard_loss(y, y_pred)
        soft = self.soft_loss(
            ops.softmax(mentor_logits / self.temperature, axis=-1),
            ops.softmax(y_pred / self.temperature, axis=-1),
        ) * (self.temperature**2)
        return self.alpha * hard + (1 - self.alpha) * soft

    def call(self, x):
        return self.pupil(x)


def glyph_net(filters, name):
    return keras.Sequential([
        keras.Input(shape=(20, 20, 1)),
        layers.Conv2D(filters, 3, strides=2, padding="same", activation="relu"),
        layers.Conv2D(2 * filters, 3, strides=2, padding="same", activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(NUM_GLYPHS),
    ], name=name)


gen = np.random.default_rng(130)
glyphs = gen.random((120, 20, 20, 1), dtype=np.float32)
glyph_ids = gen.integers(0, NUM_GLYPHS, size=120)

mentor = glyph_net(24, "mentor")
mentor.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
mentor.fit(glyphs, glyph_ids, epochs=1, batch_size=24, verbose=0)

distiller = GlyphDistiller(pupil=glyph_net(6, "pupil"), mentor=mentor)
distiller.compile(
    optimizer=keras.optimizers.Adam(),
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
    hard_loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    soft_loss=keras.losses.KLDivergence(),
)
distiller.fit(glyphs, glyph_ids, epochs=2, batch_size=24, verbose=0)
print(distiller.evaluate(glyphs, glyph_ids, verbose=0))
