"""shapedoctor: find, explain and fix tensor-shape mismatches in Keras models."""

__version__ = "0.1.0"
