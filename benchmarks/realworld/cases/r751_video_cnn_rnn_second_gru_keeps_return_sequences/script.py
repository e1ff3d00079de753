# CNN-RNN video classifier: a frozen image network turns every frame into a feature
# vector (videos shorter than MAX_SEQ_LENGTH are zero-padded and masked), then a
# stacked GRU reads the frame features and a softmax head names the action.
import numpy as np
import keras
from keras import layers

MAX_SEQ_LENGTH = 12
FRAME_SIZE = 32
NUM_FEATURES = 24
CLASS_VOCAB = ["CricketShot", "PlayingCello", "Punch", "ShavingBeard", "TennisSwing"]

rng = np.random.default_rng(751)

feature_extractor = keras.Sequential([
    keras.Input((FRAME_SIZE, FRAME_SIZE, 3)),
    layers.Rescaling(1.0 / 255),
    layers.Conv2D(16, 3, strides=2, activation="relu"),
    layers.Conv2D(NUM_FEATURES, 3, strides=2, activation="relu"),
    layers.GlobalAveragePooling2D(),
], name="feature_extractor")


def prepare_videos(n_videos):
    features = np.zeros((n_videos, MAX_SEQ_LENGTH, NUM_FEATURES), dtype="float32")
    masks = np.zeros((n_videos, MAX_SEQ_LENGTH), dtype="bool")
    for i in range(n_videos):
        n_frames = rng.integers(6, MAX_SEQ_LENGTH + 1)
        frames = rng.integers(0, 256, size=(n_frames, FRAME_SIZE, FRAME_SIZE, 3)).astype("float32")
        features[i, :n_frames] = feature_extractor.predict(frames, verbose=0)
        masks[i, :n_frames] = True
    return features, masks


train_feats, train_masks = prepare_videos(30)
train_labels = rng.integers(0, len(CLASS_VOCAB), size=(30, 1))
test_feats, test_masks = prepare_videos(8)
test_labels = rng.integers(0, len(CLASS_VOCAB), size=(8, 1))

frame_features_input = keras.Input((MAX_SEQ_LENGTH, NUM_FEATURES))
mask_input = keras.Input((MAX_SEQ_LENGTH,), dtype="bool")
x = layers.GRU(16, return_sequences=True)(frame_features_input, mask=mask_input)
x = layers.GRU(8, return_sequences=True)(x)
x = layers.Dropout(0.4)(x)
x = layers.Dense(8, activation="relu")(x)
output = layers.Dense(len(CLASS_VOCAB), activation="softmax")(x)
rnn_model = keras.Model([frame_features_input, mask_input], output)

rnn_model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
rnn_model.fit([train_feats, train_masks], train_labels, validation_split=0.3, epochs=2, verbose=0)
_, accuracy = rnn_model.evaluate([test_feats, test_masks], test_labels, verbose=0)
print(f"Test accuracy: {round(accuracy * 100, 2)}%")
