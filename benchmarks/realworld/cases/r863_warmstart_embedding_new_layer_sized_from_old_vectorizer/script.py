import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Embedding, GlobalAveragePooling1D, TextVectorization

rng = np.random.default_rng(863)
words = [f"tok{i}" for i in range(150)]


def reviews(n, n_words):
    texts = [" ".join(rng.choice(words[:n_words], size=30)) for _ in range(n)]
    return np.array(texts)[:, None], rng.integers(0, 2, size=(n, 1)).astype("float32")


x_old, y_old = reviews(200, 90)
train_ds = tf.data.Dataset.from_tensor_slices((x_old, y_old)).batch(32)

vocab_size = 60
sequence_length = 30
vectorize_layer = TextVectorization(max_tokens=vocab_size, output_mode="int",
                                    output_sequence_length=sequence_length)
vectorize_layer.adapt(train_ds.map(lambda x, y: x))

embedding_dim = 16
text_embedding = Embedding(vocab_size, embedding_dim, name="embedding")
text_input = tf.keras.Sequential([vectorize_layer, text_embedding], name="text_input")
classifier_head = tf.keras.Sequential(
    [GlobalAveragePooling1D(), Dense(16, activation="relu"), Dense(1)], name="classifier_head"
)
text_model_input = tf.keras.layers.Input(dtype=tf.string, shape=(1,))
model = tf.keras.Model(text_model_input, classifier_head(text_input(text_model_input)))
model.compile(optimizer="adam", loss=tf.keras.losses.BinaryCrossentropy(from_logits=True), metrics=["accuracy"])
model.fit(train_ds, epochs=1, verbose=0)

# more reviews arrived: grow the vocabulary and warm-start the embedding matrix
embedding_weights_base = model.get_layer("text_input").get_layer("embedding").get_weights()[0]
vocab_base = vectorize_layer.get_vocabulary()

x_new, y_new = reviews(200, 150)
train_ds_new = tf.data.Dataset.from_tensor_slices((x_new, y_new)).batch(32)
vocab_size_new = 80
vectorize_layer_new = TextVectorization(max_tokens=vocab_size_new, output_mode="int",
                                        output_sequence_length=sequence_length)
vectorize_layer_new.adapt(train_ds_new.map(lambda x, y: x))
vocab_new = vectorize_layer_new.get_vocabulary()



def warmstart_embedding_matrix(base_vocabulary, new_vocabulary, base_embeddings):
    """Keep the learned row of every known word, start new words from uniform noise."""
    base_index = {word: i for i, word in enumerate(base_vocabulary)}
    matrix = rng.uniform(-0.05, 0.05, size=(len(new_vocabulary), base_embeddings.shape[1]))
    for i, word in enumerate(new_vocabulary):
        if word in base_index:
            matrix[i] = base_embeddings[base_index[word]]
    return matrix.astype("float32")


updated_embedding = warmstart_embedding_matrix(vocab_base, vocab_new, embedding_weights_base)

text_embedding_layer_new = Embedding(vectorize_layer.vocabulary_size(), embedding_dim, name="embedding")
text_embedding_layer_new.build(input_shape=[None])
text_embedding_layer_new.embeddings.assign(updated_embedding)
text_input_new = tf.keras.Sequential([vectorize_layer_new, text_embedding_layer_new], name="text_input_new")

warm_started_model = tf.keras.Model(text_model_input, classifier_head(text_input_new(text_model_input)))
warm_started_model.compile(optimizer="adam", loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
                           metrics=["accuracy"])
warm_started_model.fit(train_ds_new, epochs=1, verbose=0)
print("warm-started embedding:", text_embedding_layer_new.embeddings.shape)
