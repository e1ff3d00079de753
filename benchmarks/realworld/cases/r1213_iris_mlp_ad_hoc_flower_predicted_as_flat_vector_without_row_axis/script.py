import numpy as np
import keras
from keras import layers

# iris-like table: four measurements and the species name per row
rng = np.random.default_rng(11)
centers = {"Iris-setosa": [5.0, 3.4, 1.5, 0.2],
           "Iris-versicolor": [5.9, 2.8, 4.3, 1.3],
           "Iris-virginica": [6.6, 3.0, 5.5, 2.0]}
names, measurements = [], []
for name, c in centers.items():
    for _ in range(40):
        measurements.append(np.array(c) + rng.normal(scale=0.3, size=4))
        names.append(name)

# convert to numpy - classification (species as dummy columns)
x = np.array(measurements, dtype="float32")
species, codes = np.unique(names, return_inverse=True)
y = np.eye(len(species), dtype="float32")[codes]

model = keras.Sequential([
    keras.Input(shape=(x.shape[1],)),
    layers.Dense(50, activation="relu"),
    layers.Dense(25, activation="relu"),
    layers.Dense(y.shape[1], activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x, y, verbose=0, epochs=5)

pred = model.predict(x, verbose=0)
predict_classes = np.argmax(pred, axis=1)
expected_classes = np.argmax(y, axis=1)
print("Accuracy:", np.mean(predict_classes == expected_classes))

# ad hoc prediction of a single flower
sample_flower = np.array([5.0, 3.0, 4.0, 2.0], dtype=float)
pred = model.predict(sample_flower, verbose=0)
pred = np.argmax(pred)
print(f"Predict that {sample_flower} is: {species[pred]}")
