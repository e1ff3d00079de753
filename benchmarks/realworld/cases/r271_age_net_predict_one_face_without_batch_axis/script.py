import numpy as np
from tensorflow.keras import layers, models

# Age estimation CNN on 64 x 64 face crops
def build_age_net():
    inputs = layers.Input(shape=(64, 64, 3))
    x = layers.Conv2D(32, 3, padding="same", activation="relu", name="conv1")(inputs)
    x = layers.BatchNormalization()(x)
    x = layers.AveragePooling2D(2)(x)
    x = layers.Conv2D(32, 3, padding="same", activation="relu", name="conv2")(x)
    x = layers.BatchNormalization()(x)
    x = layers.AveragePooling2D(2)(x)
    x = layers.Conv2D(32, 3, padding="same", activation="relu", name="conv3")(x)
    x = layers.GlobalAveragePooling2D()(x)
    age = layers.Dense(1, name="age")(x)
    return models.Model(inputs, age)


model = build_age_net()
model.compile(optimizer="adam", loss="mae")
faces = np.random.rand(64, 64, 64, 3).astype("float32")
ages = np.random.uniform(10, 80, size=(64, 1)).astype("float32")
model.fit(faces, ages, epochs=1, batch_size=16, verbose=0)

# Test on one face crop read from disk
img = np.random.rand(64, 64, 3).astype("float32")
print(img.shape)
pred = model.predict(img)
print("predicted age:", pred[0, 0])
