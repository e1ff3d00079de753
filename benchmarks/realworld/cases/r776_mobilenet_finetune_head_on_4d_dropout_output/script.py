# Fine-tuning a MobileNet on a two-class plant-disease photo set: the ImageNet classifier
# at the end of the network is cut off by taking the output of an earlier layer, the first
# 25 layers are frozen and a new softmax layer with one unit per class is attached.
import numpy as np
import keras
from keras import layers

CLASSES = ["healthy", "rust"]
base = keras.applications.MobileNet(weights=None, input_shape=(96, 96, 3), alpha=0.25)

for layer in base.layers[:25]:
    layer.trainable = False
features = base.layers[-4].output          # drop conv_preds, reshape and the softmax
predictions = layers.Dense(len(CLASSES), activation="softmax")(features)
fine_tuned = keras.Model(base.input, predictions)
fine_tuned.compile(optimizer=keras.optimizers.Adam(1e-4),
                   loss="categorical_crossentropy", metrics=["accuracy"])

rng = np.random.default_rng(8301)
photos = rng.random((24, 96, 96, 3)).astype("float32")
labels = keras.utils.to_categorical(rng.integers(0, len(CLASSES), size=24), len(CLASSES))
fine_tuned.fit(photos, labels, batch_size=8, epochs=1, verbose=0)
print(fine_tuned.predict(photos[:2], verbose=0))
