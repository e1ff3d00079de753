# A batch-logging callback on a one-unit regression of digit labels from flattened 16x16 images.
import numpy as np
import keras


def build_regressor():
    net = keras.Sequential()
    net.add(keras.layers.Dense(1))
    net.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.05),
                loss="mean_squared_error", metrics=["mean_absolute_error"])
    return net


rng = np.random.default_rng(115)
images = rng.integers(0, 256, size=(640, 16, 16)).astype("uint8")
digits = rng.integers(0, 10, size=640)
held_images = rng.integers(0, 256, size=(160, 16, 16)).astype("uint8")
held_digits = rng.integers(0, 10, size=160)

images = images.reshape(-1, 16 * 16).astype("float32") / 255.0
held_images = held_images.reshape(-1, 16 * 16).astype("float32") / 255.0


class BatchLossLogger(keras.callbacks.Callback):
    def on_train_batch_end(self, batch, logs=None):
        if batch % 5 == 0:
            print(f"batch {batch}: running loss {logs['loss']:.3f}")

    def on_epoch_end(self, epoch, logs=None):
        print(f"epoch {epoch}: loss {logs['loss']:.3f}, mae {logs['mean_absolute_error']:.3f}")


regressor = build_regressor()
regressor.fit(images, digits, batch_size=64, epochs=3, verbose=0, callbacks=[BatchLossLogger()])
print("held-out loss and mae:", regressor.evaluate(held_images, held_digits, batch_size=64, verbose=0))
print("prediction shape:", regressor.predict(held_images[:4], verbose=0).shape)
