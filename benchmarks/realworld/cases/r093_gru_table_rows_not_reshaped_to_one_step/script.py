import numpy as np
from tensorflow.keras import regularizers
from tensorflow.keras.layers import GRU, Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.optimizers import Adam

# 1,000 rows, 12 input columns, one value to predict per row
x = np.random.rand(1000, 12).astype("float32")
y = np.random.rand(1000).astype("float32")
X_train = x
y_train = y

model = Sequential()
model.add(GRU(units=70, return_sequences=True, input_shape=(1, 12),
              activity_regularizer=regularizers.l2(0.0001)))
model.add(GRU(units=50, return_sequences=True, dropout=0.1))
model.add(GRU(units=30, dropout=0.1))
model.add(Dense(units=5))
model.add(Dense(units=3))
model.add(Dense(units=1, activation="relu"))
model.compile(loss=["mae"], optimizer=Adam(learning_rate=0.0001), metrics=["mse"])
history = model.fit(X_train, y_train, batch_size=100, epochs=1, validation_split=0.1, verbose=0)
