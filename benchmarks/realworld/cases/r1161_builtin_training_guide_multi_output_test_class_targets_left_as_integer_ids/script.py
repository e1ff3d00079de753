import numpy as np
import keras
from keras import layers

image_input = keras.Input(shape=(16, 16, 3), name="img_input")
timeseries_input = keras.Input(shape=(None, 6), name="ts_input")

x1 = layers.Conv2D(8, 3, activation="relu")(image_input)
x1 = layers.GlobalMaxPooling2D()(x1)
x2 = layers.Conv1D(8, 3, activation="relu")(timeseries_input)
x2 = layers.GlobalMaxPooling1D()(x2)
x = layers.concatenate([x1, x2])

score_output = layers.Dense(1, name="score_output")(x)
class_output = layers.Dense(5, activation="softmax", name="class_output")(x)
model = keras.Model(
    inputs=[image_input, timeseries_input], outputs=[score_output, class_output]
)
model.compile(
    optimizer=keras.optimizers.RMSprop(1e-3),
    loss={
        "score_output": keras.losses.MeanSquaredError(),
        "class_output": keras.losses.CategoricalCrossentropy(),
    },
)

rng = np.random.default_rng(8)
img_data = rng.random((120, 16, 16, 3)).astype("float32")
ts_data = rng.random((120, 12, 6)).astype("float32")
score_targets = rng.random((120, 1)).astype("float32")
class_ids = rng.integers(0, 5, size=(120,))
class_targets = keras.utils.to_categorical(class_ids, 5)

model.fit(
    {"img_input": img_data[:80], "ts_input": ts_data[:80]},
    {"score_output": score_targets[:80], "class_output": class_targets[:80]},
    batch_size=16,
    epochs=2,
    verbose=0,
)

# Held-out sensor units: score and class labels read back from the test log.
test_scores = score_targets[80:]
test_classes = class_ids[80:]
results = model.evaluate(
    {"img_input": img_data[80:], "ts_input": ts_data[80:]},
    {"score_output": test_scores, "class_output": test_classes},
    verbose=0,
)
print("test losses:", np.round(results, 4))
