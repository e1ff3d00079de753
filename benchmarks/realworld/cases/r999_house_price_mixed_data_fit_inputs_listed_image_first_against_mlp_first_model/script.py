import numpy as np
import keras
from keras import layers


def create_mlp(dim, regress=False):
    inputs = keras.Input(shape=(dim,))
    x = layers.Dense(8, activation="relu")(inputs)
    x = layers.Dense(4, activation="relu")(x)
    if regress:
        x = layers.Dense(1, activation="linear")(x)
    return keras.Model(inputs, x)


def create_cnn(width, height, depth, filters=(16, 32, 64), regress=False):
    inputs = keras.Input(shape=(height, width, depth))
    x = inputs
    for f in filters:
        x = layers.Conv2D(f, (3, 3), padding="same")(x)
        x = layers.Activation("relu")(x)
        x = layers.BatchNormalization(axis=-1)(x)
        x = layers.MaxPooling2D(pool_size=(2, 2))(x)
    x = layers.Flatten()(x)
    x = layers.Dense(16)(x)
    x = layers.Activation("relu")(x)
    x = layers.BatchNormalization(axis=-1)(x)
    x = layers.Dropout(0.5)(x)
    x = layers.Dense(4)(x)
    x = layers.Activation("relu")(x)
    if regress:
        x = layers.Dense(1, activation="linear")(x)
    return keras.Model(inputs, x)


rng = np.random.default_rng(999)
# bedrooms, bathrooms, area (min-max scaled) + one-hot zip codes
trainAttrX = rng.random((48, 10)).astype("float32")
testAttrX = rng.random((12, 10)).astype("float32")
# 2x2 montage of the four house photos, 64x64
trainImagesX = rng.random((48, 64, 64, 3)).astype("float32")
testImagesX = rng.random((12, 64, 64, 3)).astype("float32")
trainY = rng.uniform(0.1, 1.0, size=48).astype("float32")
testY = rng.uniform(0.1, 1.0, size=12).astype("float32")

mlp = create_mlp(trainAttrX.shape[1], regress=False)
cnn = create_cnn(64, 64, 3, regress=False)
combinedInput = layers.concatenate([mlp.output, cnn.output])
x = layers.Dense(4, activation="relu")(combinedInput)
x = layers.Dense(1, activation="linear")(x)
model = keras.Model(inputs=[mlp.input, cnn.input], outputs=x)

opt = keras.optimizers.Adam(learning_rate=1e-3)
model.compile(loss="mean_absolute_percentage_error", optimizer=opt)
print("[INFO] training model...")
model.fit(x=[trainImagesX, trainAttrX], y=trainY,
          validation_data=([testAttrX, testImagesX], testY), epochs=2, batch_size=8, verbose=0)
preds = model.predict([testAttrX, testImagesX], verbose=0)
print(preds.shape)
