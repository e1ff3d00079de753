# Subclassed Wide & Deep regressor for house prices: the wide input (first 4 features) and
# the deep input (last 6 features) are normalized by their own Normalization layers,
# each adapted on the training slice it will see; the model returns a main output and an
# auxiliary output from the deep path, trained with weighted losses.
import numpy as np
import keras

gen = np.random.default_rng(147)
features = gen.normal(size=(360, 9)).astype("float32")
prices = gen.normal(size=(360, 1)).astype("float32")
features_new = gen.normal(size=(3, 9)).astype("float32")


class WideDeepRegressor(keras.Model):
    def __init__(self, units=24, **kwargs):
        super().__init__(**kwargs)
        self.wide_norm = keras.layers.Normalization()
        self.deep_norm = keras.layers.Normalization()
        self.deep_1 = keras.layers.Dense(units, activation="relu")
        self.deep_2 = keras.layers.Dense(units, activation="relu")
        self.price_head = keras.layers.Dense(1)
        self.helper_head = keras.layers.Dense(1)

    def call(self, inputs):
        wide, deep = inputs
        wide = self.wide_norm(wide)
        hidden = self.deep_2(self.deep_1(self.deep_norm(deep)))
        merged = keras.layers.concatenate([wide, hidden])
        return self.price_head(merged), self.helper_head(hidden)


wide_cols, deep_cols = slice(0, 4), slice(3, 9)
train_wide, train_deep = features[:300, wide_cols], features[:300, deep_cols]
valid_wide, valid_deep = features[300:, wide_cols], features[300:, deep_cols]

regressor = WideDeepRegressor(name="wide_deep_regressor")
regressor.compile(loss=["mse", "mse"], loss_weights=[0.8, 0.2], optimizer=keras.optimizers.Adam(1e-3))
regressor.wide_norm.adapt(train_wide)
regressor.deep_norm.adapt(train_deep)
regressor.fit((train_wide, train_deep), (prices[:300], prices[:300]), epochs=2, verbose=0,
              validation_data=((valid_wide, valid_deep), (prices[300:], prices[300:])))
main_pred, helper_pred = regressor.predict((features_new[:, wide_cols], features_new[:, deep_cols]), verbose=0)
print(main_pred.shape, helper_pred.shape)
