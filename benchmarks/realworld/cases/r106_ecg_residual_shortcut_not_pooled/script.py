import numpy as np
from keras.layers import Input, Conv1D, BatchNormalization, Activation, MaxPooling1D, Dropout, add
from keras.layers import GlobalAveragePooling1D, Dense
from keras.models import Model

signals = np.random.randn(32, 256, 1).astype("float32")
labels = np.random.randint(0, 4, size=(32,))

inp = Input(shape=(256, 1))
x = Conv1D(32, 16, padding="same")(inp)
x = BatchNormalization()(x)
x = Activation("relu")(x)
shortcut = x
x1 = Conv1D(32, 16, padding="same")(x)
x1 = BatchNormalization()(x1)
x1 = Activation("relu")(x1)
x1 = Dropout(0.2)(x1)
x1 = Conv1D(32, 16, padding="same")(x1)
x1 = MaxPooling1D(pool_size=2, strides=2)(x1)
x = add([x1, shortcut])
x = GlobalAveragePooling1D()(x)
out = Dense(4, activation="softmax")(x)
model = Model(inp, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(signals, labels, epochs=1, batch_size=8, verbose=0)
