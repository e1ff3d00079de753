import numpy as np
import keras
from keras import layers

num_classes = 20
input_shape = (32, 32, 3)
image_size = 64  # We'll resize input images to this size
embedding_dim = 32

rng = np.random.default_rng(4)
x_train = rng.integers(0, 256, size=(128, 32, 32, 3)).astype("float32")
y_train = keras.utils.to_categorical(rng.integers(0, num_classes, size=128), num_classes)

data_augmentation = keras.Sequential(
    [
        layers.Normalization(),
        layers.RandomFlip("horizontal"),
        layers.RandomRotation(factor=0.1),
        layers.RandomContrast(factor=0.1),
    ],
    name="data_augmentation",
)
data_augmentation.layers[0].adapt(x_train)


def stripe_block(x, num_heads):
    residual = x
    x = layers.LayerNormalization()(x)
    x = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embedding_dim // num_heads)(x, x)
    x = layers.add([residual, x])
    residual = x
    x = layers.LayerNormalization()(x)
    x = layers.Dense(embedding_dim * 2, activation="gelu")(x)
    x = layers.Dense(embedding_dim)(x)
    return layers.add([residual, x])


def get_model():
    inputs = layers.Input(shape=input_shape)
    x = data_augmentation(inputs)
    # create patch embedding
    x = layers.Conv2D(embedding_dim, 7, 4, padding="same")(x)
    x = layers.Reshape(((image_size // 4) * (image_size // 4), embedding_dim))(x)
    for _ in range(2):
        x = stripe_block(x, num_heads=2)
    x = layers.GlobalAvgPool1D()(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs=inputs, outputs=outputs)


model = get_model()
model.compile(
    loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1),
    optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4),
    metrics=[keras.metrics.CategoricalAccuracy(name="accuracy")],
)
model.fit(x_train, y_train, batch_size=32, epochs=1, validation_split=0.2, verbose=0)
print("trained")
