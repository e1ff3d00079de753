import numpy as np
import keras
from keras import layers

MAX_SEQ_LENGTH = 20
NUM_FEATURES = 64
class_vocab = ["CricketShot", "PlayingCello", "Punch", "ShavingBeard", "TennisSwing"]

rng = np.random.default_rng(7)
num_videos = 120
train_features = rng.normal(size=(num_videos, MAX_SEQ_LENGTH, NUM_FEATURES)).astype("float32")
train_masks = np.zeros((num_videos, MAX_SEQ_LENGTH), dtype="bool")
for idx in range(num_videos):
    length = rng.integers(8, MAX_SEQ_LENGTH + 1)
    train_masks[idx, :length] = True
    train_features[idx, length:] = 0.0
train_labels = rng.integers(0, len(class_vocab), size=(num_videos, 1))


def get_sequence_model():
    frame_features_input = keras.Input((MAX_SEQ_LENGTH, NUM_FEATURES))
    mask_input = keras.Input((MAX_SEQ_LENGTH,), dtype="bool")
    x = layers.GRU(16, return_sequences=True)(frame_features_input, mask=mask_input)
    x = layers.GRU(8)(x)
    x = layers.Dropout(0.4)(x)
    x = layers.Dense(8, activation="relu")(x)
    output = layers.Dense(len(class_vocab), activation="softmax")(x)
    rnn_model = keras.Model([frame_features_input, mask_input], output)
    rnn_model.compile(
        loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"]
    )
    return rnn_model


sequence_model = get_sequence_model()
sequence_model.fit(
    [train_features, train_masks], train_labels, validation_split=0.2, epochs=1, batch_size=32
)


def prepare_single_video(frame_sequence):
    frame_mask = np.zeros(shape=(1, MAX_SEQ_LENGTH), dtype="bool")
    frame_features = np.zeros(shape=(1, MAX_SEQ_LENGTH, NUM_FEATURES), dtype="float32")
    length = min(MAX_SEQ_LENGTH, len(frame_sequence))
    frame_features[0, :length] = frame_sequence[:length]
    frame_mask[0, :length] = True
    return frame_features, frame_mask


test_clip = rng.normal(size=(14, NUM_FEATURES)).astype("float32")
frame_features, frame_mask = prepare_single_video(test_clip)
probabilities = sequence_model.predict([frame_features[0], frame_mask[0]])[0]
for i in np.argsort(probabilities)[::-1]:
    print(f"  {class_vocab[i]}: {probabilities[i] * 100:5.2f}%")
