import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(4)
MAX_SEQUENCE_LENGTH = 80
MAX_NB_WORDS = 1000
EMBEDDING_DIM = 24

x_train = rng.integers(1, MAX_NB_WORDS, size=(128, MAX_SEQUENCE_LENGTH))
y_train = rng.integers(0, 2, size=128)

sequence_input = keras.Input(shape=(MAX_SEQUENCE_LENGTH,), dtype="int32")
embedded = layers.Embedding(MAX_NB_WORDS, EMBEDDING_DIM)(sequence_input)

branches = []
for kernel_size in [3, 4, 5]:
    conv = layers.Conv1D(32, kernel_size, activation="relu")(embedded)
    branches.append(conv)

merged = layers.Concatenate(axis=-1)(branches)
x = layers.Dropout(0.3)(merged)
x = layers.Dense(32, activation="relu")(x)
preds = layers.Dense(1, activation="sigmoid")(x)

model = keras.Model(sequence_input, preds)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=2, verbose=0)
print(model.output_shape)
