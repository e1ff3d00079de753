import numpy as np
import keras
from keras import layers

# medical-cost style table: age plus three numeric features, yearly cost as target
rng = np.random.default_rng(13)
n = 300
age = rng.uniform(5, 95, size=(n, 1)).astype("float32")
other = rng.normal(size=(n, 3)).astype("float32")
group = np.digitize(age[:, 0], [18.0, 50.0])            # 0: <18, 1: 18-49, 2: 50+
cost = (1.0 + 2.0 * (group == 2) + 0.5 * other[:, 0] + rng.normal(scale=0.1, size=n)).astype("float32")

# ages go into three categories: less than 18, 18 to 50 (not included), 50 or over
age_bins = [18.0, 50.0]
age_input = keras.Input(shape=(1,), name="age")
num_input = keras.Input(shape=(3,), name="numeric")
discretize_layer = layers.Discretization(bin_boundaries=age_bins)
onehot_layer = layers.CategoryEncoding(num_tokens=len(age_bins), output_mode="one_hot")
age_onehot = onehot_layer(discretize_layer(age_input))
norm_layer = layers.Normalization()
norm_layer.adapt(other)
x = layers.Concatenate()([age_onehot, norm_layer(num_input)])
x = layers.Dense(16, activation="relu")(x)
output = layers.Dense(1)(x)
model = keras.Model(inputs=[age_input, num_input], outputs=output)
model.compile(loss="mse", optimizer="adam")

model.fit({"age": age, "numeric": other}, cost, epochs=3, batch_size=32, verbose=0)
new_people = {"age": np.array([[10.0], [37.0], [93.0]], dtype="float32"),
              "numeric": np.zeros((3, 3), dtype="float32")}
print("predicted costs:", model.predict(new_people, verbose=0).ravel())
