# Multivariate ridership forecasting: bus and rail riders plus tomorrow's day type -> tomorrow's rail riders.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(15)
n_days = 500
bus = (rng.normal(0.8, 0.1, size=n_days)).astype("float32")
rail = (rng.normal(0.9, 0.1, size=n_days)).astype("float32")
day_type = rng.integers(0, 3, size=n_days)  # "A", "U" or "W" (Saturday, Sunday/holiday, weekday)

# columns: bus, rail, then next_day_type one-hot encoded (like pd.get_dummies)
next_day_type = np.roll(day_type, -1)
mulvar = np.column_stack([bus, rail, np.eye(3, dtype="float32")[next_day_type]])
mulvar_train, mulvar_valid = mulvar[:400], mulvar[400:]

seq_length = 56
train_mulvar_ds = tf.keras.utils.timeseries_dataset_from_array(
    mulvar_train, targets=mulvar_train[seq_length:, 1],
    sequence_length=seq_length, batch_size=32, shuffle=True, seed=42)
valid_mulvar_ds = tf.keras.utils.timeseries_dataset_from_array(
    mulvar_valid, targets=mulvar_valid[seq_length:, 1],
    sequence_length=seq_length, batch_size=32)

tf.random.set_seed(42)
mulvar_model = tf.keras.Sequential([
    tf.keras.layers.SimpleRNN(32, input_shape=[None, 3]),
    tf.keras.layers.Dense(1),
])

opt = tf.keras.optimizers.SGD(learning_rate=0.05, momentum=0.9)
mulvar_model.compile(loss=tf.keras.losses.Huber(), optimizer=opt, metrics=["mae"])
early_stopping_cb = tf.keras.callbacks.EarlyStopping(monitor="val_mae", patience=5, restore_best_weights=True)
history = mulvar_model.fit(train_mulvar_ds, validation_data=valid_mulvar_ds, epochs=3,
                           callbacks=[early_stopping_cb], verbose=0)
valid_loss, valid_mae = mulvar_model.evaluate(valid_mulvar_ds, verbose=0)
print(f"validation MAE: {valid_mae * 1e6:.0f} riders")
