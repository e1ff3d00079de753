import numpy as np
import tensorflow as tf

max_length = 15
max_vocab_length = 1000
train_sentences = np.random.randint(1, max_vocab_length, size=(96, max_length))
train_labels = np.random.randint(0, 2, size=(96,))

embedding = tf.keras.layers.Embedding(input_dim=max_vocab_length, output_dim=32)
inputs = tf.keras.layers.Input(shape=(max_length,), dtype="int32")
x = embedding(inputs)
outputs = tf.keras.layers.Dense(1, activation="sigmoid")(x)
model_1 = tf.keras.Model(inputs, outputs, name="model_1_dense")
model_1.compile(loss="binary_crossentropy", optimizer=tf.keras.optimizers.Adam(), metrics=["accuracy"])
model_1.fit(x=train_sentences, y=train_labels, epochs=1, batch_size=32, verbose=0)
