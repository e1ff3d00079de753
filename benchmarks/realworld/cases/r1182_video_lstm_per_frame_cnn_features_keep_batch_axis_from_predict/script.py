import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

seq_length, n_classes, img_size = 8, 3, 32
rng = np.random.default_rng(17)

# stand-in for the pretrained CNN (InceptionV3 with pooling='avg'): one feature vector per frame
cnn = keras.Sequential([keras.Input((img_size, img_size, 3)), layers.Conv2D(16, 3, strides=2, activation="relu"),
                        layers.Conv2D(32, 3, strides=2, activation="relu"), layers.GlobalAveragePooling2D()])
feature_size = cnn.output_shape[-1]


def extract(frame):
    x = np.expand_dims(frame, axis=0)
    features = cnn.predict_on_batch(x)
    return features


# extract a sequence of per-frame features for every clip
videos = rng.uniform(0, 1, size=(30, seq_length, img_size, img_size, 3)).astype("float32")
labels = rng.integers(0, n_classes, size=30)
X = np.array([[extract(frame) for frame in clip] for clip in videos])
y = to_categorical(labels, n_classes)

model = keras.Sequential([
    keras.Input(shape=(seq_length, feature_size)),
    layers.LSTM(64, dropout=0.5),
    layers.Dense(32, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(n_classes, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, batch_size=10, epochs=2, verbose=0)
print("features:", X.shape, "predicted:", model.predict(X[:4], verbose=0).argmax(axis=1))
