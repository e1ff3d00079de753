"""Application glue: the commands, wiring front ends, engine and renderers together."""
