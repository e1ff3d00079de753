import tensorflow as tf

x_train = tf.random.normal([1000, 8])
y_train = tf.random.uniform([1000], maxval=2, dtype=tf.int32)
x_val = tf.random.normal([200, 8])
y_val = tf.random.uniform([200], maxval=2, dtype=tf.int32)

train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1000).batch(32)
val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(8,)),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(train_ds, validation_data=val_ds, epochs=1, verbose=0)
