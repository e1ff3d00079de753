import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(969)
n_series, n_steps, n_axes, n_classes = 180, 128, 3, 3

# one recording per row: x, y and z accelerometer traces of 128 samples each
t = np.linspace(0, 1, n_steps)
labels = rng.integers(0, n_classes, size=n_series)
freqs = np.array([2.0, 5.0, 9.0])[labels]
traces = [np.sin(2 * np.pi * f * t + rng.uniform(0, np.pi, size=(n_axes, 1))) + 0.3 * rng.normal(size=(n_axes, n_steps))
          for f in freqs]
x_train = np.stack(traces).astype("float32")
y_train = keras.utils.to_categorical(labels, n_classes)


def inception_module(x, nb_filters=16, bottleneck=16):
    b = layers.Conv1D(bottleneck, 1, padding="same", use_bias=False)(x)
    convs = [layers.Conv1D(nb_filters, k, padding="same", use_bias=False)(b) for k in (10, 20, 40)]
    pool = layers.MaxPooling1D(3, strides=1, padding="same")(x)
    convs.append(layers.Conv1D(nb_filters, 1, padding="same", use_bias=False)(pool))
    x = layers.Concatenate(axis=2)(convs)
    x = layers.BatchNormalization()(x)
    return layers.Activation("relu")(x)


def build_model(input_shape, nb_classes, depth=3):
    inp = keras.Input(shape=input_shape)
    x = inp
    for _ in range(depth):
        x = inception_module(x)
    x = layers.GlobalAveragePooling1D()(x)
    out = layers.Dense(nb_classes, activation="softmax")(x)
    return keras.Model(inp, out)


model = build_model(x_train.shape[1:], n_classes)
model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(1e-3), metrics=["accuracy"])
hist = model.fit(x_train, y_train, batch_size=32, epochs=2, validation_split=0.2, verbose=0)
print("val accuracy:", [round(a, 3) for a in hist.history["val_accuracy"]])
