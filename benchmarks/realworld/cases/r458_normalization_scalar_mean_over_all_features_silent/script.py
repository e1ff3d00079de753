# Wine-quality regressor (MLflow quickstart style) with normalization statistics passed to the model.
import numpy as np
import keras

rng = np.random.default_rng(11)
# 11 physico-chemical features on very different scales (acidity ~7, sulfur dioxide ~140, density ~1, ...)
scales = np.array([7.0, 0.3, 0.3, 6.0, 0.05, 35.0, 140.0, 1.0, 3.2, 0.5, 10.5], dtype=np.float32)
train_x = (rng.random((600, 11), dtype=np.float32) + 0.5) * scales
train_y = (train_x @ rng.random(11, dtype=np.float32) / 100.0).astype("float32")
valid_x, valid_y = train_x[:100], train_y[:100]

mean = np.mean(train_x)
var = np.var(train_x)

model = keras.Sequential(
    [
        keras.Input([train_x.shape[1]]),
        keras.layers.Normalization(mean=mean, variance=var),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(1),
    ]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9),
              loss="mean_squared_error", metrics=[keras.metrics.RootMeanSquaredError()])
model.fit(train_x, train_y, validation_data=(valid_x, valid_y), epochs=3, batch_size=64, verbose=0)
print(model.evaluate(valid_x, valid_y, verbose=0))
