# Image classifier on top of a MobileNet feature extractor (trained from scratch here).
import numpy as np
import keras
from keras import layers

input_size = 128
num_classes = 5

rng = np.random.default_rng(13)
images = rng.uniform(0.0, 1.0, size=(16, input_size, input_size, 3)).astype("float32")
labels = rng.integers(0, num_classes, size=(16,))

input_image = keras.Input(shape=(1, input_size, input_size, 3))
backbone = keras.applications.MobileNet(
    include_top=False, weights=None, input_shape=(input_size, input_size, 3), alpha=0.25
)
features = backbone(input_image)
x = layers.GlobalAveragePooling2D()(features)
outputs = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(input_image, outputs)

model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(images, labels, batch_size=8, epochs=1, verbose=0)
print("trained")
