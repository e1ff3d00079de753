import numpy as np
from keras.models import Sequential
from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense
from keras.ops import image as kimage

number_dict = {i: str(i) for i in range(10)}

# a sign-language digit classifier trained on 256 x 256 binarised hand crops
model = Sequential([
    Input(shape=(256, 256, 1)),
    Conv2D(8, (3, 3), strides=2, activation="relu"),
    MaxPooling2D((4, 4)),
    Conv2D(16, (3, 3), activation="relu"),
    MaxPooling2D((4, 4)),
    Flatten(),
    Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

# one thresholded region of interest from a webcam frame
final_image = (np.random.rand(300, 280, 1) > 0.5).astype("float32") * 255
final_image = np.array(kimage.resize(final_image, (128, 128)))
final_image = np.reshape(final_image, (1, final_image.shape[0], final_image.shape[1], 1))
pred = model.predict(final_image, verbose=0)
print(number_dict[int(np.argmax(pred))])
