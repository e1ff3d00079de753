import numpy as np
import keras
from keras import layers, ops

vocab_size = 500
maxlen = 24
num_tags = 9


class CustomNonPaddingTokenLoss(keras.losses.Loss):
    def __init__(self, name="custom_ner_loss"):
        super().__init__(name=name)

    def call(self, y_true, y_pred):
        loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=False, reduction=None)
        loss = loss_fn(y_true, y_pred)
        mask = ops.cast((y_true > 0), dtype="float32")
        loss = loss * mask
        return ops.sum(loss) / ops.sum(mask)


inputs = layers.Input(shape=(None,), dtype="int32")
x = layers.Embedding(vocab_size, 16)(inputs)
x = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(x)
x = layers.Dropout(0.1)(x)
x = layers.Dense(32, activation="relu")(x)
outputs = layers.Dense(num_tags, activation="softmax")(x)
ner_model = keras.Model(inputs, outputs)
ner_model.compile(optimizer="adam", loss=CustomNonPaddingTokenLoss())
tokens = np.random.randint(1, vocab_size, size=(32, maxlen))
tags = np.random.randint(0, num_tags, size=(32, maxlen))
ner_model.fit(tokens, tags, epochs=1, batch_size=8, verbose=0)
