# Generate music with an RNN: windows of notes (pitch, step, duration) predict the next note.
import numpy as np
import tensorflow as tf
import keras

key_order = ["pitch", "step", "duration"]
rng = np.random.default_rng(7)
n_notes = 600
all_notes = {
    "pitch": rng.integers(40, 90, size=n_notes).astype("float64"),
    "step": rng.uniform(0.0, 0.5, size=n_notes),
    "duration": rng.uniform(0.05, 1.0, size=n_notes),
}
train_notes = np.stack([all_notes[key] for key in key_order], axis=1)
notes_ds = tf.data.Dataset.from_tensor_slices(train_notes)


def create_sequences(dataset, seq_length, vocab_size=128):
    """Returns TF Dataset of sequence and label examples."""
    windows = dataset.window(seq_length, shift=1, stride=1, drop_remainder=True)

    # `flat_map` flattens the "dataset of datasets" into a dataset of tensors
    flatten = lambda x: x.batch(seq_length, drop_remainder=True)
    sequences = windows.flat_map(flatten)

    # Normalize note pitch
    def scale_pitch(x):
        x = x / [vocab_size, 1.0, 1.0]
        return x

    # Split the labels
    def split_labels(sequences):
        inputs = sequences[:-1]
        labels_dense = sequences[-1]
        labels = {key: labels_dense[i] for i, key in enumerate(key_order)}
        return scale_pitch(inputs), labels

    return sequences.map(split_labels, num_parallel_calls=tf.data.AUTOTUNE)


seq_length = 25
vocab_size = 128
seq_ds = create_sequences(notes_ds, seq_length, vocab_size)

batch_size = 64
buffer_size = n_notes - seq_length  # the number of items in the dataset
train_ds = (seq_ds
            .shuffle(buffer_size)
            .batch(batch_size, drop_remainder=True)
            .cache()
            .prefetch(tf.data.AUTOTUNE))


def mse_with_positive_pressure(y_true, y_pred):
    mse = (y_true - y_pred) ** 2
    positive_pressure = 10 * tf.maximum(-y_pred, 0.0)
    return tf.reduce_mean(mse + positive_pressure)


input_shape = (seq_length, 3)
learning_rate = 0.005

inputs = keras.Input(input_shape)
x = keras.layers.LSTM(128)(inputs)
outputs = {
    "pitch": keras.layers.Dense(128, name="pitch")(x),
    "step": keras.layers.Dense(1, name="step")(x),
    "duration": keras.layers.Dense(1, name="duration")(x),
}
model = keras.Model(inputs, outputs)

loss = {
    "pitch": keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    "step": mse_with_positive_pressure,
    "duration": mse_with_positive_pressure,
}
model.compile(
    loss=loss,
    loss_weights={"pitch": 0.05, "step": 1.0, "duration": 1.0},
    optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
)
history = model.fit(train_ds, epochs=2, verbose=0)
print("trained")
