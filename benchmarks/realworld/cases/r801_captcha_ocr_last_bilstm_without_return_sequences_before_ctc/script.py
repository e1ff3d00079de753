# Captcha reader in the CRNN + CTC style: two conv/pool stages, the feature map is
# reshaped to one feature vector per image column, two bidirectional LSTMs read the
# columns, a softmax gives per-column character scores and a CTC layer adds the loss.
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

chars = list("2345678bcdefgnmpwxy")
n_codes, code_len = 48, 5
img_width, img_height = 96, 32
gen = np.random.default_rng(801)
pictures = gen.random((n_codes, img_width, img_height, 1)).astype("float32")
codes = gen.integers(1, len(chars) + 1, size=(n_codes, code_len)).astype("int64")


class CTCLoss(layers.Layer):
    def call(self, y_true, y_pred):
        batch = ops.shape(y_true)[0]
        steps = ops.shape(y_pred)[1]
        logits = ops.log(ops.transpose(y_pred, axes=[1, 0, 2]) + 1e-7)
        loss = tf.nn.ctc_loss(
            labels=ops.cast(y_true, "int32"),
            logits=logits,
            label_length=ops.full((batch,), code_len, dtype="int32"),
            logit_length=ops.full((batch,), steps, dtype="int32"),
            logits_time_major=True,
            blank_index=0,
        )
        self.add_loss(ops.mean(loss))
        return y_pred


def build_reader():
    image = layers.Input(shape=(img_width, img_height, 1), name="image", dtype="float32")
    label = layers.Input(name="label", shape=(None,), dtype="float32")
    t = layers.Conv2D(32, (3, 3), activation="relu", kernel_initializer="he_normal",
                      padding="same")(image)
    t = layers.MaxPooling2D((2, 2))(t)
    t = layers.Conv2D(64, (3, 3), activation="relu", kernel_initializer="he_normal",
                      padding="same")(t)
    t = layers.MaxPooling2D((2, 2))(t)
    t = layers.Reshape(target_shape=((img_width // 4), (img_height // 4) * 64))(t)
    t = layers.Dense(64, activation="relu")(t)
    t = layers.Dropout(0.2)(t)
    t = layers.Bidirectional(layers.LSTM(128, return_sequences=True, dropout=0.25))(t)
    t = layers.Bidirectional(layers.LSTM(64, dropout=0.25))(t)
    t = layers.Dense(len(chars) + 1, activation="softmax", name="dense2")(t)
    out = CTCLoss(name="ctc_loss")(label, t)
    return keras.Model(inputs=[image, label], outputs=out, name="ocr_reader")


reader = build_reader()
reader.compile(optimizer=keras.optimizers.Adam())
reader.fit({"image": pictures, "label": codes.astype("float32")}, batch_size=16, epochs=1, verbose=0)
print(reader.predict({"image": pictures[:2], "label": codes[:2].astype("float32")}, verbose=0).shape)
