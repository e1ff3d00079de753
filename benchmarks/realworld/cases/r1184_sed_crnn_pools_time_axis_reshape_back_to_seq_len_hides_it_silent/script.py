import numpy as np
import keras
from keras import layers

# log mel-band energies, split into sequences of seq_len frames; one multi-label target per frame
seq_len, nb_mel, nb_ch, nb_classes = 64, 40, 1, 6
rng = np.random.default_rng(23)
Y = (rng.uniform(size=(48, seq_len, nb_classes)) < 0.15).astype("float32")
band_of_class = rng.integers(0, nb_mel, size=nb_classes)
X = rng.normal(scale=0.3, size=(48, seq_len, nb_mel, nb_ch)).astype("float32")
for c in range(nb_classes):
    X[:, :, band_of_class[c], 0] += 2.0 * Y[:, :, c]

cnn_nb_filt = 16
cnn_pool_size = [5, 2, 2]   # max-pooling across frequency, one entry per CNN layer
rnn_nb, fc_nb, dropout_rate = [32, 32], [32], 0.3

spec_start = keras.Input(shape=(seq_len, nb_mel, nb_ch))
spec_x = spec_start
for pool in cnn_pool_size:
    spec_x = layers.Conv2D(cnn_nb_filt, (3, 3), padding="same")(spec_x)
    spec_x = layers.BatchNormalization()(spec_x)
    spec_x = layers.Activation("relu")(spec_x)
    spec_x = layers.MaxPooling2D(pool_size=(pool, 1))(spec_x)
    spec_x = layers.Dropout(dropout_rate)(spec_x)
spec_x = layers.Reshape((seq_len, -1))(spec_x)
for units in rnn_nb:
    spec_x = layers.Bidirectional(layers.GRU(units, return_sequences=True), merge_mode="mul")(spec_x)
for units in fc_nb:
    spec_x = layers.TimeDistributed(layers.Dense(units))(spec_x)
    spec_x = layers.Dropout(dropout_rate)(spec_x)
out = layers.Activation("sigmoid", name="strong_out")(layers.TimeDistributed(layers.Dense(nb_classes))(spec_x))
model = keras.Model(spec_start, out)
model.compile(optimizer="adam", loss="binary_crossentropy")

model.fit(X[:40], Y[:40], batch_size=8, validation_data=(X[40:], Y[40:]), epochs=2, verbose=0)
pred = model.predict(X[40:], verbose=0) > 0.5
print("frame-level predictions:", pred.shape, "active frames:", int(pred.sum()))
