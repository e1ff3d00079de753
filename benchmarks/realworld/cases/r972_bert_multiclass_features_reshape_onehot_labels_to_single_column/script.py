import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(972)
max_seq_length = 24
vocab_size = 300
label_list = ["billing", "delivery", "returns", "account", "other"]


class InputExample:
    def __init__(self, guid, text_a, label):
        self.guid = guid
        self.text_a = text_a
        self.label = label


def tokenize(text):
    return [(sum(ord(c) for c in w) % (vocab_size - 3)) + 3 for w in text.split()]


def convert_examples_to_features(examples, max_seq_length):
    input_ids, input_masks, segment_ids, labels = [], [], [], []
    for ex in examples:
        ids = [1] + tokenize(ex.text_a)[: max_seq_length - 2] + [2]
        mask = [1] * len(ids)
        ids += [0] * (max_seq_length - len(ids))
        mask += [0] * (max_seq_length - len(mask))
        input_ids.append(ids)
        input_masks.append(mask)
        segment_ids.append([0] * max_seq_length)
        labels.append(ex.label)
    return (
        np.array(input_ids),
        np.array(input_masks),
        np.array(segment_ids),
        np.array(labels).reshape(-1, 1),
    )


words = ["refund", "late", "parcel", "password", "invoice", "charge", "box", "login", "broken", "thanks", "order", "card"]
texts = [" ".join(rng.choice(words, size=rng.integers(4, 15))) for _ in range(150)]
onehot = keras.utils.to_categorical(rng.integers(0, len(label_list), size=150), len(label_list))
examples = [InputExample(i, t, y) for i, (t, y) in enumerate(zip(texts, onehot))]
train_examples, test_examples = examples[:120], examples[120:]

train_ids, train_masks, train_segs, train_labels = convert_examples_to_features(train_examples, max_seq_length)
test_ids, test_masks, test_segs, test_labels = convert_examples_to_features(test_examples, max_seq_length)


def build_model(max_seq_length, n_classes):
    in_id = keras.Input(shape=(max_seq_length,), name="input_ids")
    in_mask = keras.Input(shape=(max_seq_length,), name="input_masks")
    in_segment = keras.Input(shape=(max_seq_length,), name="segment_ids")
    tok = layers.Embedding(vocab_size, 32)(in_id)
    seg = layers.Embedding(2, 32)(in_segment)
    x = layers.Add()([tok, seg])
    mask = layers.Reshape((1, max_seq_length))(in_mask)
    att = layers.MultiHeadAttention(num_heads=2, key_dim=16)(x, x, attention_mask=mask)
    x = layers.LayerNormalization()(layers.Add()([x, att]))
    pooled = layers.Dense(32, activation="tanh")(layers.GlobalAveragePooling1D()(x))
    dense = layers.Dense(64, activation="relu")(pooled)
    pred = layers.Dense(n_classes, activation="softmax")(dense)
    model = keras.Model(inputs=[in_id, in_mask, in_segment], outputs=pred)
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = build_model(max_seq_length, len(label_list))
model.fit(
    [train_ids, train_masks, train_segs],
    train_labels,
    validation_data=([test_ids, test_masks, test_segs], test_labels),
    epochs=1,
    batch_size=16,
    verbose=0,
)
print("test probs:", model.predict([test_ids, test_masks, test_segs], verbose=0).shape)
