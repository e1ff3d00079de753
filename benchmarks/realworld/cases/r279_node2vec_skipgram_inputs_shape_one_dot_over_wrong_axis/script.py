import numpy as np
import tensorflow as tf
import keras
from keras import layers

# Skip-gram pairs generated from random walks over a movie graph: token ids of a target movie,
# a context movie, the label (1 = seen together in a walk, 0 = negative sample) and a weight
vocabulary_size = 200
num_pairs = 512
targets = np.random.randint(1, vocabulary_size, size=(num_pairs,))
contexts = np.random.randint(1, vocabulary_size, size=(num_pairs,))
labels = np.random.randint(0, 2, size=(num_pairs,)).astype("float32")
weights = np.random.randint(1, 4, size=(num_pairs,)).astype("float32")

batch_size = 64


def create_dataset(targets, contexts, labels, weights, batch_size):
    inputs = {"target": targets, "context": contexts}
    dataset = tf.data.Dataset.from_tensor_slices((inputs, labels, weights))
    dataset = dataset.shuffle(buffer_size=batch_size * 2)
    return dataset.batch(batch_size, drop_remainder=True)


dataset = create_dataset(targets, contexts, labels, weights, batch_size)

learning_rate = 0.001
embedding_dim = 50


def create_model(vocabulary_size, embedding_dim):
    inputs = {
        "target": layers.Input(name="target", shape=(1,), dtype="int32"),
        "context": layers.Input(name="context", shape=(1,), dtype="int32"),
    }
    embed_item = layers.Embedding(
        input_dim=vocabulary_size,
        output_dim=embedding_dim,
        embeddings_initializer="he_normal",
        embeddings_regularizer=keras.regularizers.l2(1e-6),
        name="item_embeddings",
    )
    target_embeddings = embed_item(inputs["target"])
    context_embeddings = embed_item(inputs["context"])
    logits = layers.Dot(axes=1, normalize=False, name="dot_similarity")([target_embeddings, context_embeddings])
    return keras.Model(inputs=inputs, outputs=logits)


model = create_model(vocabulary_size, embedding_dim)
model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=keras.losses.BinaryCrossentropy(from_logits=True))
history = model.fit(dataset, epochs=1, verbose=0)
