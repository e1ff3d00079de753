import numpy as np
from tensorflow.keras import layers, models

NUM_CLASSES = 6  # background, car, bus, truck, bike, person

# 20 images, each with a mask whose pixels hold a class id 0..5.
images = np.random.rand(20, 64, 64, 3).astype("float32")
masks = np.random.randint(0, NUM_CLASSES, size=(20, 64, 64, 1))

inputs = layers.Input((64, 64, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D(2)(x)
outputs = layers.Conv2D(NUM_CLASSES, 1, activation="softmax")(x)
model = models.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(images, masks, batch_size=4, epochs=1, verbose=0)
