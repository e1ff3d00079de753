import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(0)
rows, row_width, n_digits = 28, 28, 10
x_train = rng.random((256, rows, row_width)).astype("float32")
y_train = rng.integers(0, n_digits, size=256)
sample, sample_label = x_train[0], y_train[0]


def build_row_reader(units=32):
    return keras.Sequential(
        [
            keras.Input(shape=(None, row_width)),
            layers.LSTM(units),
            layers.BatchNormalization(),
            layers.Dense(n_digits),
        ]
    )


reader = build_row_reader()
reader.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer="sgd",
    metrics=["accuracy"],
)
reader.fit(x_train, y_train, batch_size=64, epochs=1, verbose=0)

cpu_reader = build_row_reader()
cpu_reader.set_weights(reader.get_weights())
logits = cpu_reader.predict_on_batch(sample)
print("predicted", np.argmax(logits, axis=1), "target", sample_label)
