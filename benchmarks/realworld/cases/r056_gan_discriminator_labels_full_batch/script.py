import numpy as np
from keras.models import Sequential
from keras.layers import Input, Dense, Flatten, Reshape

X_train = np.random.rand(256, 28, 28, 1).astype("float32")
batch_size = 32
half_batch = int(batch_size / 2)

generator = Sequential([Input(shape=(100,)), Dense(784, activation="sigmoid"), Reshape((28, 28, 1))])
discriminator = Sequential([Input(shape=(28, 28, 1)), Flatten(), Dense(64, activation="relu"), Dense(1, activation="sigmoid")])
discriminator.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

for batch in range(2):
    noise = np.random.normal(0, 1, (half_batch, 100))
    fake_images = generator.predict(noise, verbose=0)
    fake_labels = np.zeros((half_batch, 1))
    idx = np.random.randint(0, X_train.shape[0], half_batch)
    real_images = X_train[idx]
    real_labels = np.ones((batch_size, 1))
    d_loss_real = discriminator.train_on_batch(real_images, real_labels)
    d_loss_fake = discriminator.train_on_batch(fake_images, fake_labels)
