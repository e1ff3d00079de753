"""Live tracing: watch a running program's Keras layers, calls and failures."""
