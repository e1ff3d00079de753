import numpy as np
import keras
from keras import layers
from keras.models import Sequential

# stand-in for the IMDB reviews csv: 400 reviews of random "words"
rng = np.random.default_rng(857)
lexicon = np.array([f"word{i}" for i in range(9000)])
reviews = [" ".join(rng.choice(lexicon, size=rng.integers(40, 220))) for _ in range(400)]
sentiment = rng.integers(0, 2, size=400)

train_reviews, test_reviews = reviews[:320], reviews[320:]
Y_train, Y_test = sentiment[:320], sentiment[320:]

# tokenize and pad to 200 tokens
tokenizer = layers.TextVectorization(max_tokens=10000, output_sequence_length=200)
tokenizer.adapt(train_reviews)
X_train = tokenizer(train_reviews).numpy()
X_test = tokenizer(test_reviews).numpy()

model = Sequential()
model.add(keras.Input(shape=(200,)))
model.add(layers.Embedding(input_dim=5000, output_dim=32))
model.add(layers.LSTM(32, dropout=0.2))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])

model.fit(X_train, Y_train, epochs=1, batch_size=64, validation_split=0.2, verbose=0)
loss, accuracy = model.evaluate(X_test, Y_test, verbose=0)
print(f"Test Accuracy: {accuracy:.3f}")


def predict_sentiment(review):
    prediction = model.predict(tokenizer([review]), verbose=0)
    return "positive" if prediction[0][0] > 0.5 else "negative"


print(predict_sentiment("word12 word40 word7 word3999"))
