import numpy as np
import keras
from keras import layers

# audio features (13 MFCC + 26 log filterbank = 39 per 10 ms frame) and PCA-reduced mouth keypoints (8 per frame)
rng = np.random.default_rng(5)
time_delay, look_back, n_feat, n_pca = 20, 10, 39, 8
mixing = rng.normal(size=(n_feat, n_pca)) / np.sqrt(n_feat)

def fake_clip(n_frames):
    audio = rng.normal(size=(n_frames, n_feat)).astype("float32")
    mouth = np.zeros((n_frames, n_pca), dtype="float32")
    mouth[time_delay:] = np.tanh(audio[:-time_delay] @ mixing)   # the mouth follows the audio
    return audio, mouth

def make_windows(audio, window):
    start = max(time_delay - window, 0)
    return np.array([audio[i:i + window] for i in range(start, len(audio) - window)])

X, y = [], []
for _ in range(6):
    audio, mouth = fake_clip(120)
    windows = make_windows(audio, look_back)
    X.append(windows)
    start = max(time_delay - look_back, 0)
    y.append(np.array([mouth[i + look_back - time_delay] for i in range(start, len(audio) - look_back)]))
X, y = np.concatenate(X), np.concatenate(y)

model = keras.Sequential([
    keras.Input(shape=(look_back, n_feat)),
    layers.LSTM(25),
    layers.Dropout(0.25),
    layers.Dense(n_pca),
])
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X, y, epochs=2, batch_size=32, verbose=0)

# run: new speech -> one mouth shape per audio window
run_look_back = 50
new_audio, _ = fake_clip(200)
run_X = make_windows(new_audio, run_look_back)
mouth_pred = model.predict(run_X, verbose=0)
print("windows:", run_X.shape, "mouth shapes:", mouth_pred.shape)
