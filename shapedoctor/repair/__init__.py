"""Repairs: candidate edits of a Graph, verified by replaying the edited graph in Keras."""
