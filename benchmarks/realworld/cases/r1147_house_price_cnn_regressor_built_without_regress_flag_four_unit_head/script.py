import numpy as np
import keras
from keras import layers

# 64x64 montages of four house photos, price target scaled to [0, 1]
rng = np.random.default_rng(9)
images = rng.random((160, 64, 64, 3)).astype("float32")
prices = (150_000 + 600_000 * images[:, :32, :32, 0].mean(axis=(1, 2))
          + rng.normal(0, 20_000, size=160)).astype("float32")
trainImagesX, testImagesX = images[:120], images[120:]
maxPrice = prices[:120].max()
trainY, testY = prices[:120] / maxPrice, prices[120:] / maxPrice


def create_cnn(width, height, depth, filters=(16, 32, 64), regress=False):
    inputs = keras.Input(shape=(height, width, depth))
    x = inputs
    for f in filters:
        x = layers.Conv2D(f, (3, 3), padding="same", activation="relu")(x)
        x = layers.BatchNormalization(axis=-1)(x)
        x = layers.MaxPooling2D(pool_size=(2, 2))(x)
    x = layers.Flatten()(x)
    x = layers.Dense(16, activation="relu")(x)
    x = layers.BatchNormalization(axis=-1)(x)
    x = layers.Dropout(0.5)(x)
    x = layers.Dense(4, activation="relu")(x)
    # check to see if the regression node should be added
    if regress:
        x = layers.Dense(1, activation="linear")(x)
    return keras.Model(inputs, x)


model = create_cnn(64, 64, 3)
model.compile(loss="mean_absolute_percentage_error",
              optimizer=keras.optimizers.Adam(learning_rate=1e-3))
model.fit(trainImagesX, trainY, validation_data=(testImagesX, testY),
          epochs=2, batch_size=8, verbose=0)
print("test MAPE:", model.evaluate(testImagesX, testY, verbose=0))
