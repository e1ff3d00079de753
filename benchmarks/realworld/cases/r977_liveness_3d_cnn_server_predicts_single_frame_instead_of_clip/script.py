import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(977)
FRAMES, IMG = 24, 40


def build_liveness_model():
    model = keras.Sequential([
        keras.Input(shape=(FRAMES, IMG, IMG, 1)),
        layers.Conv3D(8, (3, 3, 3), activation="relu"),
        layers.MaxPooling3D((2, 2, 2)),
        layers.Conv3D(16, (3, 3, 3), activation="relu"),
        layers.MaxPooling3D((2, 2, 2)),
        layers.Flatten(),
        layers.Dense(32, activation="relu"),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


# training clips: live faces move a little between frames, replayed photos do not
def make_clip(live):
    base = rng.uniform(0, 1, size=(IMG, IMG))
    shifts = rng.integers(-2, 3, size=FRAMES) if live else np.zeros(FRAMES, dtype=int)
    return np.stack([np.roll(base, s, axis=1) for s in shifts])[..., None]


labels = rng.integers(0, 2, size=48)
clips = np.stack([make_clip(bool(l)) for l in labels]).astype("float32")
model = build_liveness_model()
model.fit(clips, labels, batch_size=8, epochs=1, verbose=0)


def check_liveness(recent_frames):
    inp = recent_frames[-1].astype("float32") / 255.0
    inp = inp.reshape(1, 1, IMG, IMG, 1)
    pred = model.predict(inp, verbose=0)
    return bool(pred[0, 0] > 0.7)


# frames posted by the client one at a time (grayscale, 0-255)
recent = []
results = []
for i in range(30):
    frame = rng.integers(0, 256, size=(IMG, IMG)).astype("uint8")
    recent.append(frame)
    if len(recent) >= FRAMES:
        results.append(check_liveness(recent))
print("live decisions:", results)
