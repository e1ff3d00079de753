import numpy as np
from keras.layers import Input, Conv1D, MaxPooling1D, LSTM, Dense
from keras.models import Model

# 16-channel recordings of 400 steps; every step is labelled 0/1 (event / no event)
rng = np.random.default_rng(8)
n_samples, n_timesteps, n_features = 48, 400, 16
X = rng.normal(size=(n_samples, n_timesteps, n_features)).astype("float32")
energy = np.convolve(np.abs(X).mean(axis=2).ravel(), np.ones(9) / 9, mode="same")
y = (energy.reshape(n_samples, n_timesteps, 1) > 0.82).astype("float32")
print(X.shape, y.shape)  # (48, 400, 16) (48, 400, 1)

input_layer = Input(shape=(n_timesteps, n_features))
conv1 = Conv1D(filters=32, kernel_size=8, strides=1, activation="relu")(input_layer)
pool1 = MaxPooling1D(pool_size=4)(conv1)
lstm1 = LSTM(32)(pool1)
output_layer = Dense(1, activation="sigmoid")(lstm1)
model = Model(inputs=input_layer, outputs=output_layer)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

model.fit(X, y, epochs=2, batch_size=16, verbose=0)
pred = model.predict(X[:2], verbose=0)
print("prediction shape", pred.shape, "labels per recording", y.shape[1:])
