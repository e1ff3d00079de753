import numpy as np
import keras
from keras import layers

positive = ["a wonderful film with a moving story", "great acting and a great script",
            "i loved every minute of this film", "beautiful images and a superb cast",
            "funny clever and warm", "one of the best films this year"]
negative = ["a boring film with a weak story", "terrible acting and a dull script",
            "i hated every minute of this film", "ugly images and a wooden cast",
            "neither funny nor clever", "one of the worst films this year"]
train_docs = positive + negative
ytrain = np.array([1] * len(positive) + [0] * len(negative), dtype="float32")

# bag-of-words: one binary column per vocabulary word
tokenizer = layers.TextVectorization(output_mode="multi_hot")
tokenizer.adapt(train_docs)
Xtrain = tokenizer(np.array(train_docs)).numpy()
n_words = Xtrain.shape[1]

model = keras.Sequential([
    keras.Input(shape=(n_words,)),
    layers.Dense(50, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(Xtrain, ytrain, epochs=2, verbose=0)


def predict_sentiment(review, model):
    encoder = layers.TextVectorization(output_mode="multi_hot")
    encoder.adapt([review])
    encoded = encoder(np.array([review])).numpy()
    yhat = model.predict(encoded, verbose=0)
    score = float(yhat[0, 0])
    return ("NEGATIVE", 1 - score) if score < 0.5 else ("POSITIVE", score)


for text in ["best movie ever it was great i recommend it", "this is a bad movie"]:
    print(text, predict_sentiment(text, model))
