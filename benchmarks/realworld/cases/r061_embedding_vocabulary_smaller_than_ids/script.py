import numpy as np
import tensorflow as tf

vocab_size = 5000
tokens = np.random.randint(1, vocab_size, size=(64, 30))
labels = np.random.randint(0, 2, size=(64,))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(30,)),
    tf.keras.layers.Embedding(input_dim=1000, output_dim=32),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(tokens, labels, epochs=1, batch_size=16, verbose=0)
