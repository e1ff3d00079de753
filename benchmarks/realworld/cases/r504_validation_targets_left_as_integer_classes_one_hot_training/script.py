# MODNet-style feed-forward classifier of materials (metal / semiconductor / insulator) from featurised compositions.
import numpy as np
import keras
from keras import layers

n_features, n_classes = 64, 3
rng = np.random.default_rng(52)
features = rng.standard_normal((360, n_features)).astype("float32")
classes = rng.integers(0, n_classes, size=360)

train_x, val_x = features[:300], features[300:]
train_y, val_y = classes[:300], classes[300:]

# classification targets are one-hot encoded for training
train_y = keras.utils.to_categorical(train_y, num_classes=n_classes)
validation_data = (val_x, val_y)

model = keras.Sequential([
    keras.Input(shape=(n_features,)),
    layers.Dense(128, activation="elu"),
    layers.Dense(64, activation="elu"),
    layers.Dense(n_classes, activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="categorical_crossentropy", metrics=["accuracy"])
history = model.fit(train_x, train_y, validation_data=validation_data, epochs=3, batch_size=32, verbose=0)
print({k: round(v[-1], 3) for k, v in history.history.items()})
