from random import randint, seed
import numpy as np
from numpy import array, argmax, array_equal
import keras
from keras import layers
from keras.utils import to_categorical


def generate_sequence(length, n_unique):
    return [randint(1, n_unique - 1) for _ in range(length)]


def get_dataset(n_in, n_out, cardinality, n_samples):
    X1, X2, y = list(), list(), list()
    for _ in range(n_samples):
        source = generate_sequence(n_in, cardinality)
        target = source[:n_out]
        target.reverse()
        target_in = [0] + target[:-1]
        X1.append(to_categorical(source, num_classes=cardinality))
        X2.append(to_categorical(target_in, num_classes=cardinality))
        y.append(to_categorical(target, num_classes=cardinality))
    return array(X1), array(X2), array(y)


def define_models(n_input, n_output, n_units):
    encoder_inputs = keras.Input(shape=(None, n_input))
    encoder = layers.LSTM(n_units, return_state=True)
    encoder_outputs, state_h, state_c = encoder(encoder_inputs)
    encoder_states = [state_h, state_c]
    decoder_inputs = keras.Input(shape=(None, n_output))
    decoder_lstm = layers.LSTM(n_units, return_sequences=True, return_state=True)
    decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
    decoder_dense = layers.Dense(n_output, activation="softmax")
    decoder_outputs = decoder_dense(decoder_outputs)
    model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
    encoder_model = keras.Model(encoder_inputs, encoder_states)
    decoder_state_input_h = keras.Input(shape=(n_units,))
    decoder_state_input_c = keras.Input(shape=(n_units,))
    decoder_states_inputs = [decoder_state_input_h, decoder_state_input_c]
    decoder_outputs, state_h, state_c = decoder_lstm(decoder_inputs, initial_state=decoder_states_inputs)
    decoder_states = [state_h, state_c]
    decoder_outputs = decoder_dense(decoder_outputs)
    decoder_model = keras.Model([decoder_inputs] + decoder_states_inputs, [decoder_outputs] + decoder_states)
    return model, encoder_model, decoder_model


def predict_sequence(infenc, infdec, source, n_steps, cardinality):
    state = infenc.predict(source, verbose=0)
    # start of sequence input
    target_seq = array([0.0 for _ in range(cardinality)]).reshape(1, cardinality)
    output = list()
    for t in range(n_steps):
        yhat, h, c = infdec.predict([target_seq] + state, verbose=0)
        output.append(yhat[0, 0, :])
        state = [h, c]
        target_seq = yhat
    return array(output)


seed(1001)
n_features = 20 + 1
n_steps_in, n_steps_out = 6, 3
train, infenc, infdec = define_models(n_features, n_features, 32)
train.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
X1, X2, y = get_dataset(n_steps_in, n_steps_out, n_features, 300)
train.fit([X1, X2], y, epochs=1, verbose=0)
X1, X2, y = get_dataset(n_steps_in, n_steps_out, n_features, 5)
for i in range(5):
    target = predict_sequence(infenc, infdec, X1[i:i + 1], n_steps_out, n_features)
    print(array_equal(argmax(y[i], axis=-1), argmax(target, axis=-1)))
