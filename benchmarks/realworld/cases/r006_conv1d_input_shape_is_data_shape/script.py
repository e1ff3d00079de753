import numpy
from keras.models import Sequential
from keras.layers import Conv1D, Flatten, Dense

# Tabular data: 569 rows, 30 measurements, binary diagnosis.
X = numpy.random.rand(569, 30)
Y = numpy.random.randint(0, 2, size=(569,))

model = Sequential()
model.add(Conv1D(2, 2, activation="relu", input_shape=X.shape))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, Y, epochs=1, batch_size=5, verbose=0)
