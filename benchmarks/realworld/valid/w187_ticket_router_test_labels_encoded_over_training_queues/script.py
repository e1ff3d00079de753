import numpy as np
import keras
from keras import layers

SEQ_LEN, N_TOKENS = 32, 1500
gen = np.random.default_rng(187)


def load_split(queue_names, per_queue):
    # tickets stored as one directory per support queue
    return {q: [gen.integers(1, N_TOKENS, size=gen.integers(6, SEQ_LEN)).tolist() for _ in range(per_queue)]
            for q in queue_names}


queues = ["billing", "hardware", "login", "network", "refunds"]
train_split = load_split(queues, 24)
test_split = load_split(["billing", "hardware", "login", "network"], 6)   # no refund tickets this month

queue_names = sorted(train_split)


def vectorise(split, names):
    docs, ids = [], []
    for idx, name in enumerate(names):
        for ticket in split.get(name, []):
            docs.append(ticket)
            ids.append(idx)
    return keras.utils.pad_sequences(docs, maxlen=SEQ_LEN), keras.utils.to_categorical(ids, num_classes=len(names))


x_tr, y_tr = vectorise(train_split, queue_names)
x_te, y_te = vectorise(test_split, queue_names)
print("train", x_tr.shape, y_tr.shape, "test", x_te.shape, y_te.shape)

router = keras.Sequential([
    keras.Input(shape=(SEQ_LEN,)),
    layers.Embedding(N_TOKENS, 24),
    layers.GlobalMaxPooling1D(),
    layers.Dense(24, activation="relu"),
    layers.Dense(len(queue_names), activation="softmax"),
])
router.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
router.fit(x_tr, y_tr, validation_data=(x_te, y_te), batch_size=12, epochs=2, verbose=0)
print(router.evaluate(x_te, y_te, verbose=0))
