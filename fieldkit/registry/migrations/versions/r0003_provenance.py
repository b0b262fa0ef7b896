"""Provenance: the log index of each device's revocation, a ``detail`` for audit events, and
the export events devices report (so a repeated report is recognised).

Revision ID: r0003
Revises: r0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "r0003"
down_revision: str | None = "r0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("revoke_index", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("audit") as batch:
        batch.add_column(sa.Column("detail", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "export_events",
        sa.Column("export_id", sa.String(32), primary_key=True),
        sa.Column("device", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("audit_id", sa.BigInteger(), nullable=False),
        sa.Column("received_at", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("export_events")
    with op.batch_alter_table("audit") as batch:
        batch.drop_column("detail")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("revoke_index")
