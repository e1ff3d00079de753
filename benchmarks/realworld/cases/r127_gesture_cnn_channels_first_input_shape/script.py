import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, Activation, MaxPooling2D, Dropout, Flatten, Dense

img_channels, img_rows, img_cols = 1, 64, 64
nb_filters, nb_conv, nb_pool = 16, 3, 2
nb_classes = 5
X_train = np.random.rand(40, img_channels, img_rows, img_cols).astype("float32")
Y_train = np.random.randint(0, nb_classes, size=(40,))

model = Sequential()
model.add(Conv2D(nb_filters, (nb_conv, nb_conv), padding="valid", input_shape=(img_channels, img_rows, img_cols)))
model.add(Activation("relu"))
model.add(Conv2D(nb_filters, (nb_conv, nb_conv)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(nb_pool, nb_pool)))
model.add(Dropout(0.5))
model.add(Flatten())
model.add(Dense(64))
model.add(Activation("relu"))
model.add(Dense(nb_classes))
model.add(Activation("softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adadelta")
model.fit(X_train, Y_train, batch_size=8, epochs=1, verbose=0)
