import numpy as np
import tensorflow as tf
import keras
from keras import layers

epsilon = [0, 0.1, 0.15, 0.2, 0.25, 0.30, 0.35]

rng = np.random.default_rng(8)
train_images = rng.integers(0, 256, size=(256, 28, 28)).astype("uint8")
train_labels = rng.integers(0, 10, size=(256,))
test_images = rng.integers(0, 256, size=(64, 28, 28)).astype("uint8")
test_labels = rng.integers(0, 10, size=(64,))

train_images = train_images.astype("float32") / 255
test_images = test_images.astype("float32") / 255
train_images = train_images.reshape((*train_images.shape, 1))
test_images = test_images.reshape((*test_images.shape, 1))

inputs = keras.Input((28, 28, 1))
x = layers.Conv2D(16, 3, strides=1, activation="relu")(inputs)
x = layers.Conv2D(32, 3, strides=1, activation="relu")(x)
x = layers.MaxPooling2D(2)(x)
x = layers.Dropout(0.25)(x)
x = layers.Flatten()(x)
x = layers.Dense(64, activation="relu")(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_images, train_labels, epochs=1, batch_size=64, validation_split=0.2, verbose=0)

# FGSM: perturb the test digits along the sign of the loss gradient.
datas = tf.constant(test_images[:32])
targets = tf.constant(keras.utils.to_categorical(test_labels[:32], 10))

with tf.GradientTape() as tape:
    tape.watch(datas)
    outs = model(datas)
    loss = keras.losses.SparseCategoricalCrossentropy()(targets, outs)

datas_grad = tape.gradient(loss, datas)
perturbed_datas = datas + epsilon[1] * tf.sign(datas_grad)

prediction = model(datas).numpy().argmax(axis=1)
adv_prediction = model(perturbed_datas).numpy().argmax(axis=1)
print(f"Attack success rate: {np.mean(prediction != adv_prediction):.4f}")
