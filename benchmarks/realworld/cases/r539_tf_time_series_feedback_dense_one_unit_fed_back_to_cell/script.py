# Autoregressive multi-step weather forecaster: an LSTMCell whose prediction is fed back as the next input.
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(7)
num_features = 5
OUT_STEPS = 12
series = rng.normal(size=(700, num_features)).astype("float32")
windows = np.stack([series[i:i + 24 + OUT_STEPS] for i in range(0, 650, 2)])
example_inputs, example_labels = windows[:32, :24], windows[:32, 24:]


class FeedBack(tf.keras.Model):
    def __init__(self, units, out_steps):
        super().__init__()
        self.out_steps = out_steps
        self.units = units
        self.lstm_cell = tf.keras.layers.LSTMCell(units)
        # Also wrap the LSTMCell in an RNN to simplify the `warmup` method.
        self.lstm_rnn = tf.keras.layers.RNN(self.lstm_cell, return_state=True)
        self.dense = tf.keras.layers.Dense(1)

    def warmup(self, inputs):
        # inputs.shape => (batch, time, features); x.shape => (batch, lstm_units)
        x, *state = self.lstm_rnn(inputs)
        prediction = self.dense(x)
        return prediction, state

    def call(self, inputs, training=None):
        predictions = []
        prediction, state = self.warmup(inputs)
        predictions.append(prediction)
        for n in range(1, self.out_steps):
            # Use the last prediction as input.
            x = prediction
            x, state = self.lstm_cell(x, states=state, training=training)
            prediction = self.dense(x)
            predictions.append(prediction)
        # predictions.shape => (time, batch, features) -> (batch, time, features)
        predictions = tf.stack(predictions)
        return tf.transpose(predictions, [1, 0, 2])


feedback_model = FeedBack(units=32, out_steps=OUT_STEPS)
prediction, state = feedback_model.warmup(example_inputs)
print("warmup prediction:", prediction.shape)
print("Output shape (batch, time, features): ", feedback_model(example_inputs).shape)

feedback_model.compile(loss=tf.keras.losses.MeanSquaredError(), optimizer=tf.keras.optimizers.Adam(),
                       metrics=[tf.keras.metrics.MeanAbsoluteError()])
feedback_model.fit(windows[:, :24], windows[:, 24:], epochs=1, batch_size=32, verbose=0)
