import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(40,))
features = layers.Dense(128, activation="relu")(inputs)
features = layers.Dropout(0.2)(features)
gate = layers.Dense(64, activation="sigmoid")(inputs)
gated = layers.Multiply()([features, gate])
outputs = layers.Dense(1)(gated)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
print(model.predict(np.random.rand(3, 40), verbose=0).shape)
