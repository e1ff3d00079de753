import numpy as np
import tensorflow as tf
import keras
from keras import layers

num_classes = 10
input_shape = (32, 32, 3)
x_train = np.random.randint(0, 256, size=(64, 32, 32, 3)).astype("float32")
y_train = np.random.randint(0, num_classes, size=(64, 1))

image_size = 32
patch_size = 4
num_patches = (image_size // patch_size) ** 2  # data_dim
latent_dim = 32
projection_dim = 32
num_heads = 4
ffn_units = [projection_dim, projection_dim]
num_transformer_blocks = 2
num_iterations = 2
classifier_units = [projection_dim, num_classes]
dropout_rate = 0.2


def create_ffn(hidden_units, dropout_rate):
    ffn_layers = []
    for units in hidden_units[:-1]:
        ffn_layers.append(layers.Dense(units, activation="gelu"))
    ffn_layers.append(layers.Dense(units=hidden_units[-1]))
    ffn_layers.append(layers.Dropout(dropout_rate))
    return keras.Sequential(ffn_layers)


class Patches(layers.Layer):
    def __init__(self, patch_size):
        super().__init__()
        self.patch_size = patch_size

    def call(self, images):
        batch_size = tf.shape(images)[0]
        patches = tf.image.extract_patches(images=images, sizes=[1, self.patch_size, self.patch_size, 1],
                                           strides=[1, self.patch_size, self.patch_size, 1], rates=[1, 1, 1, 1],
                                           padding="VALID")
        patch_dims = patches.shape[-1]
        return tf.reshape(patches, [batch_size, -1, patch_dims])


class PatchEncoder(layers.Layer):
    def __init__(self, num_patches, projection_dim):
        super().__init__()
        self.num_patches = num_patches
        self.projection = layers.Dense(units=projection_dim)
        self.position_embedding = layers.Embedding(input_dim=num_patches, output_dim=projection_dim)

    def call(self, patches):
        positions = tf.range(start=0, limit=self.num_patches, delta=1)
        return self.projection(patches) + self.position_embedding(positions)


def create_cross_attention_module(latent_dim, data_dim, projection_dim, ffn_units, dropout_rate):
    inputs = {
        "latent_array": layers.Input(shape=(latent_dim, projection_dim), name="latent_array"),
        "data_array": layers.Input(shape=(data_dim, projection_dim), name="data_array"),
    }
    latent_array = layers.LayerNormalization(epsilon=1e-6)(inputs["latent_array"])
    data_array = layers.LayerNormalization(epsilon=1e-6)(inputs["data_array"])
    query = layers.Dense(units=projection_dim)(latent_array)
    key = layers.Dense(units=projection_dim)(data_array)
    value = layers.Dense(units=projection_dim)(data_array)
    attention_output = layers.Attention(use_scale=True, dropout=0.1)([query, key, value])
    attention_output = layers.Add()([attention_output, latent_array])
    attention_output = layers.LayerNormalization(epsilon=1e-6)(attention_output)
    outputs = create_ffn(hidden_units=ffn_units, dropout_rate=dropout_rate)(attention_output)
    outputs = layers.Add()([outputs, attention_output])
    return keras.Model(inputs=inputs, outputs=outputs)


def create_transformer_module(latent_dim, projection_dim, num_heads, num_transformer_blocks, ffn_units, dropout_rate):
    inputs = layers.Input(shape=(latent_dim, projection_dim))
    x0 = inputs
    for _ in range(num_transformer_blocks):
        x1 = layers.LayerNormalization(epsilon=1e-6)(x0)
        attention_output = layers.MultiHeadAttention(num_heads=num_heads, key_dim=projection_dim, dropout=0.1)(x1, x1)
        x2 = layers.Add()([attention_output, x0])
        x3 = layers.LayerNormalization(epsilon=1e-6)(x2)
        x3 = create_ffn(hidden_units=ffn_units, dropout_rate=dropout_rate)(x3)
        x0 = layers.Add()([x3, x2])
    return keras.Model(inputs=inputs, outputs=x0)


class Perceiver(keras.Model):
    def __init__(self, patch_size, data_dim, latent_dim, projection_dim, num_heads, num_transformer_blocks,
                 ffn_units, dropout_rate, num_iterations, classifier_units):
        super().__init__()
        self.latent_dim = latent_dim
        self.data_dim = data_dim
        self.projection_dim = projection_dim
        self.num_iterations = num_iterations
        self.latent_array = self.add_weight(shape=(latent_dim, projection_dim), initializer="random_normal",
                                            trainable=True, name="latent_array")
        self.patcher = Patches(patch_size)
        self.patch_encoder = PatchEncoder(data_dim, projection_dim)
        self.cross_attention = create_cross_attention_module(latent_dim, data_dim, projection_dim, ffn_units, dropout_rate)
        self.transformer = create_transformer_module(latent_dim, projection_dim, num_heads, num_transformer_blocks,
                                                     ffn_units, dropout_rate)
        self.global_average_pooling = layers.GlobalAveragePooling1D()
        self.classification_head = create_ffn(hidden_units=classifier_units, dropout_rate=dropout_rate)

    def call(self, inputs):
        patches = self.patcher(inputs / 255.0)
        encoded_patches = self.patch_encoder(patches)
        batch_size = tf.shape(inputs)[0]
        latent = tf.tile(tf.expand_dims(self.latent_array, 0), [batch_size, 1, 1])
        cross_attention_inputs = {"latent_array": latent, "data_array": encoded_patches}
        for _ in range(self.num_iterations):
            latent_array = self.cross_attention(cross_attention_inputs)
            latent_array = self.transformer(latent_array)
            cross_attention_inputs["latent_array"] = latent_array
        representation = self.global_average_pooling(latent_array)
        return self.classification_head(representation)


perceiver_classifier = Perceiver(patch_size, num_patches, latent_dim, projection_dim, num_heads, num_transformer_blocks,
                                 ffn_units, dropout_rate, num_iterations, classifier_units)
perceiver_classifier.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4),
                             loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                             metrics=[keras.metrics.SparseCategoricalAccuracy(name="acc"),
                                      keras.metrics.SparseTopKCategoricalAccuracy(5, name="top5-acc")])
perceiver_classifier.fit(x=x_train, y=y_train, batch_size=16, epochs=1, validation_split=0.25, verbose=0)
print(perceiver_classifier.evaluate(x_train[:16], y_train[:16], verbose=0))
