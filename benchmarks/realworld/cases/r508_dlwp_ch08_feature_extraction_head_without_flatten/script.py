# Cats vs dogs, fast feature extraction: a small dense classifier trained on features
# precomputed by a frozen VGG16 convolutional base (5 x 5 x 512 maps per image).
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(8)


def get_features_and_labels(n):
    """Stand-in for conv_base.predict(preprocess_input(images)) over a dataset."""
    features = rng.random((n, 5, 5, 512), dtype=np.float32)
    labels = rng.integers(0, 2, size=(n,)).astype("float32")
    return features, labels


train_features, train_labels = get_features_and_labels(160)
val_features, val_labels = get_features_and_labels(48)

inputs = keras.Input(shape=(5, 5, 512))
x = layers.Dense(256)(inputs)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(loss="binary_crossentropy", optimizer="rmsprop", metrics=["accuracy"])

history = model.fit(train_features, train_labels, epochs=2, batch_size=32,
                    validation_data=(val_features, val_labels), verbose=0)
print(history.history["val_accuracy"])
