# Fraud detection on imbalanced data (TensorFlow "Classification on imbalanced data"
# style): standardized and clipped transaction features, a small Dense/Dropout model
# with one sigmoid output whose bias starts at log(pos / neg), precision/recall/AUC
# metrics and class weights.
import numpy as np
import keras

rng = np.random.default_rng(2)
n_rows, n_feats = 3000, 29
features = rng.normal(size=(n_rows, n_feats)).astype("float32")
labels = (features[:, 3] + 0.5 * features[:, 7] > 2.6).astype("float32")

split = 2400
train_features, val_features = features[:split], features[split:]
train_labels, val_labels = labels[:split], labels[split:]
mean, std = train_features.mean(axis=0), train_features.std(axis=0)
train_features = np.clip((train_features - mean) / std, -5, 5)
val_features = np.clip((val_features - mean) / std, -5, 5)

neg, pos = np.bincount(train_labels.astype(int))
initial_bias = np.log([pos / neg])

METRICS = [
    keras.metrics.BinaryAccuracy(name="accuracy"),
    keras.metrics.Precision(name="precision"),
    keras.metrics.Recall(name="recall"),
    keras.metrics.AUC(name="auc"),
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
                  loss=keras.losses.CategoricalCrossentropy(),
                  metrics=metrics)
    return model


total = neg + pos
class_weight = {0: (1 / neg) * (total / 2.0), 1: (1 / pos) * (total / 2.0)}
weighted_model = make_model(output_bias=initial_bias)
history = weighted_model.fit(train_features, train_labels, batch_size=256, epochs=5,
                             validation_data=(val_features, val_labels),
                             class_weight=class_weight, verbose=0)
print({k: round(v[-1], 4) for k, v in history.history.items()})
