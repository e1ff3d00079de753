import numpy as np
import keras
from keras import layers, ops

N_PITCHES, N_VELOCITIES, SEQ_LEN, MODEL_DIM, N_HEADS, KEY_DIM, FF_DIM = 30, 8, 20, 48, 3, 16, 64

# toy piano rolls: a pitch id and a velocity bucket per event, next-event targets
rng = np.random.default_rng(41)
pitches = rng.integers(1, N_PITCHES, size=(96, SEQ_LEN + 1))
velocities = (pitches % (N_VELOCITIES - 1)) + 1
inputs_train = (pitches[:, :-1], velocities[:, :-1])
targets_train = (pitches[:, 1:], velocities[:, 1:])


class EventEmbedding(layers.Layer):
    def __init__(self, vocab_size, dim, **kwargs):
        super().__init__(**kwargs)
        self.dim = dim
        self.tokens = layers.Embedding(vocab_size, dim)

    def call(self, ids):
        steps = ops.cast(ops.arange(ops.shape(ids)[1]), "float32")[:, None]
        rates = ops.exp(-ops.log(10000.0) * ops.cast(ops.arange(0, self.dim, 2), "float32") / self.dim)
        return self.tokens(ids) + ops.concatenate([ops.sin(steps * rates), ops.cos(steps * rates)], axis=-1)


class CausalBlock(layers.Layer):
    def __init__(self, dim, heads, key_dim, ff_dim, **kwargs):
        super().__init__(**kwargs)
        self.mha = layers.MultiHeadAttention(heads, key_dim, output_shape=dim)
        self.norm1, self.norm2 = layers.LayerNormalization(), layers.LayerNormalization()
        self.ff = keras.Sequential([layers.Dense(ff_dim, activation="relu"), layers.Dense(dim)])

    def call(self, x):
        x = self.norm1(x + self.mha(x, x, use_causal_mask=True))
        return self.norm2(x + self.ff(x))


pitch_in = keras.Input(shape=(None,), dtype="int32")
velocity_in = keras.Input(shape=(None,), dtype="int32")
x = layers.Concatenate()([EventEmbedding(N_PITCHES, MODEL_DIM // 2)(pitch_in),
                          EventEmbedding(N_VELOCITIES, MODEL_DIM // 2)(velocity_in)])
for _ in range(2):
    x = CausalBlock(MODEL_DIM, N_HEADS, KEY_DIM, FF_DIM)(x)
pitch_out = layers.Dense(N_PITCHES, activation="softmax", name="pitch")(x)
velocity_out = layers.Dense(N_VELOCITIES, activation="softmax", name="velocity")(x)
model = keras.Model([pitch_in, velocity_in], [pitch_out, velocity_out])
model.compile("adam", loss=["sparse_categorical_crossentropy", "sparse_categorical_crossentropy"])
model.fit(inputs_train, targets_train, batch_size=24, epochs=2, verbose=0)

# continue a 5-event prompt by one event
p, v = model.predict((pitches[:1, :5], velocities[:1, :5]), verbose=0)
print(int(np.argmax(p[0, -1])), int(np.argmax(v[0, -1])))
