"""Exports of sealed records: the dossier PDF (``dossier``, ``text``, ``fonts``), its
verification bundle and offline verifier (``bundle``, ``verify``), CSV/JSON tables with
HURIDOCS names (``tabular``), and the export log (``log``). Every export selects with
``selection`` and filters with ``audience``; ``job.export_dossier`` runs a whole dossier export.
"""
