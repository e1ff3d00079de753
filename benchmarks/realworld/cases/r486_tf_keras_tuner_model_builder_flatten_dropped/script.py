# Fashion-MNIST classifier whose hidden width and learning rate are picked by a small manual search.
import numpy as np
import keras

rng = np.random.default_rng(21)
img_train = rng.integers(0, 256, size=(400, 28, 28)).astype("float32") / 255.0
label_train = rng.integers(0, 10, size=(400,))
img_test = rng.integers(0, 256, size=(100, 28, 28)).astype("float32") / 255.0
label_test = rng.integers(0, 10, size=(100,))


def model_builder(units, learning_rate):
    model = keras.Sequential()
    model.add(keras.Input(shape=(28, 28)))
    model.add(keras.layers.Dense(units=units, activation="relu"))
    model.add(keras.layers.Dense(10))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


best = None
for units in (32, 64, 128):
    for learning_rate in (1e-2, 1e-3):
        model = model_builder(units, learning_rate)
        history = model.fit(img_train, label_train, epochs=2, validation_split=0.2, verbose=0)
        val_acc = max(history.history["val_accuracy"])
        if best is None or val_acc > best[0]:
            best = (val_acc, units, learning_rate)
print("best units / learning rate:", best[1:])

hypermodel = model_builder(best[1], best[2])
hypermodel.fit(img_train, label_train, epochs=3, verbose=0)
print("[test loss, test accuracy]:", hypermodel.evaluate(img_test, label_test, verbose=0))
