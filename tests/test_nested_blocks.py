"""A U-Net built from ``downsample()``/``upsample()`` Sequential blocks, given an input its
downsampling does not divide (real Keras; ``run --json``).

The pix2pix generator (TensorFlow tutorial) strides inside nested Sequential blocks. Their scale is
the product of their layers', so the skip merge that misses by one pixel is traced to the input
size, set where it is chosen, not cropped away (r383).
"""

from __future__ import annotations

from conftest import line_of, run_cli, run_json

SCRIPT = '''import tensorflow as tf

IMG_SIZE = 30


def downsample(filters):
    block = tf.keras.Sequential()
    block.add(tf.keras.layers.Conv2D(filters, 3, strides=2, padding="same"))
    block.add(tf.keras.layers.LeakyReLU())
    return block


def upsample(filters):
    block = tf.keras.Sequential()
    block.add(tf.keras.layers.Conv2DTranspose(filters, 3, strides=2, padding="same"))
    block.add(tf.keras.layers.ReLU())
    return block


inputs = tf.keras.layers.Input(shape=[IMG_SIZE, IMG_SIZE, 3])
x = inputs
skips = []
for down in [downsample(4), downsample(8), downsample(8)]:
    x = down(x)
    skips.append(x)
skips = reversed(skips[:-1])
for up, skip in zip([upsample(8), upsample(4)], skips):
    x = up(x)
    x = tf.keras.layers.Concatenate()([x, skip])
outputs = tf.keras.layers.Conv2DTranspose(3, 3, strides=2, padding="same")(x)
model = tf.keras.Model(inputs, outputs)
print(model.output_shape)
'''


def test_skip_missing_by_a_pixel_inside_nested_blocks_blames_the_input_size(tmp_path):
    report, _, proc = run_json(run_cli, tmp_path, SCRIPT)
    assert proc.returncode == 1, proc.stderr
    finding = report["findings"][0]
    chosen = line_of(SCRIPT, "IMG_SIZE = 30")
    assert finding["id"] == "SD104" and finding["culprit"]["line"] == chosen
    first = finding["fixes"][0]
    assert first["code"] in ("IMG_SIZE = 32", "IMG_SIZE = 24") and first["proven"]
