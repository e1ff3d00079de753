# Customer-churn classifier on 10 account features (0 = stays, 1 = churns). The
# model ends in a 2-way softmax trained on the integer labels, and precision and
# recall are tracked because churners are the minority.
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(37104)
accounts = rng.normal(size=(400, 10)).astype("float32")
churned = (accounts[:, 0] + 0.5 * rng.normal(size=400) > 1.0).astype("int32")

churn_model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(16, activation="relu"),
    layers.Dense(2, activation="softmax"),
])
churn_model.compile(
    optimizer="adam",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy", keras.metrics.Precision(), keras.metrics.Recall()],
)
churn_model.fit(accounts, churned, batch_size=32, epochs=3, validation_split=0.2, verbose=0)
print(churn_model.evaluate(accounts, churned, verbose=0))
