import numpy as np
from tensorflow.keras import layers, Model

features = np.random.rand(90, 2, 3).astype("float32")
classes = np.eye(4)[np.random.randint(0, 4, size=90)]

input1 = layers.Input((2, 3))
hidden = layers.Dense(8, activation="relu")(input1)
output = layers.Dense(4, activation="softmax")(hidden)
model = Model(inputs=input1, outputs=output)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(features, classes, epochs=1, batch_size=30, verbose=0)
