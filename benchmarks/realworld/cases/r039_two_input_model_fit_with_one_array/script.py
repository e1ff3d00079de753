import numpy as np
from keras.models import Model
from keras.layers import Input, Dense, Embedding, Flatten, concatenate

image_features = np.random.rand(90, 128).astype("float32")
tag_ids = np.random.randint(0, 50, size=(90, 1))
y_output = np.random.randint(0, 2, size=(90, 1))

image_input = Input(shape=(128,))
image_dense = Dense(32, activation="relu")(image_input)
tag_input = Input(shape=(1,))
tag_embedded = Flatten()(Embedding(50, 8)(tag_input))
merged = concatenate([image_dense, tag_embedded])
prediction = Dense(1, activation="sigmoid")(merged)
model = Model(inputs=[image_input, tag_input], outputs=prediction)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(image_features, y_output, epochs=1, batch_size=30, verbose=0)
