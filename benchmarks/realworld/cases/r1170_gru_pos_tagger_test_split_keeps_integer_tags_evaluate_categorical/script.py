import numpy as np
import tensorflow as tf
import keras
from keras import layers

source_vocab_size, target_vocab_size, max_seqlen = 300, 13, 24
embedding_dim, rnn_output_dim, batch_size = 32, 32, 16

# padded word ids and POS-tag ids per sentence (0 = PAD), tags one-hot encoded per token
rng = np.random.default_rng(17)
lengths = rng.integers(6, max_seqlen + 1, size=192)
sents_as_ints = np.zeros((192, max_seqlen), dtype="int32")
poss_as_ints = np.zeros((192, max_seqlen), dtype="int32")
for i, n in enumerate(lengths):
    sents_as_ints[i, :n] = rng.integers(1, source_vocab_size, size=n)
    poss_as_ints[i, :n] = sents_as_ints[i, :n] % (target_vocab_size - 1) + 1
poss_as_catints = np.array([keras.utils.to_categorical(p, num_classes=target_vocab_size) for p in poss_as_ints])

test_size, val_size = 64, 16
test_dataset = tf.data.Dataset.from_tensor_slices((sents_as_ints[:test_size], poss_as_ints[:test_size]))
val_dataset = tf.data.Dataset.from_tensor_slices(
    (sents_as_ints[test_size:test_size + val_size], poss_as_catints[test_size:test_size + val_size]))
train_dataset = tf.data.Dataset.from_tensor_slices(
    (sents_as_ints[test_size + val_size:], poss_as_catints[test_size + val_size:]))
train_dataset, val_dataset, test_dataset = [d.batch(batch_size) for d in (train_dataset, val_dataset, test_dataset)]


class POSTaggingModel(keras.Model):
    def __init__(self, source_vocab_size, target_vocab_size, embedding_dim, rnn_output_dim, **kwargs):
        super().__init__(**kwargs)
        self.embed = layers.Embedding(source_vocab_size, embedding_dim)
        self.dropout = layers.SpatialDropout1D(0.2)
        self.rnn = layers.Bidirectional(layers.GRU(rnn_output_dim, return_sequences=True))
        self.dense = layers.TimeDistributed(layers.Dense(target_vocab_size))
        self.activation = layers.Activation("softmax")

    def call(self, x):
        return self.activation(self.dense(self.rnn(self.dropout(self.embed(x)))))


model = POSTaggingModel(source_vocab_size, target_vocab_size, embedding_dim, rnn_output_dim)
model.build(input_shape=(batch_size, max_seqlen))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(train_dataset, epochs=2, validation_data=val_dataset, verbose=0)
test_loss, test_acc = model.evaluate(test_dataset, verbose=0)
print("test loss: {:.3f}, test accuracy: {:.3f}".format(test_loss, test_acc))
