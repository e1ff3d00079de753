import numpy as np
import tensorflow as tf
import keras
from keras import layers

# CIFAR-100-like images and fine labels (100 classes)
NUM_CLASSES = 10
INPUT_SHAPE = (32, 32, 3)
rng = np.random.default_rng(0)
x_train = rng.integers(0, 256, size=(64, 32, 32, 3)).astype("float32")
y_train = rng.integers(0, 100, size=(64, 1))

IMAGE_SIZE = 32
PATCH_SIZE = 8
NUM_PATCHES = (IMAGE_SIZE // PATCH_SIZE) ** 2
PROJECTION_DIM = 32
NUM_HEADS = 2
TRANSFORMER_UNITS = [PROJECTION_DIM * 2, PROJECTION_DIM]
TRANSFORMER_LAYERS = 2
MLP_HEAD_UNITS = [64, 32]


class ShiftedPatchTokenization(layers.Layer):
    def __init__(self, image_size=IMAGE_SIZE, patch_size=PATCH_SIZE, num_patches=NUM_PATCHES,
                 projection_dim=PROJECTION_DIM, **kwargs):
        super().__init__(**kwargs)
        self.image_size = image_size
        self.patch_size = patch_size
        self.half_patch = patch_size // 2
        self.flatten_patches = layers.Reshape((num_patches, -1))
        self.projection = layers.Dense(units=projection_dim)
        self.layer_norm = layers.LayerNormalization(epsilon=1e-6)

    def crop_shift_pad(self, images, dx, dy):
        shifted = tf.roll(images, shift=(dy * self.half_patch, dx * self.half_patch), axis=(1, 2))
        return shifted

    def call(self, images):
        images = tf.concat([images, self.crop_shift_pad(images, -1, -1), self.crop_shift_pad(images, 1, -1),
                            self.crop_shift_pad(images, -1, 1), self.crop_shift_pad(images, 1, 1)], axis=-1)
        patches = tf.image.extract_patches(images=images, sizes=[1, self.patch_size, self.patch_size, 1],
                                           strides=[1, self.patch_size, self.patch_size, 1], rates=[1, 1, 1, 1],
                                           padding="VALID")
        flat_patches = self.flatten_patches(patches)
        tokens = self.layer_norm(flat_patches)
        return self.projection(tokens)


class PatchEncoder(layers.Layer):
    def __init__(self, num_patches=NUM_PATCHES, projection_dim=PROJECTION_DIM, **kwargs):
        super().__init__(**kwargs)
        self.num_patches = num_patches
        self.position_embedding = layers.Embedding(input_dim=num_patches, output_dim=projection_dim)

    def call(self, encoded_patches):
        positions = tf.range(start=0, limit=self.num_patches, delta=1)
        return encoded_patches + self.position_embedding(positions)


def mlp(x, hidden_units, dropout_rate):
    for units in hidden_units:
        x = layers.Dense(units, activation="gelu")(x)
        x = layers.Dropout(dropout_rate)(x)
    return x


def create_vit_classifier():
    inputs = layers.Input(shape=INPUT_SHAPE)
    augmented = layers.Rescaling(1.0 / 255)(inputs)
    tokens = ShiftedPatchTokenization()(augmented)
    encoded_patches = PatchEncoder()(tokens)
    for _ in range(TRANSFORMER_LAYERS):
        x1 = layers.LayerNormalization(epsilon=1e-6)(encoded_patches)
        attention_output = layers.MultiHeadAttention(num_heads=NUM_HEADS, key_dim=PROJECTION_DIM, dropout=0.1)(x1, x1)
        x2 = layers.Add()([attention_output, encoded_patches])
        x3 = layers.LayerNormalization(epsilon=1e-6)(x2)
        x3 = mlp(x3, hidden_units=TRANSFORMER_UNITS, dropout_rate=0.1)
        encoded_patches = layers.Add()([x3, x2])
    representation = layers.LayerNormalization(epsilon=1e-6)(encoded_patches)
    representation = layers.Flatten()(representation)
    representation = layers.Dropout(0.5)(representation)
    features = mlp(representation, hidden_units=MLP_HEAD_UNITS, dropout_rate=0.5)
    logits = layers.Dense(NUM_CLASSES)(features)
    return keras.Model(inputs=inputs, outputs=logits)


model = create_vit_classifier()
model.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")])
model.fit(x=x_train, y=y_train, batch_size=16, epochs=1, verbose=0)
