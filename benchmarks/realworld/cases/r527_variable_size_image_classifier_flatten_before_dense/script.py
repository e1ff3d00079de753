# Two-class classifier meant to accept images of any size (crops of different sizes from a detector).
import numpy as np
import keras
import keras.layers as KL

input_image = KL.Input(shape=(None, None, 3), name="input_image")
x = KL.Conv2D(64, (3, 3), padding="same", activation="relu")(input_image)
x = KL.MaxPooling2D()(x)
x = KL.Conv2D(64, (3, 3), padding="same", activation="relu")(x)
x = KL.Flatten()(x)
x = KL.Dense(64, activation="relu")(x)
output = KL.Dense(2, activation="softmax")(x)
model = keras.models.Model(inputs=input_image, outputs=output)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(11001)
for size in (48, 64):   # two batches of crops with different sizes
    crops = rng.random((16, size, size, 3)).astype("float32")
    model.train_on_batch(crops, rng.integers(0, 2, size=16))
print(model.predict(rng.random((2, 80, 80, 3)).astype("float32"), verbose=0))
