import numpy as np
from tensorflow.keras.layers import Input, Dense
from tensorflow.keras.models import Model

# Seed difference -> predicted scores of both teams.
games_tourney_train = np.random.rand(256, 1).astype("float32")
scores_train = np.random.rand(256, 2).astype("float32") * 100

input_tensor = Input(shape=(1,))
output_tensor = Dense(1)(input_tensor)
model = Model(input_tensor, output_tensor)
model.compile(optimizer="adam", loss="mean_absolute_error")
model.fit(games_tourney_train, scores_train, epochs=1, batch_size=32, verbose=0)
