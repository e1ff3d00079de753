import numpy as np
import tensorflow as tf
import keras
from keras import layers

# PeMSD7-like speeds: 400 time steps for 10 road sensors, plus a sensor adjacency graph
num_time_steps, num_routes = 400, 10
speeds = np.random.rand(num_time_steps, num_routes).astype("float32")
adjacency = (np.random.rand(num_routes, num_routes) > 0.7).astype("float32")
np.fill_diagonal(adjacency, 0)
node_indices, neighbor_indices = np.where(adjacency == 1)

batch_size = 16
input_sequence_length = 12
forecast_horizon = 3


def create_tf_dataset(data_array, input_sequence_length, forecast_horizon, batch_size):
    inputs = keras.utils.timeseries_dataset_from_array(
        np.expand_dims(data_array[:-forecast_horizon], axis=-1), None,
        sequence_length=input_sequence_length, shuffle=False, batch_size=batch_size)
    target_offset = input_sequence_length
    targets = keras.utils.timeseries_dataset_from_array(
        data_array[target_offset:], None, sequence_length=forecast_horizon, shuffle=False, batch_size=batch_size)
    return tf.data.Dataset.zip((inputs, targets))


train_dataset = create_tf_dataset(speeds[:300], input_sequence_length, forecast_horizon, batch_size)
val_dataset = create_tf_dataset(speeds[300:], input_sequence_length, forecast_horizon, batch_size)


class GraphConv(layers.Layer):
    def __init__(self, in_feat, out_feat, **kwargs):
        super().__init__(**kwargs)
        self.weight = self.add_weight(shape=(in_feat, out_feat), initializer="glorot_uniform", trainable=True)

    def aggregate(self, neighbour_representations):
        return tf.math.unsorted_segment_mean(neighbour_representations, node_indices, num_segments=num_routes)

    def call(self, features):
        # features: (num_nodes, batch_size, input_seq_len, in_feat)
        neighbour_representations = tf.gather(features, neighbor_indices)
        aggregated = self.aggregate(neighbour_representations)
        nodes_representation = tf.matmul(features, self.weight)
        aggregated_messages = tf.matmul(aggregated, self.weight)
        return tf.nn.relu(tf.concat([nodes_representation, aggregated_messages], axis=-1))


class LSTMGC(layers.Layer):
    def __init__(self, in_feat, out_feat, lstm_units, input_seq_len, output_seq_len, **kwargs):
        super().__init__(**kwargs)
        self.graph_conv = GraphConv(in_feat, out_feat)
        self.lstm = layers.LSTM(lstm_units, activation="relu")
        self.dense = layers.Dense(output_seq_len)
        self.input_seq_len, self.output_seq_len = input_seq_len, output_seq_len

    def call(self, inputs):
        # inputs: (batch_size, input_seq_len, num_nodes, in_feat)
        inputs = tf.transpose(inputs, [2, 0, 1, 3])
        gcn_out = self.graph_conv(inputs)
        shape = tf.shape(gcn_out)
        num_nodes, batch, input_seq_len, out_feat = shape[0], shape[1], shape[2], shape[3]
        gcn_out = tf.reshape(gcn_out, (batch * num_nodes, input_seq_len, out_feat))
        lstm_out = self.lstm(gcn_out)
        dense_output = self.dense(lstm_out)
        output = tf.reshape(dense_output, (num_nodes, batch, self.output_seq_len))
        return tf.transpose(output, [1, 2, 0])  # (batch_size, output_seq_len, num_nodes)


in_feat, out_feat, lstm_units = 1, 10, 16
st_gcn = LSTMGC(in_feat, out_feat, lstm_units, input_sequence_length, output_seq_len=1)
inputs = layers.Input((input_sequence_length, num_routes, in_feat))
outputs = st_gcn(inputs)

model = keras.models.Model(inputs, outputs)
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.0002), loss=keras.losses.MeanSquaredError())
model.fit(train_dataset, validation_data=val_dataset, epochs=2, verbose=0)
print("val loss", model.evaluate(val_dataset, verbose=0))
