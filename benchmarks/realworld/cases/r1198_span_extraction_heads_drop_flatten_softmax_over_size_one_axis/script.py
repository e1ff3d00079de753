import numpy as np
import keras
from keras import layers

MAX_LEN = 24
VOCAB = 400
EMBED = 32
N = 96

rng = np.random.default_rng(0)
input_ids = rng.integers(3, VOCAB, size=(N, MAX_LEN)).astype("int32")
attention_mask = np.ones((N, MAX_LEN), dtype="int32")
start_tokens = np.zeros((N, MAX_LEN), dtype="float32")
end_tokens = np.zeros((N, MAX_LEN), dtype="float32")
starts = rng.integers(1, MAX_LEN // 2, size=N)
ends = starts + rng.integers(0, MAX_LEN // 2 - 1, size=N)
start_tokens[np.arange(N), starts] = 1.0
end_tokens[np.arange(N), ends] = 1.0


def build_model():
    ids = keras.Input((MAX_LEN,), dtype="int32", name="input_ids")
    mask = keras.Input((MAX_LEN,), dtype="int32", name="attention_mask")
    x = layers.Embedding(VOCAB, EMBED)(ids)
    attn = layers.MultiHeadAttention(num_heads=2, key_dim=16)(
        x, x, attention_mask=mask[:, None, :]
    )
    hidden_states = layers.LayerNormalization()(x + attn)

    start = layers.Dropout(0.1)(hidden_states)
    start = layers.Conv1D(1, 1)(start)
    start = layers.Activation("softmax", name="start_tokens")(start)

    end = layers.Dropout(0.1)(hidden_states)
    end = layers.Conv1D(1, 1)(end)
    end = layers.Activation("softmax", name="end_tokens")(end)
    return keras.Model({"input_ids": ids, "attention_mask": mask}, {"start_tokens": start, "end_tokens": end})


model = build_model()
model.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss={"start_tokens": "categorical_crossentropy", "end_tokens": "categorical_crossentropy"},
)
history = model.fit(
    {"input_ids": input_ids, "attention_mask": attention_mask},
    {"start_tokens": start_tokens, "end_tokens": end_tokens},
    batch_size=16,
    epochs=2,
    verbose=0,
)
print("loss per epoch:", history.history["loss"])
pred = model.predict({"input_ids": input_ids[:2], "attention_mask": attention_mask[:2]}, verbose=0)
print("start probabilities shape:", pred["start_tokens"].shape)
