import numpy as np
from tensorflow.keras import Input, Model, layers

# One image in, two predictions out: a class (10 classes) and a bounding box
input_layer = Input(shape=(64, 64, 3))
x = layers.Conv2D(16, (3, 3), activation="relu")(input_layer)
x = layers.MaxPooling2D(4)(x)
x = layers.Flatten()(x)
output1 = layers.Dense(10, activation="softmax", name="classification")(x)
output2 = layers.Dense(4, name="bbox")(x)
model = Model(inputs=input_layer, outputs=[output1, output2])
model.compile(
    optimizer="adam",
    loss={"classification": "categorical_crossentropy", "bbox": "mean_squared_error"},
    metrics={"classification": ["accuracy"], "bbox": ["mse"]},
)

X_train = np.random.rand(40, 64, 64, 3).astype("float32")
y_class = np.random.randint(10, size=(40,))
y_bbox = np.random.rand(40, 4).astype("float32")
model.fit(X_train, {"classification": y_class, "bbox": y_bbox}, batch_size=8, epochs=1, verbose=0)
