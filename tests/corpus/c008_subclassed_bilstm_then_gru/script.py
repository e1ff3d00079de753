import numpy as np
import keras
from keras import layers


class TextClassifier(keras.Model):
    def __init__(self, vocab_size=1000, embed_dim=32, **kwargs):
        super().__init__(**kwargs)
        self.embedding = layers.Embedding(vocab_size, embed_dim)
        self.encoder = layers.Bidirectional(layers.LSTM(32))
        self.dropout = layers.Dropout(0.2)
        self.gru = layers.GRU(16)
        self.classifier = layers.Dense(1, activation="sigmoid")

    def call(self, inputs, training=False):
        x = self.embedding(inputs)
        x = self.encoder(x)
        x = self.dropout(x, training=training)
        x = self.gru(x)
        return self.classifier(x)


model = TextClassifier()
tokens = np.random.randint(0, 1000, size=(4, 12))
print(model(tokens).shape)
