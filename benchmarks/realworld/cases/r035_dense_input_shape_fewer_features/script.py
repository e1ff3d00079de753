from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
import numpy as np

# Sample multivariate input data (3 features)
X = np.random.rand(100, 3)
y = np.random.rand(100, 1)

model = Sequential([
    Dense(10, input_shape=(2,)),
    Dense(1)
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
