import numpy as np
import keras
from keras import layers

# Grant abstracts tagged as relevant or not; the longest has 12 words.
rng = np.random.default_rng(4)
words = ["cell", "gene", "protein", "brain", "study", "health", "data", "model", "risk", "trial"]
train_texts = np.array([" ".join(rng.choice(words, size=n)) for n in rng.integers(3, 12, size=60)] + [" ".join(words + words[:2])])
labels = rng.integers(0, 2, size=(61,))

vectorizer = layers.TextVectorization(max_tokens=50, output_mode="int")
vectorizer.adapt(train_texts)
x_train = vectorizer(train_texts).numpy()

model = keras.Sequential([
    keras.Input(shape=(x_train.shape[1],)),
    layers.Embedding(50, 8),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, labels, epochs=1, batch_size=16, verbose=0)

new_texts = np.array(["gene study", "brain data model risk"])
x_new = vectorizer(new_texts).numpy()
print(model.predict(x_new, verbose=0))
