# DeepFM click-through model on four categorical fields (ad id, site, device, hour).
# Each field gets its own embedding; the FM part stacks the field embeddings along a
# field axis, (batch, fields, k), and computes the pairwise-interaction term, while a
# small DNN reads the same embeddings flattened.
import numpy as np
import keras
from keras import layers, ops

FIELDS = {"ad_id": 1000, "site": 120, "device": 12, "hour": 24}


def auto_embedding_dim(vocabulary_size):
    return 6 * int(pow(vocabulary_size, 0.25))


def fm_interaction(stacked):
    square_of_sum = ops.square(ops.sum(stacked, axis=1))
    sum_of_square = ops.sum(ops.square(stacked), axis=1)
    return 0.5 * ops.sum(square_of_sum - sum_of_square, axis=1, keepdims=True)


inputs, field_embeddings = [], []
for name, vocabulary_size in FIELDS.items():
    field_in = keras.Input(shape=(1,), dtype="int32", name=name)
    inputs.append(field_in)
    field_embeddings.append(layers.Embedding(vocabulary_size, auto_embedding_dim(vocabulary_size))(field_in))

stacked = layers.Concatenate(axis=1)(field_embeddings)
fm_logit = layers.Lambda(fm_interaction, output_shape=(1,))(stacked)
dnn = layers.Dense(32, activation="relu")(layers.Flatten()(stacked))
dnn_logit = layers.Dense(1)(dnn)
click_prob = layers.Activation("sigmoid")(layers.Add()([fm_logit, dnn_logit]))
deepfm = keras.Model(inputs, click_prob)
deepfm.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])

rng = np.random.default_rng(260)
batch = {name: rng.integers(0, size, size=(256, 1)) for name, size in FIELDS.items()}
clicks = rng.integers(0, 2, size=(256, 1)).astype("float32")
deepfm.fit(batch, clicks, batch_size=64, epochs=1, verbose=0)
print(deepfm.predict({k: v[:4] for k, v in batch.items()}, verbose=0).ravel())
