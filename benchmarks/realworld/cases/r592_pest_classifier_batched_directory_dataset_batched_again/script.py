# Insect-pest image classifier (transfer-learning style head on a small conv base).
# The images come from a loader that already yields batches, like
# image_dataset_from_directory(batch_size=...); the pipeline then batches again.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

IMG_SIZE = 64
BATCH_SIZE = 16
NUM_CLASSES = 5

rng = np.random.default_rng(78621)
images = rng.random((96, IMG_SIZE, IMG_SIZE, 3)).astype("float32")
labels = rng.integers(0, NUM_CLASSES, size=96)

# stands in for keras.utils.image_dataset_from_directory(path, image_size=..., batch_size=BATCH_SIZE)
ds_train = tf.data.Dataset.from_tensor_slices((images, labels)).batch(BATCH_SIZE)

def input_preprocess(image, label):
    label = tf.one_hot(label, NUM_CLASSES)
    return image, label

ds_train = ds_train.map(input_preprocess, num_parallel_calls=tf.data.AUTOTUNE)
ds_train = ds_train.batch(batch_size=BATCH_SIZE, drop_remainder=True)
ds_train = ds_train.prefetch(tf.data.AUTOTUNE)

inputs = layers.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
x = layers.Conv2D(16, 3, strides=2, activation="relu")(inputs)
x = layers.Conv2D(32, 3, strides=2, activation="relu")(x)
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
x = layers.BatchNormalization()(x)
x = layers.Dropout(0.2, name="top_dropout")(x)
outputs = layers.Dense(NUM_CLASSES, activation="softmax", name="pred")(x)
model = keras.Model(inputs, outputs, name="PestNet")
model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="categorical_crossentropy", metrics=["accuracy"])

model.fit(ds_train, epochs=2, verbose=0)
print("trained")
