import numpy as np
from keras import models, layers, optimizers

train_features = np.random.rand(200, 4, 4, 64).astype("float32")
train_labels = np.random.randint(0, 2, size=(200,))
test_features = np.random.rand(80, 4, 4, 64).astype("float32")
test_labels = np.random.randint(0, 2, size=(80,))

train_features = np.reshape(train_features, (200, 4 * 4 * 64))

model = models.Sequential()
model.add(layers.Input(shape=(4 * 4 * 64,)))
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(optimizer=optimizers.RMSprop(learning_rate=2e-5), loss="binary_crossentropy", metrics=["acc"])
model.fit(train_features, train_labels, epochs=1, batch_size=20, verbose=0)
test_loss, test_acc = model.evaluate(test_features, test_labels, verbose=0)
