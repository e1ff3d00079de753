import numpy as np
import keras
from keras.applications import VGG16
from keras.layers import Flatten, Dense, Dropout
from keras.models import Model

rng = np.random.default_rng(17)
photos = rng.random((32, 48, 48, 3)).astype("float32")
scores = rng.random((32, 1)).astype("float32")

# weights=None keeps this quick test offline
backbone = VGG16(weights=None, include_top=False, input_shape=(48, 48, 3))
for block in backbone.layers:
    block.trainable = False

features = Flatten()(backbone.output)
features = Dense(64, activation="relu")(features)
features = Dropout(0.2)(features)
features = Dense(16, activation="relu")(features)
score = Dense(1, activation="linear")(features)

regressor = Model(inputs=backbone.input, outputs=score)
regressor.compile(optimizer="adam", loss="mse")
regressor.fit(photos, scores, batch_size=8, epochs=1, verbose=2)
print("predicted scores:", regressor.predict(photos[:2], verbose=0).ravel())
