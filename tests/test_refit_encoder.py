"""New data encoded by an encoder fit on that data (real Keras): the training encoder is the fix.

MachineLearningMastery's bag-of-words sentiment tutorial (r1039) scores a new review with a vectorizer made
and adapted again on that review: the review gets a vocabulary of its own, ``(1, n)`` columns for a model
trained on the training vocabulary's width. The line that encoded the new data is the root cause and the
fix names the training encoder; an encoder of the script's own class refit with ``fit_transform`` on the new
texts is fixed with ``transform``. Both fixes are proven by running the patched script.
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

ADAPTED_AGAIN = '''import numpy as np
import keras
from keras import layers

notes = ["fast delivery and kind staff", "the parcel arrived broken", "kind words and a quick refund",
         "late again and nobody answered", "quick and kind service", "broken box and a rude reply"]
happy = np.array([1, 0, 1, 0, 1, 0], dtype="float32")
words = layers.TextVectorization(output_mode="multi_hot")
words.adapt(notes)
rows = words(np.array(notes)).numpy()

model = keras.Sequential([keras.Input(shape=(rows.shape[1],)), layers.Dense(8, activation="relu"),
                          layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(rows, happy, epochs=1, verbose=0)


def score(note):
    fresh = layers.TextVectorization(output_mode="multi_hot")
    fresh.adapt([note])
    row = fresh(np.array([note])).numpy()
    return float(model.predict(row, verbose=0)[0, 0])


print(score("kind staff and a quick reply"))
'''

REFIT = '''import numpy as np
import keras
from keras import layers


class Bag:
    def fit_transform(self, texts):
        self.vocab = sorted({w for t in texts for w in t.split()})
        return self.transform(texts)

    def transform(self, texts):
        return np.array([[float(w in t.split()) for w in self.vocab] for t in texts], dtype="float32")


train_texts = ["red apples are sweet", "green apples are sour", "sweet red cherries", "sour green limes"]
sweet = np.array([1, 0, 1, 0], dtype="float32")
test_texts = ["sweet cherries", "sour limes"]
bag = Bag()
x_train = bag.fit_transform(train_texts)
model = keras.Sequential([keras.Input(shape=(x_train.shape[1],)), layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(x_train, sweet, epochs=1, verbose=0)
x_test = bag.fit_transform(test_texts)
print(model.predict(x_test, verbose=0).shape)
'''


def test_a_review_encoded_by_a_vectorizer_adapted_on_it_is_encoded_by_the_training_one(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, ADAPTED_AGAIN)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(ADAPTED_AGAIN, "row = fresh(np.array([note])).numpy()")
    assert [f["code"] for f in finding["fixes"]] == ["row = words(np.array([note])).numpy()"]
    assert finding["fixes"][0]["verified"]


def test_new_texts_refit_by_the_training_encoder_are_transformed_instead(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, REFIT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    assert finding["culprit"]["line"] == line_of(REFIT, "x_test = bag.fit_transform(test_texts)")
    assert [f["code"] for f in finding["fixes"]] == ["x_test = bag.transform(test_texts)"]
    assert finding["fixes"][0]["verified"]
