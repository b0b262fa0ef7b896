"""Sync client and the wire protocol shared with the registry (not yet built)."""
