import numpy as np
import keras

# Credit-card transactions: 28 PCA features V1..V28, the log amount, and the "Class" column last
rng = np.random.default_rng(0)
raw = rng.normal(size=(600, 30)).astype("float32")
raw[:, -1] = (rng.random(600) < 0.05).astype("float32")
train_df, val_df, test_df = raw[:384], raw[384:480], raw[480:]

# Form np arrays of labels and features.
train_labels = train_df[:, -1].reshape(-1, 1)
val_labels = val_df[:, -1].reshape(-1, 1)
test_labels = test_df[:, -1].reshape(-1, 1)

train_features = np.clip(train_df[:, :-1], -5, 5)
val_features = np.clip(val_df[:, :-1], -5, 5)
test_features = np.clip(test_df, -5, 5)

METRICS = [
    keras.metrics.BinaryCrossentropy(name="cross entropy"),
    keras.metrics.BinaryAccuracy(name="accuracy"),
    keras.metrics.AUC(name="prc", curve="PR"),
]


def make_model(metrics=METRICS, output_bias=None):
    if output_bias is not None:
        output_bias = keras.initializers.Constant(output_bias)
    model = keras.Sequential([
        keras.Input(shape=(train_features.shape[-1],)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(1, activation="sigmoid", bias_initializer=output_bias),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3),
                  loss=keras.losses.BinaryCrossentropy(), metrics=metrics)
    return model


BATCH_SIZE = 64
pos = train_labels.sum()
neg = len(train_labels) - pos
initial_bias = np.log([max(pos, 1) / neg])
model = make_model(output_bias=initial_bias)
model.fit(train_features, train_labels, batch_size=BATCH_SIZE, epochs=1,
          validation_data=(val_features, val_labels), verbose=0)
baseline_results = model.evaluate(test_features, test_labels, batch_size=BATCH_SIZE, verbose=0)
for name, value in zip(model.metrics_names, baseline_results):
    print(name, ": ", value)
