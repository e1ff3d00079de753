import numpy as np
import keras
from keras import layers

# toy task: read 5 noisy values, emit their running sums step by step
rng = np.random.default_rng(21)
units = 12
n = 96
src = rng.normal(size=(n, 5, 2)).astype("float32")
tgt = np.cumsum(src[:, :, :1], axis=1)
dec_in = np.concatenate([np.zeros((n, 1, 1), "float32"), tgt[:, :-1, :]], axis=1)

# encoder: forward and backward GRU states joined into one 2 * units state
enc_in = keras.Input(shape=(None, 2), name="source")
_, fwd, bwd = layers.Bidirectional(layers.GRU(units, return_state=True))(enc_in)
enc_state = layers.Concatenate()([fwd, bwd])

# decoder GRU as wide as the joined state
dec_inputs = keras.Input(shape=(None, 1), name="shifted_target")
dec_gru = layers.GRU(2 * units, return_sequences=True, return_state=True)
dec_seq, _ = dec_gru(dec_inputs, initial_state=enc_state)
head = layers.Dense(1)
trainer = keras.Model([enc_in, dec_inputs], head(dec_seq))
trainer.compile(optimizer="adam", loss="mse")
trainer.fit([src, dec_in], tgt, epochs=2, batch_size=24, verbose=0)

# inference pair: the state input has the joined width too
encoder = keras.Model(enc_in, enc_state)
state_in = keras.Input(shape=(2 * units,), name="decoder_state")
step_seq, step_state = dec_gru(dec_inputs, initial_state=state_in)
decoder = keras.Model([dec_inputs, state_in], [head(step_seq), step_state])

state = encoder.predict(src[:2], verbose=0)
token = np.zeros((2, 1, 1), "float32")
outputs = []
for _ in range(5):
    token, state = decoder.predict([token, state], verbose=0)
    outputs.append(token[:, 0, 0])
print("decoded running sums:", np.round(np.stack(outputs, axis=1), 2).shape)
