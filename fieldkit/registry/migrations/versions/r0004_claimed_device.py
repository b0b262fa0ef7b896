"""Audit: ``claimed_device``, the key id a request *claimed* when its signature did not verify
(unknown key, bad signature, stale or replayed request). ``device`` now names a device only
once its signature verified.

Revision ID: r0004
Revises: r0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "r0004"
down_revision: str | None = "r0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit") as batch:
        batch.add_column(sa.Column("claimed_device", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit") as batch:
        batch.drop_column("claimed_device")
