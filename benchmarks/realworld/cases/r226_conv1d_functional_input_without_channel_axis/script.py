import numpy as np
from keras.layers import Input, Conv1D, GlobalMaxPooling1D, Dense
from keras.models import Model

# 1000 samples of a 20-step univariate signal, binary label
x_train = np.random.rand(1000, 20).astype("float32")
y_train = np.random.randint(0, 2, size=(1000, 1))
x_train = x_train.reshape(1000, 20, 1)  # (samples, steps, channels) for Conv1D

input_tensor = Input(shape=(20,))
conv_layer = Conv1D(filters=32, kernel_size=3, activation="relu")(input_tensor)
pooled = GlobalMaxPooling1D()(conv_layer)
output = Dense(1, activation="sigmoid")(pooled)
model = Model(inputs=input_tensor, outputs=output)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, y_train, epochs=1, verbose=0)
