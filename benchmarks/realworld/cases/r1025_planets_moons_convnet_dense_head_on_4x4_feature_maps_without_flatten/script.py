import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import (
    Input, Conv2D, BatchNormalization, SpatialDropout2D, MaxPooling2D, Flatten, Dense
)
from tensorflow.keras.models import Model

rng = np.random.default_rng(5)
n_bodies = 11
photos = rng.random((220, 32, 32, 3)).astype("float32")
body_ids = rng.integers(0, n_bodies, size=220)
body_onehot = keras.utils.to_categorical(body_ids, n_bodies)
x_train, x_val = photos[:198], photos[198:]
y_train, y_val = body_onehot[:198], body_onehot[198:]


def planet_model():
    inp = Input(shape=(32, 32, 3))
    x = Conv2D(32, (2, 2), strides=(2, 2), padding="same", activation="relu")(inp)
    x = BatchNormalization()(x)
    x = SpatialDropout2D(0.2)(x)
    x = MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="same")(x)
    x = Conv2D(64, (2, 2), strides=(2, 2), padding="same", activation="relu")(x)
    x = SpatialDropout2D(0.2)(x)
    x = Dense(32, activation="relu")(x)
    x = Dense(n_bodies, activation="softmax")(x)
    return Model(inputs=inp, outputs=x)


model = planet_model()
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
history = model.fit(
    x_train, y_train, validation_data=(x_val, y_val), epochs=2, batch_size=128, verbose=0
)
pred = np.argmax(model.predict(x_val, verbose=0), axis=1)
print("val accuracy:", history.history["val_accuracy"][-1], pred[:5])
