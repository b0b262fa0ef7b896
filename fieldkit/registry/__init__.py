"""The central registry server (not yet built)."""
