import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

INPUT_SHAPE = (8, 16, 16, 1)
NUM_CLASSES = 5
PATCH_SIZE = (4, 4, 4)
PROJECTION_DIM = 16
NUM_HEADS = 2
NUM_LAYERS = 2
BATCH_SIZE = 8


def preprocess(frames, label):
    frames = tf.image.convert_image_dtype(frames[..., tf.newaxis], tf.float32)
    label = tf.cast(label, tf.float32)
    return frames, label


def prepare_dataloader(videos, labels, loader_type="train", batch_size=BATCH_SIZE):
    dataset = tf.data.Dataset.from_tensor_slices((videos, labels))
    if loader_type == "train":
        dataset = dataset.shuffle(BATCH_SIZE * 2)
    return dataset.map(preprocess).batch(batch_size).prefetch(tf.data.AUTOTUNE)


class TubeletEmbedding(layers.Layer):
    def __init__(self, embed_dim, patch_size, **kwargs):
        super().__init__(**kwargs)
        self.projection = layers.Conv3D(filters=embed_dim, kernel_size=patch_size, strides=patch_size, padding="VALID")
        self.flatten = layers.Reshape(target_shape=(-1, embed_dim))

    def call(self, videos):
        return self.flatten(self.projection(videos))


class PositionalEncoder(layers.Layer):
    def __init__(self, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.embed_dim = embed_dim

    def build(self, input_shape):
        _, num_tokens, _ = input_shape
        self.position_embedding = layers.Embedding(input_dim=num_tokens, output_dim=self.embed_dim)
        self.positions = tf.range(start=0, limit=num_tokens, delta=1)

    def call(self, encoded_tokens):
        return encoded_tokens + self.position_embedding(self.positions)


def create_vivit_classifier(tubelet_embedder, positional_encoder, input_shape=INPUT_SHAPE,
                            transformer_layers=NUM_LAYERS, num_heads=NUM_HEADS, embed_dim=PROJECTION_DIM,
                            num_classes=NUM_CLASSES):
    inputs = layers.Input(shape=input_shape)
    patches = tubelet_embedder(inputs)
    encoded_patches = positional_encoder(patches)
    for _ in range(transformer_layers):
        x1 = layers.LayerNormalization(epsilon=1e-6)(encoded_patches)
        attention_output = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim // num_heads, dropout=0.1)(x1, x1)
        x2 = layers.Add()([attention_output, encoded_patches])
        x3 = layers.LayerNormalization(epsilon=1e-6)(x2)
        x3 = keras.Sequential([
            layers.Dense(units=embed_dim, activation=tf.nn.gelu),
            layers.Dense(units=embed_dim, activation=tf.nn.gelu),
        ])(x3)
        encoded_patches = layers.Add()([x3, x2])
    representation = layers.LayerNormalization(epsilon=1e-6)(encoded_patches)
    representation = layers.GlobalAvgPool1D()(representation)
    outputs = layers.Dense(units=num_classes, activation="softmax")(representation)
    return keras.Model(inputs=inputs, outputs=outputs)


videos = np.random.randint(0, 256, size=(32, *INPUT_SHAPE[:3])).astype("uint8")
labels = np.random.randint(0, NUM_CLASSES, size=(32,))
trainloader = prepare_dataloader(videos[:24], labels[:24], "train")
validloader = prepare_dataloader(videos[24:], labels[24:], "valid")

model = create_vivit_classifier(
    tubelet_embedder=TubeletEmbedding(embed_dim=PROJECTION_DIM, patch_size=PATCH_SIZE),
    positional_encoder=PositionalEncoder(embed_dim=PROJECTION_DIM),
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-4),
    loss="sparse_categorical_crossentropy",
    metrics=[keras.metrics.SparseCategoricalAccuracy(name="accuracy"),
             keras.metrics.SparseTopKCategoricalAccuracy(3, name="top-3-accuracy")],
)
model.fit(trainloader, epochs=1, validation_data=validloader, verbose=0)
_, accuracy, top_3_accuracy = model.evaluate(validloader, verbose=0)
testsample, _ = next(iter(validloader))
output = model.predict(tf.expand_dims(testsample[0], axis=0), verbose=0)[0]
print(output.shape, round(accuracy, 2))
