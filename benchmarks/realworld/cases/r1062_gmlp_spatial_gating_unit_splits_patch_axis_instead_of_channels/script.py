import numpy as np
import keras
from keras import layers, ops

num_classes = 10
input_shape = (32, 32, 3)
image_size = 32
patch_size = 4
num_patches = (image_size // patch_size) ** 2
embedding_dim = 32
num_blocks = 2
dropout_rate = 0.2


class Patches(layers.Layer):
    def __init__(self, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.patch_size = patch_size

    def call(self, x):
        patches = ops.image.extract_patches(x, self.patch_size)
        batch_size = ops.shape(patches)[0]
        num_patches = ops.shape(patches)[1] * ops.shape(patches)[2]
        patch_dim = ops.shape(patches)[3]
        return ops.reshape(patches, (batch_size, num_patches, patch_dim))


class gMLPLayer(layers.Layer):
    def __init__(self, num_patches, embedding_dim, dropout_rate, **kwargs):
        super().__init__(**kwargs)
        self.channel_projection1 = keras.Sequential(
            [
                layers.Dense(units=embedding_dim * 2, activation="gelu"),
                layers.Dropout(rate=dropout_rate),
            ]
        )
        self.channel_projection2 = layers.Dense(units=embedding_dim)
        self.spatial_projection = layers.Dense(units=num_patches, bias_initializer="Ones")
        self.normalize1 = layers.LayerNormalization(epsilon=1e-6)
        self.normalize2 = layers.LayerNormalization(epsilon=1e-6)

    def spatial_gating_unit(self, x):
        u, v = ops.split(x, indices_or_sections=2, axis=1)
        v = self.normalize2(v)
        v_channels = ops.transpose(v, axes=(0, 2, 1))
        v_projected = self.spatial_projection(v_channels)
        v_projected = ops.transpose(v_projected, axes=(0, 2, 1))
        return u * v_projected

    def call(self, inputs):
        x = self.normalize1(inputs)
        x_projected = self.channel_projection1(x)
        x_spatial = self.spatial_gating_unit(x_projected)
        x_projected = self.channel_projection2(x_spatial)
        return x + x_projected


def build_classifier(blocks):
    inputs = layers.Input(shape=input_shape)
    augmented = layers.Rescaling(1.0 / 255)(inputs)
    patches = Patches(patch_size)(augmented)
    x = layers.Dense(units=embedding_dim)(patches)
    x = blocks(x)
    representation = layers.GlobalAveragePooling1D()(x)
    representation = layers.Dropout(rate=dropout_rate)(representation)
    logits = layers.Dense(num_classes)(representation)
    return keras.Model(inputs=inputs, outputs=logits)


gmlp_blocks = keras.Sequential(
    [gMLPLayer(num_patches, embedding_dim, dropout_rate) for _ in range(num_blocks)]
)
gmlp_classifier = build_classifier(gmlp_blocks)

rng = np.random.default_rng(5)
x_train = rng.integers(0, 256, size=(96, 32, 32, 3)).astype("float32")
y_train = rng.integers(0, num_classes, size=(96, 1))
gmlp_classifier.compile(
    optimizer=keras.optimizers.AdamW(learning_rate=0.003, weight_decay=0.0001),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=[keras.metrics.SparseCategoricalAccuracy(name="acc")],
)
gmlp_classifier.fit(x_train, y_train, batch_size=32, epochs=1, validation_split=0.1, verbose=0)
print("trained")
