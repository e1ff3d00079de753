# Rhythm labelling of photoplethysmogram (PPG) recordings with the residual 1-D convnet of an
# ECG arrhythmia model: every residual block subsamples the main path with a strided
# convolution and the shortcut with max pooling, the network takes sequences of any length
# and predicts one rhythm class per STEP samples.
import numpy as np
import keras
from keras import layers

SUBSAMPLE = [2, 1, 2, 1, 2]          # total subsampling 8
STEP = 8
N_RHYTHMS = 4
FILTERS = 16


def bn_relu(t):
    return layers.Activation("relu")(layers.BatchNormalization()(t))


def resnet_block(t, subsample):
    shortcut = layers.MaxPooling1D(pool_size=subsample)(t)
    t = bn_relu(t)
    t = layers.Conv1D(FILTERS, 8, strides=subsample, padding="same")(t)
    t = bn_relu(t)
    t = layers.Conv1D(FILTERS, 8, padding="same")(t)
    return layers.Add()([shortcut, t])


signal = keras.Input(shape=(None, 1))
x = bn_relu(layers.Conv1D(FILTERS, 16, padding="same")(signal))
for sub in SUBSAMPLE:
    x = resnet_block(x, sub)
x = bn_relu(x)
rhythm = layers.TimeDistributed(layers.Dense(N_RHYTHMS, activation="softmax"))(x)
model = keras.Model(signal, rhythm)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])

# 25 s of PPG at 40 Hz plus the closing sample: 1001 samples per segment
rng = np.random.default_rng(25)
ppg = rng.normal(size=(32, 1001, 1)).astype("float32")
n_labels = ppg.shape[1] // STEP
rhythms = keras.utils.to_categorical(rng.integers(0, N_RHYTHMS, size=(32, n_labels)), N_RHYTHMS)
model.fit(ppg, rhythms, batch_size=16, epochs=1, verbose=0)
print(model.predict(ppg[:1], verbose=0).argmax(-1)[0, :10])
