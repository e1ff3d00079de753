# Multi-label tagger written with the "endpoint layer" pattern (keras-io recipe): the
# targets and per-sample weights enter the model as inputs, and the last layer computes
# the binary cross-entropy on the logits itself with add_loss, so compile() needs no loss
# and fit() gets one dict of arrays and no y.
import numpy as np
import keras
from keras import layers, ops

n_tags = 10
rng = np.random.default_rng(14)
feature_rows = rng.random((600, 64)).astype("float32")
tag_rows = (rng.random((600, n_tags)) > 0.7).astype("float32")
row_weights = rng.random((600, 1)).astype("float32")


class LogisticEndpoint(layers.Layer):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)
        self.accuracy_fn = keras.metrics.BinaryAccuracy(name="accuracy")

    def call(self, logits, targets=None, sample_weight=None):
        if targets is not None:
            self.add_loss(self.loss_fn(targets, logits, sample_weight))
            self.accuracy_fn.update_state(targets, logits, sample_weight)
        return ops.sigmoid(logits)


features = keras.Input((64,), name="features")
targets = keras.Input((n_tags,), name="targets")
weights_in = keras.Input((1,), name="sample_weight")
hidden = layers.Dense(32, activation="relu")(features)
logits = layers.Dense(1)(hidden)
tag_probs = LogisticEndpoint()(logits, targets, weights_in)

tagger = keras.Model([features, targets, weights_in], tag_probs)
tagger.compile(optimizer="adam")
tagger.fit({"features": feature_rows, "targets": tag_rows, "sample_weight": row_weights},
           epochs=2, batch_size=50, verbose=0)
print(tagger.predict({"features": feature_rows[:2], "targets": tag_rows[:2],
                      "sample_weight": row_weights[:2]}, verbose=0).shape)
