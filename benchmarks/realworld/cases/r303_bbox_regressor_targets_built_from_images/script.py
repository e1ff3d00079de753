import numpy as np
from tensorflow.keras.layers import Dense, Dropout, Flatten, Input
from tensorflow.keras.models import Model

# Stand-in for the annotated images: each row is (xmin, xmax, ymin, ymax) of one object
rng = np.random.default_rng(0)
labels = rng.integers(10, 200, size=(48, 4)).astype("float32")

data = []
output = []
for ind in range(len(labels)):
    h, w = 240, 320
    norm_load_image_arr = rng.random((64, 64, 3)).astype("float32")  # resized and scaled image
    xmin, xmax, ymin, ymax = labels[ind]
    label_norm = (xmin / w, xmax / w, ymin / h, ymax / h)  # normalized output
    data.append(norm_load_image_arr)
    output.append(label_norm)

X = np.array(data, dtype=np.float32)
y = np.array(data, dtype=np.float32)
print(X.shape, y.shape)

x_train, x_test = X[:40], X[40:]
y_train, y_test = y[:40], y[40:]

inputs = Input(shape=(64, 64, 3))
x = Flatten()(inputs)
x = Dense(128, activation="relu")(x)
x = Dropout(0.2)(x)
headmodel = Dense(4, activation="sigmoid")(x)
model = Model(inputs=inputs, outputs=headmodel)

model.compile(loss="mse", optimizer="adam")
history = model.fit(x=x_train, y=y_train, batch_size=10, epochs=2,
                    validation_data=(x_test, y_test), verbose=0)
