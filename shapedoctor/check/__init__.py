"""``shapedoctor check``: shape-check whole programs without allocating a weight or training a step.

* :mod:`~shapedoctor.check.weightfree` runs one script with every Keras variable declared but
  never allocated, answering training and inference calls symbolically;
* :mod:`~shapedoctor.check.files` finds the files to check (every ``.py``/``.ipynb`` that
  imports Keras or TensorFlow);
* :mod:`~shapedoctor.check.parallel` checks many files, each in its own process.
"""
