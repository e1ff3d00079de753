# MNIST-style arrays loaded from an .npz file, wrapped in tf.data.Dataset
# objects and fed to a Flatten/Dense classifier, after the TensorFlow
# tutorial "Load NumPy data".
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(9)
# stand-in for np.load(path) on mnist.npz
train_examples = rng.random((512, 28, 28)).astype("float32")
train_labels = rng.integers(0, 10, size=(512,))
test_examples = rng.random((128, 28, 28)).astype("float32")
test_labels = rng.integers(0, 10, size=(128,))

train_dataset = tf.data.Dataset.from_tensor_slices((train_examples, train_labels))
test_dataset = tf.data.Dataset.from_tensor_slices((test_examples, test_labels))

BATCH_SIZE = 64
SHUFFLE_BUFFER_SIZE = 100

train_dataset = train_dataset.shuffle(SHUFFLE_BUFFER_SIZE)
test_dataset = test_dataset.batch(BATCH_SIZE)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(28, 28)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation='relu'),
    tf.keras.layers.Dense(10)
])

model.compile(optimizer=tf.keras.optimizers.RMSprop(),
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=['sparse_categorical_accuracy'])

model.fit(train_dataset, epochs=2)
model.evaluate(test_dataset)
