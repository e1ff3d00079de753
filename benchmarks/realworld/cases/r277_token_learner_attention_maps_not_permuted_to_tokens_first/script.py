import math
import numpy as np
import keras
from keras import layers, ops

# CIFAR-10 stand-in
x_train = np.random.rand(32, 32, 32, 3).astype("float32")
y_train = np.random.randint(0, 10, size=(32,))

INPUT_SHAPE = (32, 32, 3)
NUM_CLASSES = 10
PATCH_SIZE = 4
NUM_PATCHES = (INPUT_SHAPE[0] // PATCH_SIZE) ** 2
PROJECTION_DIM = 32
NUM_HEADS = 4
NUM_LAYERS = 4
MLP_UNITS = [PROJECTION_DIM * 2, PROJECTION_DIM]
LAYER_NORM_EPS = 1e-6
NUM_TOKENS = 4


def position_embedding(projected_patches, num_patches=NUM_PATCHES, projection_dim=PROJECTION_DIM):
    positions = ops.arange(start=0, stop=num_patches, step=1)
    encoded_positions = layers.Embedding(input_dim=num_patches, output_dim=projection_dim)(positions)
    return projected_patches + encoded_positions


def mlp(x, dropout_rate, hidden_units):
    for units in hidden_units:
        x = layers.Dense(units, activation=ops.gelu)(x)
        x = layers.Dropout(dropout_rate)(x)
    return x


def token_learner(inputs, number_of_tokens=NUM_TOKENS):
    x = layers.LayerNormalization(epsilon=LAYER_NORM_EPS)(inputs)  # (B, H, W, C)
    attention_maps = keras.Sequential(
        [
            layers.Conv2D(number_of_tokens, (3, 3), activation=ops.gelu, padding="same", use_bias=False),
            layers.Conv2D(number_of_tokens, (3, 3), activation=ops.gelu, padding="same", use_bias=False),
            layers.Conv2D(number_of_tokens, (3, 3), activation="sigmoid", padding="same", use_bias=False),
            layers.Reshape((-1, number_of_tokens)),  # (B, H*W, num_of_tokens)
        ]
    )(x)
    num_filters = inputs.shape[-1]
    inputs = layers.Reshape((1, -1, num_filters))(inputs)  # (B, 1, H*W, C)
    attended_inputs = ops.expand_dims(attention_maps, axis=-1) * inputs  # (B, num_tokens, H*W, C)
    return ops.mean(attended_inputs, axis=2)  # (B, num_tokens, C)


def transformer(encoded_patches):
    x1 = layers.LayerNormalization(epsilon=LAYER_NORM_EPS)(encoded_patches)
    attention_output = layers.MultiHeadAttention(num_heads=NUM_HEADS, key_dim=PROJECTION_DIM, dropout=0.1)(x1, x1)
    x2 = layers.Add()([attention_output, encoded_patches])
    x3 = layers.LayerNormalization(epsilon=LAYER_NORM_EPS)(x2)
    x4 = mlp(x3, hidden_units=MLP_UNITS, dropout_rate=0.1)
    return layers.Add()([x4, x2])


def create_vit_classifier(use_token_learner=True, token_learner_units=NUM_TOKENS):
    inputs = layers.Input(shape=INPUT_SHAPE)
    rescaled = layers.Rescaling(scale=1.0 / 255)(inputs)
    projected_patches = layers.Conv2D(
        filters=PROJECTION_DIM, kernel_size=(PATCH_SIZE, PATCH_SIZE),
        strides=(PATCH_SIZE, PATCH_SIZE), padding="VALID",
    )(rescaled)
    _, h, w, c = projected_patches.shape
    projected_patches = layers.Reshape((h * w, c))(projected_patches)  # (B, number_patches, projection_dim)
    encoded_patches = position_embedding(projected_patches)
    encoded_patches = layers.Dropout(0.1)(encoded_patches)
    for i in range(NUM_LAYERS):
        encoded_patches = transformer(encoded_patches)
        if use_token_learner and i == NUM_LAYERS // 2:
            _, hh, c = encoded_patches.shape
            h = int(math.sqrt(hh))
            encoded_patches = layers.Reshape((h, h, c))(encoded_patches)  # (B, h, h, projection_dim)
            encoded_patches = token_learner(encoded_patches, token_learner_units)  # (B, num_tokens, c)
    representation = layers.LayerNormalization(epsilon=LAYER_NORM_EPS)(encoded_patches)
    representation = layers.GlobalAvgPool1D()(representation)
    outputs = layers.Dense(NUM_CLASSES, activation="softmax")(representation)
    return keras.Model(inputs=inputs, outputs=outputs)


vit_token_learner = create_vit_classifier()
vit_token_learner.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
vit_token_learner.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
