import numpy as np
import keras
from keras import layers

# Spam filter ported from an SVM: labels are -1 (ham) / +1 (spam).
rng = np.random.default_rng(11)
features = rng.random((128, 30)).astype("float32")
is_spam = rng.choice([-1.0, 1.0], size=(128, 1)).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(30,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(features, is_spam, epochs=1, batch_size=32, verbose=0)
