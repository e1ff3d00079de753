import numpy as np
import tensorflow as tf
import keras
from keras import layers
from keras.layers import Input, Conv2D, LSTM, Dropout, Dense

# Wearable HAR windows: 128 samples x 6 sensor streams (acc xyz, gyro xyz), 6 activities.
rng = np.random.default_rng(10)
X_train = rng.normal(size=(96, 128, 6)).astype("float32")
Y_train = rng.integers(0, 6, size=(96,))
X_train = np.expand_dims(X_train, 3)


class DimensionAdaptivePooling(layers.Layer):
    """Max-pools a (batch, w, h, M) map of any w, h into a fixed W x H grid of regions."""

    def __init__(self, pooling_parameters, forRNN=False, **kwargs):
        super().__init__(**kwargs)
        self.W, self.H = pooling_parameters
        self.forRNN = forRNN

    def build(self, input_shape):
        self.M = input_shape[3]

    def compute_output_shape(self, input_shape):
        if self.forRNN:
            return (input_shape[0], self.W, self.H * self.M)
        return (input_shape[0], self.W * self.H * self.M)

    def call(self, xp):
        shape = tf.shape(xp)
        wp, hp = tf.cast(shape[1], tf.float32), tf.cast(shape[2], tf.float32)
        regions = []
        for iw in range(self.W):
            r1 = tf.cast(tf.math.floor(iw * wp / self.W), tf.int32)
            r2 = tf.cast(tf.math.ceil((iw + 1) * wp / self.W), tf.int32)
            for ih in range(self.H):
                c1 = tf.cast(tf.math.floor(ih * hp / self.H), tf.int32)
                c2 = tf.maximum(tf.cast(tf.math.ceil((ih + 1) * hp / self.H), tf.int32), c1 + 1)
                regions.append(tf.reduce_max(xp[:, r1:r2, c1:c2, :], axis=(1, 2)))
        zp = tf.concat(regions, axis=-1)
        if self.forRNN:
            return tf.reshape(zp, (shape[0], self.W, self.H * self.M))
        return tf.reshape(zp, (shape[0], self.W * self.H * self.M))


def Classifier(inp_shape, out_shape, pool_list=(4, 6)):
    inp = Input(inp_shape)
    x = Conv2D(16, kernel_size=(5, 1), padding="same", activation="relu")(inp)
    x = Conv2D(16, kernel_size=(5, 1), padding="same", activation="relu")(x)
    x = DimensionAdaptivePooling(pool_list, name="DAP")(x)
    act = LSTM(32, return_sequences=True, activation="tanh", name="lstm_1")(x)
    act = Dropout(0.5)(act)
    act = LSTM(32, activation="tanh", name="lstm_2")(act)
    out_act = Dense(out_shape, activation="softmax")(act)
    return keras.Model(inputs=inp, outputs=out_act)


dana_model = Classifier((None, None, 1), len(np.unique(Y_train)))

# Dimension-adaptive training: each step sees a random sensor subset and sampling rate.
loss_fn = keras.losses.SparseCategoricalCrossentropy()
optimizer = keras.optimizers.Adam()
W_combinations = [32, 64, 128]
H_combinations = [[0, 1, 2], [3, 4, 5], [0, 1, 2, 3, 4, 5]]
for step in range(6):
    idx = rng.choice(len(X_train), 16, replace=False)
    rnd_H = H_combinations[step % 3]
    X = X_train[idx][:, :, rnd_H, :]
    X = tf.image.resize(X, (W_combinations[step % 3], len(rnd_H)))
    with tf.GradientTape() as tape:
        loss = loss_fn(Y_train[idx], dana_model(X, training=True))
    grads = tape.gradient(loss, dana_model.trainable_weights)
    optimizer.apply_gradients(zip(grads, dana_model.trainable_weights))
print("last loss:", float(loss))
