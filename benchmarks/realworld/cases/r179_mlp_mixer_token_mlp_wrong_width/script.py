import numpy as np
import keras
from keras import layers, ops

image_size = 32
patch_size = 8
num_patches = (image_size // patch_size) ** 2
embedding_dim = 32


class Patches(layers.Layer):
    def __init__(self, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.patch_size = patch_size

    def call(self, x):
        patches = keras.ops.image.extract_patches(x, self.patch_size)
        batch_size = ops.shape(patches)[0]
        num_patches = ops.shape(patches)[1] * ops.shape(patches)[2]
        patch_dim = ops.shape(patches)[3]
        return ops.reshape(patches, (batch_size, num_patches, patch_dim))


class MLPMixerLayer(layers.Layer):
    def __init__(self, num_patches, hidden_units, dropout_rate, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mlp1 = keras.Sequential([layers.Dense(units=num_patches, activation="gelu"), layers.Dense(units=hidden_units), layers.Dropout(rate=dropout_rate)])
        self.mlp2 = keras.Sequential([layers.Dense(units=num_patches, activation="gelu"), layers.Dense(units=hidden_units), layers.Dropout(rate=dropout_rate)])
        self.normalize = layers.LayerNormalization(epsilon=1e-6)

    def call(self, inputs):
        x = self.normalize(inputs)
        x_channels = ops.transpose(x, axes=(0, 2, 1))
        mlp1_outputs = self.mlp1(x_channels)
        mlp1_outputs = ops.transpose(mlp1_outputs, axes=(0, 2, 1))
        x = mlp1_outputs + inputs
        x_patches = self.normalize(x)
        mlp2_outputs = self.mlp2(x_patches)
        return x + mlp2_outputs


inputs = layers.Input(shape=(image_size, image_size, 3))
patches = Patches(patch_size)(inputs)
x = layers.Dense(units=embedding_dim)(patches)
x = MLPMixerLayer(num_patches, embedding_dim, 0.2)(x)
representation = layers.GlobalAveragePooling1D()(x)
logits = layers.Dense(10)(representation)
model = keras.Model(inputs=inputs, outputs=logits)
model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
model.fit(np.random.rand(16, 32, 32, 3).astype("float32"), np.random.randint(0, 10, size=(16, 1)), batch_size=8, epochs=1, verbose=0)
