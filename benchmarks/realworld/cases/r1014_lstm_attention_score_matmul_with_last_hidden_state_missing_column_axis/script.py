import numpy as np
import keras
from keras import layers, ops

rng = np.random.default_rng(14)
TIME_STEPS, INPUT_DIM, HIDDEN = 20, 2, 32

# toy task: the label is the first feature at a random step, the rest is noise
x = rng.normal(size=(300, TIME_STEPS, INPUT_DIM)).astype("float32")
y = (x[:, 7, 0] > 0).astype("float32")


class AttentionScore(layers.Layer):
    def call(self, inputs):
        score_first_part, h_t = inputs
        return ops.squeeze(ops.matmul(score_first_part, h_t), -1)


def attention_3d_block(hidden_states):
    hidden_size = hidden_states.shape[2]
    score_first_part = layers.Dense(hidden_size, use_bias=False, name="attention_score_vec")(hidden_states)
    h_t = layers.Lambda(lambda t: t[:, -1, :], name="last_hidden_state")(hidden_states)
    score = AttentionScore(name="attention_score")([score_first_part, h_t])
    attention_weights = layers.Activation("softmax", name="attention_weight")(score)
    context_vector = layers.Lambda(lambda a: ops.sum(a[0] * ops.expand_dims(a[1], -1), axis=1),
                                   name="context_vector")([hidden_states, attention_weights])
    pre_activation = layers.Concatenate(name="attention_output")([context_vector, h_t])
    return layers.Dense(128, use_bias=False, activation="tanh", name="attention_vector")(pre_activation)


inputs = keras.Input(shape=(TIME_STEPS, INPUT_DIM))
lstm_out = layers.LSTM(HIDDEN, return_sequences=True)(inputs)
attention_mul = attention_3d_block(lstm_out)
outputs = layers.Dense(1, activation="sigmoid")(attention_mul)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=2, batch_size=32, verbose=0)
print("accuracy:", model.evaluate(x, y, verbose=0)[1])
