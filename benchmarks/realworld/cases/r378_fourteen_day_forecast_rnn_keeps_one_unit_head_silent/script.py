# Forecast the next 14 days of rail ridership from 56-day windows of 5
# features with one SimpleRNN, after Hands-On Machine Learning (3rd ed.),
# chapter 15 ("Forecasting Several Time Steps Ahead").
import numpy as np
import tensorflow as tf

seq_length = 56
rng = np.random.default_rng(7)
# stand-in for the scaled multivariate ridership series (5 columns, rail = 1)
mulvar_train = rng.random((400, 5)).astype("float32")
mulvar_valid = rng.random((150, 5)).astype("float32")


def split_inputs_and_targets(mulvar_series, ahead=14, target_col=1):
    return mulvar_series[:, :-ahead], mulvar_series[:, -ahead:, target_col]


ahead_train_ds = tf.keras.utils.timeseries_dataset_from_array(
    mulvar_train,
    targets=None,
    sequence_length=seq_length + 14,
    batch_size=32,
    shuffle=True,
    seed=42
).map(split_inputs_and_targets)
ahead_valid_ds = tf.keras.utils.timeseries_dataset_from_array(
    mulvar_valid,
    targets=None,
    sequence_length=seq_length + 14,
    batch_size=32
).map(split_inputs_and_targets)

ahead_model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=[None, 5]),
    tf.keras.layers.SimpleRNN(32),
    tf.keras.layers.Dense(1)
])


def fit_and_evaluate(model, train_set, valid_set, learning_rate, epochs=3):
    opt = tf.keras.optimizers.SGD(learning_rate=learning_rate, momentum=0.9)
    model.compile(loss=tf.keras.losses.Huber(), optimizer=opt, metrics=["mae"])
    history = model.fit(train_set, validation_data=valid_set, epochs=epochs)
    valid_loss, valid_mae = model.evaluate(valid_set)
    return valid_mae * 1e6


print(fit_and_evaluate(ahead_model, ahead_train_ds, ahead_valid_ds,
                       learning_rate=0.02))
X = mulvar_valid[np.newaxis, :seq_length]  # shape [1, 56, 5]
Y_pred = ahead_model.predict(X)
print(Y_pred.shape)
