import numpy as np
import keras
from keras import layers

image_size = 32
input_shape = (32, 32, 3)
num_classes = 10
projection_dim = 32
num_heads = 2


def cct_tokenizer(images):
    x = layers.Conv2D(64, 3, padding="same", use_bias=False, activation="relu")(images)
    x = layers.MaxPooling2D(3, 2, padding="same")(x)
    x = layers.Conv2D(projection_dim, 3, padding="same", use_bias=False, activation="relu")(x)
    x = layers.MaxPooling2D(3, 2, padding="same")(x)
    return layers.Reshape((-1, projection_dim))(x)


data_augmentation = keras.Sequential(
    [
        layers.Rescaling(scale=1.0 / 255),
        layers.RandomCrop(24, 24),
        layers.RandomFlip("horizontal"),
    ],
    name="data_augmentation",
)

inputs = layers.Input(input_shape)
augmented = data_augmentation(inputs)
encoded_patches = cct_tokenizer(augmented)

# Positional embedding: one position per token of the tokenizer's grid
seq_length = (image_size // 4) ** 2
pos_embed = layers.Embedding(input_dim=seq_length, output_dim=projection_dim)
position_embeddings = pos_embed(keras.ops.arange(seq_length))
encoded_patches = layers.Add()([encoded_patches, position_embeddings[None]])

x1 = layers.LayerNormalization(epsilon=1e-5)(encoded_patches)
attention_output = layers.MultiHeadAttention(num_heads=num_heads, key_dim=projection_dim, dropout=0.1)(x1, x1)
x2 = layers.Add()([attention_output, encoded_patches])
representation = layers.LayerNormalization(epsilon=1e-5)(x2)
weighted_representation = layers.GlobalAveragePooling1D()(representation)
logits = layers.Dense(num_classes)(weighted_representation)
model = keras.Model(inputs=inputs, outputs=logits)

model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1))
x_train = np.random.randint(0, 256, size=(16, 32, 32, 3)).astype("float32")
y_train = keras.utils.to_categorical(np.random.randint(0, num_classes, size=(16,)), num_classes)
model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)
