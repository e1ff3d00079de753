import numpy as np
import keras
from keras import layers

# Federated averaging simulated by hand: every client trains a copy of the
# global model on its own sensor recordings, the server averages weights.
# Targets are per time step: 12 signals to predict at each of the steps.
timesteps, n_features, n_targets = 50, 8, 12
n_clients, rounds = 3, 2
rng = np.random.default_rng(3)

client_data = []
for c in range(n_clients):
    x = rng.normal(size=(40, timesteps, n_features)).astype("float32")
    y = rng.normal(size=(40, timesteps, n_targets)).astype("float32")
    client_data.append((x, y))


def create_model():
    model = keras.Sequential()
    model.add(keras.Input(shape=(timesteps, n_features)))
    model.add(layers.LSTM(32, name="lstm_layer1", return_sequences=True))
    model.add(layers.LSTM(32, name="lstm_layer2"))
    model.add(layers.Dense(n_targets, name="output_layer"))
    model.compile(optimizer="adam", loss="mse")
    return model


global_model = create_model()
for r in range(rounds):
    client_weights, sizes = [], []
    for x, y in client_data:
        local = create_model()
        local.set_weights(global_model.get_weights())
        local.fit(x, y, epochs=1, batch_size=16, verbose=0)
        client_weights.append(local.get_weights())
        sizes.append(len(x))
    share = np.array(sizes) / sum(sizes)
    averaged = [sum(w[k] * s for w, s in zip(client_weights, share))
                for k in range(len(client_weights[0]))]
    global_model.set_weights(averaged)
    print("round", r, "done")

x_test, y_test = client_data[0]
print("global mse", global_model.evaluate(x_test, y_test, verbose=0))
