# AOD-Net (all-in-one dehazing): the K-estimation module concatenates the feature maps of
# its five small convolutions and the clean image is rebuilt as J = K * I - K + 1.
import numpy as np
import tensorflow as tf
import keras

rng = np.random.default_rng(8)
hazy = rng.uniform(0.0, 1.0, size=(16, 64, 64, 3)).astype("float32")
clean = np.clip(hazy * 1.2 - 0.1, 0.0, 1.0).astype("float32")
train_dataset = tf.data.Dataset.from_tensor_slices((hazy, clean)).batch(4)


class AODNet(keras.Model):
    def __init__(self, name, stddev=0.02, weight_decay=1e-4):
        super().__init__(name=name)
        init = keras.initializers.RandomNormal(stddev=stddev)
        reg = keras.regularizers.L2(weight_decay)
        self.conv_layer_1 = keras.layers.Conv2D(3, 1, strides=1, padding="same", activation="relu",
                                                kernel_initializer=init, kernel_regularizer=reg)
        self.conv_layer_2 = keras.layers.Conv2D(3, 1, strides=1, padding="same", activation="relu",
                                                kernel_initializer=init, kernel_regularizer=reg)
        self.conv_layer_3 = keras.layers.Conv2D(3, 5, strides=1, padding="same", activation="relu",
                                                kernel_initializer=init, kernel_regularizer=reg)
        self.conv_layer_4 = keras.layers.Conv2D(3, 7, strides=1, padding="same", activation="relu",
                                                kernel_initializer=init, kernel_regularizer=reg)
        self.conv_layer_5 = keras.layers.Conv2D(3, 3, strides=1, padding="same", activation="relu",
                                                kernel_initializer=init, kernel_regularizer=reg)
        self.relu = keras.layers.ReLU(max_value=1.0)

    def call(self, inputs):
        conv_1 = self.conv_layer_1(inputs)
        conv_2 = self.conv_layer_2(conv_1)
        concat_1 = tf.concat([conv_1, conv_2], axis=-1)
        conv_3 = self.conv_layer_3(concat_1)
        concat_2 = tf.concat([conv_2, conv_3], axis=-1)
        conv_4 = self.conv_layer_4(concat_2)
        concat_3 = tf.concat([conv_1, conv_2, conv_3, conv_4], axis=-1)
        k = self.conv_layer_5(concat_3)
        j = tf.math.multiply(k, inputs) - k + 1.0
        output = self.relu(j)
        return output


def peak_signal_noise_ratio(y_true, y_pred):
    return tf.image.psnr(y_pred, y_true, max_val=255.0)


model = AODNet(name="AODNet", stddev=0.02, weight_decay=1e-4)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-4),
    loss=keras.losses.MeanSquaredError(),
    metrics=[peak_signal_noise_ratio],
)
model.build((1, 64, 64, 3))
model.summary()

history = model.fit(train_dataset, epochs=2, verbose=0)
print("trained")
