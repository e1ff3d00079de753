import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

caption_length = 16
vocab_size = 300


def project_embeddings(embeddings, num_projection_layers, projection_dims, dropout_rate):
    projected_embeddings = layers.Dense(units=projection_dims)(embeddings)
    for _ in range(num_projection_layers):
        x = ops.gelu(projected_embeddings)
        x = layers.Dense(projection_dims)(x)
        x = layers.Dropout(dropout_rate)(x)
        x = layers.Add()([projected_embeddings, x])
        projected_embeddings = layers.LayerNormalization()(x)
    return projected_embeddings


def create_vision_encoder(num_projection_layers, projection_dims, dropout_rate):
    inputs = layers.Input(shape=(32, 32, 3), name="image_input")
    # A small convnet standing in for EfficientNetV2B3(pooling="avg").
    x = layers.Conv2D(16, 3, strides=2, activation="relu")(inputs)
    x = layers.GlobalAveragePooling2D()(x)
    embeddings = layers.Dense(128, activation="gelu")(x)
    outputs = project_embeddings(embeddings, num_projection_layers, projection_dims, dropout_rate)
    return keras.Model(inputs, outputs, name="vision_encoder")


def create_text_encoder(num_projection_layers, projection_dims, dropout_rate):
    inputs = layers.Input(shape=(caption_length,), dtype="int32", name="caption_input")
    # Embedding + pooling standing in for BERT's pooled_output.
    x = layers.Embedding(vocab_size, 48)(inputs)
    embeddings = layers.GlobalAveragePooling1D()(x)
    outputs = project_embeddings(embeddings, num_projection_layers, projection_dims, dropout_rate)
    return keras.Model(inputs, outputs, name="text_encoder")


vision_encoder = create_vision_encoder(num_projection_layers=1, projection_dims=64, dropout_rate=0.1)
text_encoder = create_text_encoder(num_projection_layers=1, projection_dims=32, dropout_rate=0.1)


class DualEncoder(keras.Model):
    def __init__(self, text_encoder, image_encoder, temperature=1.0, **kwargs):
        super().__init__(**kwargs)
        self.text_encoder = text_encoder
        self.image_encoder = image_encoder
        self.temperature = temperature
        self.loss_tracker = keras.metrics.Mean(name="loss")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def call(self, features, training=False):
        caption_embeddings = self.text_encoder(features["caption"], training=training)
        image_embeddings = self.image_encoder(features["image"], training=training)
        return caption_embeddings, image_embeddings

    def clip_loss(self, caption_embeddings, image_embeddings):
        logits = ops.divide(
            ops.einsum("ae,be -> ab", caption_embeddings, image_embeddings), self.temperature
        )
        images_similarity = ops.einsum("ae,be -> ab", image_embeddings, image_embeddings)
        captions_similarity = ops.einsum("ae,be -> ab", caption_embeddings, caption_embeddings)
        targets = keras.activations.softmax(
            (captions_similarity + images_similarity) / (2 * self.temperature)
        )
        captions_loss = keras.losses.categorical_crossentropy(
            y_true=targets, y_pred=logits, from_logits=True
        )
        images_loss = keras.losses.categorical_crossentropy(
            y_true=ops.transpose(targets), y_pred=ops.transpose(logits), from_logits=True
        )
        return (captions_loss + images_loss) / 2

    def train_step(self, features):
        with tf.GradientTape() as tape:
            caption_embeddings, image_embeddings = self(features, training=True)
            loss = self.clip_loss(caption_embeddings, image_embeddings)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}


rng = np.random.default_rng(0)
features = {
    "caption": rng.integers(1, vocab_size, size=(128, caption_length)).astype("int32"),
    "image": rng.random((128, 32, 32, 3)).astype("float32"),
}
train_dataset = tf.data.Dataset.from_tensor_slices(features).shuffle(128).batch(16)

dual_encoder = DualEncoder(text_encoder, vision_encoder, temperature=0.05, name="dual_encoder")
dual_encoder.compile(optimizer=keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.001))
history = dual_encoder.fit(train_dataset, epochs=2)
print(history.history["loss"])
