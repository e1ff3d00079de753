import numpy as np
import keras
from keras import layers

max_length = 32
vocab_size = 500
labels = ["contradiction", "entailment", "neutral"]

rng = np.random.default_rng(0)
n = 256
ids = rng.integers(1, vocab_size, size=(n, max_length)).astype("int32")
types = np.zeros((n, max_length), dtype="int32")
types[:, max_length // 2 :] = 1
y_train = keras.utils.to_categorical(rng.integers(0, 3, size=(n,)), num_classes=3)

# Encoded token ids and segment ids of the sentence pair.
input_ids = keras.Input(shape=(max_length,), dtype="int32", name="input_ids")
token_type_ids = keras.Input(shape=(max_length,), dtype="int32", name="token_type_ids")
# Small trainable encoder standing in for the frozen BERT's last_hidden_state.
token_embeddings = layers.Embedding(vocab_size, 64)(input_ids)
segment_embeddings = layers.Embedding(2, 64)(token_type_ids)
sequence_output = layers.LayerNormalization()(
    layers.Add()([token_embeddings, segment_embeddings])
)

bi_lstm = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(sequence_output)
# Hybrid pooling of the BiLSTM sequence output.
avg_pool = layers.GlobalAveragePooling1D()(bi_lstm)
max_pool = layers.GlobalMaxPooling1D()(bi_lstm)
concat = layers.concatenate([avg_pool, max_pool])
dropout = layers.Dropout(0.3)(concat)
output = layers.Dense(3, activation="softmax")(dropout)
model = keras.Model(inputs=[input_ids, token_type_ids], outputs=output)

model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["acc"])
model.fit([ids, types], y_train, epochs=1, batch_size=32)
proba = model.predict([ids[:1], types[:1]])[0]
print(labels[int(np.argmax(proba))])
