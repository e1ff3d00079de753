import keras
from keras import layers

keras.config.set_image_data_format("channels_first")  # weights and data come from a Theano-era pipeline


def squeeze_excite_block(init, ratio=4):
    filters = init.shape[1]
    se = layers.GlobalAveragePooling2D()(init)
    se = layers.Reshape((1, 1, filters))(se)
    se = layers.Dense(filters // ratio, activation="relu")(se)
    se = layers.Dense(filters, activation="sigmoid")(se)
    return layers.Multiply()([init, se])


inputs = keras.Input(shape=(3, 48, 48))
x = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
x = squeeze_excite_block(x)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
x = squeeze_excite_block(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="se_convnet")
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
print(model.name, "built:", model.output_shape, model.count_params(), "parameters")
