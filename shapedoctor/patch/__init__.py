"""Source patches: turn a verified fix into an edit of the user's file, prove it, write it safely."""
