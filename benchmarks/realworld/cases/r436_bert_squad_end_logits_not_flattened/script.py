import numpy as np
import keras
from keras import layers

max_len = 48
vocab_size = 800
rng = np.random.default_rng(0)
n = 128
x_train = [
    rng.integers(1, vocab_size, size=(n, max_len)).astype("int32"),
    (np.arange(max_len)[None, :] >= 16).repeat(n, axis=0).astype("int32"),
]
start_token_idx = rng.integers(16, max_len - 8, size=(n,))
end_token_idx = start_token_idx + rng.integers(0, 8, size=(n,))
y_train = [start_token_idx, end_token_idx]


def create_model():
    input_ids = layers.Input(shape=(max_len,), dtype="int32")
    token_type_ids = layers.Input(shape=(max_len,), dtype="int32")
    # A small encoder standing in for BERT: one hidden vector per token.
    x = layers.Add()(
        [layers.Embedding(vocab_size, 64)(input_ids), layers.Embedding(2, 64)(token_type_ids)]
    )
    x = layers.LayerNormalization()(x)
    embedding = layers.Dense(64, activation="gelu")(x)

    start_logits = layers.Dense(1, name="start_logit", use_bias=False)(embedding)
    start_logits = layers.Flatten()(start_logits)

    end_logits = layers.Dense(1, name="end_logit", use_bias=False)(embedding)

    start_probs = layers.Activation(keras.activations.softmax)(start_logits)
    end_probs = layers.Activation(keras.activations.softmax)(end_logits)

    model = keras.Model(inputs=[input_ids, token_type_ids], outputs=[start_probs, end_probs])
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=False)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=5e-5), loss=[loss, loss])
    return model


model = create_model()
model.fit(x_train, y_train, epochs=1, verbose=2, batch_size=16)
pred_start, pred_end = model.predict([x[:4] for x in x_train])
print(np.argmax(pred_start, axis=-1), np.argmax(pred_end, axis=-1))
