# Bird-call classifier on precomputed 128-bin spectral profiles: one class id
# per recording site folder, ids start at 0, and the softmax head is sized
# from the number of distinct ids.
import numpy as np
import keras
from keras import layers

gen = np.random.default_rng(195)
N_BINS = 128
profiles = gen.normal(size=(150, N_BINS)).astype("float32")
site_ids = gen.integers(0, 5, size=150)
site_ids[:5] = np.arange(5)


def conv_classifier(n_out):
    return keras.Sequential([
        keras.Input(shape=(N_BINS, 1)),
        layers.Conv1D(24, 7, activation="relu"),
        layers.MaxPooling1D(3),
        layers.Conv1D(24, 5, activation="relu"),
        layers.GlobalMaxPooling1D(),
        layers.Dense(n_out, activation="softmax"),
    ])


def fit_classifier(x, ids, epochs=2):
    n_out = len(np.unique(ids))
    clf = conv_classifier(n_out)
    clf.compile(optimizer=keras.optimizers.Adam(0.003),
                loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    clf.fit(x[..., None], ids, batch_size=25, epochs=epochs, verbose=0)
    return clf


clf = fit_classifier(profiles, site_ids)
scores = clf.predict(profiles[:4, :, None], verbose=0)
print("outputs per recording:", scores.shape[1], "top sites:", scores.argmax(axis=1))
