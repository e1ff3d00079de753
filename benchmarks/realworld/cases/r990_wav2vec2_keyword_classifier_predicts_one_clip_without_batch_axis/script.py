# Keyword-spotting classifier in the spirit of the keras-io Wav2Vec 2.0 example: raw
# 16 kHz-style waveforms with an attention mask go through a strided convolutional
# feature encoder and a small self-attention block, are mean-pooled over the valid
# frames and classified with a softmax head.
import random

import numpy as np
import tensorflow as tf
import keras
from keras import layers

MAX_SEQ_LENGTH = 1600
NUM_CLASSES = 5
BATCH_SIZE = 16
HIDDEN_DIM = 32
id2label = {str(i): w for i, w in enumerate(["yes", "no", "up", "down", "stop"])}

rng = np.random.default_rng(990)


def make_split(n):
    values = rng.normal(0, 0.1, size=(n, MAX_SEQ_LENGTH)).astype("float32")
    lengths = rng.integers(900, MAX_SEQ_LENGTH + 1, size=n)
    mask = (np.arange(MAX_SEQ_LENGTH)[None, :] < lengths[:, None]).astype("int32")
    return {"input_values": values * mask, "attention_mask": mask}, rng.integers(0, NUM_CLASSES, size=n)


train_x, train_label = make_split(96)
test_x, test_label = make_split(32)


class Wav2VecStyleClassifier(layers.Layer):
    def __init__(self, num_classes, **kwargs):
        super().__init__(**kwargs)
        self.feature_encoder = [layers.Conv1D(HIDDEN_DIM, k, strides=s, activation="gelu")
                                for k, s in [(10, 5), (4, 4), (4, 4)]]
        self.attention = layers.MultiHeadAttention(2, HIDDEN_DIM // 2)
        self.norm = layers.LayerNormalization()
        self.dropout = layers.Dropout(0.5)
        self.final_layer = layers.Dense(num_classes, activation="softmax")

    def frame_lengths(self, audio_lengths):
        for conv in self.feature_encoder:
            k, s = conv.kernel_size[0], conv.strides[0]
            audio_lengths = (audio_lengths - k) // s + 1
        return audio_lengths

    def call(self, inputs):
        h = keras.ops.expand_dims(inputs["input_values"], -1)
        for conv in self.feature_encoder:
            h = conv(h)
        h = self.norm(h + self.attention(h, h))
        audio_lengths = keras.ops.sum(inputs["attention_mask"], axis=-1)
        frames = keras.ops.shape(h)[1]
        valid = keras.ops.arange(frames)[None, :] < self.frame_lengths(audio_lengths)[:, None]
        valid = keras.ops.cast(valid, h.dtype)[..., None]
        pooled = keras.ops.sum(h * valid, axis=1) / keras.ops.maximum(keras.ops.sum(valid, axis=1), 1.0)
        return self.final_layer(self.dropout(pooled))


def build_model():
    inputs = {
        "input_values": keras.Input(shape=(MAX_SEQ_LENGTH,), dtype="float32", name="input_values"),
        "attention_mask": keras.Input(shape=(MAX_SEQ_LENGTH,), dtype="int32", name="attention_mask"),
    }
    outputs = Wav2VecStyleClassifier(NUM_CLASSES)(inputs)
    model = keras.Model(inputs, outputs)
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=False),
                  optimizer=keras.optimizers.Adam(learning_rate=1e-3), metrics=["accuracy"])
    return model


model = build_model()
model.fit(train_x, train_label, validation_data=(test_x, test_label), batch_size=BATCH_SIZE, epochs=1, verbose=0)

rand_int = random.randint(0, len(test_label) - 1)
sample = {name: values[rand_int] for name, values in test_x.items()}
pred = model.predict(sample, verbose=0)
print("Original Label is ", id2label[str(test_label[rand_int])])
print("Predicted Label is ", id2label[str(np.argmax(pred[0]))])
