"""FieldKit: document human-rights violations offline, seal them, sync them, prove them."""

__version__ = "0.1.0"
