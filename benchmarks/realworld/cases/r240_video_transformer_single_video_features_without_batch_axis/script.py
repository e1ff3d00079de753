import numpy as np
import keras
from keras import layers, ops

MAX_SEQ_LENGTH = 20
NUM_FEATURES = 64
classes = 5

# Pre-computed CNN features of the frames of each video (zero rows = padding)
train_data = np.random.rand(60, MAX_SEQ_LENGTH, NUM_FEATURES).astype("float32")
train_labels = np.random.randint(0, classes, size=(60, 1))


class PositionalEmbedding(layers.Layer):
    def __init__(self, sequence_length, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.position_embeddings = layers.Embedding(input_dim=sequence_length, output_dim=output_dim)

    def call(self, inputs):
        length = ops.shape(inputs)[1]
        positions = ops.arange(0, length, 1)
        return inputs + self.position_embeddings(positions)

    def compute_mask(self, inputs, mask=None):
        return ops.any(ops.cast(inputs, "bool"), axis=-1)


class TransformerEncoder(layers.Layer):
    def __init__(self, embed_dim, dense_dim, num_heads, **kwargs):
        super().__init__(**kwargs)
        self.attention = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim, dropout=0.3)
        self.dense_proj = keras.Sequential([layers.Dense(dense_dim, activation="gelu"), layers.Dense(embed_dim)])
        self.layernorm_1 = layers.LayerNormalization()
        self.layernorm_2 = layers.LayerNormalization()

    def call(self, inputs, mask=None):
        if mask is not None:
            mask = mask[:, None, :]
        attention_output = self.attention(inputs, inputs, attention_mask=mask)
        proj_input = self.layernorm_1(inputs + attention_output)
        return self.layernorm_2(proj_input + self.dense_proj(proj_input))


inputs = keras.Input(shape=(None, None))
x = PositionalEmbedding(MAX_SEQ_LENGTH, NUM_FEATURES, name="frame_position_embedding")(inputs)
x = TransformerEncoder(NUM_FEATURES, 4, 1, name="transformer_layer")(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(classes, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_data, train_labels, validation_split=0.15, epochs=1, verbose=0)


def prepare_single_video(frames):
    frame_features = np.zeros(shape=(MAX_SEQ_LENGTH, NUM_FEATURES), dtype="float32")
    length = min(MAX_SEQ_LENGTH, len(frames))
    for j in range(length):
        frame_features[j, :] = frames[j]  # feature vector of frame j
    return frame_features


test_frames = np.random.rand(14, NUM_FEATURES).astype("float32")  # a 14-frame test video
frame_features = prepare_single_video(test_frames)
probabilities = model.predict(frame_features)[0]
print(np.argsort(probabilities)[::-1])
