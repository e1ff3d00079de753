import numpy as np
from keras.layers import Input, Dense
from keras.models import Model

# three sensor series; predict the next 5 values of series 0 and of series 1
# from the past 7 values of all three series
rng = np.random.default_rng(11)
series = np.cumsum(rng.normal(size=(400, 3)), axis=0).astype("float32")
past, ahead = 7, 5
x, y1, y2 = [], [], []
for i in range(len(series) - past - ahead):
    x.append(series[i:i + past])
    y1.append(series[i + past:i + past + ahead, 0])
    y2.append(series[i + past:i + past + ahead, 1])
x, y1, y2 = np.array(x), np.array(y1), np.array(y2)
print(x.shape, y1.shape, y2.shape)  # (388, 7, 3) (388, 5) (388, 5)

inputs = Input(shape=(7, 3))  # 7 past steps and variables
m = Dense(64, activation="linear")(inputs)
m = Dense(64, activation="linear")(m)
outputA = Dense(1, activation="linear")(m)
outputB = Dense(1, activation="linear")(m)

model = Model(inputs=[inputs], outputs=[outputA, outputB])
model.compile(optimizer="adam", loss="mae")
model.fit(x, [y1, y2], epochs=2, batch_size=32, verbose=0)
print(model.predict(x[:1], verbose=0)[0].shape)
