import numpy as np
from tensorflow.keras.layers import Input, Dense
from tensorflow.keras.models import Model

inp = Input(shape=(1,))
out_1 = Dense(1)(inp)
out_2 = Dense(2)(inp)
model = Model(inp, [out_1, out_2])
model.compile(loss="mean_absolute_error", optimizer="adam")

rng = np.random.default_rng()
in_train = rng.standard_normal((100, 1))
out1_train = rng.standard_normal((100, 1))
out2_train = rng.standard_normal((100, 2))
model.fit(in_train, out1_train, epochs=1, verbose=0)
