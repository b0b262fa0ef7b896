"""``fieldkit-registry``: create, serve and administer a registry from its host.

Commands run on the registry's own machine with its data directory; each takes ``--json``.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from fieldkit.cliutil import StrictParser, run
from fieldkit.errors import NotFoundError, UsageError, ValidationError
from fieldkit.registry.config import RegistryConfig, RegistryHome

if TYPE_CHECKING:
    from fieldkit.registry.service import Registry
    from fieldkit.sync.enrollment import EnrollmentCode

DEFAULT_PORT = 8443


def _print(args: argparse.Namespace, data: dict[str, Any], text: str | Callable[[], str]) -> None:
    if args.json:
        print(json.dumps({"ok": True, **data}, ensure_ascii=False, indent=1))
    else:
        print(text() if callable(text) else text)


def _registry(args: argparse.Namespace) -> Registry:
    from fieldkit.registry.service import Registry

    return Registry.open(RegistryHome(args.data))


@dataclass(frozen=True)
class Created:
    """What :func:`create_registry` made: the first administrator's code, its QR image, and
    what devices pin."""

    config: RegistryConfig
    url: str
    pin: str
    log_key: str
    code: EnrollmentCode
    qr: Path


def create_registry(home: RegistryHome, *, url: str, host: str, database: str | None = None,
                    chunks_in_database: bool = False, ttl_hours: int = 72) -> Created:
    """Keys, certificate and database in ``home``, and the first administrator's single-use
    enrolment code (also as a QR image beside them)."""
    from fieldkit.registry.service import Registry
    from fieldkit.sync.enrollment import check_registry_url

    # devices refuse plain http:// to another machine: refuse to hand out such codes
    url = check_registry_url(url)
    config = home.init(database=database, url=url, hosts=[host],
                       chunks_in_database=chunks_in_database)
    with Registry.open(home) as registry:
        code = registry.new_enroll_code(role="admin", ttl_hours=ttl_hours, by="init")
        qr = home.root / "first-admin-enrolment.png"
        qr.write_bytes(code.qr_png())
        qr.chmod(0o600)
    return Created(config, url, home.pin(), registry.signer.vkey, code, qr)


def cmd_init(args: argparse.Namespace) -> None:
    made = create_registry(RegistryHome(args.data),
                           url=args.url or f"https://{args.host}:{args.port}", host=args.host,
                           database=args.database, chunks_in_database=args.chunks_in_database,
                           ttl_hours=args.ttl_hours)
    code, qr, url = made.code, made.qr, made.url
    _print(args, {"data": str(args.data), "origin": made.config.origin, "url": url,
                  "pin": made.pin, "log_key": made.log_key,
                  "admin_enrollment_code": code.to_text(), "qr": str(qr)},
           f"Created the registry in {args.data}\n"
           f"  origin       {made.config.origin}\n  database     {made.config.database}\n"
           f"  url          {url}\n  certificate  sha256 {made.pin}\n"
           f"  log key      {made.log_key}\n\n"
           f"Enrolment code for the first administrator (single use, expires "
           f"{code.expires_at}; QR image: {qr}):\n\n{code.to_text()}\n")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    from fieldkit.registry.app import create_app

    if args.insecure_http and not ipaddress.ip_address(args.host).is_loopback:
        raise UsageError("--insecure-http is only for development on a loopback address.",
                         hint="Serve HTTPS, or use --host 127.0.0.1.")
    home = RegistryHome(args.data)
    tls: dict[str, Any] = {} if args.insecure_http else {
        "ssl_certfile": str(home.cert_file), "ssl_keyfile": str(home.key_file)}
    with _registry(args) as registry:
        uvicorn.run(create_app(registry), host=args.host, port=args.port,
                    log_level="warning", access_log=False, timeout_graceful_shutdown=5,
                    **tls)


def cmd_enroll_code(args: argparse.Namespace) -> None:
    with _registry(args) as registry:
        code = registry.new_enroll_code(role=args.role, ttl_hours=args.ttl_hours)
    if args.qr:
        Path(args.qr).write_bytes(code.qr_png())
    _print(args, {"code": code.to_text(), "code_id": code.code_id, "role": code.role,
                  "expires_at": code.expires_at},
           f"Enrolment code for a {code.role} (single use, expires {code.expires_at}):\n\n"
           f"{code.to_text()}")


def cmd_devices(args: argparse.Namespace) -> None:
    with _registry(args) as registry:
        devices = registry.store.devices()
    rows = [{"key_id": d.key_id, "role": d.role, "label": d.label, "enrolled_at": d.enrolled_at,
             "revoked_at": d.revoked_at, "enrol_index": d.enrol_index} for d in devices]
    _print(args, {"devices": rows}, lambda: "\n".join(
        f"{d.key_id[:24]}…  {d.role:<8} {d.label[:30]:<30} "
        f"{'REVOKED ' + d.revoked_at if d.revoked_at else 'active'}" for d in devices)
        or "no devices")


def cmd_revoke(args: argparse.Namespace) -> None:
    with _registry(args) as registry:
        index = registry.revoke(args.device, by="registry-operator")
    _print(args, {"key_id": args.device, "log_index": index},
           f"Revoked {args.device} (log entry #{index}). It is refused from now on.")


def cmd_audit(args: argparse.Namespace) -> None:
    with _registry(args) as registry:
        events = registry.store.audit_events(device=args.device, action=args.action,
                                             outcome=args.outcome, since=args.since,
                                             until=args.until, after_id=args.after,
                                             limit=args.limit)
    rows = [vars(e) for e in events]
    # export events (action "export") carry what was exported in ``detail``: shown below them
    _print(args, {"events": rows}, lambda: "\n".join(
        f"{r['at']}  {r['outcome']:<7} {r['status']}  {r['method']:<4} {r['path'][:40]:<40} "
        f"{_who(r):<27}  {r['action'][:16]:<16} {r['reason'][:60]}"
        + (f"\n    {r['detail'][:1000]}" if r["detail"] else "")
        for r in rows) or "no events")


def _who(row: dict[str, Any]) -> str:
    """The device a verified signature named, or (unverified) the key id the request only
    claimed, never shown as if it were that device."""
    if row["device"]:
        return str(row["device"])[:20]
    if row.get("claimed_device"):
        return f"unverified:{str(row['claimed_device'])[:16]}"
    return "anonymous"


def cmd_org_key(args: argparse.Namespace) -> None:
    with _registry(args) as registry:
        if args.set:
            index = registry.set_org_key(args.set, by="registry-operator")
            found: tuple[str, int | None] | None = (args.set, index)
        else:
            found = registry.org_key()
    if found is None:
        raise NotFoundError("No organisation key is registered.",
                            hint="Register the staff's public key with `org-key --set KEY`.")
    _print(args, {"org_key": found[0], "log_index": found[1]},
           f"organisation key {found[0]} (log entry #{found[1]})")


def cmd_checkpoint(args: argparse.Namespace) -> None:
    with _registry(args) as registry:
        note = registry.store.checkpoint()
    _print(args, {"checkpoint": note, "log_key": registry.signer.vkey}, note)


def cmd_backup(args: argparse.Namespace) -> None:
    from fieldkit.registry.backup import backup

    report = backup(RegistryHome(args.data), Path(args.out))
    _print(args, report.to_json(),
           f"Backed up the registry {report.origin} to {report.path}\n"
           f"  log          {report.log_size} entries (checkpoint kept in manifest.json)\n"
           f"  rows         {sum(report.rows.values())} in {len(report.rows)} tables\n"
           f"  chunks       {report.chunks} ({report.chunk_bytes} bytes)\n"
           "It holds the registry's private keys: keep it encrypted and offline.")


def cmd_restore(args: argparse.Namespace) -> None:
    from fieldkit.registry.backup import restore

    report = restore(RegistryHome(args.data), Path(args.backup), database=args.database)
    _print(args, report.to_json(),
           f"Restored the registry {report.origin} into {report.path}\n"
           f"  log          {report.log_size} entries; {report.checkpoints_verified} signed "
           "checkpoints match them\n"
           f"  rows         {sum(report.rows.values())} in {len(report.rows)} tables\n"
           f"  chunks       {report.chunks} ({report.chunk_bytes} bytes)\n"
           "Start it with `fieldkit-registry --data DIR serve`; devices sync on as before.")


def build_parser() -> argparse.ArgumentParser:
    common = StrictParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    common.add_argument("--data", type=Path, default=argparse.SUPPRESS,
                        help="the registry's data directory")
    parser = StrictParser(prog="fieldkit-registry", parents=[common],
                     description="The FieldKit central registry.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], None], help_: str) -> Any:
        sp = sub.add_parser(name, parents=[common], help=help_, description=help_)
        sp.set_defaults(func=func)
        return sp

    sp = add("init", cmd_init, "create keys, certificate and database; print the first "
                               "administrator's enrolment code")
    sp.add_argument("--database", help="postgresql+psycopg://… (default: SQLite in --data)")
    sp.add_argument("--chunks-in-database", action="store_true",
                    help="keep attachment chunks in PostgreSQL instead of files")
    sp.add_argument("--host", default="127.0.0.1", help="name or address in the certificate")
    sp.add_argument("--port", type=int, default=DEFAULT_PORT)
    sp.add_argument("--url", help="public URL devices use (default https://HOST:PORT)")
    sp.add_argument("--ttl-hours", type=int, default=72)
    sp = add("serve", cmd_serve, "serve the API over HTTPS")
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=DEFAULT_PORT)
    sp.add_argument("--insecure-http", action="store_true",
                    help="plain HTTP, loopback development only")
    sp = add("enroll-code", cmd_enroll_code, "issue a single-use enrolment code")
    sp.add_argument("--role", required=True, choices=["monitor", "staff", "admin"])
    sp.add_argument("--ttl-hours", type=int, default=72)
    sp.add_argument("--qr", help="also write the code as a QR image (PNG) here")
    add("devices", cmd_devices, "list enrolled devices")
    sp = add("revoke", cmd_revoke, "revoke a device (refused from this moment)")
    sp.add_argument("device", help="device key id (ed25519:…)")
    sp = add("audit", cmd_audit, "read the audit log")
    for flag in ("device", "action", "outcome", "since", "until"):
        sp.add_argument(f"--{flag}")
    sp.add_argument("--after", type=int, default=0, help="page: events after this id")
    sp.add_argument("--limit", type=int, default=100)
    add("checkpoint", cmd_checkpoint, "print the latest signed checkpoint")
    sp = add("org-key", cmd_org_key, "show, or --set, the organisation's public key (staff's "
                                     "end-to-end key; new enrolment codes carry it)")
    sp.add_argument("--set", metavar="fkorg1:…", help="register this public key (a log entry)")
    sp = add("backup", cmd_backup, "back up database, chunks, keys and log to a new directory")
    sp.add_argument("out", help="a new (or empty) directory for the backup")
    sp = add("restore", cmd_restore, "restore a backup into an empty --data directory and "
                                     "check its log against its signed checkpoints")
    sp.add_argument("backup", help="the backup directory")
    sp.add_argument("--database", help="an empty database to restore into (default: SQLite in "
                                       "--data for a SQLite backup, the same URL otherwise)")
    return parser


def main(argv: Sequence[str] | None = None) -> NoReturn:
    argv = list(sys.argv[1:] if argv is None else argv)

    def body() -> None:
        args = build_parser().parse_args(argv)
        args.json = getattr(args, "json", False)
        if getattr(args, "data", None) is None:
            raise ValidationError("Say where the registry's data lives with --data DIR.")
        args.func(args)

    run(body, as_json="--json" in argv)
