import io
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
from keras import regularizers

transactions = np.random.rand(200, 29).astype("float32")
buf = io.StringIO()
np.savetxt(buf, np.column_stack([np.arange(200), transactions]), delimiter=",")
buf.seek(0)
X_train = np.loadtxt(buf, delimiter=",").astype("float32")

model = Sequential()
model.add(Dense(units=40, activation="linear", activity_regularizer=regularizers.l1(10e-5), input_dim=29, name="hidden_layer"))
model.add(Dense(units=29, activation="linear"))
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(x=X_train, y=X_train, epochs=1, batch_size=32, verbose=0)
