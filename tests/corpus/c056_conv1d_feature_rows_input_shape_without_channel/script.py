import numpy as np
import keras
from keras import layers

# 95 extracted features per one-second window; 3 classes.
X = np.random.rand(84, 95).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 3, size=(84,)), 3)

model = keras.Sequential()
model.add(layers.Conv1D(100, 3, activation="relu", input_shape=X.shape[1:]))
model.add(layers.Conv1D(100, 3, activation="relu"))
model.add(layers.MaxPooling1D(3))
model.add(layers.GlobalAveragePooling1D())
model.add(layers.Dense(3, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(X, y, batch_size=7, epochs=1, verbose=0)
