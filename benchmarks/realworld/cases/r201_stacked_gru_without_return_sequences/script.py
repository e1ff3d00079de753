import numpy as np
import tensorflow as tf

N_FEATURES = 12

# 64 rows of tabular features, 4 classes
train_features = np.random.rand(64, N_FEATURES).astype("float32")
train_labels = np.random.randint(0, 4, size=(64,))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(train_features.shape[1],)),
    tf.keras.layers.Reshape((1, train_features.shape[1])),
    tf.keras.layers.GRU(32),
    tf.keras.layers.GRU(32),
    tf.keras.layers.GRU(32, dropout=0.2),
    tf.keras.layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_features, train_labels, batch_size=16, epochs=1, verbose=0)
