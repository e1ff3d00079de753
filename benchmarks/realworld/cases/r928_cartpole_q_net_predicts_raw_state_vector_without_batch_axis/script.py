import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Dense

rng = np.random.default_rng(928)


def reset_pole():
    # cart position, cart velocity, pole angle, pole angular velocity
    return rng.uniform(-0.05, 0.05, size=4).astype("float32")


def step_pole(state, action):
    force = 1.0 if action == 1 else -1.0
    x, v, theta, omega = state
    omega = omega + 0.02 * (9.8 * np.sin(theta) - 0.3 * force)
    theta = theta + 0.02 * omega
    v = v + 0.02 * force
    x = x + 0.02 * v
    new_state = np.array([x, v, theta, omega], dtype="float32")
    return new_state, abs(theta) > 0.21 or abs(x) > 2.4


model = keras.models.Sequential()
model.add(Dense(8, activation="relu"))
model.add(Dense(2, activation="linear"))
model.compile(optimizer="adam", loss="mse")

state = reset_pole()
print(state)
total_steps = 0
for t in range(50):
    q_values = model.predict(state, verbose=0)
    action = int(np.argmax(q_values))
    state, done = step_pole(state, action)
    total_steps += 1
    if done:
        break
print("pole stayed up for", total_steps, "steps")
