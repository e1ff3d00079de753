import numpy as np
from keras.layers import Input, Conv2D, Dense
from keras.models import Model

x = np.random.rand(40, 20, 20, 3).astype("float32")
y = np.eye(10)[np.random.randint(0, 10, size=40)]

input_layer = Input(shape=(20, 20, 3))
h = Conv2D(32, (3, 3), activation="relu")(input_layer)
h = Dense(256, activation="relu")(h)
out = Dense(10, activation="softmax")(h)
model = Model(input_layer, out)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, epochs=1, batch_size=8, verbose=0)
