# ERP detection (target / non-target EEG epochs) with a reduced EEG-Inception network: 1 s at 128 Hz, 8 channels.
import numpy as np
import keras
from keras import layers
from keras.constraints import max_norm


def one_hot_labels(labels):
    n_classes = int(labels.max()) + 1
    return np.eye(n_classes, dtype="float32")[labels.astype(int)]


def eeg_inception(input_time=1000, fs=128, ncha=8, filters_per_branch=4, scales_time=(500, 250, 125),
                  dropout_rate=0.25, activation="elu", n_classes=2, learning_rate=0.001):
    input_samples = int(input_time * fs / 1000)
    scales_samples = [int(s * fs / 1000) for s in scales_time]
    input_layer = keras.Input((input_samples, ncha, 1))

    units = []
    for scale in scales_samples:
        unit = layers.Conv2D(filters_per_branch, (scale, 1), kernel_initializer="he_normal", padding="same")(input_layer)
        unit = layers.BatchNormalization()(unit)
        unit = layers.Activation(activation)(unit)
        unit = layers.DepthwiseConv2D((1, ncha), use_bias=False, depth_multiplier=2,
                                      depthwise_constraint=max_norm(1.0))(unit)
        unit = layers.Activation(activation)(unit)
        units.append(layers.Dropout(dropout_rate)(unit))
    b1_out = layers.AveragePooling2D((4, 1))(layers.concatenate(units, axis=3))

    b3 = layers.Conv2D(int(filters_per_branch * len(scales_samples) / 2), (8, 1), use_bias=False, padding="same")(b1_out)
    b3 = layers.Activation(activation)(layers.BatchNormalization()(b3))
    b3 = layers.Dropout(dropout_rate)(layers.AveragePooling2D((4, 1))(b3))

    output_layer = layers.Dense(n_classes, activation="softmax")(layers.Flatten()(b3))
    model = keras.Model(inputs=input_layer, outputs=output_layer)
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  metrics=["accuracy"])
    return model


rng = np.random.default_rng(2)
features = rng.normal(size=(300, 128, 8)).astype("float32")
erp_labels = rng.integers(0, 2, size=300)

# Reshape epochs for EEG-Inception
features = features.reshape((features.shape[0], features.shape[1], features.shape[2], 1))
# One hot encoding of labels
train_erp_labels = one_hot_labels(erp_labels)

model = eeg_inception()
early_stopping = keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=0.0001, mode="min", patience=10,
                                               restore_best_weights=True)
fit_hist = model.fit(features, erp_labels, epochs=2, batch_size=64, validation_split=0.2,
                     callbacks=[early_stopping], verbose=0)
print(fit_hist.history["val_accuracy"])
