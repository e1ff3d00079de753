import numpy as np
import keras
from keras import layers

# Sentence-pair classifier with token ids and segment ids (BERT style inputs).
maxlen = 20
token_ids = np.random.randint(1, 100, size=(64, maxlen))
segment_ids = np.random.randint(0, 2, size=(64, maxlen))
y = np.random.randint(0, 2, size=(64,))

tok_in = keras.Input(shape=(maxlen,))
seg_in = keras.Input(shape=(maxlen,))
t = layers.Embedding(100, 8)(tok_in)
s = layers.Embedding(2, 8)(seg_in)
h = layers.Add()([t, s])
h = layers.GlobalAveragePooling1D()(h)
out = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model([tok_in, seg_in], out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit([token_ids, segment_ids], y, epochs=1, batch_size=16, verbose=0)

# Encode one new sentence pair and classify it.
X1 = list(np.random.randint(1, 100, size=maxlen))
X2 = [0] * maxlen
predicted = model.predict([[X1], [X2]], verbose=0)
print(predicted)
