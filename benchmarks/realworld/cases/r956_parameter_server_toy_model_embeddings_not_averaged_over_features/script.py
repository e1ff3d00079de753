import random
import numpy as np
import tensorflow as tf

random.seed(956)
feature_vocab = ["avenger", "ironman", "batman", "hulk", "spiderman", "kingkong", "wonder_woman"]
label_vocab = ["yes", "no"]

feature_lookup_layer = tf.keras.layers.StringLookup(vocabulary=feature_vocab, mask_token=None)
label_lookup_layer = tf.keras.layers.StringLookup(vocabulary=label_vocab, num_oov_indices=0, mask_token=None)


def feature_and_label_gen(num_examples=200):
    examples = {"features": [], "label": []}
    for _ in range(num_examples):
        features = random.sample(feature_vocab, 3)
        label = ["yes"] if "avenger" in features else ["no"]
        examples["features"].append(features)
        examples["label"].append(label)
    return examples


examples = feature_and_label_gen()
train_dataset = tf.data.Dataset.from_tensor_slices(examples).map(
    lambda x: ({"features": feature_lookup_layer(x["features"])},
               tf.cast(label_lookup_layer(x["label"]), tf.float32))).shuffle(200).batch(32)

model_input = tf.keras.layers.Input(shape=(3,), dtype="int64", name="features")
emb_layer = tf.keras.layers.Embedding(input_dim=len(feature_lookup_layer.get_vocabulary()), output_dim=64)
emb_output = emb_layer(model_input)
dense_output = tf.keras.layers.Dense(units=1, activation="sigmoid",
                                     kernel_regularizer=tf.keras.regularizers.L2(1e-4))(emb_output)
model = tf.keras.Model({"features": model_input}, dense_output)
model.compile(optimizer=tf.keras.optimizers.RMSprop(learning_rate=0.1), loss="binary_crossentropy",
              metrics=["accuracy"])
model.fit(train_dataset, epochs=2, verbose=0)
print(model.evaluate(train_dataset, verbose=0))
