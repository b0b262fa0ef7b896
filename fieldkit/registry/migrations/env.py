"""Alembic environment: migrate the connection given in ``config.attributes["connection"]``."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from fieldkit.errors import InternalError


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise InternalError("Registry migrations run only through RegistryStore.open "
                            "(config.attributes['connection'] is missing).")
    context.configure(connection=connection, transactional_ddl=True,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise InternalError("Offline (SQL script) migrations are not supported for the registry.")
run_migrations_online()
