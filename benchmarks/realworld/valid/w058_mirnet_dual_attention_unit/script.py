import numpy as np
import keras
from keras import layers


def spatial_attention_block(input_tensor):
    average_pooling = keras.ops.expand_dims(keras.ops.mean(input_tensor, axis=-1), axis=-1)
    max_pooling = keras.ops.expand_dims(keras.ops.max(input_tensor, axis=-1), axis=-1)
    concatenated = layers.Concatenate(axis=-1)([average_pooling, max_pooling])
    feature_map = layers.Conv2D(1, kernel_size=(1, 1))(concatenated)
    feature_map = keras.activations.sigmoid(feature_map)
    return input_tensor * feature_map


def channel_attention_block(input_tensor):
    channels = list(input_tensor.shape)[-1]
    average_pooling = layers.GlobalAveragePooling2D()(input_tensor)
    feature_descriptor = layers.Reshape((1, 1, channels))(average_pooling)
    feature_activations = layers.Conv2D(
        filters=channels // 8, kernel_size=(1, 1), activation="relu"
    )(feature_descriptor)
    feature_activations = layers.Conv2D(
        filters=channels, kernel_size=(1, 1), activation="sigmoid"
    )(feature_activations)
    return input_tensor * feature_activations


def dual_attention_unit_block(input_tensor):
    channels = list(input_tensor.shape)[-1]
    feature_map = layers.Conv2D(channels, kernel_size=(3, 3), padding="same", activation="relu")(input_tensor)
    feature_map = layers.Conv2D(channels, kernel_size=(3, 3), padding="same")(feature_map)
    channel_attention = channel_attention_block(feature_map)
    spatial_attention = spatial_attention_block(feature_map)
    concatenation = layers.Concatenate(axis=-1)([channel_attention, spatial_attention])
    concatenation = layers.Conv2D(channels, kernel_size=(1, 1))(concatenation)
    return layers.Add()([input_tensor, concatenation])


# low-light enhancement: dark 32 x 32 patches and their well-lit versions
low_light = np.random.rand(8, 32, 32, 3).astype("float32") * 0.2
enhanced = np.random.rand(8, 32, 32, 3).astype("float32")

input_tensor = keras.Input(shape=[None, None, 3])
x1 = layers.Conv2D(32, (3, 3), padding="same")(input_tensor)
x1 = dual_attention_unit_block(x1)
conv = layers.Conv2D(3, kernel_size=(3, 3), padding="same")(x1)
output_tensor = layers.Add()([input_tensor, conv])
model = keras.Model(input_tensor, output_tensor)

model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="mean_absolute_error")
model.fit(low_light, enhanced, batch_size=4, epochs=1, verbose=0)

# the network is fully convolutional: enhance one larger image
output_image = model.predict(np.random.rand(1, 48, 40, 3).astype("float32") * 0.2, verbose=0)
print(output_image.shape)
