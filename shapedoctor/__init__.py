"""shapedoctor: find, explain and fix tensor-shape mismatches in Keras models.

Importing this package is cheap: Keras, rich and the engine are imported only when used.

* ``%load_ext shapedoctor`` in IPython/Jupyter: every Keras shape error in a cell is followed
  by its diagnosis; ``%shapedoctor off`` / ``%shapedoctor on`` pause and resume.
* ``with shapedoctor.watch(): ...`` (or ``@shapedoctor.watch``): a shape error leaving the
  block is re-raised unchanged, with the diagnosis attached as an exception note.
* ``pytest -p shapedoctor``: failing tests get the diagnosis in their report.
"""

__version__ = "0.1.0"

# `pytest -p shapedoctor` loads the plugin through its `pytest11` entry point; when
# shapedoctor is importable but not installed (no entry point), pytest registers this
# package instead, and this line brings the plugin in.
pytest_plugins = ["shapedoctor.integrations.pytest_plugin"]


def load_ipython_extension(ipython):
    """``%load_ext shapedoctor``: diagnose Keras shape errors in every cell."""
    from shapedoctor.integrations.ipython import load_ipython_extension as load

    return load(ipython)


def unload_ipython_extension(ipython):
    """``%unload_ext shapedoctor``: restore IPython's error handling as it was."""
    from shapedoctor.integrations.ipython import unload_ipython_extension as unload

    return unload(ipython)


def watch(func=None, *, width=100):
    """Diagnose Keras shape errors leaving a block (``with shapedoctor.watch():``) or a function.

    Usable as a context manager and as a decorator (``@shapedoctor.watch`` or
    ``@shapedoctor.watch()``). The original exception is re-raised unchanged, with the
    diagnosis attached as a note and as ``exc.__shapedoctor__``.
    """
    from shapedoctor.integrations.watch import watch as _watch

    return _watch(func, width=width)


def diagnose(model, x=None, y=None, loss=None):
    """Check a Keras model against data, labels and a loss; returns a Diagnosis (see README)."""
    from shapedoctor.api import diagnose as _diagnose

    return _diagnose(model, x=x, y=y, loss=loss)
