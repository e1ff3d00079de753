import numpy as np
import keras
from keras import layers, ops

# Tabular records (20 features), 5 classes stored as integer ids in a column.
records = np.random.rand(160, 20).astype("float32")
classes = np.random.randint(0, 5, size=(160, 1))
class_weights = ops.convert_to_tensor([1.0, 2.0, 1.0, 3.0, 1.0])


def weighted_crossentropy(y_true, y_pred):
    y_pred = ops.clip(y_pred, 1e-7, 1.0)
    return -ops.sum(y_true * class_weights * ops.log(y_pred), axis=-1)


model = keras.Sequential()
model.add(keras.Input(shape=(20,)))
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(5, activation="softmax"))
model.compile(optimizer="adam", loss=weighted_crossentropy)
model.fit(records, classes, epochs=1, batch_size=16, verbose=0)
