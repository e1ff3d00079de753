# California-housing-style Wide & Deep regressor written with the subclassing API: the
# wide path (features 0-4) and the deep path (features 2-7) each get their own
# Normalization layer, the deep path two hidden layers, and the model returns a main
# output (wide + deep) and an auxiliary output (deep only).
import numpy as np
import keras

rng = np.random.default_rng(32)
X_train = rng.normal(size=(400, 8)).astype("float32")
y_train = rng.normal(size=(400, 1)).astype("float32")
X_valid = rng.normal(size=(80, 8)).astype("float32")
y_valid = rng.normal(size=(80, 1)).astype("float32")


class WideAndDeepModel(keras.Model):
    def __init__(self, units=30, activation="relu", **kwargs):
        super().__init__(**kwargs)
        self.norm_layer_wide = keras.layers.Normalization()
        self.norm_layer_deep = keras.layers.Normalization()
        self.hidden1 = keras.layers.Dense(units, activation=activation)
        self.hidden2 = keras.layers.Dense(units, activation=activation)
        self.main_output = keras.layers.Dense(1)
        self.aux_output = keras.layers.Dense(1)

    def call(self, inputs):
        input_wide, input_deep = inputs
        norm_wide = self.norm_layer_wide(input_wide)
        norm_deep = self.norm_layer_deep(input_deep)
        hidden1 = self.hidden1(norm_deep)
        hidden2 = self.hidden2(hidden1)
        concat = keras.layers.concatenate([norm_wide, hidden2])
        output = self.main_output(concat)
        aux_output = self.aux_output(hidden2)
        return output, aux_output


X_train_wide, X_train_deep = X_train[:, :5], X_train[:, 2:]
X_valid_wide, X_valid_deep = X_valid[:, :5], X_valid[:, 2:]

model = WideAndDeepModel(30, activation="relu", name="my_cool_model")
model.compile(loss=["mse", "mse"], loss_weights=[0.9, 0.1], optimizer=keras.optimizers.Adam(learning_rate=1e-3))
model.norm_layer_wide.adapt(X_train_deep)
model.norm_layer_deep.adapt(X_train_wide)
history = model.fit((X_train_wide, X_train_deep), (y_train, y_train), epochs=2, verbose=0,
                    validation_data=((X_valid_wide, X_valid_deep), (y_valid, y_valid)))
print(model.evaluate((X_valid_wide, X_valid_deep), (y_valid, y_valid), verbose=0))
