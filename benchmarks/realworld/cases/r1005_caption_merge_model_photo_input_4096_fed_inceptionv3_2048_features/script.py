# photo caption generator (merge model) trained on pre-extracted photo features
import numpy as np
import keras
from keras import layers
from keras.utils import pad_sequences, to_categorical

rng = np.random.default_rng(1005)
words = "dog runs on grass child plays in water man rides bike two girls sit bench red ball".split()
descriptions = {}
for k in range(12):
    caps = []
    for _ in range(2):
        body = " ".join(rng.choice(words, size=rng.integers(3, 7)))
        caps.append("startseq " + body + " endseq")
    descriptions["img%03d" % k] = caps

# photo features saved by extract_features() (InceptionV3, include_top=False, avg pooling)
photos = {key: rng.random((1, 2048)).astype("float32") for key in descriptions}

vocab = sorted({w for caps in descriptions.values() for c in caps for w in c.split()})
word_index = {w: i + 1 for i, w in enumerate(vocab)}
vocab_size = len(word_index) + 1
max_length = max(len(c.split()) for caps in descriptions.values() for c in caps)


def create_sequences(max_length, descriptions, photos):
    X1, X2, y = list(), list(), list()
    for key, desc_list in descriptions.items():
        for desc in desc_list:
            seq = [word_index[w] for w in desc.split()]
            for i in range(1, len(seq)):
                in_seq, out_seq = seq[:i], seq[i]
                in_seq = pad_sequences([in_seq], maxlen=max_length)[0]
                out_seq = to_categorical([out_seq], num_classes=vocab_size)[0]
                X1.append(photos[key][0])
                X2.append(in_seq)
                y.append(out_seq)
    return np.array(X1), np.array(X2), np.array(y)


def define_model(vocab_size, max_length):
    # feature extractor model
    inputs1 = keras.Input(shape=(4096,))
    fe1 = layers.Dropout(0.5)(inputs1)
    fe2 = layers.Dense(64, activation="relu")(fe1)
    # sequence model
    inputs2 = keras.Input(shape=(max_length,))
    se1 = layers.Embedding(vocab_size, 64, mask_zero=True)(inputs2)
    se2 = layers.Dropout(0.5)(se1)
    se3 = layers.LSTM(64)(se2)
    # decoder model
    decoder1 = layers.add([fe2, se3])
    decoder2 = layers.Dense(64, activation="relu")(decoder1)
    outputs = layers.Dense(vocab_size, activation="softmax")(decoder2)
    model = keras.Model(inputs=[inputs1, inputs2], outputs=outputs)
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


X1train, X2train, ytrain = create_sequences(max_length, descriptions, photos)
print("Photos:", X1train.shape, "Sequences:", X2train.shape, "Targets:", ytrain.shape)
model = define_model(vocab_size, max_length)
model.fit([X1train, X2train], ytrain, epochs=2, batch_size=32, verbose=0)
in_seq = pad_sequences([[word_index["startseq"]]], maxlen=max_length)
print(model.predict([photos["img000"], in_seq], verbose=0).shape)
