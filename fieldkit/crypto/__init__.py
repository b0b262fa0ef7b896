"""Key wrapping, device keys, signed envelopes, streaming AEAD."""
