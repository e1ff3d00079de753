# Handwriting recognition: a CNN + BiLSTM over word images, trained with a CTC loss endpoint layer.
import numpy as np
import keras
from keras import ops

image_width, image_height = 128, 32
max_len = 8
num_chars = 20  # character ids 1..num_chars, 0 is the CTC blank

rng = np.random.default_rng(7)
images = rng.random((64, image_width, image_height, 1)).astype("float32")
labels = rng.integers(1, num_chars + 1, size=(64, max_len)).astype("int32")


class CTCLayer(keras.layers.Layer):
    def call(self, y_true, y_pred):
        batch_len = ops.shape(y_true)[0]
        input_length = ops.full((batch_len,), ops.shape(y_pred)[1], dtype="int32")
        label_length = ops.full((batch_len,), ops.shape(y_true)[1], dtype="int32")
        loss = ops.ctc_loss(ops.cast(y_true, "int32"), ops.log(y_pred + 1e-7),
                            label_length, input_length, mask_index=0)
        self.add_loss(ops.mean(loss))
        return y_pred


def build_model():
    input_img = keras.Input(shape=(image_width, image_height, 1), name="image")
    label_input = keras.Input(name="label", shape=(None,))

    x = keras.layers.Conv2D(32, (3, 3), activation="relu", padding="same", name="Conv1")(input_img)
    x = keras.layers.MaxPooling2D((2, 2), name="pool1")(x)
    x = keras.layers.Conv2D(128, (3, 3), activation="relu", padding="same", name="Conv2")(x)
    x = keras.layers.MaxPooling2D((2, 2), name="pool2")(x)

    # Two max pools with pool size 2: the feature maps are 4x smaller.
    new_shape = ((image_width // 4), (image_height // 4) * 64)
    x = keras.layers.Reshape(target_shape=new_shape, name="reshape")(x)
    x = keras.layers.Dense(64, activation="relu", name="dense1")(x)
    x = keras.layers.Dropout(0.2)(x)

    x = keras.layers.Bidirectional(keras.layers.LSTM(64, return_sequences=True, dropout=0.25))(x)
    x = keras.layers.Bidirectional(keras.layers.LSTM(32, return_sequences=True, dropout=0.25))(x)
    x = keras.layers.Dense(num_chars + 1, activation="softmax", name="dense2")(x)

    output = CTCLayer(name="ctc_loss")(label_input, x)
    model = keras.Model(inputs=[input_img, label_input], outputs=output, name="handwriting_recognizer")
    model.compile(optimizer=keras.optimizers.Adam())
    return model


model = build_model()
history = model.fit({"image": images, "label": labels}, epochs=1, batch_size=16, verbose=0)
prediction_model = keras.Model(model.get_layer(name="image").output, model.get_layer(name="dense2").output)
print(prediction_model.predict(images[:2], verbose=0).shape)
