# Save and restore a small MNIST MLP trained on the first examples of the dataset,
# then check the restored model on the first test examples.
import os
import tempfile
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(13)
train_images = rng.integers(0, 256, size=(2000, 28, 28)).astype("uint8")
train_labels = rng.integers(0, 10, size=(2000,))
test_images = rng.integers(0, 256, size=(800, 28, 28)).astype("uint8")
test_labels = rng.integers(0, 10, size=(800,))

train_labels = train_labels[:500]
train_images = train_images[:500].reshape(-1, 28 * 28) / 255.0
test_images = test_images[:200].reshape(-1, 28 * 28) / 255.0


def create_model():
    model = tf.keras.Sequential([
        tf.keras.Input(shape=(784,)),
        tf.keras.layers.Dense(128, activation="relu"),
        tf.keras.layers.Dropout(0.2),
        tf.keras.layers.Dense(10),
    ])
    model.compile(optimizer="adam",
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=[tf.keras.metrics.SparseCategoricalAccuracy()])
    return model


model = create_model()
model.fit(train_images, train_labels, epochs=2, verbose=0)

path = os.path.join(tempfile.mkdtemp(), "my_model.keras")
model.save(path)
new_model = tf.keras.models.load_model(path)

loss, acc = new_model.evaluate(test_images, test_labels, verbose=0)
print("Restored model, accuracy: {:5.2f}%".format(100 * acc))
