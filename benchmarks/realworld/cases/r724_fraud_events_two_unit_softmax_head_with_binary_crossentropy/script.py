# Payment-card fraud detection on per-transaction engineered features (moving sums and
# counts per terminal, lagged fraud rates, calendar features): a tf.data pipeline that
# resamples the rare fraud class, batches and splits each record into a feature dict and
# a 0/1 label, and a small feed-forward classifier with one Input per feature.
import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(31)
n_tx = 600
feature_names = []
for days in [7, 14, 28]:
    feature_names += [f"sum_transactions_{days}_days", f"count_transactions_{days}_days",
                      f"count_fraud_transactions_{days}_days", f"rate_fraud_transactions_{days}_days"]
feature_names += ["calendar_hour", "calendar_day_of_week"]

records = {name: rng.normal(size=n_tx).astype("float32") for name in feature_names}
records["TX_FRAUD"] = (rng.random(n_tx) < 0.1).astype("int64")
fraud_rate = float(records["TX_FRAUD"].mean())


def split_features_and_label(example):
    features = {k: example[k] for k in feature_names}
    label = tf.cast(example["TX_FRAUD"], tf.int32)
    return features, label


target_rate = 0.2
batch_size = 32
unbatched = tf.data.Dataset.from_tensor_slices(records)
train_ds = (
    unbatched.shuffle(1000)
    .rejection_resample(class_func=lambda r: tf.cast(r["TX_FRAUD"], tf.int32),
                        target_dist=[1 - target_rate, target_rate],
                        initial_dist=[1 - fraud_rate, fraud_rate], seed=3)
    .map(lambda _, r: r)
    .take(320)
    .batch(batch_size)
    .map(split_features_and_label)
)
valid_ds = unbatched.take(160).batch(batch_size).map(split_features_and_label)

inputs = [keras.Input(shape=(1,), name=name) for name in feature_names]
x = keras.layers.concatenate(inputs)
x = keras.layers.Dense(32, activation="sigmoid")(x)
x = keras.layers.Dense(16, activation="sigmoid")(x)
fraud_prob = keras.layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=fraud_prob)

model.compile(optimizer=keras.optimizers.Adam(0.01), loss=keras.losses.BinaryCrossentropy(),
              metrics=[keras.metrics.AUC()])
model.fit(train_ds, validation_data=valid_ds, epochs=2, verbose=0)
print(model.evaluate(valid_ds, verbose=0))
