import numpy as np
import keras

features = np.random.rand(400, 30).astype("float32")
targets = (np.random.rand(400, 1) > 0.95).astype("uint8")
mean = np.mean(features, axis=0)
features -= mean
std = np.std(features, axis=0)
features /= std
counts = np.bincount(targets[:, 0])
weight_for_0 = 1.0 / counts[0]
weight_for_1 = 1.0 / max(counts[1], 1)

model = keras.Sequential([
    keras.Input(shape=features.shape[1:]),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="binary_crossentropy",
              metrics=[keras.metrics.Precision(name="precision"), keras.metrics.Recall(name="recall")])
model.fit(features, targets, batch_size=128, epochs=1, verbose=0, class_weight={0: weight_for_0, 1: weight_for_1})
