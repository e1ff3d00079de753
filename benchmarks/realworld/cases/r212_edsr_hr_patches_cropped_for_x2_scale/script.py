import numpy as np
import tensorflow as tf
import keras
from keras import layers

SCALE = 4
lr_crop_size = 24
hr_crop_size = 48

# 8 image pairs: low-resolution patches and the matching high-resolution patches
lowres = np.random.randint(0, 256, size=(8, lr_crop_size, lr_crop_size, 3)).astype("float32")
highres = np.random.randint(0, 256, size=(8, hr_crop_size, hr_crop_size, 3)).astype("float32")


class EDSRModel(keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compute_loss(y=y, y_pred=y_pred)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return {"loss": loss}


def ResBlock(inputs):
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
    x = layers.Conv2D(16, 3, padding="same")(x)
    return layers.Add()([inputs, x])


def Upsampling(inputs, factor=2):
    x = layers.Conv2D(16 * (factor**2), 3, padding="same")(inputs)
    x = layers.Lambda(lambda t: tf.nn.depth_to_space(t, block_size=factor))(x)
    x = layers.Conv2D(16 * (factor**2), 3, padding="same")(x)
    x = layers.Lambda(lambda t: tf.nn.depth_to_space(t, block_size=factor))(x)
    return x


input_layer = layers.Input(shape=(None, None, 3))
x = layers.Rescaling(scale=1.0 / 255)(input_layer)
x = x_new = layers.Conv2D(16, 3, padding="same")(x)
for _ in range(2):
    x_new = ResBlock(x_new)
x_new = layers.Conv2D(16, 3, padding="same")(x_new)
x = layers.Add()([x, x_new])
x = Upsampling(x)
x = layers.Conv2D(3, 3, padding="same")(x)
output_layer = layers.Rescaling(scale=255)(x)
model = EDSRModel(input_layer, output_layer)

model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="mae")
model.fit(lowres, highres, batch_size=4, epochs=1, verbose=0)
