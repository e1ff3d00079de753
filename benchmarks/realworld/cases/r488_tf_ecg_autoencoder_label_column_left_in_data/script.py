# ECG anomaly detection with a dense autoencoder trained on normal rhythms only.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(4)
# stand-in for ecg.csv: 140 signal values per row, the last column is the label (1 = normal)
t = np.linspace(0, 4 * np.pi, 140)
signals = np.sin(t)[None, :] * rng.uniform(0.5, 1.5, (500, 1)) + rng.normal(0, 0.1, (500, 140))
labels_col = rng.integers(0, 2, size=(500, 1))
raw_data = np.hstack([signals, labels_col]).astype("float32")

labels = raw_data[:, -1]
data = raw_data

split = 400
train_data, test_data = data[:split], data[split:]
train_labels, test_labels = labels[:split].astype(bool), labels[split:].astype(bool)

min_val = tf.reduce_min(train_data)
max_val = tf.reduce_max(train_data)
train_data = (train_data - min_val) / (max_val - min_val)
test_data = (test_data - min_val) / (max_val - min_val)

normal_train_data = train_data[train_labels]
normal_test_data = test_data[test_labels]


class AnomalyDetector(keras.Model):
    def __init__(self):
        super().__init__()
        self.encoder = keras.Sequential([
            layers.Dense(32, activation="relu"),
            layers.Dense(16, activation="relu"),
            layers.Dense(8, activation="relu")])
        self.decoder = keras.Sequential([
            layers.Dense(16, activation="relu"),
            layers.Dense(32, activation="relu"),
            layers.Dense(140, activation="sigmoid")])

    def call(self, x):
        encoded = self.encoder(x)
        return self.decoder(encoded)


autoencoder = AnomalyDetector()
autoencoder.compile(optimizer="adam", loss="mae")
history = autoencoder.fit(normal_train_data, normal_train_data, epochs=5, batch_size=64,
                          validation_data=(test_data, test_data), shuffle=True, verbose=0)

reconstructions = autoencoder.predict(normal_train_data, verbose=0)
train_loss = keras.losses.mean_absolute_error(reconstructions, normal_train_data)
threshold = np.mean(train_loss) + np.std(train_loss)
print("Threshold:", float(threshold))
