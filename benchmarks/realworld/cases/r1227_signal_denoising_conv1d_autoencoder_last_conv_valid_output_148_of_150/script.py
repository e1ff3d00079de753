import numpy as np
import keras
from keras import layers
from keras.constraints import max_norm

# x^2 signals of 150 samples, scaled to [0, 1]; noisy versions as inputs, pure ones as targets
rng = np.random.default_rng(42)
data_length, num_samples = 150, 240
xs = np.linspace(-1, 1, data_length)
scales = rng.uniform(0.3, 1.0, size=(num_samples, 1))
pure = scales * xs[np.newaxis, :] ** 2
noisy = np.clip(pure + rng.normal(0, 0.05, size=pure.shape), 0, 1)

pure_input = pure.reshape((num_samples, data_length, 1)).astype("float32")
noisy_input = noisy.reshape((num_samples, data_length, 1)).astype("float32")
split = int(0.7 * num_samples)
noisy_train, noisy_test = noisy_input[:split], noisy_input[split:]
pure_train, pure_test = pure_input[:split], pure_input[split:]

input_shape = (data_length, 1)
max_norm_value = 2.0
model = keras.Sequential([
    keras.Input(shape=input_shape),
    layers.Conv1D(64, kernel_size=3, kernel_constraint=max_norm(max_norm_value), activation="relu", kernel_initializer="he_uniform"),
    layers.Conv1D(16, kernel_size=3, kernel_constraint=max_norm(max_norm_value), activation="relu", kernel_initializer="he_uniform"),
    layers.Conv1DTranspose(16, kernel_size=3, kernel_constraint=max_norm(max_norm_value), activation="relu", kernel_initializer="he_uniform"),
    layers.Conv1DTranspose(64, kernel_size=3, kernel_constraint=max_norm(max_norm_value), activation="relu", kernel_initializer="he_uniform"),
    layers.Conv1D(1, kernel_size=3, kernel_constraint=max_norm(max_norm_value), activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(noisy_train, pure_train, epochs=2, batch_size=30, validation_split=0.2, verbose=0)

denoised = model.predict(noisy_test[:5], verbose=0)
print("denoised signals:", denoised.shape)
