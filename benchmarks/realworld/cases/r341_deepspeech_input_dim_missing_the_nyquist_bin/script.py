"""Automatic speech recognition with CTC: a DeepSpeech2-like model on STFT spectrograms."""
import numpy as np
import tensorflow as tf
import keras
from keras import layers

rng = np.random.default_rng(0)
characters = [x for x in "abcdefghijklmnopqrstuvwxyz'?! "]
# Short random clips and transcripts stand in for LJSpeech.
waves = [rng.normal(scale=0.1, size=rng.integers(4000, 6000)).astype("float32") for _ in range(16)]
transcripts = ["".join(rng.choice(characters[:26], size=rng.integers(3, 8))) for _ in range(16)]

char_to_num = keras.layers.StringLookup(vocabulary=characters, oov_token="")
num_to_char = keras.layers.StringLookup(vocabulary=char_to_num.get_vocabulary(), oov_token="", invert=True)
# The last class of the softmax is the CTC blank, as in keras.backend.ctc_batch_cost.
BLANK = len(char_to_num.get_vocabulary())

# An integer scalar Tensor. The window length in samples.
frame_length = 256
# An integer scalar Tensor. The number of samples to step.
frame_step = 160
# An integer scalar Tensor. The size of the FFT to apply.
fft_length = 384


def encode_single_sample(audio, label):
    spectrogram = tf.signal.stft(audio, frame_length=frame_length, frame_step=frame_step, fft_length=fft_length)
    spectrogram = tf.abs(spectrogram)
    spectrogram = tf.math.pow(spectrogram, 0.5)
    means = tf.math.reduce_mean(spectrogram, 1, keepdims=True)
    stddevs = tf.math.reduce_std(spectrogram, 1, keepdims=True)
    spectrogram = (spectrogram - means) / (stddevs + 1e-10)
    label = tf.strings.lower(label)
    label = tf.strings.unicode_split(label, input_encoding="UTF-8")
    label = char_to_num(label)
    return spectrogram, label


batch_size = 4
train_dataset = tf.data.Dataset.from_generator(
    lambda: zip(waves, transcripts),
    output_signature=(tf.TensorSpec((None,), tf.float32), tf.TensorSpec((), tf.string)),
)
train_dataset = train_dataset.map(encode_single_sample).padded_batch(batch_size)


def CTCLoss(y_true, y_pred):
    batch_len = tf.shape(y_true)[0]
    input_length = tf.shape(y_pred)[1] * tf.ones(shape=(batch_len,), dtype="int32")
    label_length = tf.shape(y_true)[1] * tf.ones(shape=(batch_len,), dtype="int32")
    return keras.ops.ctc_loss(y_true, tf.math.log(y_pred + 1e-7), label_length, input_length, mask_index=BLANK)


def build_model(input_dim, output_dim, rnn_layers=5, rnn_units=128):
    """Model similar to DeepSpeech2."""
    input_spectrogram = layers.Input((None, input_dim), name="input")
    x = layers.Reshape((-1, input_dim, 1), name="expand_dim")(input_spectrogram)
    x = layers.Conv2D(filters=8, kernel_size=[11, 41], strides=[2, 2], padding="same", use_bias=False, name="conv_1")(x)
    x = layers.BatchNormalization(name="conv_1_bn")(x)
    x = layers.ReLU(name="conv_1_relu")(x)
    x = layers.Conv2D(filters=8, kernel_size=[11, 21], strides=[1, 2], padding="same", use_bias=False, name="conv_2")(x)
    x = layers.BatchNormalization(name="conv_2_bn")(x)
    x = layers.ReLU(name="conv_2_relu")(x)
    x = layers.Reshape((-1, x.shape[-2] * x.shape[-1]))(x)
    for i in range(1, rnn_layers + 1):
        recurrent = layers.GRU(units=rnn_units, return_sequences=True, reset_after=True, name=f"gru_{i}")
        x = layers.Bidirectional(recurrent, name=f"bidirectional_{i}", merge_mode="concat")(x)
        if i < rnn_layers:
            x = layers.Dropout(rate=0.5)(x)
    x = layers.Dense(units=rnn_units * 2, name="dense_1")(x)
    x = layers.ReLU(name="dense_1_relu")(x)
    x = layers.Dropout(rate=0.5)(x)
    output = layers.Dense(units=output_dim + 1, activation="softmax")(x)
    model = keras.Model(input_spectrogram, output, name="DeepSpeech_2")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss=CTCLoss)
    return model


model = build_model(
    input_dim=fft_length // 2,
    output_dim=char_to_num.vocabulary_size(),
    rnn_layers=1,
    rnn_units=16,
)
history = model.fit(train_dataset, epochs=1, verbose=2)
print("loss:", history.history["loss"][-1])
