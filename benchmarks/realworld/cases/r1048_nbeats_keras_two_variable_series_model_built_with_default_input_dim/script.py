import numpy as np
import keras
from keras import layers


def NBeatsNet(backcast_length, forecast_length, input_dim=1, output_dim=1,
              nb_blocks_per_stack=2, hidden_layer_units=32, thetas_dim=4):
    x = keras.Input(shape=(backcast_length, input_dim), name="input_variable")
    residual = layers.Flatten()(x)
    forecast = None
    for _ in range(2 * nb_blocks_per_stack):
        h = residual
        for _ in range(3):
            h = layers.Dense(hidden_layer_units, activation="relu")(h)
        theta_b = layers.Dense(thetas_dim, use_bias=False)(h)
        theta_f = layers.Dense(thetas_dim, use_bias=False)(h)
        backcast = layers.Dense(backcast_length * input_dim)(theta_b)
        block_forecast = layers.Dense(forecast_length * output_dim)(theta_f)
        residual = layers.Subtract()([residual, backcast])
        forecast = block_forecast if forecast is None else layers.Add()([forecast, block_forecast])
    y_hat = layers.Reshape((forecast_length, output_dim))(forecast)
    return keras.Model(x, y_hat)


num_samples, time_steps, input_dim, output_dim = 2000, 10, 2, 1
rng = np.random.default_rng(58)
x = rng.uniform(size=(num_samples, time_steps, input_dim)).astype("float32")
y = np.mean(x[:, :, :1], axis=1, keepdims=True)

model = NBeatsNet(backcast_length=time_steps, forecast_length=output_dim,
                  nb_blocks_per_stack=2, hidden_layer_units=32, thetas_dim=4)
model.compile(loss="mae", optimizer="adam")

c = num_samples // 10
x_train, y_train, x_test, y_test = x[c:], y[c:], x[:c], y[:c]
model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=2, batch_size=128, verbose=0)
print("test mae", model.evaluate(x_test, y_test, verbose=0))
