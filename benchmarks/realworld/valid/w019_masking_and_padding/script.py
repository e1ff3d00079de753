import numpy as np
import keras
from keras import layers

raw_inputs = [
    [711, 632, 71],
    [73, 8, 3215, 55, 927],
    [83, 91, 1, 645, 1253, 927],
]
padded_inputs = keras.utils.pad_sequences(raw_inputs, padding="post")
labels = np.array([0, 1, 1])

inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(input_dim=5000, output_dim=16, mask_zero=True)(inputs)
outputs = layers.LSTM(32)(x)
outputs = layers.Dense(1, activation="sigmoid")(outputs)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(padded_inputs, labels, epochs=1, verbose=0)

masking_layer = layers.Masking()
unmasked_embedding = np.random.rand(3, 6, 16).astype("float32")
masked_embedding = masking_layer(unmasked_embedding)
print(masked_embedding._keras_mask.shape if hasattr(masked_embedding, "_keras_mask") else masked_embedding.shape)
