import numpy as np
import tensorflow as tf
import keras
from keras import layers

# stands in for image_dataset_from_directory(TRAIN_DIR, image_size=..., label_mode='binary'):
# label 0 for the 'horses' folder, 1 for the 'humans' folder, one float label per image
rng = np.random.default_rng(3)
images = rng.integers(0, 256, size=(64, 64, 64, 3)).astype("float32")
labels = rng.integers(0, 2, size=(64, 1)).astype("float32")
images[labels[:, 0] == 1, :, :, 0] *= 0.5
train_dataset = tf.data.Dataset.from_tensor_slices((images, labels)).batch(16)

rescale_layer = layers.Rescaling(scale=1.0 / 255)
train_dataset_scaled = train_dataset.map(lambda image, label: (rescale_layer(image), label))
train_dataset_final = train_dataset_scaled.cache().shuffle(100).prefetch(tf.data.AUTOTUNE)

model = keras.Sequential([
    keras.Input(shape=(64, 64, 3)),
    layers.Conv2D(16, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D(2, 2),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    # one output neuron per class: horses and humans
    layers.Dense(2, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy",
              optimizer=keras.optimizers.RMSprop(learning_rate=0.001),
              metrics=["accuracy"])

history = model.fit(train_dataset_final, epochs=2, verbose=0)
print("accuracy per epoch:", [round(a, 3) for a in history.history["accuracy"]])
classes = model.predict(images[:4] / 255.0, verbose=0)
print("scores for the first uploaded image:", classes[0])
