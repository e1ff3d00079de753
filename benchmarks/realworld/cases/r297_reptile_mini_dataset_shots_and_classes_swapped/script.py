import random

import numpy as np
import tensorflow as tf
import keras
from keras import layers

learning_rate = 0.003
meta_step_size = 0.25
inner_batch_size = 25
meta_iters = 3
inner_iters = 4
shots = 5
classes = 5


class Dataset:
    # Omniglot stand-in: 30 character classes with 20 grayscale 28 x 28 drawings each
    def __init__(self):
        self.data = {str(c): [np.random.rand(28, 28, 1).astype("float32") for _ in range(20)] for c in range(30)}
        self.labels = list(self.data.keys())

    def get_mini_dataset(self, batch_size, repetitions, shots, num_classes):
        temp_labels = np.zeros(shape=(num_classes * shots))
        temp_images = np.zeros(shape=(num_classes * shots, 28, 28, 1))
        label_subset = random.choices(self.labels, k=num_classes)
        for class_idx, class_obj in enumerate(label_subset):
            temp_labels[class_idx * shots : (class_idx + 1) * shots] = class_idx
            temp_images[class_idx * shots : (class_idx + 1) * shots] = random.choices(
                self.data[label_subset[class_idx]], k=shots)
        dataset = tf.data.Dataset.from_tensor_slices(
            (temp_images.astype(np.float32), temp_labels.astype(np.int32)))
        return dataset.shuffle(100).batch(batch_size).repeat(repetitions)


train_dataset = Dataset()


def conv_bn(x):
    x = layers.Conv2D(filters=64, kernel_size=3, strides=2, padding="same")(x)
    x = layers.BatchNormalization()(x)
    return layers.ReLU()(x)


inputs = layers.Input(shape=(28, 28, 1))
x = conv_bn(inputs)
x = conv_bn(x)
x = conv_bn(x)
x = conv_bn(x)
x = layers.Flatten()(x)
outputs = layers.Dense(classes, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile()
optimizer = keras.optimizers.SGD(learning_rate=learning_rate)

train_shots = 20
for meta_iter in range(meta_iters):
    frac_done = meta_iter / meta_iters
    cur_meta_step_size = (1 - frac_done) * meta_step_size
    old_vars = model.get_weights()
    mini_dataset = train_dataset.get_mini_dataset(inner_batch_size, inner_iters, classes, train_shots)
    for images, labels in mini_dataset:
        with tf.GradientTape() as tape:
            preds = model(images)
            loss = keras.losses.sparse_categorical_crossentropy(labels, preds)
        grads = tape.gradient(loss, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
    new_vars = model.get_weights()
    for var in range(len(new_vars)):
        new_vars[var] = old_vars[var] + ((new_vars[var] - old_vars[var]) * cur_meta_step_size)
    model.set_weights(new_vars)
print("meta-training done")
