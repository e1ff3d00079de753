# Dogs-vs-cats by transfer learning in two steps: ResNet50 (without its classification
# head) turns each batch of 224x224 photos into features, the features are flattened
# into one row per image, and a logistic-regression head is trained on those rows.
import numpy as np
import keras
from keras import layers
from keras.applications import ResNet50
from keras.applications.resnet50 import preprocess_input

BATCH_SIZE = 8

base = ResNet50(weights=None, include_top=False, input_shape=(224, 224, 3))

rng = np.random.default_rng(1)
photos = rng.integers(0, 256, size=(16, 224, 224, 3)).astype("float32")
is_dog = rng.integers(0, 2, size=16).astype("float32")

all_features = []
for start in range(0, len(photos), BATCH_SIZE):
    batch = preprocess_input(photos[start:start + BATCH_SIZE].copy())
    features = base.predict(batch, batch_size=BATCH_SIZE, verbose=0).reshape((len(batch), 2048))
    all_features.append(features)
train_features = np.vstack(all_features)

head = keras.Sequential([keras.Input(shape=(train_features.shape[1],)),
                         layers.Dense(1, activation="sigmoid")])
head.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
head.fit(train_features, is_dog, epochs=2, verbose=0)
print(head.predict(train_features[:4], verbose=0).ravel())
