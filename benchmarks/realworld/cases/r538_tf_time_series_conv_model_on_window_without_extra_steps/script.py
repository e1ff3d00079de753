# Weather forecasting with a convolutional model that predicts the temperature one hour ahead, for 24 hours.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(24)
column_names = ["p (mbar)", "T (degC)", "rh (%)", "wv (m/s)"]
hours = np.arange(2000)
data = np.stack([rng.normal(0, 1, 2000),
                 np.sin(hours * 2 * np.pi / 24) + rng.normal(0, 0.1, 2000),
                 rng.normal(0, 1, 2000),
                 rng.normal(0, 1, 2000)], axis=1).astype("float32")
train_df, val_df = data[:1600], data[1600:]
column_indices = {name: i for i, name in enumerate(column_names)}


class WindowGenerator:
    def __init__(self, input_width, label_width, shift, label_columns):
        self.label_columns = label_columns
        self.input_width, self.label_width, self.shift = input_width, label_width, shift
        self.total_window_size = input_width + shift
        self.input_slice = slice(0, input_width)
        self.label_start = self.total_window_size - self.label_width
        self.labels_slice = slice(self.label_start, None)

    def split_window(self, features):
        inputs = features[:, self.input_slice, :]
        labels = features[:, self.labels_slice, :]
        labels = tf.stack([labels[:, :, column_indices[name]] for name in self.label_columns], axis=-1)
        inputs.set_shape([None, self.input_width, None])
        labels.set_shape([None, self.label_width, None])
        return inputs, labels

    def make_dataset(self, data):
        ds = tf.keras.utils.timeseries_dataset_from_array(
            data=data, targets=None, sequence_length=self.total_window_size,
            sequence_stride=1, shuffle=True, batch_size=32)
        return ds.map(self.split_window)


CONV_WIDTH = 3
LABEL_WIDTH = 24
wide_conv_window = WindowGenerator(input_width=LABEL_WIDTH, label_width=LABEL_WIDTH, shift=1,
                                   label_columns=["T (degC)"])

conv_model = tf.keras.Sequential([
    tf.keras.layers.Conv1D(filters=32, kernel_size=(CONV_WIDTH,), activation="relu"),
    tf.keras.layers.Dense(units=32, activation="relu"),
    tf.keras.layers.Dense(units=1),
])

conv_model.compile(loss=tf.keras.losses.MeanSquaredError(), optimizer=tf.keras.optimizers.Adam(),
                   metrics=[tf.keras.metrics.MeanAbsoluteError()])
history = conv_model.fit(wide_conv_window.make_dataset(train_df), epochs=2, verbose=0,
                         validation_data=wide_conv_window.make_dataset(val_df))
print(conv_model.evaluate(wide_conv_window.make_dataset(val_df), verbose=0))
