import numpy as np
import keras
from keras import layers, ops

image_size = 32
input_shape = (32, 32, 3)
num_classes = 10
projection_dim = 32
num_heads = 2
transformer_units = [projection_dim, projection_dim]
transformer_layers = 2


class CCTTokenizer(layers.Layer):
    def __init__(self, kernel_size=3, stride=1, padding=1, pooling_kernel_size=3,
                 pooling_stride=2, num_output_channels=(32, projection_dim), **kwargs):
        super().__init__(**kwargs)
        self.conv_model = keras.Sequential()
        for channels in num_output_channels:
            self.conv_model.add(layers.ZeroPadding2D(padding))
            self.conv_model.add(
                layers.Conv2D(channels, kernel_size, stride, padding="valid",
                              use_bias=False, activation="relu")
            )
            self.conv_model.add(layers.MaxPooling2D(pooling_kernel_size, pooling_stride, "same"))

    def call(self, images):
        outputs = self.conv_model(images)
        reshaped = ops.reshape(
            outputs,
            (-1, ops.shape(outputs)[1] * ops.shape(outputs)[2], ops.shape(outputs)[-1]),
        )
        return reshaped


class SequencePooling(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.attention = layers.Dense(1)

    def call(self, x):
        attention_weights = ops.softmax(self.attention(x), axis=1)
        weighted_representation = ops.matmul(attention_weights, x)
        return ops.squeeze(weighted_representation, -2)


def mlp(x, hidden_units, dropout_rate):
    for units in hidden_units:
        x = layers.Dense(units, activation="gelu")(x)
        x = layers.Dropout(dropout_rate)(x)
    return x


def create_cct_model():
    inputs = layers.Input(input_shape)
    augmented = layers.Rescaling(1.0 / 255)(inputs)
    encoded_patches = CCTTokenizer()(augmented)

    for _ in range(transformer_layers):
        x1 = layers.LayerNormalization(epsilon=1e-5)(encoded_patches)
        attention_output = layers.MultiHeadAttention(
            num_heads=num_heads, key_dim=projection_dim, dropout=0.1
        )(x1, x1)
        x2 = layers.Add()([attention_output, encoded_patches])
        x3 = layers.LayerNormalization(epsilon=1e-5)(x2)
        x3 = mlp(x3, hidden_units=transformer_units, dropout_rate=0.1)
        encoded_patches = layers.Add()([x3, x2])

    representation = layers.LayerNormalization(epsilon=1e-5)(encoded_patches)
    weighted_representation = SequencePooling()(representation)
    logits = layers.Dense(num_classes)(weighted_representation)
    return keras.Model(inputs=inputs, outputs=logits)


rng = np.random.default_rng(0)
x_train = rng.integers(0, 256, size=(64, 32, 32, 3)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, num_classes, size=(64, 1)), num_classes)

model = create_cct_model()
model.compile(
    optimizer=keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.0001),
    loss=keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1),
    metrics=[keras.metrics.CategoricalAccuracy(name="accuracy")],
)
history = model.fit(x_train, y_train, batch_size=16, epochs=1, validation_split=0.1, verbose=0)
print("val accuracy", history.history["val_accuracy"][-1])
