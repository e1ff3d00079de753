import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

# Captcha recogniser in the captcha_trainer style: images are fed
# width-first (batch, width, height, 1) so the width becomes the time axis,
# a CNN5 backbone halves the width four times, a BiLSTM reads the columns
# and CTC aligns the per-column scores with the 6-character labels.
IMAGE_WIDTH, IMAGE_HEIGHT = 70, 26
CHARSET = "0123456789abcdefghijklmnopqrstuvwxyz"
MAX_CAPTCHA_LEN = 6
NUM_CLASSES = len(CHARSET) + 1  # + CTC blank (index 0)
rng = np.random.default_rng(5)

raw = rng.random((48, 60, 160, 1)).astype("float32")  # original 160x60 captchas
images = tf.image.resize(raw, (IMAGE_HEIGHT, IMAGE_WIDTH)).numpy()
images = np.transpose(images, (0, 2, 1, 3))  # width-first layout
labels = rng.integers(1, NUM_CLASSES, size=(48, MAX_CAPTCHA_LEN)).astype("int32")


def cnn5(x):
    x = layers.Conv2D(32, 7, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D(2, strides=1, padding="same")(x)
    for filters, k in [(64, 5), (128, 3), (128, 3), (64, 3)]:
        x = layers.Conv2D(filters, k, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(2, strides=2, padding="same")(x)
    return x


class CTCLayer(layers.Layer):
    def call(self, y_true, y_pred):
        batch = ops.shape(y_pred)[0]
        logit_len = ops.full((batch,), ops.shape(y_pred)[1], dtype="int32")
        label_len = ops.full((batch,), MAX_CAPTCHA_LEN, dtype="int32")
        loss = ops.ctc_loss(y_true, ops.log(y_pred + 1e-7), label_len, logit_len, mask_index=0)
        self.add_loss(ops.mean(loss))
        return y_pred


image_in = keras.Input(shape=(IMAGE_WIDTH, IMAGE_HEIGHT, 1), name="input")
label_in = keras.Input(shape=(MAX_CAPTCHA_LEN,), dtype="int32", name="label")
x = cnn5(image_in)
x = layers.Reshape((-1, x.shape[2] * x.shape[3]))(x)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
probs = layers.Dense(NUM_CLASSES, activation="softmax")(x)
output = CTCLayer()(label_in, probs)
model = keras.Model([image_in, label_in], output)
model.compile(optimizer="adam")

history = model.fit({"input": images, "label": labels}, epochs=2, batch_size=16, verbose=0)
print("time steps per image:", probs.shape[1], "ctc loss:", history.history["loss"])
