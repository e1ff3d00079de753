import numpy as np
import keras
from keras import layers

image_size = 32
patch_size = 8
num_patches = (image_size // patch_size) ** 2  # data_dim
latent_dim = 8
projection_dim = 32
ffn_units = [projection_dim, projection_dim]
dropout_rate = 0.1


def create_ffn(hidden_units, dropout_rate):
    ffn_layers = []
    for units in hidden_units[:-1]:
        ffn_layers.append(layers.Dense(units, activation="gelu"))
    ffn_layers.append(layers.Dense(units=hidden_units[-1]))
    ffn_layers.append(layers.Dropout(dropout_rate))
    return keras.Sequential(ffn_layers)


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
    # Skip connection 1.
    attention_output = layers.Add()([attention_output, data_array])

    attention_output = layers.LayerNormalization(epsilon=1e-6)(attention_output)
    ffn = create_ffn(hidden_units=ffn_units, dropout_rate=dropout_rate)
    outputs = ffn(attention_output)
    # Skip connection 2.
    outputs = layers.Add()([outputs, attention_output])
    return keras.Model(inputs=inputs, outputs=outputs)


cross_attention = create_cross_attention_module(latent_dim, num_patches, projection_dim, ffn_units, dropout_rate)
latent = np.random.normal(size=(4, latent_dim, projection_dim)).astype("float32")
data = np.random.normal(size=(4, num_patches, projection_dim)).astype("float32")
out = cross_attention({"latent_array": latent, "data_array": data})
print(out.shape)
