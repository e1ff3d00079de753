# Disaster-tweet classifiers (course notebook): three sigmoid models on vectorized
# tweets (pooled embeddings, LSTM, Conv1D) are trained, then their validation
# probabilities are averaged into an ensemble and scored.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(3)
alarm, calm = ["fire", "flood", "quake", "evacuate", "storm"], ["lunch", "movie", "game", "sunny", "party"]
common = ["the", "in", "we", "now", "near", "town", "so", "big"]
labels = rng.integers(0, 2, size=400)
tweets = np.array([" ".join(rng.choice(common + (alarm if y else calm), size=rng.integers(4, 15))) for y in labels], dtype=object)
train_sentences, val_sentences = tweets[:320], tweets[320:]
train_labels, val_labels = labels[:320], labels[320:]

text_vectorizer = layers.TextVectorization(max_tokens=60, output_sequence_length=15)
text_vectorizer.adapt(train_sentences)


def build(body):
    inputs = layers.Input(shape=(1,), dtype="string")
    x = layers.Embedding(60, 16)(text_vectorizer(inputs))
    outputs = layers.Dense(1, activation="sigmoid")(body(x))
    model = keras.Model(inputs, outputs)
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    model.fit(train_sentences, train_labels, epochs=2, verbose=0)
    return model


model_1 = build(layers.GlobalAveragePooling1D())
model_2 = build(layers.LSTM(16))
model_5 = build(lambda x: layers.GlobalMaxPool1D()(layers.Conv1D(16, 5, activation="relu")(x)))
model_1_pred_probs = model_1.predict(val_sentences, verbose=0)
model_2_pred_probs = model_2.predict(val_sentences, verbose=0)
model_5_pred_probs = model_5.predict(val_sentences, verbose=0)


def calculate_results(y_true, y_pred):
    accuracy = np.mean(y_true == y_pred)
    precision = np.sum((y_pred == 1) & (y_true == 1)) / max(np.sum(y_pred == 1), 1)
    recall = np.sum((y_pred == 1) & (y_true == 1)) / max(np.sum(y_true == 1), 1)
    return {"accuracy": accuracy, "precision": precision, "recall": recall}


combined_pred_probs = np.squeeze(model_1_pred_probs, axis=1) + model_2_pred_probs + np.squeeze(model_5_pred_probs)
combined_preds = np.round(combined_pred_probs / 3)
ensemble_results = calculate_results(val_labels, combined_preds)
print(combined_preds.shape, ensemble_results)
