# Daily ridership forecasting with a deep RNN: three stacked SimpleRNN layers over 56-day windows.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(15)
rail = (0.9 + 0.1 * np.sin(np.arange(600) * 2 * np.pi / 7) + rng.normal(0, 0.05, 600)).astype("float32")
rail_train, rail_valid = rail[:480], rail[480:]

seq_length = 56
train_ds = tf.keras.utils.timeseries_dataset_from_array(
    rail_train, targets=rail_train[seq_length:], sequence_length=seq_length,
    batch_size=32, shuffle=True, seed=42)
valid_ds = tf.keras.utils.timeseries_dataset_from_array(
    rail_valid, targets=rail_valid[seq_length:], sequence_length=seq_length, batch_size=32)

tf.random.set_seed(42)
deep_model = tf.keras.Sequential([
    tf.keras.layers.SimpleRNN(32, return_sequences=True, input_shape=[None, 1]),
    tf.keras.layers.SimpleRNN(32),
    tf.keras.layers.SimpleRNN(32),
    tf.keras.layers.Dense(1),
])

opt = tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)
deep_model.compile(loss=tf.keras.losses.Huber(), optimizer=opt, metrics=["mae"])
deep_model.fit(train_ds, epochs=2, validation_data=valid_ds, verbose=0)
valid_loss, valid_mae = deep_model.evaluate(valid_ds, verbose=0)
print(f"validation MAE: {valid_mae:.4f}")
