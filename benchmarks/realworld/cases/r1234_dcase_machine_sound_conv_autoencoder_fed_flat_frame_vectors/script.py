import numpy as np
import keras
from keras import layers

# DCASE 2020 task 2 style anomalous-machine-sound detector: log-mel
# spectrograms are cut into context windows of `frames` consecutive frames
# and an autoencoder learns to reconstruct normal machine sound.
n_mels = 128
frames = 5


def file_to_vector_array(log_mel):
    # baseline feature layout: each row holds `frames` mel frames side by side
    n_vectors = log_mel.shape[1] - frames + 1
    dims = n_mels * frames
    vectors = np.zeros((n_vectors, dims), dtype="float32")
    for t in range(frames):
        vectors[:, n_mels * t: n_mels * (t + 1)] = log_mel[:, t: t + n_vectors].T
    return vectors


def list_to_vector_array(spectrograms):
    return np.concatenate([file_to_vector_array(s) for s in spectrograms], axis=0)


def get_model(n_mels, frames):
    inp = keras.Input(shape=(n_mels, frames, 1))
    h = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
    h = layers.MaxPooling2D((2, 1))(h)
    h = layers.Conv2D(8, 3, padding="same", activation="relu")(h)
    h = layers.MaxPooling2D((2, 1))(h)
    h = layers.Conv2D(8, 3, padding="same", activation="relu")(h)
    h = layers.UpSampling2D((2, 1))(h)
    h = layers.Conv2D(16, 3, padding="same", activation="relu")(h)
    h = layers.UpSampling2D((2, 1))(h)
    out = layers.Conv2D(1, 3, padding="same")(h)
    return keras.Model(inp, out)


rng = np.random.default_rng(0)
normal_clips = [rng.normal(size=(n_mels, 30)).astype("float32") for _ in range(3)]
train_data = list_to_vector_array(normal_clips)
print("train_data", train_data.shape)

model = get_model(n_mels, frames)
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(train_data, train_data, epochs=1, batch_size=16, validation_split=0.1)

errors = np.mean(np.square(train_data - model.predict(train_data, verbose=0)))
print("reconstruction error", errors)
