# Bird-call classifier on per-frame audio embeddings, labels one-hot encoded in the tf.data map function.
import numpy as np
import tensorflow as tf
import keras

species = ["robin", "wren", "blackbird", "thrush", "silence"]
HOP = 320

rng = np.random.default_rng(5)
embed_matrix = tf.constant(rng.normal(size=(HOP, 256)).astype("float32") / 15.0)
score_matrix = tf.constant(rng.normal(size=(HOP, 64)).astype("float32") / 15.0)


def frame_encoder(wave):
    """Stand-in for a pretrained audio encoder: per-frame (scores, embeddings)."""
    frames = tf.reshape(wave, (-1, HOP))
    return tf.nn.softmax(frames @ score_matrix), frames @ embed_matrix


def clip_to_frames(wave, species_id):
    scores, embeddings = frame_encoder(wave)
    ids = tf.repeat(species_id, tf.shape(embeddings)[0])
    ids = tf.where(tf.argmax(scores, axis=1) == 0, ids, len(species) - 1)
    return embeddings, tf.one_hot(ids, len(species))


def make_dataset(waves, ids, batch_size=48):
    ds = tf.data.Dataset.from_tensor_slices((waves, ids))
    ds = ds.map(clip_to_frames, num_parallel_calls=tf.data.AUTOTUNE).unbatch()
    return ds.cache().batch(batch_size).prefetch(tf.data.AUTOTUNE)


fit_ds = make_dataset(rng.normal(size=(40, HOP * 8)).astype("float32"), rng.integers(0, 4, size=40))
check_ds = make_dataset(rng.normal(size=(12, HOP * 8)).astype("float32"), rng.integers(0, 4, size=12))

frame_in = keras.Input(shape=(256,), name="frame_embedding")
h = keras.layers.Dense(128, activation="relu")(frame_in)
h = keras.layers.Dropout(0.2)(h)
probs = keras.layers.Dense(len(species), activation="softmax")(h)
classifier = keras.Model(frame_in, probs, name="bird_calls")
classifier.compile(optimizer=keras.optimizers.Adam(3e-4), loss=keras.losses.CategoricalCrossentropy(),
                   metrics=["accuracy", keras.metrics.AUC(name="auc")])
classifier.fit(fit_ds, epochs=2, validation_data=check_ds, verbose=0)
print(classifier.evaluate(check_ds, verbose=0))
