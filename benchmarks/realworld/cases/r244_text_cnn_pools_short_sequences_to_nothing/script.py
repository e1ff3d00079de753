import numpy as np
from tensorflow.keras.layers import Input, Embedding, Conv1D, MaxPooling1D, Flatten, Dense
from tensorflow.keras.models import Model

# Text classification on word ids, following the pretrained-word-embeddings recipe
vocab_size = 1000
embedding_dimension = 32
max_sequence_length = 100
num_classes = 4

x_train = np.random.randint(1, vocab_size, size=(64, max_sequence_length))
y_train = np.random.randint(0, num_classes, size=(64,))

sequence_input = Input(shape=(max_sequence_length,), dtype="int32")
embedded_sequences = Embedding(vocab_size + 1, embedding_dimension)(sequence_input)
x = Conv1D(128, 5, activation="relu")(embedded_sequences)
x = MaxPooling1D(5)(x)
x = Conv1D(128, 5, activation="relu")(x)
x = MaxPooling1D(5)(x)
x = Conv1D(128, 5, activation="relu")(x)
x = MaxPooling1D(35)(x)  # global max pooling
x = Flatten()(x)
x = Dense(128, activation="relu")(x)
preds = Dense(num_classes, activation="softmax")(x)
model = Model(sequence_input, preds)
model.compile(loss="sparse_categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0)
