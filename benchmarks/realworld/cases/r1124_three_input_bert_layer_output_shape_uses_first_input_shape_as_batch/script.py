import numpy as np
import keras
from keras import layers, ops

max_seq_length = 32
vocab_size = 500
rng = np.random.default_rng(12)


class BertLayer(layers.Layer):
    """Stand-in for a pretrained encoder: token + segment embeddings, masked mean pooling."""

    def __init__(self, output_size=48, **kwargs):
        super().__init__(**kwargs)
        self.output_size = output_size

    def build(self, input_shape):
        self.token_table = self.add_weight(shape=(vocab_size, self.output_size), name="tokens")
        self.segment_table = self.add_weight(shape=(2, self.output_size), name="segments")

    def call(self, inputs):
        input_ids, input_mask, segment_ids = inputs
        h = ops.take(self.token_table, input_ids, axis=0) + ops.take(self.segment_table, segment_ids, axis=0)
        mask = ops.expand_dims(ops.cast(input_mask, "float32"), -1)
        return ops.sum(h * mask, axis=1) / ops.maximum(ops.sum(mask, axis=1), 1.0)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.output_size)


def make_features(n):
    ids = rng.integers(1, vocab_size, size=(n, max_seq_length))
    lengths = rng.integers(5, max_seq_length, size=n)
    mask = (np.arange(max_seq_length)[None, :] < lengths[:, None]).astype("int32")
    return [ids * mask, mask, np.zeros_like(mask)]


in_id = keras.Input(shape=(max_seq_length,), dtype="int32", name="input_ids")
in_mask = keras.Input(shape=(max_seq_length,), dtype="int32", name="input_masks")
in_segment = keras.Input(shape=(max_seq_length,), dtype="int32", name="segment_ids")
bert_output = BertLayer(output_size=48)([in_id, in_mask, in_segment])
dense = layers.Dense(64, activation="relu")(bert_output)
pred = layers.Dense(1, activation="sigmoid")(dense)
model = keras.Model([in_id, in_mask, in_segment], pred)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

train_x = make_features(80)
train_y = rng.integers(0, 2, size=(80, 1))
model.fit(train_x, train_y, epochs=1, batch_size=16, validation_split=0.25)
