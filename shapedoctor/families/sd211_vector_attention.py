"""SD211 attention-over-vector (silent): an attention layer given one vector per sample as its value.

Example of the bug::

    encoder = layers.Bidirectional(layers.LSTM(units, return_state=True))      # no return_sequences
    enc_seq, *states = encoder(enc_emb)                                        # enc_seq: (batch, 2 * units)
    context = layers.Attention()([dec_seq, enc_seq])                           # attends over the batch
"""

from shapedoctor.families.base import Family, register

FAMILY = register(
    Family(
        id="SD211",
        slug="attention-over-vector",
        title="An attention layer attends over one vector per sample",
        what="`Attention`/`AdditiveAttention` gets a sequence as its query and a single vector per sample as its "
             "value.",
        why=(
            "Attention scores every query step against every step of the value, (batch, query steps, value steps). "
            "A value of (batch, features) has no steps: Keras 3 multiplies it as it is, so each query step is "
            "scored against the other samples of the batch, (batch, steps, batch). Nothing raises, the output has "
            "the expected shape, and the model attends to the wrong thing."
        ),
        example="context = layers.Attention()([decoder_sequence, encoder_last_state])",
        use_instead="the encoder with return_sequences=True, so the value is (batch, steps, features)",
        severity="warning",
        suggestions=("make the layer that gives the value return its sequence: `return_sequences=True`",),
    )
)
