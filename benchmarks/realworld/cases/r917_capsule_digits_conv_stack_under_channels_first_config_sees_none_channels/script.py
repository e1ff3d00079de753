import numpy as np
import keras
from keras import layers, ops

# keep the image layout used by our other models
keras.config.set_image_data_format("channels_first")

rng = np.random.default_rng(2)
n_classes = 10
digits = rng.random((64, 28, 28, 1)).astype("float32")
labels = keras.utils.to_categorical(rng.integers(0, n_classes, 64), n_classes)


def squash(x, axis=-1):
    s2 = ops.sum(ops.square(x), axis=axis, keepdims=True)
    return x * ops.sqrt(s2 + 1e-7) / (0.5 + s2)


class Capsule(layers.Layer):
    def __init__(self, num_capsule, dim_capsule, routings=3, **kwargs):
        super().__init__(**kwargs)
        self.num_capsule = num_capsule
        self.dim_capsule = dim_capsule
        self.routings = routings

    def build(self, input_shape):
        in_dim = input_shape[-1]
        self.W = self.add_weight(shape=(1, in_dim, self.num_capsule * self.dim_capsule),
                                 initializer="glorot_uniform", name="capsule_kernel")

    def call(self, u_vecs):
        u_hat = ops.conv(u_vecs, self.W, strides=1, padding="valid", data_format="channels_last")
        batch = ops.shape(u_vecs)[0]
        n_in = ops.shape(u_vecs)[1]
        u_hat = ops.reshape(u_hat, (batch, n_in, self.num_capsule, self.dim_capsule))
        u_hat = ops.transpose(u_hat, (0, 2, 1, 3))
        b = ops.zeros_like(u_hat[:, :, :, 0])
        for i in range(self.routings):
            c = ops.softmax(b, axis=1)
            o = squash(ops.einsum("bin,binj->bij", c, u_hat))
            if i < self.routings - 1:
                b = b + ops.einsum("bij,binj->bin", o, u_hat)
        return o


input_image = keras.Input(shape=(None, None, 1))
cnn = layers.Conv2D(64, (3, 3), activation="relu")(input_image)
cnn = layers.Conv2D(64, (3, 3), activation="relu")(cnn)
cnn = layers.AveragePooling2D((2, 2))(cnn)
cnn = layers.Conv2D(64, (3, 3), activation="relu")(cnn)
cnn = layers.Reshape((-1, 64))(cnn)
capsule = Capsule(n_classes, 16, 3)(cnn)
output = layers.Lambda(lambda z: ops.sqrt(ops.sum(ops.square(z), axis=2)))(capsule)

model = keras.Model(input_image, output)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(digits, labels, batch_size=16, epochs=1, verbose=0)
print(model.predict(digits[:2], verbose=0).shape)
