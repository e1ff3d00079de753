# Semantic image clustering (SCAN): find the k nearest neighbours of every image in the
# encoder's embedding space, then train a clustering head so neighbours share clusters.
import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(10)
input_shape = (32, 32, 3)
x_data = rng.uniform(0, 255, size=(120,) + input_shape).astype("float32")

target_size = 32
representation_dim = 64
num_clusters = 20
k_neighbours = 5

data_preprocessing = keras.Sequential([
    layers.Resizing(target_size, target_size),
    layers.Normalization(),
])
data_preprocessing.layers[-1].adapt(x_data)

encoder = keras.Sequential([
    keras.Input(shape=input_shape),
    layers.Conv2D(16, 3, strides=2, activation="relu"),
    layers.Conv2D(32, 3, strides=2, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(representation_dim),
])

# Generate the embeddings and find the k nearest neighbours of each image.
batch_size = 40
feature_vectors = encoder.predict(data_preprocessing(x_data), batch_size=batch_size, verbose=0)
feature_vectors = ops.normalize(feature_vectors, axis=-1)

neighbours = []
num_batches = feature_vectors.shape[0] // batch_size
for batch_idx in range(num_batches):
    start_idx = batch_idx * batch_size
    end_idx = start_idx + batch_size
    current_batch = feature_vectors[start_idx:end_idx]
    similarities = ops.matmul(current_batch, ops.transpose(feature_vectors))
    _, indices = ops.top_k(similarities, k=k_neighbours + 1, sorted=True)
    neighbours.append(ops.convert_to_numpy(indices))

neighbours = np.concatenate(neighbours, axis=0)


def clusters_consistency_loss(target, similarity):
    target = ops.ones_like(similarity)
    return ops.mean(keras.losses.binary_crossentropy(target, similarity, from_logits=True))


def clusters_entropy_loss(target, cluster_probabilities):
    num_clusters = ops.cast(ops.shape(cluster_probabilities)[-1], "float32")
    target = ops.log(num_clusters)
    cluster_probabilities = ops.clip(ops.mean(cluster_probabilities, axis=0), 1e-8, 1.0)
    entropy = -ops.sum(cluster_probabilities * ops.log(cluster_probabilities))
    return target - entropy


def create_clustering_model(encoder, num_clusters, name=None):
    inputs = keras.Input(shape=input_shape)
    preprocessed = data_preprocessing(inputs)
    features = encoder(preprocessed)
    outputs = layers.Dense(units=num_clusters, activation="softmax")(features)
    return keras.Model(inputs=inputs, outputs=outputs, name=name)


def create_clustering_learner(clustering_model):
    anchor = keras.Input(shape=input_shape, name="anchors")
    neighbours = keras.Input(shape=(k_neighbours,) + input_shape, name="neighbours")
    # [batch_size * k_neighbours, width, height, channels]
    neighbours_reshaped = ops.reshape(neighbours, (-1,) + input_shape)
    anchor_clustering = clustering_model(anchor)
    neighbours_clustering = clustering_model(neighbours_reshaped)
    neighbours_clustering = ops.reshape(neighbours_clustering, (-1, k_neighbours, num_clusters))
    # [batch_size, 1, k_neighbours] -> [batch_size, k_neighbours]
    similarity = ops.einsum("bij,bkj->bik", ops.expand_dims(anchor_clustering, axis=1),
                            neighbours_clustering)
    similarity = layers.Lambda(lambda x: ops.squeeze(x, axis=1), name="similarity")(similarity)
    return keras.Model(inputs=[anchor, neighbours], outputs=[similarity, anchor_clustering],
                       name="clustering_learner")


clustering_model = create_clustering_model(encoder, num_clusters, name="clustering")
clustering_learner = create_clustering_learner(clustering_model)
clustering_learner.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.0005),
    loss=[clusters_consistency_loss, clusters_entropy_loss],
    loss_weights=[1.0, 5.0],
)

inputs = {"anchors": x_data, "neighbours": x_data[neighbours]}
labels = np.ones(shape=(x_data.shape[0],))
clustering_learner.fit(x=inputs, y=[labels, labels], batch_size=40, epochs=2, verbose=0)
print("trained")
