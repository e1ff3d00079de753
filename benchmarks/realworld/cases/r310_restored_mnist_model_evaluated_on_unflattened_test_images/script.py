# Save and load models: train a small MNIST MLP with a checkpoint callback, then
# restore the weights into a fresh model and evaluate it on the test set.
import os
import tempfile
import numpy as np
import keras

rng = np.random.default_rng(5)
train_images = rng.integers(0, 256, size=(300, 28, 28), dtype=np.uint8)
train_labels = rng.integers(0, 10, size=(300,))
test_images = rng.integers(0, 256, size=(100, 28, 28), dtype=np.uint8)
test_labels = rng.integers(0, 10, size=(100,))

train_labels = train_labels[:1000]
test_labels = test_labels[:1000]
train_images = train_images[:1000].reshape(-1, 28 * 28) / 255.0
test_images = test_images[:1000] / 255.0


def create_model():
    model = keras.Sequential([
        keras.Input(shape=(784,)),
        keras.layers.Dense(512, activation="relu"),
        keras.layers.Dropout(0.2),
        keras.layers.Dense(10),
    ])
    model.compile(
        optimizer="adam",
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        metrics=[keras.metrics.SparseCategoricalAccuracy()],
    )
    return model


checkpoint_path = os.path.join(tempfile.mkdtemp(), "cp.weights.h5")
cp_callback = keras.callbacks.ModelCheckpoint(
    filepath=checkpoint_path, save_weights_only=True, verbose=0
)

model = create_model()
model.fit(train_images, train_labels, epochs=2, callbacks=[cp_callback], verbose=0)

# A fresh, untrained model, then the same model with the saved weights.
model = create_model()
model.load_weights(checkpoint_path)
loss, acc = model.evaluate(test_images, test_labels, verbose=0)
print("Restored model, accuracy: {:5.2f}%".format(100 * acc))
