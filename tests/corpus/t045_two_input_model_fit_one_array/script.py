import numpy as np
import keras
from keras import layers

# Question-answer matching: question and passage token ids, two named inputs.
rng = np.random.default_rng(5)
question_ids = rng.integers(1, 200, size=(64, 10))
passage_ids = rng.integers(1, 200, size=(64, 40))
match = rng.integers(0, 2, size=(64,))

q_in = keras.Input(shape=(10,), name="question")
p_in = keras.Input(shape=(40,), name="passage")
q = layers.GlobalAveragePooling1D()(layers.Embedding(200, 16)(q_in))
p = layers.GlobalAveragePooling1D()(layers.Embedding(200, 16)(p_in))
h = layers.Concatenate()([q, p])
out = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model(inputs=[q_in, p_in], outputs=out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(question_ids, match, epochs=1, batch_size=16, verbose=0)
