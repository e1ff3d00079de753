import numpy as np
from keras.models import Model
from keras.layers import Input, Dense, concatenate

# Two event logs of different lengths with one value per event, to be joined in time.
a = np.random.rand(4, 3, 1).astype("float32")
b = np.random.rand(4, 2, 1).astype("float32")

input1 = Input(shape=(3, 1), name="input1")
input2 = Input(shape=(2, 1), name="input2")
layer1 = Dense(1)(input1)
layer2 = Dense(1)(input2)
merged = concatenate([layer1, layer2])
predictions = Dense(1, activation="sigmoid")(merged)
model = Model(inputs=[input1, input2], outputs=predictions)
print(model.predict([a, b], verbose=0).shape)
