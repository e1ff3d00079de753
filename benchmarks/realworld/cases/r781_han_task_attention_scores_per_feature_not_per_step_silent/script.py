# Hierarchical-attention-style document classifier (word level): a bidirectional GRU
# encodes the words, a task-specific attention layer projects every step, scores it
# against a learned context vector, and pools the steps with softmax weights.
import numpy as np
import keras
from keras import layers, ops

VOCAB, SEQ_LEN, N_TOPICS = 300, 25, 4


class TaskSpecificAttention(layers.Layer):
    def __init__(self, output_size, **kwargs):
        super().__init__(**kwargs)
        self.output_size = output_size
        self.projection = layers.Dense(output_size, activation="tanh")

    def build(self, input_shape):
        self.projection.build(input_shape)
        self.context = self.add_weight(shape=(self.output_size,), initializer="glorot_uniform", name="context")

    def call(self, inputs):
        projected = self.projection(inputs)
        attention_weights = ops.softmax(projected * self.context)
        weighted = projected * attention_weights
        return ops.sum(weighted, axis=1)


class DocClassifier(keras.Model):
    def __init__(self):
        super().__init__()
        self.embed = layers.Embedding(VOCAB, 16)
        self.encoder = layers.Bidirectional(layers.GRU(12, return_sequences=True))
        self.attend = TaskSpecificAttention(20)
        self.topic = layers.Dense(N_TOPICS, activation="softmax")

    def call(self, word_ids):
        return self.topic(self.attend(self.encoder(self.embed(word_ids))))


model = DocClassifier()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
rng = np.random.default_rng(17)
docs = rng.integers(1, VOCAB, size=(96, SEQ_LEN))
topics = rng.integers(0, N_TOPICS, size=96)
model.fit(docs, topics, batch_size=16, epochs=2, verbose=0)
print(model.predict(docs[:2], verbose=0).shape)
