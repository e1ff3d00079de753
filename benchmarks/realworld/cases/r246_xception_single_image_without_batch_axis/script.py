import numpy as np
import keras

# Score one image with an ImageNet-style classifier (random weights: no download)
model = keras.applications.Xception(weights=None, include_top=True, classes=10)

img = np.random.randint(0, 256, size=(299, 299, 3)).astype("float32")
x = keras.applications.xception.preprocess_input(img)
preds = model.predict(x, verbose=0)
print(np.argmax(preds[0]))
