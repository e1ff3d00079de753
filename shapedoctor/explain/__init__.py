"""``shapedoctor explain``: understand a pasted shape error from its text alone.

Offline and fast: nothing here imports Keras, TensorFlow, JAX or PyTorch. The text is
recognised by :mod:`shapedoctor.messages`, turned into a ``Diagnosis(source="text")`` by
:mod:`shapedoctor.explain.from_text`, and printed by :mod:`shapedoctor.explain.command`.
"""
