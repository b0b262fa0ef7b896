"""Dossier PDF, verification bundle and data exports (not yet built)."""
