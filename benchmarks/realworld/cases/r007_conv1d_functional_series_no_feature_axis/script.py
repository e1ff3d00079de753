import numpy as np
from tensorflow.keras.layers import Input, Conv1D, GlobalAveragePooling1D, Dense
from tensorflow.keras.models import Model

# Traffic flow: windows of 30 readings, predict the next reading.
series_input_train = np.random.rand(256, 30).astype("float32")
target_train = np.random.rand(256, 1).astype("float32")

series_input = Input(shape=(series_input_train.shape[1],), name="series_input")
x = Conv1D(filters=32, kernel_size=5, strides=1, padding="causal", activation="relu")(series_input)
x = GlobalAveragePooling1D()(x)
output = Dense(1)(x)
model = Model(inputs=series_input, outputs=output)
model.compile(optimizer="adam", loss="mse")
model.fit(series_input_train, target_train, epochs=1, batch_size=32, verbose=0)
