"""The registry schema: devices, enrolment codes, nonces, transparency log, records, chunks,
files and the audit log.

Revision ID: r0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "r0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# An autoincrementing 64-bit key (SQLite only autoincrements INTEGER PRIMARY KEY).
_SERIAL = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_ROLES = "role IN ('monitor', 'staff', 'admin')"


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("key_id", sa.Text(), primary_key=True),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("enrolled_at", sa.Text(), nullable=False),
        sa.Column("revoked_at", sa.Text(), nullable=True),
        sa.Column("enrol_index", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(_ROLES, name="ck_devices_role"),
    )
    op.create_table(
        "enroll_codes",
        sa.Column("code_id", sa.Text(), primary_key=True),
        sa.Column("secret_hash", sa.LargeBinary(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.Text(), nullable=False),
        sa.Column("used_at", sa.Text(), nullable=True),
        sa.Column("used_by", sa.Text(), nullable=True),
        sa.CheckConstraint(_ROLES, name="ck_enroll_codes_role"),
    )
    op.create_table(
        "nonces",
        sa.Column("key_id", sa.Text(), primary_key=True),
        sa.Column("nonce", sa.Text(), primary_key=True),
        sa.Column("expires_at", sa.Text(), nullable=False),
    )
    op.create_index("ix_nonces_expires_at", "nonces", ["expires_at"])
    op.create_table(
        "log_leaves",
        sa.Column("idx", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
    )
    op.create_table(
        "log_nodes",
        sa.Column("level", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("idx", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("hash", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "checkpoints",
        sa.Column("size", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("root", sa.LargeBinary(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("record_id", sa.String(64), primary_key=True),
        sa.Column("device", sa.Text(), sa.ForeignKey("devices.key_id", name="fk_records_device"),
                  nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("chain_prev", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("envelope", sa.LargeBinary(), nullable=False),
        sa.Column("log_index", sa.BigInteger(), nullable=False),
        sa.Column("received_at", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.UniqueConstraint("log_index", name="uq_records_log_index"),
        sa.UniqueConstraint("device", "seq", name="uq_records_device_seq"),
    )
    op.create_table(
        "chain_gaps",
        sa.Column("id", _SERIAL, primary_key=True, autoincrement=True),
        sa.Column("device", sa.Text(), nullable=False),
        sa.Column("expected_seq", sa.BigInteger(), nullable=False),
        sa.Column("got_seq", sa.BigInteger(), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
    )
    op.create_index("ix_chain_gaps_device", "chain_gaps", ["device", "id"])
    op.create_table(
        "chunks",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
    )
    op.create_table(
        "files",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("chunks", sa.Text(), nullable=False),
        sa.Column("device", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Text(), nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("id", _SERIAL, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("device", sa.Text(), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("bytes_in", sa.BigInteger(), nullable=False),
        sa.Column("bytes_out", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("remote", sa.Text(), nullable=False),
        sa.CheckConstraint("outcome IN ('ok', 'refused', 'error')", name="ck_audit_outcome"),
    )
    op.create_index("ix_audit_device", "audit", ["device", "id"])
    op.create_index("ix_audit_action", "audit", ["action", "id"])
    op.create_index("ix_audit_outcome", "audit", ["outcome", "id"])
    op.create_index("ix_audit_at", "audit", ["at"])


def downgrade() -> None:
    for table in ("audit", "files", "chunks", "chain_gaps", "records", "checkpoints",
                  "log_nodes", "log_leaves", "nonces", "enroll_codes", "devices"):
        op.drop_table(table)
