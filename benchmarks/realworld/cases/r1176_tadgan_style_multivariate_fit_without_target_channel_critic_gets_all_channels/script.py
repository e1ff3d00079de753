import numpy as np
import keras
from keras import layers, ops

window, n_channels, latent_dim, batch_size = 32, 5, 8, 16
rng = np.random.default_rng(9)
t = np.arange(1200)
signal = np.stack([np.sin(t / (10 + 3 * c)) + 0.1 * rng.normal(size=t.size) for c in range(n_channels)], axis=1)
X = np.stack([signal[i:i + window] for i in range(0, len(signal) - window, 4)]).astype("float32")


def wasserstein_loss(y_true, y_pred):
    return ops.mean(y_true * y_pred)


encoder = keras.Sequential([keras.Input((window, n_channels)), layers.Bidirectional(layers.LSTM(16)),
                            layers.Dense(latent_dim)], name="encoder")
generator = keras.Sequential([keras.Input((latent_dim,)), layers.Dense(window), layers.Reshape((window, 1)),
                              layers.Bidirectional(layers.LSTM(16, return_sequences=True)),
                              layers.TimeDistributed(layers.Dense(1, activation="tanh"))], name="generator")
critic_x = keras.Sequential([keras.Input((window, 1)), layers.Conv1D(16, 5), layers.LeakyReLU(0.2),
                             layers.Flatten(), layers.Dense(1)], name="critic_x")

# critic model: scores real target windows against windows generated from noise
x_in, z_in = keras.Input((window, 1)), keras.Input((latent_dim,))
generator.trainable = False
critic_x_model = keras.Model([x_in, z_in], [critic_x(x_in), critic_x(generator(z_in))])
critic_x_model.compile(optimizer=keras.optimizers.Adam(5e-4), loss=[wasserstein_loss, wasserstein_loss])

# encoder-generator model: fools the critic and reconstructs the target channel
generator.trainable, critic_x.trainable = True, False
seq_in, z_in2 = keras.Input((window, n_channels)), keras.Input((latent_dim,))
encoder_generator_model = keras.Model([seq_in, z_in2], [critic_x(generator(z_in2)), generator(encoder(seq_in))])
encoder_generator_model.compile(optimizer=keras.optimizers.Adam(5e-4), loss=[wasserstein_loss, "mse"])


def fit(X, y=None, epochs=1):
    if y is None:
        y = X.copy()  # reconstruct the input itself
    valid = -np.ones((batch_size, 1), dtype="float32")
    fake = np.ones((batch_size, 1), dtype="float32")
    for epoch in range(epochs):
        for start in range(0, len(X) - batch_size + 1, batch_size):
            x_batch, y_batch = X[start:start + batch_size], y[start:start + batch_size]
            z = rng.normal(size=(batch_size, latent_dim)).astype("float32")
            cx_loss = critic_x_model.train_on_batch([y_batch, z], [valid, fake])
            eg_loss = encoder_generator_model.train_on_batch([x_batch, z], [valid, y_batch])
        print(f"epoch {epoch + 1}: critic_x {cx_loss[0]:.3f}, encoder-generator {eg_loss[0]:.3f}")


fit(X)
reconstruction = generator.predict(encoder.predict(X, verbose=0), verbose=0)
print(reconstruction.shape)
