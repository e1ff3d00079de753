import numpy as np
import keras
from keras import layers

MAXLEN, VOCAB = 40, 2000
rng = np.random.default_rng(962)


def fake_folder(class_names, docs_per_class):
    # one sub-folder per class, like train/<class>/*.txt
    return {name: [rng.integers(1, VOCAB, size=rng.integers(10, MAXLEN)).tolist() for _ in range(docs_per_class)]
            for name in class_names}


all_genres = ["comedy", "crime", "drama", "horror", "romance", "scifi"]
train_docs = fake_folder(all_genres, 30)
test_docs = fake_folder([g for g in all_genres if g != "scifi"], 8)   # no scifi reviews in the test folder

train_classes = sorted(train_docs)
test_classes = sorted(test_docs)


def encode(folder, classes):
    texts, ids = [], []
    for idx, name in enumerate(classes):
        for doc in folder.get(name, []):
            texts.append(doc)
            ids.append(idx)
    x = keras.utils.pad_sequences(texts, maxlen=MAXLEN)
    return x, keras.utils.to_categorical(ids, num_classes=len(classes))


x_train, y_train = encode(train_docs, train_classes)
x_test, y_test = encode(test_docs, test_classes)

model = keras.Sequential([
    keras.Input(shape=(MAXLEN,)),
    layers.Embedding(VOCAB, 32),
    layers.GlobalAveragePooling1D(),
    layers.Dense(32, activation="relu"),
    layers.Dense(y_train.shape[1], activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, validation_data=(x_test, y_test), batch_size=16, epochs=2, verbose=0)
print(model.evaluate(x_test, y_test, verbose=0))
