import numpy as np
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Input, LSTM, Dense, Concatenate

timesteps, dynamic_features, static_features = 14, 3, 5
X_dynamic = np.random.rand(120, timesteps, dynamic_features).astype("float32")
X_static = np.random.rand(120, static_features).astype("float32")
y = np.random.rand(120, 1).astype("float32")

dynamic_input = Input(shape=(timesteps, dynamic_features))
x = LSTM(64, return_sequences=True)(dynamic_input)
static_input = Input(shape=(static_features,))
combined = Concatenate()([x, static_input])
output = Dense(1)(combined)
model = Model(inputs=[dynamic_input, static_input], outputs=output)
model.compile(optimizer="adam", loss="mse")
model.fit([X_dynamic, X_static], y, epochs=1, batch_size=32, verbose=0)
