"""Alembic migrations of the registry database, run in code by ``RegistryStore.open``.

There is no ``alembic.ini``: :func:`fieldkit.registry.store.alembic_config` builds the
configuration with ``script_location`` pointing at this directory. ``env.py`` only runs
online, on the connection the store hands it (inside the store's own transaction, which on
PostgreSQL holds an advisory lock so that several registry processes can start at once).
"""
