import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

rng = np.random.default_rng(5)
IM_SIZE = 32
n = 64
images = rng.random((n, IM_SIZE, IM_SIZE, 3)).astype("float32")
ages = rng.integers(1, 90, size=n) / 116.0
races = rng.integers(0, 5, size=n)
genders = rng.integers(0, 2, size=n)

races_y = races
genders_y = to_categorical(genders, 2)

inputs = keras.Input(shape=(IM_SIZE, IM_SIZE, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(2)(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)

age_out = layers.Dense(1, activation="linear", name="age_output")(layers.Dense(32, activation="relu")(x))
race_out = layers.Dense(5, activation="softmax", name="race_output")(layers.Dense(32, activation="relu")(x))
gender_out = layers.Dense(2, activation="sigmoid", name="gender_output")(layers.Dense(32, activation="relu")(x))

model = keras.Model(inputs=inputs, outputs=[age_out, race_out, gender_out])
model.compile(
    optimizer="adam",
    loss={"age_output": "mse", "race_output": "categorical_crossentropy", "gender_output": "binary_crossentropy"},
    loss_weights={"age_output": 4.0, "race_output": 1.5, "gender_output": 0.1},
    metrics={"age_output": "mae", "race_output": "accuracy", "gender_output": "accuracy"},
)
model.fit(images, [ages, races_y, genders_y], batch_size=16, epochs=2, verbose=0)
print("trained")
