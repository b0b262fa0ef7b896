"""`fieldkit org-key` as people run it (ADR 0019): staff rotate, an administrator registers
the new key from an admin vault, the monitor moves to it on its next sync, and `show` prints
the safety number and writes the QR code."""

from __future__ import annotations

from pathlib import Path

from registry.harness import LiveRegistry

from .test_cli_sync import fk


def test_rotate_register_show_from_the_command_line(tmp_path: Path) -> None:
    live = LiveRegistry.create(tmp_path / "registry")
    try:
        boss = live.enroll("admin")
        staff, monitor, admin = tmp_path / "staff", tmp_path / "monitor", tmp_path / "admin"
        for vault in (staff, monitor, admin):
            fk(vault, "init")
        for vault, role in ((admin, "admin"), (staff, "staff"), (monitor, "monitor")):
            code = boss.client.post_json("/v1/admin/enroll-codes", {"role": role})["code"]
            fk(vault, "enroll", code, "--label", role)
        first = fk(staff, "org-key", "init")
        registered = fk(admin, "org-key", "register", first["org_key"])
        assert registered["safety_number"] == first["safety_number"]
        assert isinstance(registered["log_index"], int)
        ref = fk(monitor, "incident", "add", "--title", "one", "--category",
                 "hate_crime.arson", "--occurred", "2026", "--country", "GB")["id"]
        fk(monitor, "seal", ref)
        assert fk(monitor, "sync")["records"] == 1
        qr = tmp_path / "org.png"
        shown = fk(monitor, "org-key", "show", "--qr", str(qr))
        assert shown["org_key"] == first["org_key"]
        assert shown["safety_number"] == first["safety_number"]
        assert qr.read_bytes().startswith(b"\x89PNG")

        second = fk(staff, "org-key", "rotate")
        assert second["older_keys"] == [first["key_id"]]
        fk(admin, "org-key", "register", second["org_key"])
        ref = fk(monitor, "incident", "add", "--title", "two", "--category",
                 "hate_crime.arson", "--occurred", "2026", "--country", "GB")["id"]
        fk(monitor, "seal", ref)
        assert fk(monitor, "sync")["records"] == 1
        assert fk(monitor, "org-key", "show")["org_key"] == second["org_key"]
        assert fk(staff, "sync")["records"] == 2
        assert fk(staff, "org-key", "show")["key_id"] == second["key_id"]
    finally:
        live.close()
