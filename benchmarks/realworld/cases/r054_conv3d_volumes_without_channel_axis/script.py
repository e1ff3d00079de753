import numpy as np
from keras.models import Sequential
from keras.layers import Conv3D, MaxPooling3D, GlobalAveragePooling3D, Dense

# CT scans: 16 slices of 64x64, one intensity value per voxel.
scans = np.random.rand(20, 16, 64, 64).astype("float32")
diagnosis = np.random.randint(0, 2, size=(20,))

model = Sequential()
model.add(Conv3D(8, kernel_size=(3, 3, 3), activation="relu", input_shape=(16, 64, 64)))
model.add(MaxPooling3D((2, 2, 2)))
model.add(GlobalAveragePooling3D())
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(scans, diagnosis, epochs=1, batch_size=5, verbose=0)
