# House-price regression with K-fold validation (4 folds), features standardized, prices in 100k.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(4)
train_data = rng.normal(size=(480, 8)).astype("float32") * 3 + 10
train_targets = (rng.random(480) * 400000 + 50000).astype("float32")

mean = train_data.mean(axis=0)
std = train_data.std(axis=0)
x_train = (train_data - mean) / std
y_train = train_targets / 100000


def get_model():
    model = keras.Sequential([
        layers.Dense(64, activation="relu"),
        layers.Dense(64, activation="relu"),
        layers.Dense(1),
    ])
    model.compile(optimizer="adam", loss="mean_squared_error", metrics=["mean_absolute_error"])
    return model


k = 4
num_val_samples = len(x_train) // k
num_epochs = 3
all_scores = []
for i in range(k):
    fold_x_val = x_train[i * num_val_samples : (i + 1) * num_val_samples]
    fold_y_val = x_train[i * num_val_samples : (i + 1) * num_val_samples]
    fold_x_train = np.concatenate([x_train[: i * num_val_samples], x_train[(i + 1) * num_val_samples :]], axis=0)
    fold_y_train = np.concatenate([y_train[: i * num_val_samples], y_train[(i + 1) * num_val_samples :]], axis=0)
    model = get_model()
    model.fit(fold_x_train, fold_y_train, epochs=num_epochs, batch_size=16, verbose=0)
    val_loss, val_mae = model.evaluate(fold_x_val, fold_y_val, verbose=0)
    all_scores.append(val_mae)
print([round(value, 3) for value in all_scores], round(np.mean(all_scores), 3))
