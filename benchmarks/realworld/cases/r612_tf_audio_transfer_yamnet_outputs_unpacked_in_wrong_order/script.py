# Sound classifier on top of a frozen audio embedding model (YAMNet-like): each clip is
# split into frames, every frame's 1024-d embedding becomes one training example with the
# clip's label, and a small Dense head is trained on the embeddings.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(5)
proj_embed = tf.constant(rng.normal(size=(15360, 1024)) / 120.0, dtype=tf.float32)
proj_score = tf.constant(rng.normal(size=(1024, 521)) / 30.0, dtype=tf.float32)
proj_spec = tf.constant(rng.normal(size=(15360, 64)) / 120.0, dtype=tf.float32)


def yamnet_model(waveform):
    """Stand-in for the pretrained model: returns (scores, embeddings, log_mel_spectrogram)."""
    frames = tf.signal.frame(waveform, frame_length=15360, frame_step=7680)
    embeddings = tf.nn.relu(tf.matmul(frames, proj_embed))
    scores = tf.sigmoid(tf.matmul(embeddings, proj_score))
    spectrogram = tf.matmul(frames, proj_spec)
    return scores, embeddings, spectrogram


my_classes = ["dog", "cat"]
waves = rng.uniform(-1, 1, size=(8, 16000 * 3)).astype("float32")  # 3-second clips at 16 kHz
labels = rng.integers(0, 2, size=8)
folds = np.array([1, 2, 3, 4, 5, 1, 2, 3])
main_ds = tf.data.Dataset.from_tensor_slices((waves, labels, folds))


def extract_embedding(wav_data, label, fold):
    """run the embedding model on the wav data"""
    embeddings, scores, spectrogram = yamnet_model(wav_data)
    num_embeddings = tf.shape(embeddings)[0]
    return (embeddings, tf.repeat(label, num_embeddings), tf.repeat(fold, num_embeddings))


main_ds = main_ds.map(extract_embedding).unbatch()
train_ds = main_ds.filter(lambda embedding, label, fold: fold < 4)
remove_fold_column = lambda embedding, label, fold: (embedding, label)
train_ds = train_ds.map(remove_fold_column).cache().shuffle(100).batch(16)

my_model = tf.keras.Sequential(
    [
        tf.keras.layers.Input(shape=(1024,), dtype=tf.float32, name="input_embedding"),
        tf.keras.layers.Dense(512, activation="relu"),
        tf.keras.layers.Dense(len(my_classes)),
    ],
    name="my_model",
)
my_model.compile(
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer="adam",
    metrics=["accuracy"],
)
history = my_model.fit(train_ds, epochs=2, verbose=0)
print(history.history["accuracy"])
