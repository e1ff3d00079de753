import numpy as np
import keras
from keras import layers, ops

INPUT_SHAPE = (8, 16, 16, 1)
NUM_CLASSES = 4
PATCH_SIZE = (4, 4, 4)
PROJECTION_DIM = 32
NUM_HEADS = 2
NUM_LAYERS = 2
LAYER_NORM_EPS = 1e-6


class TubeletEmbedding(layers.Layer):
    def __init__(self, embed_dim, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.projection = layers.Conv3D(
            filters=embed_dim, kernel_size=patch_size, strides=patch_size, padding="VALID"
        )
        self.flatten = layers.Reshape(target_shape=(-1, embed_dim))

    def call(self, videos):
        projected_patches = self.projection(videos)
        flattened_patches = self.flatten(projected_patches)
        return flattened_patches


class PositionalEncoder(layers.Layer):
    def __init__(self, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.embed_dim = embed_dim

    def build(self, input_shape):
        _, num_tokens, _ = input_shape
        self.position_embedding = layers.Embedding(input_dim=num_tokens, output_dim=self.embed_dim)
        self.positions = ops.arange(0, num_tokens, 1)

    def call(self, encoded_tokens):
        encoded_positions = self.position_embedding(self.positions)
        return encoded_tokens + encoded_positions


def create_vivit_classifier():
    inputs = layers.Input(shape=INPUT_SHAPE)
    patches = TubeletEmbedding(PROJECTION_DIM, PATCH_SIZE)(inputs)
    encoded_patches = PositionalEncoder(PROJECTION_DIM)(patches)

    for _ in range(NUM_LAYERS):
        x1 = layers.LayerNormalization(epsilon=1e-6)(encoded_patches)
        attention_output = layers.MultiHeadAttention(
            num_heads=NUM_HEADS, key_dim=PROJECTION_DIM // NUM_HEADS, dropout=0.1
        )(x1, x1)
        x2 = layers.Add()([attention_output, encoded_patches])
        x3 = layers.LayerNormalization(epsilon=1e-6)(x2)
        x3 = keras.Sequential(
            [
                layers.Dense(units=PROJECTION_DIM * 4, activation=ops.gelu),
                layers.Dense(units=PROJECTION_DIM, activation=ops.gelu),
            ]
        )(x3)
        encoded_patches = layers.Add()([x3, x2])

    representation = layers.LayerNormalization(epsilon=LAYER_NORM_EPS)(encoded_patches)
    representation = layers.GlobalAvgPool1D()(representation)
    outputs = layers.Dense(units=NUM_CLASSES, activation="softmax")(representation)
    return keras.Model(inputs=inputs, outputs=outputs)


rng = np.random.default_rng(4)
train_videos = rng.integers(0, 256, size=(48, 8, 16, 16)).astype("uint8")
train_labels = rng.integers(0, NUM_CLASSES, size=(48,))

train_videos = np.expand_dims(train_videos, 1).astype("float32") / 255.0

model = create_vivit_classifier()
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-3),
    loss="sparse_categorical_crossentropy",
    metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy")],
)
model.fit(train_videos, train_labels, batch_size=16, epochs=2, verbose=0)
print("trained")
