# Char-RNN: predict the next character at every position of 100-character windows of a text.
import tensorflow as tf
import keras

corpus = "to be, or not to be, that is the question: whether 'tis nobler in the mind to suffer\n" * 60

text_vec_layer = keras.layers.TextVectorization(split="character", standardize="lower")
text_vec_layer.adapt([corpus])
encoded = text_vec_layer([corpus])[0]
encoded -= 2  # drop tokens 0 (pad) and 1 (unknown)
n_tokens = text_vec_layer.vocabulary_size() - 2


def to_dataset(sequence, length, shuffle=False, seed=None, batch_size=32):
    ds = tf.data.Dataset.from_tensor_slices(sequence)
    ds = ds.window(length + 1, shift=1, drop_remainder=True)
    ds = ds.flat_map(lambda window_ds: window_ds.batch(length + 1))
    if shuffle:
        ds = ds.shuffle(10_000, seed=seed)
    ds = ds.batch(batch_size)
    return ds.map(lambda window: (window[:, :-1], window[:, 1:])).prefetch(1)


length = 100
train_set = to_dataset(encoded[:4000], length=length, shuffle=True, seed=42).take(20)
valid_set = to_dataset(encoded[4000:], length=length).take(5)

keras.utils.set_random_seed(42)
model = keras.Sequential([
    keras.layers.Embedding(input_dim=n_tokens, output_dim=16),
    keras.layers.GRU(128),
    keras.layers.Dense(n_tokens, activation="softmax"),
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])
history = model.fit(train_set, validation_data=valid_set, epochs=2, verbose=0)
print("val accuracy:", history.history["val_accuracy"][-1])
