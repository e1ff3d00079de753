import numpy as np
import keras
from keras import layers

# Auto MPG-like data: fuel efficiency falls with horsepower
rng = np.random.default_rng(8)
horsepower = rng.uniform(46, 230, size=314).astype("float32")
mpg = (40.0 - 0.13 * horsepower + rng.normal(0, 2.5, size=314)).astype("float32")
train_hp, test_hp = horsepower[:250], horsepower[250:]
train_labels, test_labels = mpg[:250], mpg[250:]

# normalize the single horsepower feature
horsepower_normalizer = layers.Normalization()
horsepower_normalizer.adapt(train_hp)

horsepower_model = keras.Sequential([
    keras.Input(shape=(1,)),
    horsepower_normalizer,
    layers.Dense(units=1),
])
horsepower_model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.1),
                         loss="mean_absolute_error")
history = horsepower_model.fit(train_hp, train_labels, epochs=5,
                               validation_split=0.2, verbose=0)
print("test MAE:", horsepower_model.evaluate(test_hp, test_labels, verbose=0))
