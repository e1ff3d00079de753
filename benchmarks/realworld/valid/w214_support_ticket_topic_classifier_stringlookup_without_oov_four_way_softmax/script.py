# Support-ticket router: ticket texts are vectorized, the four queue names are encoded
# with a StringLookup that reserves no OOV index (labels 0..3), and a small Conv1D text
# classifier with a 4-way softmax is trained and used on two new tickets.
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(14)
queues = ["billing", "outage", "account", "feature"]
terms = {q: [f"{q[:4]}_{i}" for i in range(10)] for q in queues}
filler = ["please", "help", "the", "my", "is", "not", "today", "urgent"]
targets = rng.choice(queues, size=320)
tickets = [" ".join(rng.choice(terms[q] + filler, size=rng.integers(6, 25))) for q in targets]
pairs = tf.data.Dataset.from_tensor_slices((tickets, targets))
train_pairs, val_pairs = pairs.take(256), pairs.skip(256)

SEQ_LEN = 24
text_vec = layers.TextVectorization(max_tokens=80, output_sequence_length=SEQ_LEN)
text_vec.adapt(train_pairs.map(lambda text, queue: text))
queue_lookup = layers.StringLookup(num_oov_indices=0)
queue_lookup.adapt(pairs.map(lambda text, queue: queue))


def prepare(ds):
    return ds.map(lambda text, queue: (text_vec(text), queue_lookup(queue))).batch(16).prefetch(2)


classifier = keras.Sequential([
    keras.Input(shape=(SEQ_LEN,)),
    layers.Embedding(80, 12),
    layers.Conv1D(16, 3, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(len(queue_lookup.get_vocabulary()), activation="softmax"),
])
classifier.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
classifier.fit(prepare(train_pairs), validation_data=prepare(val_pairs), epochs=2, verbose=0)
new_tickets = tf.constant(["outa_3 urgent outa_7 is not working", "billi_2 please billi_5"])
probs = classifier.predict(text_vec(new_tickets), verbose=0)
print([queue_lookup.get_vocabulary()[i] for i in probs.argmax(axis=1)])
