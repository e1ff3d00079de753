# Tiny NeRF (keras-io "3D volumetric rendering with NeRF" style, valid version): 3-D sample points
# along camera rays are positionally encoded (the raw xyz plus sin/cos at several
# frequencies), an MLP with a skip connection predicts RGB + density per point, and
# a volume-rendering train_step compares the rendered pixels with the images.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

H = W = 8
N_SAMPLES = 6
ENC_FREQS = 16
BATCH = 2
rng = np.random.default_rng(7)


def positional_encoding(points):
    feats = [points]
    for k in range(ENC_FREQS):
        for fn in (tf.sin, tf.cos):
            feats.append(fn(2.0 ** k * points))
    return tf.concat(feats, axis=-1)


def sample_rays(origins, directions):
    t_vals = tf.linspace(2.0, 6.0, N_SAMPLES)
    pts = origins[..., None, :] + directions[..., None, :] * t_vals[..., None]
    flat = tf.reshape(pts, [-1, 3])
    return positional_encoding(flat), t_vals


def build_radiance_mlp(depth, n_points):
    point_in = keras.Input(shape=(n_points, 2 * 3 * ENC_FREQS + 3))
    h = point_in
    for i in range(depth):
        h = layers.Dense(32, activation="relu")(h)
        if i % 4 == 0 and i > 0:
            h = layers.concatenate([h, point_in], axis=-1)
    rgb_sigma = layers.Dense(4)(h)
    return keras.Model(point_in, rgb_sigma)


def render(mlp, rays_flat, t_vals):
    raw = mlp(rays_flat)
    raw = tf.reshape(raw, (-1, H, W, N_SAMPLES, 4))
    rgb = tf.sigmoid(raw[..., :-1])
    sigma = tf.nn.relu(raw[..., -1])
    delta = t_vals[1:] - t_vals[:-1]
    delta = tf.concat([delta, [1e10]], axis=-1)
    alpha = 1.0 - tf.exp(-sigma * delta)
    trans = tf.math.cumprod(1.0 - alpha + 1e-10, axis=-1, exclusive=True)
    weights = alpha * trans
    return tf.reduce_sum(weights[..., None] * rgb, axis=-2)


class RayRenderer(keras.Model):
    def __init__(self, mlp):
        super().__init__()
        self.mlp = mlp
        self.loss_tracker = keras.metrics.Mean(name="loss")

    def train_step(self, data):
        images, (rays_flat, t_vals) = data
        with tf.GradientTape() as tape:
            pixels = render(self.mlp, rays_flat, t_vals[0])
            loss = tf.reduce_mean(tf.square(images - pixels))
        grads = tape.gradient(loss, self.mlp.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.mlp.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}

    @property
    def metrics(self):
        return [self.loss_tracker]


n_views = 4
images = rng.random((n_views, H, W, 3)).astype("float32")
origins = rng.normal(size=(n_views, H, W, 3)).astype("float32")
directions = rng.normal(size=(n_views, H, W, 3)).astype("float32")
ray_ds = tf.data.Dataset.from_tensor_slices((origins, directions)).map(sample_rays)
train_ds = tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(images), ray_ds)).batch(BATCH)

mlp = build_radiance_mlp(depth=8, n_points=H * W * N_SAMPLES)
renderer = RayRenderer(mlp)
renderer.compile(optimizer=keras.optimizers.Adam(1e-3))
history = renderer.fit(train_ds, epochs=2, verbose=0)
print(history.history["loss"])
