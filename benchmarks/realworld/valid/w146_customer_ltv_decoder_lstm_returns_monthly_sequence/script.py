# Monthly spend forecaster in the hybrid Transformer / LSTM style: eight past months of
# behaviour features plus a region embedding go through a small attention encoder, the
# spending trend through an LSTM; their merged summary is repeated for the four months to
# forecast and a sequence-returning decoder LSTM emits one amount per future month.
import numpy as np
import keras
from keras import layers, regularizers

PAST, AHEAD = 8, 4
N_REGIONS = 6
DIM = 12

gen = np.random.default_rng(146)
n = 120
behaviour = gen.normal(size=(n, PAST, 4)).astype("float32")
spend_trend = gen.random((n, PAST, 10)).astype("float32")
region = gen.integers(0, N_REGIONS, size=(n, 1)).astype("int32")
next_months = gen.random((n, AHEAD)).astype("float32")

behaviour_in = layers.Input(shape=(PAST, 4))
trend_in = layers.Input(shape=(PAST, 10))
region_in = layers.Input(shape=(1,), dtype="int32")

region_vec = layers.Flatten()(layers.Embedding(N_REGIONS, DIM)(region_in))
region_seq = layers.RepeatVector(PAST)(region_vec)
h = layers.Concatenate()([layers.Dense(DIM, activation="tanh")(behaviour_in), region_seq])
attended = layers.MultiHeadAttention(num_heads=3, key_dim=8)(h, h)
h = layers.LayerNormalization()(h + attended)
encoded = layers.Dense(1, activation="sigmoid")(layers.GlobalAveragePooling1D()(h))
trend_state = layers.LSTM(32)(trend_in)

summary = layers.Concatenate()([encoded, trend_state])
repeated = layers.RepeatVector(AHEAD)(summary)
decoded = layers.LSTM(32, return_sequences=True,
                      recurrent_regularizer=regularizers.L1L2(l1=1e-5, l2=1e-4))(repeated)
forecast = layers.Dense(1)(decoded)

forecaster = keras.Model([behaviour_in, trend_in, region_in], forecast)
forecaster.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse", metrics=["mae"])
forecaster.fit([behaviour, spend_trend, region], next_months, epochs=2, batch_size=24,
               validation_split=0.2, verbose=0)
preds = forecaster.predict([behaviour[:5], spend_trend[:5], region[:5]], verbose=0)
print(preds.shape, np.squeeze(preds, -1).shape)
