# English accent recognition from audio-embedding frames (YAMNet-style features), tf.data pipeline.
import numpy as np
import tensorflow as tf
import keras

class_names = ["Irish", "Midlands", "Northern", "Scottish", "Southern", "Welsh", "Not a speech"]
FRAME = 480  # samples per embedding frame (stand-in for YAMNet's 0.96 s patches)

rng = np.random.default_rng(83)
embedding_projection = tf.constant(rng.normal(size=(FRAME, 1024)).astype("float32") / 20.0)
score_projection = tf.constant(rng.normal(size=(FRAME, 521)).astype("float32") / 20.0)


def yamnet_model(audio_wav):
    """Stand-in for the hub YAMNet model: per-frame (scores, embeddings, spectrogram)."""
    frames = tf.reshape(audio_wav, (-1, FRAME))
    return tf.nn.softmax(frames @ score_projection), frames @ embedding_projection, frames


def filepath_to_embeddings(audio_wav, label):
    scores, embeddings, _ = yamnet_model(audio_wav)
    embeddings_num = tf.shape(embeddings)[0]
    labels = tf.repeat(label, embeddings_num)
    # Frames that are not speech get the extra class 'Not a speech'
    labels = tf.where(tf.argmax(scores, axis=1) == 0, labels, len(class_names) - 1)
    return (embeddings, labels)


def waves_to_dataset(waves, accents, batch_size=64):
    dataset = tf.data.Dataset.from_tensor_slices((waves, accents))
    dataset = dataset.map(filepath_to_embeddings, num_parallel_calls=tf.data.AUTOTUNE).unbatch()
    return dataset.cache().batch(batch_size).prefetch(tf.data.AUTOTUNE)


train_ds = waves_to_dataset(rng.normal(size=(60, FRAME * 6)).astype("float32"), rng.integers(0, 6, size=60))
valid_ds = waves_to_dataset(rng.normal(size=(20, FRAME * 6)).astype("float32"), rng.integers(0, 6, size=20))


def build_and_compile_model():
    inputs = keras.layers.Input(shape=(1024,), name="embedding")
    x = keras.layers.Dense(256, activation="relu", name="dense_1")(inputs)
    x = keras.layers.Dropout(0.15, name="dropout_1")(x)
    x = keras.layers.Dense(192, activation="relu", name="dense_2")(x)
    x = keras.layers.Dropout(0.25, name="dropout_2")(x)
    outputs = keras.layers.Dense(len(class_names), activation="softmax", name="ouput")(x)
    model = keras.Model(inputs=inputs, outputs=outputs, name="accent_recognition")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-4),
        loss=keras.losses.CategoricalCrossentropy(),
        metrics=["accuracy", keras.metrics.AUC(name="auc")],
    )
    return model


model = build_and_compile_model()
history = model.fit(train_ds, epochs=2, validation_data=valid_ds, verbose=0)
print(model.evaluate(valid_ds, verbose=0))
