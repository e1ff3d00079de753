import numpy as np
import keras
from keras import layers

# Apartment listings: a small photo thumbnail plus seven numeric facts
# (area, rooms, floor, ...); the target is the log of the monthly rent.
rng = np.random.default_rng(7)
n_train, n_new = 48, 5
thumbs = rng.random((n_train, 24, 24, 3)).astype("float32")
facts = rng.normal(size=(n_train, 7)).astype("float32")
log_rent = rng.normal(7.0, 0.3, size=(n_train, 1)).astype("float32")

thumb_in = keras.Input(shape=(24, 24, 3), name="thumbnail")
facts_in = keras.Input(shape=(7,), name="facts")

v = layers.Conv2D(8, 3, activation="relu")(thumb_in)
v = layers.MaxPooling2D()(v)
v = layers.GlobalAveragePooling2D()(v)
f = layers.Dense(16, activation="relu")(facts_in)
z = layers.concatenate([v, f])
z = layers.Dense(16, activation="relu")(z)
rent = layers.Dense(1)(z)

model = keras.Model(inputs={"thumbnail": thumb_in, "facts": facts_in}, outputs=rent)
model.compile(optimizer="adam", loss="mse", metrics=["mae"])

train_inputs = {"thumbnail": thumbs, "facts": facts}
model.fit(train_inputs, log_rent, epochs=2, batch_size=12, validation_split=0.25, verbose=2)

new_listings = {"facts": rng.normal(size=(n_new, 7)).astype("float32"),
                "thumbnail": rng.random((n_new, 24, 24, 3)).astype("float32")}
pred = model.predict(new_listings, verbose=0)
print("predicted log rent:", pred.shape, pred.ravel().round(2))
