# Temporal convolutional network for a per-recording regression target (one real value
# per 119-frame sequence of 68 features), built with a compiled_tcn-style helper: a stack
# of dilated causal residual blocks and a head that is either a softmax classifier
# (sparse categorical cross-entropy) or a linear regressor (MSE).
import numpy as np
import keras
from keras import layers


def compiled_tcn(num_feat, num_classes, nb_filters, kernel_size, dilations, max_len,
                 return_sequences=False, regression=False, output_len=1):
    seq_in = keras.Input(shape=(max_len, num_feat))
    x = layers.Conv1D(nb_filters, 1)(seq_in)
    for rate in dilations:
        h = layers.Conv1D(nb_filters, kernel_size, padding="causal", dilation_rate=rate, activation="relu")(x)
        x = layers.Add()([x, h])
    if not return_sequences:
        x = layers.Lambda(lambda t: t[:, -1, :])(x)
    if not regression:
        x = layers.Dense(num_classes)(x)
        out = layers.Activation("softmax")(x)
        model = keras.Model(seq_in, out)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    else:
        out = layers.Dense(output_len, activation="linear")(x)
        model = keras.Model(seq_in, out)
        model.compile(optimizer="adam", loss="mse")
    return model


rng = np.random.default_rng(26)
train_x = rng.normal(size=(96, 119, 68)).astype("float32")
train_y = rng.random((96, 1)).astype("float32")

model = compiled_tcn(num_feat=68, num_classes=5, nb_filters=24, kernel_size=4, dilations=[1, 2, 4], max_len=119, return_sequences=True)
model.fit(train_x, train_y, batch_size=32, epochs=1, verbose=0)
print(model.predict(train_x[:2], verbose=0).shape)
