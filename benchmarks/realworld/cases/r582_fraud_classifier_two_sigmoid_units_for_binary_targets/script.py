# Credit-card fraud detector on a heavily imbalanced table: standardised features,
# a Dense stack, binary cross-entropy and class weights.
import numpy as np
import keras

rng = np.random.default_rng(8)
features = rng.normal(size=(3000, 30)).astype("float32")
targets = (rng.random(size=(3000, 1)) < 0.03).astype("uint8")

num_val_samples = int(len(features) * 0.2)
train_features = features[:-num_val_samples]
train_targets = targets[:-num_val_samples]
val_features = features[-num_val_samples:]
val_targets = targets[-num_val_samples:]

counts = np.bincount(train_targets[:, 0])
weight_for_0 = 1.0 / counts[0]
weight_for_1 = 1.0 / counts[1]

mean = np.mean(train_features, axis=0)
train_features -= mean
val_features -= mean
std = np.std(train_features, axis=0)
train_features /= std
val_features /= std

model = keras.Sequential(
    [
        keras.Input(shape=train_features.shape[1:]),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(2, activation="sigmoid"),
    ]
)

metrics = [
    keras.metrics.FalseNegatives(name="fn"),
    keras.metrics.FalsePositives(name="fp"),
    keras.metrics.Precision(name="precision"),
    keras.metrics.Recall(name="recall"),
]
model.compile(optimizer=keras.optimizers.Adam(1e-2), loss="binary_crossentropy", metrics=metrics)

class_weight = {0: weight_for_0, 1: weight_for_1}
model.fit(
    train_features,
    train_targets,
    batch_size=256,
    epochs=2,
    verbose=0,
    validation_data=(val_features, val_targets),
    class_weight=class_weight,
)
print(model.evaluate(val_features, val_targets, verbose=0))
