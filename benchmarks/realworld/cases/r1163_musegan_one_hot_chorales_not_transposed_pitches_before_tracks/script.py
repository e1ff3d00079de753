import numpy as np
import tensorflow as tf
import keras
from keras import layers

N_SONGS, N_BARS, N_STEPS_PER_BAR, N_TRACKS, N_PITCHES, Z_DIM = 32, 2, 16, 4, 84, 16

# toy chorales: one pitch per track and 16th step, one-hot over 84 pitches in {-1, 1}
rng = np.random.default_rng(2)
two_bars = rng.integers(36, N_PITCHES, size=(N_SONGS, N_BARS, N_STEPS_PER_BAR, N_TRACKS))
data_binary = np.eye(N_PITCHES)[two_bars]
data_binary[data_binary == 0] = -1
data_binary = data_binary.astype("float32")

def BarGenerator():
    inp = keras.Input(shape=(Z_DIM * 3,))
    x = layers.Reshape((2, 1, 64))(layers.Dense(128, activation="relu")(inp))
    for f, k in [(64, (2, 1)), (32, (2, 1)), (32, (2, 1)), (32, (1, 7))]:
        x = layers.Conv2DTranspose(f, k, strides=k, padding="same", activation="relu")(x)
    x = layers.Conv2DTranspose(1, (1, 12), strides=(1, 12), padding="same", activation="tanh")(x)
    return keras.Model(inp, layers.Reshape((1, N_STEPS_PER_BAR, N_PITCHES, 1))(x))

chords_in, style_in, melody_in = keras.Input((Z_DIM,)), keras.Input((Z_DIM,)), keras.Input((N_TRACKS, Z_DIM))
x = layers.Conv2DTranspose(64, (2, 1), activation="relu")(layers.Reshape((1, 1, Z_DIM))(chords_in))
chords_over_time = layers.Reshape((N_BARS, Z_DIM))(layers.Conv2DTranspose(Z_DIM, (N_BARS - 1, 1))(x))
bar_gens = [BarGenerator() for _ in range(N_TRACKS)]
bars = []
for b in range(N_BARS):
    c = layers.Lambda(lambda v, b=b: v[:, b])(chords_over_time)
    tracks = [bar_gens[t](layers.Concatenate()([c, style_in, layers.Lambda(lambda m, t=t: m[:, t])(melody_in)]))
              for t in range(N_TRACKS)]
    bars.append(layers.Concatenate(axis=-1)(tracks))
generator = keras.Model([chords_in, style_in, melody_in], layers.Concatenate(axis=1)(bars))

x = critic_in = keras.Input(shape=(N_BARS, N_STEPS_PER_BAR, N_PITCHES, N_TRACKS))
for f, k, s, p in [(32, (2, 1, 1), 1, "valid"), (32, (1, 1, 12), (1, 1, 12), "same"), (32, (1, 1, 7), (1, 1, 7), "same"),
                   (64, (1, 2, 1), (1, 2, 1), "same"), (64, (1, 4, 1), (1, 4, 1), "same")]:
    x = layers.LeakyReLU()(layers.Conv3D(f, k, strides=s, padding=p)(x))
critic = keras.Model(critic_in, layers.Dense(1)(layers.Flatten()(x)))

class MuseGAN(keras.Model):
    def __init__(self, critic, generator, gp_weight=10.0):
        super().__init__()
        self.critic, self.generator, self.gp_weight = critic, generator, gp_weight
        self.c_optimizer, self.g_optimizer = [keras.optimizers.Adam(1e-3, beta_1=0.5, beta_2=0.9) for _ in "cg"]

    def noise(self, n):
        return [tf.random.normal((n, Z_DIM)), tf.random.normal((n, Z_DIM)), tf.random.normal((n, N_TRACKS, Z_DIM))]

    def train_step(self, real):
        n = tf.shape(real)[0]
        with tf.GradientTape() as tape:
            fake = self.generator(self.noise(n), training=True)
            interp = real + tf.random.uniform((n, 1, 1, 1, 1)) * (fake - real)
            with tf.GradientTape() as gp_tape:
                gp_tape.watch(interp)
                pred = self.critic(interp, training=True)
            norm = tf.sqrt(tf.reduce_sum(tf.square(gp_tape.gradient(pred, interp)), axis=[1, 2, 3, 4]))
            c_loss = (tf.reduce_mean(self.critic(fake, training=True)) - tf.reduce_mean(self.critic(real, training=True))
                      + self.gp_weight * tf.reduce_mean((norm - 1.0) ** 2))
        self.c_optimizer.apply_gradients(zip(tape.gradient(c_loss, self.critic.trainable_variables), self.critic.trainable_variables))
        with tf.GradientTape() as tape:
            g_loss = -tf.reduce_mean(self.critic(self.generator(self.noise(n), training=True), training=True))
        self.g_optimizer.apply_gradients(zip(tape.gradient(g_loss, self.generator.trainable_variables), self.generator.trainable_variables))
        return {"c_loss": c_loss, "g_loss": g_loss}

musegan = MuseGAN(critic, generator)
musegan.compile()
history = musegan.fit(data_binary, batch_size=16, epochs=1, verbose=0)
print(history.history["c_loss"])
