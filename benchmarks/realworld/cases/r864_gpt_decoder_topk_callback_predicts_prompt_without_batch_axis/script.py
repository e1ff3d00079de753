import numpy as np
import keras
from keras import layers, ops

BATCH_SIZE = 16
SEQ_LEN = 24
NUM_TOKENS_GENERATED = 8
VOCAB_SIZE = 200
EMBED_DIM = 32
FEED_FORWARD_DIM = 64
NUM_HEADS = 2
NUM_LAYERS = 2

vocab = ["[PAD]", "[UNK]"] + [f"w{i}" for i in range(VOCAB_SIZE - 2)]
token_to_id = {w: i for i, w in enumerate(vocab)}

# tokenized wiki lines, SEQ_LEN + 1 tokens so they can be split into inputs and labels
rng = np.random.default_rng(864)
lines = rng.integers(2, VOCAB_SIZE, size=(128, SEQ_LEN + 1)).astype("int32")
data, labels = lines[:, :-1], lines[:, 1:]


class TokenAndPositionEmbedding(layers.Layer):
    def __init__(self, vocabulary_size, sequence_length, embedding_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_emb = layers.Embedding(vocabulary_size, embedding_dim)
        self.pos_emb = layers.Embedding(sequence_length, embedding_dim)

    def call(self, x):
        positions = ops.arange(0, ops.shape(x)[-1])
        return self.token_emb(x) + self.pos_emb(positions)


def decoder_block(x):
    attn = layers.MultiHeadAttention(NUM_HEADS, EMBED_DIM // NUM_HEADS)(x, x, use_causal_mask=True)
    x = layers.LayerNormalization(epsilon=1e-5)(x + attn)
    ffn = layers.Dense(FEED_FORWARD_DIM, activation="relu")(x)
    ffn = layers.Dense(EMBED_DIM)(ffn)
    return layers.LayerNormalization(epsilon=1e-5)(x + ffn)


def create_model():
    inputs = keras.Input(shape=(SEQ_LEN,), dtype="int32")
    x = TokenAndPositionEmbedding(VOCAB_SIZE, SEQ_LEN, EMBED_DIM)(inputs)
    for _ in range(NUM_LAYERS):
        x = decoder_block(x)
    outputs = layers.Dense(VOCAB_SIZE)(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile("adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


class TopKTextGenerator(keras.callbacks.Callback):
    def __init__(self, max_tokens, start_tokens, top_k=10, print_every=1):
        super().__init__()
        self.max_tokens = max_tokens
        self.start_tokens = start_tokens
        self.print_every = print_every
        self.k = top_k

    def sample_from(self, logits):
        indices = np.argsort(logits)[-self.k:]
        top = logits[indices]
        preds = np.exp(top - top.max())
        return int(np.random.choice(indices, p=preds / preds.sum()))

    def on_epoch_end(self, epoch, logs=None):
        start_tokens = [_ for _ in self.start_tokens]
        if (epoch + 1) % self.print_every != 0:
            return
        num_tokens_generated = 0
        while num_tokens_generated <= self.max_tokens:
            pad_len = SEQ_LEN - len(start_tokens)
            sample_index = len(start_tokens) - 1
            if pad_len < 0:
                x = start_tokens[:SEQ_LEN]
                sample_index = SEQ_LEN - 1
            elif pad_len > 0:
                x = start_tokens + [0] * pad_len
            else:
                x = start_tokens
            x = np.array(x)
            y = self.model.predict(x, verbose=0)
            sample_token = self.sample_from(y[0][sample_index])
            start_tokens.append(sample_token)
            num_tokens_generated += 1
        print("generated text:", " ".join(vocab[t] for t in start_tokens))


start_prompt = "w7"
start_tokens = [token_to_id.get(token, 1) for token in start_prompt.split()]
text_gen_callback = TopKTextGenerator(NUM_TOKENS_GENERATED, start_tokens)

model = create_model()
model.fit(data, labels, batch_size=BATCH_SIZE, epochs=1, verbose=0, callbacks=[text_gen_callback])
