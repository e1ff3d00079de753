# Two-input, two-output functional model: an image and a timeseries feed a
# regression "score" head and a 5-class "class" head, compiled with one loss per output.
import numpy as np
import keras
from keras import layers

image_input = keras.Input(shape=(32, 32, 3), name="img_input")
timeseries_input = keras.Input(shape=(None, 10), name="ts_input")

x1 = layers.Conv2D(3, 3)(image_input)
x1 = layers.GlobalMaxPooling2D()(x1)
x2 = layers.Conv1D(3, 3)(timeseries_input)
x2 = layers.GlobalMaxPooling1D()(x2)
x = layers.concatenate([x1, x2])

score_output = layers.Dense(1, name="score_output")(x)
class_output = layers.Dense(5, name="class_output")(x)

model = keras.Model(inputs=[image_input, timeseries_input], outputs=[score_output, class_output])

model.compile(
    optimizer=keras.optimizers.RMSprop(1e-3),
    loss=[keras.losses.MeanSquaredError(), keras.losses.CategoricalCrossentropy(from_logits=True)],
)

rng = np.random.default_rng(17)
img_data = rng.random(size=(96, 32, 32, 3))
ts_data = rng.random(size=(96, 20, 10))
score_targets = rng.random(size=(96, 1))
class_targets = keras.utils.to_categorical(rng.integers(0, 5, size=96), 5)

model.fit([img_data, ts_data], [class_targets, score_targets], batch_size=32, epochs=1, verbose=0)
print("trained")
