# Training checkpoints (TensorFlow guide style): a subclassed linear model is
# trained by hand on a toy dataset of 5 linear targets per input, and the step,
# optimizer, model and iterator are saved every 10 steps with a CheckpointManager.
import tempfile
import tensorflow as tf


class LinearNet(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.proj = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.proj(x)


def toy_pairs():
    xs = tf.range(12.)[:, None]
    ys = xs * 3. + tf.range(5.)[None, :]
    return tf.data.Dataset.from_tensor_slices(dict(x=xs, y=ys)).repeat().batch(3)


def fit_one(model, batch, opt):
    with tf.GradientTape() as tape:
        pred = model(batch["x"])
        loss = tf.reduce_mean(tf.abs(pred - batch["y"]))
    variables = model.trainable_variables
    grads = tape.gradient(loss, variables)
    opt.apply_gradients(zip(grads, variables))
    return loss


model = LinearNet()
opt = tf.keras.optimizers.Adam(0.1)
batches = iter(toy_pairs())
ckpt = tf.train.Checkpoint(step=tf.Variable(1), optimizer=opt, net=model, iterator=batches)
manager = tf.train.CheckpointManager(ckpt, tempfile.mkdtemp(), max_to_keep=3)

for _ in range(30):
    batch = next(batches)
    loss = fit_one(model, batch, opt)
    ckpt.step.assign_add(1)
    if int(ckpt.step) % 10 == 0:
        path = manager.save()
        print(f"step {int(ckpt.step)}: saved {path}, loss {loss.numpy():.2f}")
