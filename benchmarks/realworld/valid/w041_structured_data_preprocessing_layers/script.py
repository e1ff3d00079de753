import numpy as np
import keras
from keras import layers

n = 120
age = np.random.randint(20, 80, size=(n, 1)).astype("float32")
thal = np.random.randint(0, 3, size=(n, 1))
chol = np.random.rand(n, 1).astype("float32") * 300
target = np.random.randint(0, 2, size=(n, 1))

age_input = keras.Input(shape=(1,), name="age")
thal_input = keras.Input(shape=(1,), name="thal", dtype="int64")
chol_input = keras.Input(shape=(1,), name="chol")
age_norm = layers.Normalization()
age_norm.adapt(age)
chol_norm = layers.Normalization()
chol_norm.adapt(chol)
thal_lookup = layers.IntegerLookup(output_mode="one_hot")
thal_lookup.adapt(thal)
all_features = layers.concatenate([age_norm(age_input), chol_norm(chol_input), thal_lookup(thal_input)])
x = layers.Dense(32, activation="relu")(all_features)
x = layers.Dropout(0.5)(x)
output = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model([age_input, thal_input, chol_input], output)
model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
model.fit({"age": age, "thal": thal, "chol": chol}, target, epochs=1, batch_size=32, verbose=0)
