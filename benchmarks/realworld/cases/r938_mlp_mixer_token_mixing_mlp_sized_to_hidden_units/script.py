import numpy as np
import keras
from keras import layers, ops

num_classes = 10
input_shape = (32, 32, 3)
image_size = 32
patch_size = 8
num_patches = (image_size // patch_size) ** 2
hidden_units = 32
num_mixers = 2
dropout_rate = 0.2

rng = np.random.default_rng(2)
x_train = rng.random((64, *input_shape)).astype("float32")
y_train = rng.integers(0, num_classes, size=(64, 1))


def create_mlp(hidden_units, dropout_rate):
    return keras.Sequential([
        layers.Dense(units=hidden_units, activation="gelu"),
        layers.Dense(units=hidden_units),
        layers.Dropout(rate=dropout_rate),
    ])


class Patches(layers.Layer):
    def __init__(self, patch_size, num_patches):
        super().__init__()
        self.patch_size = patch_size
        self.num_patches = num_patches

    def call(self, images):
        batch_size = ops.shape(images)[0]
        patches = ops.image.extract_patches(images, size=self.patch_size)
        patch_dims = patches.shape[-1]
        return ops.reshape(patches, (batch_size, self.num_patches, patch_dims))


class MLPMixerLayer(layers.Layer):
    def __init__(self, num_patches, hidden_units, dropout_rate=0.2, **kwargs):
        super().__init__(**kwargs)
        self.mlp1 = create_mlp(hidden_units, dropout_rate)
        self.mlp2 = create_mlp(hidden_units, dropout_rate)
        self.normalize = layers.LayerNormalization(epsilon=1e-6)

    def call(self, inputs):
        x = self.normalize(inputs)
        # [batch, num_patches, hidden_units] -> [batch, hidden_units, num_patches]
        x_channels = ops.transpose(x, (0, 2, 1))
        mlp1_outputs = self.mlp1(x_channels)
        mlp1_outputs = ops.transpose(mlp1_outputs, (0, 2, 1))
        x = mlp1_outputs + inputs
        x_patches = self.normalize(x)
        mlp2_outputs = self.mlp2(x_patches)
        return x + mlp2_outputs


def create_mlpmixer_classifier():
    inputs = layers.Input(shape=input_shape)
    patches = Patches(patch_size, num_patches)(inputs)
    x = layers.Dense(units=hidden_units)(patches)
    for _ in range(num_mixers):
        x = MLPMixerLayer(num_patches, hidden_units, dropout_rate)(x)
    representation = layers.GlobalAveragePooling1D()(x)
    representation = layers.Dropout(rate=dropout_rate)(representation)
    logits = layers.Dense(num_classes)(representation)
    return keras.Model(inputs=inputs, outputs=logits)


model = create_mlpmixer_classifier()
model.compile(
    optimizer=keras.optimizers.AdamW(learning_rate=0.005, weight_decay=0.0001),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=[keras.metrics.SparseCategoricalAccuracy(name="acc")],
)
model.fit(x_train, y_train, batch_size=16, epochs=1, validation_split=0.25, verbose=0)
print(model.evaluate(x_train, y_train, verbose=0))
