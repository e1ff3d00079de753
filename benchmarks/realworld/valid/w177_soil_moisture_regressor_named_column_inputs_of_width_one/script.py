import numpy as np
import tensorflow as tf
import keras
from keras import layers

SENSOR_COLUMNS = ["temperature", "humidity", "rainfall", "wind", "clay_ratio", "sand_ratio", "ndvi"]

gen = np.random.default_rng(177)
n_rows = 240
table = {name: gen.normal(0.0, 1.0, size=n_rows).astype("float32") for name in SENSOR_COLUMNS}
moisture = (0.6 * table["rainfall"] - 0.3 * table["temperature"] + gen.normal(0, 0.1, n_rows)).astype("float32")

full = tf.data.Dataset.from_tensor_slices((table, moisture))
train_ds = full.take(200).shuffle(200).batch(25)
val_ds = full.skip(200).batch(25)

column_inputs = {
    name: keras.Input(name=name, shape=(1,), dtype="float32") for name in SENSOR_COLUMNS
}
stacked = layers.Concatenate()([column_inputs[name] for name in sorted(column_inputs)])
h = layers.BatchNormalization()(stacked)
for width in (12, 6):
    h = layers.Dense(width, activation="sigmoid")(h)
estimate = layers.Dense(1)(h)
regressor = keras.Model(inputs=column_inputs, outputs=estimate)

regressor.compile(optimizer=keras.optimizers.RMSprop(0.005), loss="mse",
                  metrics=[keras.metrics.RootMeanSquaredError()])
regressor.fit(train_ds, validation_data=val_ds, epochs=2, verbose=0)
_, val_rmse = regressor.evaluate(val_ds, verbose=0)
batch_features, batch_targets = next(iter(val_ds))
print("val rmse", round(float(val_rmse), 3), "preds", regressor(batch_features).shape)
