# Customer lifetime value forecasting with a hybrid Transformer / LSTM model: six months
# of temporal features (plus a repeated country embedding) go through transformer
# encoder blocks, six months of trend features through an LSTM; the merged summary is
# repeated over the six future months and decoded by an LSTM into one amount per month.
import numpy as np
import keras
from keras import layers, regularizers

IN_LEN, OUT_LEN = 6, 6
N_COUNTRIES = 5
D_MODEL = 8

rng = np.random.default_rng(26)
n_seq = 150
temporal = rng.normal(size=(n_seq, IN_LEN, 5)).astype("float32")
trend = rng.random((n_seq, IN_LEN, 12)).astype("float32")
country = rng.integers(1, N_COUNTRIES, size=(n_seq, 1)).astype("int32")
future_amounts = rng.random((n_seq, OUT_LEN)).astype("float32")   # scaled monthly spend


def encoder_block(x, heads=4, hidden=16):
    attn = layers.MultiHeadAttention(num_heads=heads, key_dim=x.shape[-1] // heads)(x, x)
    x = layers.LayerNormalization(epsilon=1e-5)(x + attn)
    ff = layers.Dense(hidden, activation="relu")(x)
    ff = layers.Dense(x.shape[-1])(ff)
    return layers.LayerNormalization(epsilon=1e-5)(x + ff)


temporal_in = layers.Input(shape=(IN_LEN, 5), name="temporal_inputs")
trend_in = layers.Input(shape=(IN_LEN, 12), name="trend_inputs")
country_in = layers.Input(shape=(1,), dtype="int32", name="country_inputs")

country_vec = layers.Flatten()(layers.Embedding(N_COUNTRIES, D_MODEL)(country_in))
country_seq = layers.RepeatVector(IN_LEN)(country_vec)
projected = layers.Dense(D_MODEL, activation="tanh")(temporal_in)
h = layers.Concatenate()([projected, country_seq])
for _ in range(2):
    h = encoder_block(h)
transformer_summary = layers.Dense(1, activation="sigmoid")(layers.GlobalAveragePooling1D()(h))
trend_summary = layers.LSTM(64)(trend_in)

merged = layers.Concatenate()([transformer_summary, trend_summary])
decoder_in = layers.RepeatVector(OUT_LEN)(merged)
decoded = layers.LSTM(64, recurrent_regularizer=regularizers.L1L2(l1=1e-5, l2=1e-4))(decoder_in)
monthly_value = layers.Dense(1, activation="linear")(decoded)

ltv_model = keras.Model([temporal_in, trend_in, country_in], monthly_value)
ltv_model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse", metrics=["mae"])

split = 120
ltv_model.fit([temporal[:split], trend[:split], country[:split]], future_amounts[:split],
              validation_data=([temporal[split:], trend[split:], country[split:]], future_amounts[split:]),
              epochs=2, batch_size=30, verbose=0)
print(ltv_model.evaluate([temporal[split:], trend[split:], country[split:]], future_amounts[split:], verbose=0))
