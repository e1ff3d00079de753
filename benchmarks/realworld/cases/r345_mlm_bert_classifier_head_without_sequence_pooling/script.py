"""End-to-end masked language modeling with a small BERT, then fine-tuning for sentiment."""
import re
from dataclasses import dataclass

import numpy as np
import tensorflow as tf
import keras
from keras import layers
from keras.layers import TextVectorization


@dataclass
class Config:
    MAX_LEN = 16
    BATCH_SIZE = 8
    LR = 0.001
    VOCAB_SIZE = 120
    EMBED_DIM = 32
    NUM_HEAD = 2
    FF_DIM = 32
    NUM_LAYERS = 1


config = Config()

rng = np.random.default_rng(0)
words = [f"w{i}" for i in range(100)]
train_texts = [" ".join(rng.choice(words, size=rng.integers(6, 14))) for _ in range(64)]
train_sentiment = rng.integers(0, 2, size=64)


def custom_standardization(input_data):
    lowercase = tf.strings.lower(input_data)
    stripped_html = tf.strings.regex_replace(lowercase, "<br />", " ")
    return tf.strings.regex_replace(stripped_html, "[%s]" % re.escape("!#$%&'()*+,-./:;<=>?@\\^_`{|}~"), "")


def get_vectorize_layer(texts, vocab_size, max_seq, special_tokens=["[MASK]"]):
    vectorize_layer = TextVectorization(
        max_tokens=vocab_size,
        output_mode="int",
        standardize=custom_standardization,
        output_sequence_length=max_seq,
    )
    vectorize_layer.adapt(texts)
    vocab = vectorize_layer.get_vocabulary()
    vocab = vocab[2 : vocab_size - len(special_tokens)] + ["[mask]"]
    vectorize_layer.set_vocabulary(vocab)
    return vectorize_layer


vectorize_layer = get_vectorize_layer(train_texts, config.VOCAB_SIZE, config.MAX_LEN, special_tokens=["[mask]"])
mask_token_id = vectorize_layer(["[mask]"]).numpy()[0][0]


def encode(texts):
    return vectorize_layer(texts).numpy()


def get_masked_input_and_labels(encoded_texts):
    inp_mask = np.random.rand(*encoded_texts.shape) < 0.15
    inp_mask[encoded_texts <= 2] = False
    labels = -1 * np.ones(encoded_texts.shape, dtype=int)
    labels[inp_mask] = encoded_texts[inp_mask]
    encoded_texts_masked = np.copy(encoded_texts)
    inp_mask_2mask = inp_mask & (np.random.rand(*encoded_texts.shape) < 0.90)
    encoded_texts_masked[inp_mask_2mask] = mask_token_id
    sample_weights = np.ones(labels.shape)
    sample_weights[labels == -1] = 0
    y_labels = np.copy(encoded_texts)
    return encoded_texts_masked, y_labels, sample_weights


x_train = encode(train_texts)
y_train = train_sentiment
train_classifier_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(100).batch(config.BATCH_SIZE)

x_masked_train, y_masked_labels, sample_weights = get_masked_input_and_labels(x_train)
mlm_ds = tf.data.Dataset.from_tensor_slices((x_masked_train, y_masked_labels, sample_weights))
mlm_ds = mlm_ds.shuffle(100).batch(config.BATCH_SIZE)


class PositionEmbedding(layers.Layer):
    def __init__(self, sequence_length, **kwargs):
        super().__init__(**kwargs)
        self.sequence_length = sequence_length

    def build(self, input_shape):
        self.position_embeddings = self.add_weight(
            shape=(self.sequence_length, input_shape[-1]), initializer="glorot_uniform", name="embeddings"
        )

    def call(self, inputs):
        return keras.ops.broadcast_to(self.position_embeddings, keras.ops.shape(inputs))


def bert_module(query, key, value, i):
    attention_output = layers.MultiHeadAttention(
        num_heads=config.NUM_HEAD,
        key_dim=config.EMBED_DIM // config.NUM_HEAD,
        name="encoder_{}_multiheadattention".format(i),
    )(query, key, value)
    attention_output = layers.Dropout(0.1, name="encoder_{}_att_dropout".format(i))(attention_output)
    attention_output = layers.LayerNormalization(
        epsilon=1e-6, name="encoder_{}_att_layernormalization".format(i)
    )(query + attention_output)
    ffn = keras.Sequential(
        [layers.Dense(config.FF_DIM, activation="relu"), layers.Dense(config.EMBED_DIM)],
        name="encoder_{}_ffn".format(i),
    )
    ffn_output = ffn(attention_output)
    ffn_output = layers.Dropout(0.1, name="encoder_{}_ffn_dropout".format(i))(ffn_output)
    return layers.LayerNormalization(epsilon=1e-6, name="encoder_{}_ffn_layernormalization".format(i))(
        attention_output + ffn_output
    )


loss_fn = keras.losses.SparseCategoricalCrossentropy(reduction=None)
loss_tracker = keras.metrics.Mean(name="loss")


class MaskedLanguageModel(keras.Model):
    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, training=True):
        loss = loss_fn(y, y_pred, sample_weight)
        loss_tracker.update_state(loss, sample_weight=sample_weight)
        return keras.ops.sum(loss)

    def compute_metrics(self, x, y, y_pred, sample_weight):
        return {"loss": loss_tracker.result()}

    @property
    def metrics(self):
        return [loss_tracker]


def create_masked_language_bert_model():
    inputs = layers.Input((config.MAX_LEN,), dtype="int64")
    word_embeddings = layers.Embedding(config.VOCAB_SIZE, config.EMBED_DIM, name="word_embedding")(inputs)
    position_embeddings = PositionEmbedding(sequence_length=config.MAX_LEN)(word_embeddings)
    embeddings = word_embeddings + position_embeddings
    encoder_output = embeddings
    for i in range(config.NUM_LAYERS):
        encoder_output = bert_module(encoder_output, encoder_output, encoder_output, i)
    mlm_output = layers.Dense(config.VOCAB_SIZE, name="mlm_cls", activation="softmax")(encoder_output)
    mlm_model = MaskedLanguageModel(inputs, mlm_output, name="masked_bert_model")
    mlm_model.compile(optimizer=keras.optimizers.Adam(learning_rate=config.LR))
    return mlm_model


bert_masked_model = create_masked_language_bert_model()
bert_masked_model.fit(mlm_ds, epochs=1, verbose=2)

# Fine-tune a sentiment classification model on top of the pretrained encoder.
pretrained_bert_model = keras.Model(
    bert_masked_model.input, bert_masked_model.get_layer("encoder_0_ffn_layernormalization").output
)
pretrained_bert_model.trainable = False


def create_classifier_bert_model():
    inputs = layers.Input((config.MAX_LEN,), dtype="int64")
    sequence_output = pretrained_bert_model(inputs)
    hidden_layer = layers.Dense(64, activation="relu")(sequence_output)
    outputs = layers.Dense(1, activation="sigmoid")(hidden_layer)
    classifer_model = keras.Model(inputs, outputs, name="classification")
    classifer_model.compile(optimizer=keras.optimizers.Adam(), loss="binary_crossentropy", metrics=["accuracy"])
    return classifer_model


classifer_model = create_classifier_bert_model()
classifer_model.fit(train_classifier_ds, epochs=1, verbose=2)
