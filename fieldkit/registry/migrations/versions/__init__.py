"""Migration scripts, one per schema revision (``rNNNN_<name>.py``)."""
