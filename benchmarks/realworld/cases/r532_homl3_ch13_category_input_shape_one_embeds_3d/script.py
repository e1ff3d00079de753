# Housing regressor: eight numerical features plus the ocean-proximity category, learned as a 2-D embedding.
import numpy as np
import tensorflow as tf

ocean_prox = ["<1H OCEAN", "INLAND", "NEAR OCEAN", "NEAR BAY", "ISLAND"]
str_lookup_layer = tf.keras.layers.StringLookup()
str_lookup_layer.adapt(ocean_prox)
lookup_and_embed = tf.keras.Sequential([
    str_lookup_layer,
    tf.keras.layers.Embedding(input_dim=str_lookup_layer.vocabulary_size(), output_dim=2),
])

np.random.seed(42)
X_train_num = np.random.rand(800, 8)
X_train_cat = np.random.choice(ocean_prox, size=800).astype(object)
y_train = np.random.rand(800, 1)
X_valid_num = np.random.rand(200, 8)
X_valid_cat = np.random.choice(ocean_prox, size=200).astype(object)
y_valid = np.random.rand(200, 1)

num_input = tf.keras.layers.Input(shape=[8], name="num")
cat_input = tf.keras.layers.Input(shape=[1], dtype=tf.string, name="cat")
cat_embeddings = lookup_and_embed(cat_input)
encoded_inputs = tf.keras.layers.concatenate([num_input, cat_embeddings])
outputs = tf.keras.layers.Dense(1)(encoded_inputs)
model = tf.keras.models.Model(inputs=[num_input, cat_input], outputs=[outputs])
model.compile(loss="mse", optimizer="sgd")
history = model.fit((X_train_num, X_train_cat), y_train, epochs=2, verbose=0,
                    validation_data=((X_valid_num, X_valid_cat), y_valid))
print(history.history["val_loss"][-1])
