# Hourly load forecasting with a 1-D convnet over sliding windows: the window carries KERNEL - 1 extra
# input steps so that the valid convolution yields exactly one prediction per label step.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(114)
signals = ["load (kW)", "temp (C)", "humidity"]
t = np.arange(1500)
table = np.stack([np.cos(t * 2 * np.pi / 24) + rng.normal(0, 0.1, 1500),
                  rng.normal(0, 1, 1500),
                  rng.normal(0, 1, 1500)], axis=1).astype("float32")
fit_part, check_part = table[:1200], table[1200:]
col = {name: i for i, name in enumerate(signals)}


class Windows:
    def __init__(self, input_width, label_width, shift, targets):
        self.targets = targets
        self.input_width, self.label_width = input_width, label_width
        self.size = input_width + shift
        self.first_label = self.size - label_width

    def split(self, chunk):
        x = chunk[:, :self.input_width, :]
        y = chunk[:, self.first_label:, :]
        y = tf.stack([y[:, :, col[name]] for name in self.targets], axis=-1)
        x.set_shape([None, self.input_width, None])
        y.set_shape([None, self.label_width, None])
        return x, y

    def dataset(self, array):
        ds = tf.keras.utils.timeseries_dataset_from_array(
            data=array, targets=None, sequence_length=self.size, sequence_stride=1,
            shuffle=True, batch_size=16)
        return ds.map(self.split)


KERNEL = 4
OUT_STEPS = 12
windows = Windows(input_width=OUT_STEPS + (KERNEL - 1), label_width=OUT_STEPS, shift=1,
                  targets=["load (kW)"])

convnet = tf.keras.Sequential([
    tf.keras.layers.Conv1D(filters=16, kernel_size=(KERNEL,), activation="relu"),
    tf.keras.layers.Dense(units=16, activation="relu"),
    tf.keras.layers.Dense(units=1),
])
convnet.compile(loss=tf.keras.losses.MeanSquaredError(), optimizer=tf.keras.optimizers.Adam(),
                metrics=[tf.keras.metrics.MeanAbsoluteError()])
convnet.fit(windows.dataset(fit_part), epochs=2, verbose=0, validation_data=windows.dataset(check_part))
print(convnet.evaluate(windows.dataset(check_part), verbose=0))
