import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(980)

# our own column types instead of the 78 DBpedia semantic types
semantic_types = ["address", "age", "city", "country", "date", "email", "gender", "name",
                  "phone", "price", "year", "zip"]
n_columns = 360
feature_dims = {"char": 96, "word": 20, "par": 40, "rest": 27}


def extract_features(labels):
    feats = {}
    for group, dim in feature_dims.items():
        centers = rng.normal(size=(len(semantic_types), dim))
        feats[group] = (centers[labels] + 0.5 * rng.normal(size=(len(labels), dim))).astype("float32")
    return feats


y_ids = rng.integers(0, len(semantic_types), size=n_columns)
features = extract_features(y_ids)
y_train = keras.utils.to_categorical(y_ids, num_classes=len(semantic_types))


def build_sherlock(num_classes=78, dropout=0.35):
    def subnet(inp, units):
        x = layers.BatchNormalization()(inp)
        x = layers.Dense(units, activation="relu")(x)
        x = layers.Dropout(dropout)(x)
        return layers.Dense(units, activation="relu")(x)

    char_in = keras.Input(shape=(feature_dims["char"],), name="char")
    word_in = keras.Input(shape=(feature_dims["word"],), name="word")
    par_in = keras.Input(shape=(feature_dims["par"],), name="par")
    rest_in = keras.Input(shape=(feature_dims["rest"],), name="rest")
    merged = layers.Concatenate()([subnet(char_in, 64), subnet(word_in, 32), subnet(par_in, 32),
                                   layers.BatchNormalization()(rest_in)])
    x = layers.BatchNormalization()(merged)
    x = layers.Dense(128, activation="relu")(x)
    x = layers.Dropout(dropout)(x)
    x = layers.Dense(128, activation="relu")(x)
    out = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model([char_in, word_in, par_in, rest_in], out)


model = build_sherlock()
model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="categorical_crossentropy", metrics=["categorical_accuracy"])
model.fit(features, y_train, validation_split=0.2, batch_size=64, epochs=1, verbose=0)
pred = model.predict(features, verbose=0)
print("predicted types:", [semantic_types[i] for i in pred.argmax(axis=1)[:5]])
