# Flower classifier with a second head that regresses a bounding box (classification + localization).
import numpy as np
import tensorflow as tf
import keras

n_classes = 5
rng = np.random.default_rng(9)
images = rng.random((80, 64, 64, 3), dtype=np.float32)
labels = rng.integers(0, n_classes, size=(80,))
train_set = tf.data.Dataset.from_tensor_slices((images, labels)).batch(16)

base_inputs = keras.Input(shape=(64, 64, 3))
x = keras.layers.Conv2D(16, 3, activation="relu", padding="same")(base_inputs)
x = keras.layers.MaxPooling2D()(x)
x = keras.layers.Conv2D(32, 3, activation="relu", padding="same")(x)
x = keras.layers.MaxPooling2D()(x)
base_model = keras.Model(base_inputs, x)  # stand-in for the pretrained Xception base
avg = keras.layers.GlobalAveragePooling2D()(base_model.output)
class_output = keras.layers.Dense(n_classes, activation="softmax")(avg)
loc_output = keras.layers.Dense(4)(avg)
model = keras.Model(inputs=base_model.input, outputs=[class_output, loc_output])
optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)
model.compile(loss=["mse", "sparse_categorical_crossentropy"], loss_weights=[0.8, 0.2],
              optimizer=optimizer)


def add_random_bounding_boxes(images, labels):
    fake_bboxes = tf.random.uniform([tf.shape(images)[0], 4])
    return images, (labels, fake_bboxes)


fake_train_set = train_set.take(5).repeat(2).map(add_random_bounding_boxes)
model.fit(fake_train_set, epochs=2, verbose=0)
class_probas, boxes = model.predict(images[:3], verbose=0)
print(class_probas.shape, boxes.shape)
