"""``fieldkit``: the command line over the same services the desktop app uses.

Every command takes ``--json`` and then prints exactly one JSON document on stdout: the result,
or ``{"ok": false, "error": {"code", "message", "hint", "details"}}`` with a non-zero exit.
Passphrases come from a prompt, ``FIELDKIT_PASSPHRASE`` or ``--passphrase-file``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from fieldkit import __version__
from fieldkit.cliutil import StrictParser, run
from fieldkit.domain import amendments
from fieldkit.errors import FieldKitError, NotFoundError, UsageError, ValidationError
from fieldkit.progress import Progress
from fieldkit.storage.vault import Vault, vault_exists, wipe


def default_vault_dir() -> Path:
    env = os.environ.get("FIELDKIT_VAULT")
    if env:
        return Path(env)
    import platformdirs

    return platformdirs.user_data_path("fieldkit", appauthor=False) / "vault"


# --- output ---------------------------------------------------------------------------------

class Output:
    def __init__(self, *, as_json: bool) -> None:
        self.as_json = as_json

    def result(self, data: dict[str, Any], text: str | Callable[[], str]) -> None:
        if self.as_json:
            print(json.dumps({"ok": True, **data}, ensure_ascii=False, indent=1))
        else:
            print(text() if callable(text) else text)

    def progress(self, what: str) -> Progress | None:
        """A progress bar on stderr when it is a terminal and output is for a person."""
        if self.as_json or not sys.stderr.isatty():
            return None
        last = [0.0]

        def report(done: int, total: int | None) -> None:
            now = time.monotonic()
            if now - last[0] < 0.1 and (total is None or done < total):
                return
            last[0] = now
            if total:
                pct = done / total
                bar = "#" * int(pct * 30)
                sys.stderr.write(f"\r{what} [{bar:<30}] {pct:5.1%}")
            else:
                sys.stderr.write(f"\r{what} {done:,}")
            if total and done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

        return report


# --- secrets --------------------------------------------------------------------------------

def _read_secret_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as e:
        raise UsageError(f"Cannot read {path}: {e.strerror}.") from None


def _secret(args: argparse.Namespace, *, env: str, file_attr: str, prompt: str,
            confirm: bool = False) -> str:
    path = getattr(args, file_attr, None)
    if path:
        return _read_secret_file(path)
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise UsageError("No passphrase given and no terminal to ask on.",
                         hint=f"Set {env} or pass --{file_attr.replace('_', '-')}.")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != value:
        raise ValidationError("The two entries differ; nothing was changed.")
    return value


def _passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    return _secret(args, env="FIELDKIT_PASSPHRASE", file_attr="passphrase_file",
                   prompt="Vault passphrase: ", confirm=confirm)


def _new_passphrase(args: argparse.Namespace) -> str:
    return _secret(args, env="FIELDKIT_NEW_PASSPHRASE", file_attr="new_passphrase_file",
                   prompt="New passphrase: ", confirm=True)


def _open(args: argparse.Namespace) -> Any:
    from fieldkit.service import VaultService

    if not vault_exists(args.vault):
        raise NotFoundError(f"There is no vault at {args.vault}.",
                            hint="Create one with `fieldkit init`, or pass --vault DIR.")
    return VaultService(Vault.open(args.vault, _passphrase(args)))


# --- commands -------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace, out: Output) -> None:
    passphrase = _passphrase(args, confirm=True)
    duress = None
    if args.duress:
        duress = _secret(args, env="FIELDKIT_DURESS_PASSPHRASE", file_attr="duress_passphrase_file",
                         prompt="Duress passphrase (wipes the vault when typed): ", confirm=True)
    vault, recovery = Vault.create(args.vault, passphrase, duress_passphrase=duress)
    with vault:
        key_id = vault.device_key.verify_key.key_id
        fingerprint = vault.device_key.verify_key.fingerprint
    out.result({"vault": str(args.vault), "vault_id": vault.vault_id, "device_key": key_id,
                "recovery_key": recovery},
               f"Created the vault at {args.vault}\n"
               f"Device key fingerprint: {fingerprint}\n\n"
               f"RECOVERY KEY (shown only now; write it down and keep it apart from this laptop):\n"
               f"    {recovery}\n")


def cmd_incident_add(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        view = service.create_incident(
            title=args.title, category=args.category, occurred=args.occurred,
            precision=args.precision, occurred_end=args.until, country=args.country,
            place=args.place or "", description=_text_arg(args.description, args.description_file),
            confidentiality=args.confidentiality)
        out.result(view.summary(), f"{view.ref}  draft  {view.title}")


def _text_arg(text: str | None, path: str | None) -> str:
    if path:
        try:
            return Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise UsageError(f"Cannot read {path} as UTF-8 text: {e}.") from None
    return text or ""


def cmd_incident_edit(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        view = service.update_incident(
            args.id, title=args.title, category=args.category, occurred=args.occurred,
            precision=args.precision, occurred_end=args.until, country=args.country,
            place=args.place, description=args.description,
            confidentiality=args.confidentiality)
        out.result(view.summary(), f"{view.ref}  updated")


def cmd_incident_list(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        filters = {"category": args.category, "country": args.country, "state": args.state,
                   "date_from": args.date_from, "date_to": args.date_to}
        views = service.list_incidents(**filters, limit=args.limit, offset=args.offset)
        total = service.count_incidents(**filters)
        forked = service.forked_ids([v.record_id or "" for v in views])

    def mark(v: Any) -> str:
        return "  [CONFLICT]" if v.conflict else "  [FORK]" if v.record_id in forked else ""

    def text() -> str:
        lines = [f"{v.ref[:14]:<14}  {v.state:<6}  {v.occurred[:10]}  {v.country}  "
                 f"{v.category:<34}  {v.title}{mark(v)}" for v in views]
        lines.append(f"({len(views)} of {total})")
        return "\n".join(lines)

    out.result({"total": total, "incidents": [v.summary() for v in views]}, text)


def cmd_show(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        view = service.get(args.id)
        data = view.to_json()
        if view.is_sealed and view.record_id:
            sealed = service.sealed_record(view.record_id)
            data["seal"] = {"device": sealed.device, "seq": sealed.seq,
                            "chain_prev": sealed.chain_prev, "sealed_at": sealed.sealed_at,
                            "verified": True}
        # records that name this one as prev but may not supersede it (another device's)
        data["conflicts"] = [{"record_id": c.record_id, "device": service.device_of(
            c.record_id or ""), "reason": c.conflict, "title": c.title}
            for c in service.conflicts_against(view.record_id or "")] if view.record_id else []
        fork = service.fork_of(view)
        data["fork"] = ({"record_ids": fork, "explanation": amendments.FORK_EXPLANATION}
                        if fork else None)
        data["annotations"] = service.annotations_for(view)
    out.result(data, lambda: _format_incident(data))


def _format_incident(data: dict[str, Any]) -> str:
    r = data["record"]
    lines = [f"{r['title']}", f"  id          {data['id']} ({data['state']})",
             f"  category    {r['category']}", f"  occurred    {r['occurred']['start']} "
             f"({r['occurred']['precision']})", f"  country     {r['country']}  {r['place']}",
             f"  confidentiality {r['confidentiality']}"]
    if data.get("prev") and not data.get("conflict"):
        lines.append(f"  amends      {data['prev']}")
    if data.get("superseded_by"):
        lines.append(f"  amended by  {data['superseded_by']} (this revision is not current)")
    if data.get("conflict"):
        c = data["conflict"]
        lines += [f"  CONFLICT    claims to amend {c['target']} ({c['reason']})",
                  f"              {c['explanation']}"]
    for c in data.get("conflicts", []):
        lines.append(f"  CONFLICT    {c['record_id']} by {c['device']} claims to amend this "
                     f"record ({c['reason']}); it replaces nothing")
    if data.get("fork"):
        lines += [f"  FORK        current revisions: {', '.join(data['fork']['record_ids'])}",
                  f"              {data['fork']['explanation']}"]
    if "seal" in data:
        lines.append(f"  sealed      #{data['seal']['seq']} by {data['seal']['device']} at "
                     f"{data['seal']['sealed_at']} (signature verified)")
    if r["description"]:
        lines += ["", r["description"]]
    people = {p["id"]: p["pseudonym"] for p in r["persons"]}
    for p in r["persons"]:
        lines.append(f"  person {p['id']}: {p['pseudonym']} ({', '.join(p['roles'])})")
    for a in r["acts"]:
        lines.append(f"  act {a['id']}: {a['type']} victims={[people[v] for v in a['victims']]}")
    for t in r["testimonies"]:
        lines += ["", f"  testimony {t['id']} by {people.get(t['witness'], t['witness'])} "
                      f"[{t['language']}, consent {t['consent']}]", f"    {t['text']}"]
    for e in r["evidence"]:
        lines.append(f"  evidence {e['id']}: {e['file_name']} {e['size']:,} bytes "
                     f"sha256 {e['sha256']}")
    for a in data.get("annotations", []):
        on = "" if a["target"] == data.get("record_id") else f" on revision {a['target'][:12]}…"
        lines += ["", f"  annotation {a['record_id'][:12]}… by {a['device']} at {a['at']} "
                      f"[{a['confidentiality']}]{on}", f"    {a['text']}"]
    return "\n".join(lines)


def cmd_person_add(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        view, person = service.add_person(args.incident, pseudonym=args.pseudonym,
                                          roles=args.role, name=args.name)
        out.result({"incident": view.ref, "person": person}, f"person {person['id']} added")


def cmd_act_add(args: argparse.Namespace, out: Output) -> None:
    perps = []
    for spec in args.perpetrator or []:
        ref, _, involvement = spec.partition(":")
        perps.append((ref, involvement or "direct"))
    service = _open(args)
    with service.vault:
        view, act = service.add_act(args.incident, act_type=args.type, victims=args.victim or [],
                                    perpetrators=perps, description=args.description or "")
        out.result({"incident": view.ref, "act": act}, f"act {act['id']} added")


def cmd_testimony_add(args: argparse.Namespace, out: Output) -> None:
    text = _text_arg(args.text, args.text_file)
    service = _open(args)
    with service.vault:
        view, t = service.add_testimony(
            args.incident, witness=args.witness, language=args.language, consent=args.consent,
            text=text, audio=Path(args.audio) if args.audio else None,
            progress=out.progress("importing audio"))
        out.result({"incident": view.ref, "testimony": t}, f"testimony {t['id']} added")


def cmd_evidence_add(args: argparse.Namespace, out: Output) -> None:
    gps = None
    if args.gps:
        try:
            lat, lon = (float(x) for x in args.gps.split(","))
        except ValueError:
            raise ValidationError("--gps takes LAT,LON in decimal degrees, e.g. 48.85,2.35.") \
                from None
        gps = {"lat": lat, "lon": lon}
    service = _open(args)
    with service.vault:
        view, item = service.add_evidence(
            args.incident, Path(args.file), description=args.description or "",
            media_type=args.media_type, captured_at=args.captured_at, gps=gps,
            derived_from=args.derived_from,
            transformation=args.transformation, progress=out.progress("importing"))
        out.result({"incident": view.ref, "evidence": item},
                   f"evidence {item['id']}: {item['file_name']} {item['size']:,} bytes\n"
                   f"sha256 {item['sha256']}")


def cmd_evidence_extract(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        info = service.extract_evidence(args.evidence, Path(args.out),
                                        progress=out.progress("extracting"))
        out.result({"sha256": info.sha256, "size": info.size, "out": args.out},
                   f"wrote {args.out} ({info.size:,} bytes, sha256 verified)")


def cmd_evidence_custody(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        sealed = service.add_custody_event(args.evidence, action=args.action, note=args.note or "")
        out.result({"record_id": sealed.record_id, "seq": sealed.seq},
                   f"custody event sealed as {sealed.record_id}")


def cmd_seal(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        sealed = service.seal(args.incident)
        out.result({"record_id": sealed.record_id, "seq": sealed.seq, "prev": sealed.prev,
                    "chain_prev": sealed.chain_prev, "device": sealed.device,
                    "sealed_at": sealed.sealed_at},
                   f"sealed {sealed.record_id}  (#{sealed.seq} of this device)")


def cmd_amend(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        draft = service.amend(args.id, title=args.title, category=args.category,
                              occurred=args.occurred, precision=args.precision,
                              occurred_end=args.until, country=args.country, place=args.place,
                              description=args.description,
                              confidentiality=args.confidentiality)
        data: dict[str, Any] = {**draft.summary()}
        text = f"{draft.ref}  draft amending {draft.prev}"
        if args.seal:
            assert draft.draft_id is not None
            sealed = service.seal(draft.draft_id)
            data.update(record_id=sealed.record_id, state="sealed", id=sealed.record_id)
            text = f"sealed {sealed.record_id}  (amends {sealed.prev})"
        out.result(data, text)


def cmd_annotate(args: argparse.Namespace, out: Output) -> None:
    text = _text_arg(args.text, args.text_file)
    service = _open(args)
    with service.vault:
        sealed = service.annotate(args.id, text=text, confidentiality=args.confidentiality)
        out.result({"record_id": sealed.record_id, "seq": sealed.seq,
                    "annotates": sealed.record["target"], "device": sealed.device},
                   f"annotation sealed as {sealed.record_id}\n"
                   f"  beside {sealed.record['target']} (which it does not replace)")


def cmd_search(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        hits = service.search(args.query, limit=args.limit)
    results = [{**h.incident.summary(), "rank": h.rank, "snippet": h.snippet} for h in hits]

    def text() -> str:
        if not hits:
            return "no results"
        return "\n".join(f"{h.incident.ref[:14]:<14}  {h.incident.title}\n    {h.snippet}"
                         for h in hits)

    out.result({"query": args.query, "results": results}, text)


def cmd_import(args: argparse.Namespace, out: Output) -> None:
    path = Path(args.file)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        items = doc["incidents"] if isinstance(doc, dict) else doc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as e:
        raise ValidationError(f"{path} is not an incidents JSON file ({e}).") from None
    service = _open(args)
    with service.vault:
        views = service.import_incidents(items, base_dir=path.parent / "files"
                                         if (path.parent / "files").is_dir() else None,
                                         seal=args.seal, progress=out.progress("importing"))
    out.result({"imported": [v.summary() for v in views]},
               f"imported {len(views)} incidents" + (" (sealed)" if args.seal else ""))


def cmd_categories(args: argparse.Namespace, out: Output) -> None:
    from fieldkit.domain.taxonomy import default_taxonomy

    tax = default_taxonomy()
    lang = args.language
    cats = [{"code": c.code, "label": c.label(lang), "leaf": tax.is_leaf(c.code),
             "labels": dict(c.labels)} for c in tax.categories()]
    out.result({"version": tax.version, "categories": cats},
               lambda: "\n".join(f"{'  ' if c['leaf'] else ''}{c['code']:<40} {c['label']}"
                                 for c in cats))


def cmd_vault_check(args: argparse.Namespace, out: Output) -> None:
    service = _open(args)
    with service.vault:
        report = service.check(deep=not args.quick)
    out.result(report.to_json(),
               lambda: ("OK: " if report.ok else "PROBLEMS:\n  " + "\n  ".join(report.problems)
                        + "\n") + f"{report.sealed_records} sealed records verified, "
                                  f"{report.drafts} drafts, {report.attachments_verified}/"
                                  f"{report.attachments} attachments verified")
    if not report.ok:
        sys.exit(4)


def cmd_vault_passwd(args: argparse.Namespace, out: Output) -> None:
    old = _passphrase(args)
    new = _new_passphrase(args)
    Vault.change_passphrase(args.vault, old, new)
    out.result({"vault": str(args.vault)}, "Passphrase changed. The old one no longer opens "
                                           "this vault.")


def cmd_vault_recover(args: argparse.Namespace, out: Output) -> None:
    key = _secret(args, env="FIELDKIT_RECOVERY_KEY", file_attr="recovery_key_file",
                  prompt="Recovery key: ")
    new = _new_passphrase(args)
    Vault.recover(args.vault, key, new).lock()
    out.result({"vault": str(args.vault)},
               "Recovered: the vault now opens with the new passphrase. The recovery key still "
               "works; a duress passphrase, if you had one, was removed.")


def cmd_vault_duress(args: argparse.Namespace, out: Output) -> None:
    passphrase = _passphrase(args)
    duress = None if args.remove else _secret(
        args, env="FIELDKIT_DURESS_PASSPHRASE", file_attr="duress_passphrase_file",
        prompt="Duress passphrase: ", confirm=True)
    Vault.set_duress_passphrase(args.vault, passphrase, duress)
    out.result({"duress": duress is not None},
               "Duress passphrase removed." if duress is None else
               "Duress passphrase set: typing it instead of the passphrase wipes this vault and "
               "opens an empty one.")


def cmd_vault_wipe(args: argparse.Namespace, out: Output) -> None:
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("Refusing to wipe without confirmation.",
                             hint="Pass --yes to wipe without a prompt.")
        answer = input(f"This destroys the vault at {args.vault} for ever. Type WIPE: ")
        if answer.strip() != "WIPE":
            raise UsageError("Not wiped.")
    wipe(args.vault)
    out.result({"wiped": str(args.vault)},
               f"Wiped: the key of {args.vault} is destroyed and its files are removed.")


# --- sync -----------------------------------------------------------------------------------

def _sync_client(args: argparse.Namespace) -> Any:
    from fieldkit.sync.client import SyncClient

    return SyncClient(_open(args))


def _enrolment_code_text(arg: str) -> str:
    """The code as pasted (``FKE1…``, any white space), ``-`` for stdin, or a file holding it.

    A path is read only when it names an existing file: a pasted code is far longer than a
    file name may be, so asking the file system first fails with "File name too long".
    """
    from fieldkit.sync.enrollment import PREFIX

    if arg == "-":
        return sys.stdin.read()
    if "".join(arg.split()).startswith(PREFIX):
        return arg
    try:
        is_file = Path(arg).is_file()
    except (OSError, ValueError):  # too long, NUL byte: not a file name, so not a file
        is_file = False
    return Path(arg).read_text(encoding="utf-8") if is_file else arg


def cmd_enroll(args: argparse.Namespace, out: Output) -> None:
    code = _enrolment_code_text(args.code)
    client = _sync_client(args)
    with client.vault:
        answer = client.enroll(code, label=args.label or "")
    out.result(answer.model_dump(),
               f"Enrolled as {answer.role} ({answer.key_id}); log entry #{answer.enrol_index}.")


def cmd_org_key(args: argparse.Namespace, out: Output) -> None:
    from fieldkit.crypto.orgkey import OrgPublicKey

    client = _sync_client(args)
    with client.vault:
        if args.action == "register":  # admin: register a staff key at the registry
            if not args.file:
                raise UsageError("Give the key to register: register fkorg1:…")
            answer = client.org_key_register(args.file)
            key = OrgPublicKey.from_text(answer.org_key)
            out.result({"org_key": key.to_text(), "key_id": key.key_id,
                        "safety_number": key.safety_number, "log_index": answer.log_index},
                       f"organisation key {key.to_text()} registered (log entry "
                       f"#{answer.log_index})\n  safety number {key.safety_number}\n"
                       "Monitors move to it on their next sync.")
            return
        if args.action == "init":
            key = client.org_key_init()
        elif args.action == "rotate":
            key = client.org_key_rotate()
        elif args.action == "export":
            if not args.file:
                raise UsageError("Say where to write the key package: export FILE.")
            package_pass = _secret(args, env="FIELDKIT_PACKAGE_PASSPHRASE",
                                   file_attr="package_passphrase_file",
                                   prompt="Passphrase for the key package: ", confirm=True)
            from fieldkit.storage.keyfile import atomic_write

            atomic_write(Path(args.file), client.org_key_export(package_pass))
            key = client.org_public()
        elif args.action == "import":
            if not args.file:
                raise UsageError("Name the key package to import: import FILE.")
            package_pass = _secret(args, env="FIELDKIT_PACKAGE_PASSPHRASE",
                                   file_attr="package_passphrase_file",
                                   prompt="Passphrase of the key package: ")
            key = client.org_key_import(Path(args.file).read_bytes(), package_pass)
        else:
            key = client.org_key_in_use()
            if key is None:
                raise NotFoundError("This vault knows no organisation key yet.",
                                    hint="Staff create one with `fieldkit org-key init`; a "
                                         "monitor learns it at enrolment or on its first sync.")
        held = [k for k, _at in client.org_keys()]
    assert key is not None
    if args.qr:
        from fieldkit.storage.keyfile import atomic_write

        atomic_write(Path(args.qr), key.qr_png())
    older = [k for k in held if k.key_id != key.key_id]
    text = (f"organisation key {key.to_text()}\n  id {key.key_id}\n"
            f"  safety number {key.safety_number}\n"
            "Compare the safety number with your organisation's staff by phone or in person.")
    if args.action in ("init", "rotate"):
        text += "\nGive the public key (fkorg1:…) to an administrator to register it."
    if older:
        text += f"\n  older keys kept to open older records: {len(older)}"
    if args.qr_terminal:
        text += "\n" + key.qr_terminal()
    if args.qr:
        text += f"\n  QR code written to {args.qr}"
    out.result({"org_key": key.to_text(), "key_id": key.key_id,
                "safety_number": key.safety_number,
                "older_keys": [k.key_id for k in older]}, text)


def _quarantine_text(rows: list[dict[str, Any]], total: int) -> str:
    if not total:
        return "No pulled record is in quarantine."
    lines = [f"{total} pulled records are in quarantine: the log does not vouch for them, so "
             "they are in no list, search or export."]
    for r in rows:
        index = "?" if r["log_index"] is None else r["log_index"]
        lines.append(f"  {r['id'][:16]}…  log #{index}  device {str(r['device'])[:24]}…\n"
                     f"    {r['reason']}: {r['explanation']}\n    {r['detail']}")
    if len(rows) < total:
        lines.append(f"  … and {total - len(rows)} more (--limit)")
    lines.append("`fieldkit sync quarantine --recheck` checks them all again; each pull "
                 "re-checks those whose reason can resolve.")
    return "\n".join(lines)


def cmd_sync(args: argparse.Namespace, out: Output) -> None:
    from fieldkit.progress import CancelToken

    client = _sync_client(args)
    with client.vault:
        if args.action == "status":
            status = client.status()
            out.result(status, lambda: json.dumps(status, indent=1, ensure_ascii=False))
            return
        if args.action == "log":
            rows = client.sync_log(limit=args.limit)
            out.result({"log": rows}, lambda: "\n".join(
                f"{r['at']}  {r['action']:<6} {r['outcome']:<7} {r['detail']}" for r in rows)
                or "nothing yet")
            return
        if args.action == "quarantine":
            if args.recheck:
                client.recheck_quarantine(everything=True,
                                          progress=out.progress("re-checking"))
            rows = client.quarantined(limit=args.limit)
            total = client.quarantine_count()
            out.result({"quarantined": total, "records": rows},
                       lambda: _quarantine_text(rows, total))
            return
        if args.action == "trust":
            if not args.reset:
                raise UsageError("`sync trust` needs --reset (after an administrator resolved "
                                 "why the registry was distrusted).")
            client.reset_trust()
            out.result({"distrusted": None}, "The registry is trusted again.")
            return
        if args.watch:
            token = CancelToken()

            def show(result: Any) -> None:
                if isinstance(result, FieldKitError):
                    print(f"{time.strftime('%H:%M:%S')} not synced: {result.message}",
                          file=sys.stderr, flush=True)
                else:
                    print(f"{time.strftime('%H:%M:%S')} {result.action}: {result.records} "
                          f"records, {result.files} files", file=sys.stderr, flush=True)

            try:
                client.watch(cancel=token, interval=args.interval, on_result=show)
            except KeyboardInterrupt:
                token.cancel()
            return
        report = client.sync(progress=out.progress("syncing"))
    out.result(report.to_json(),
               f"{report.action}: {report.records} records, {report.files} files, "
               f"{report.bytes_sent + report.bytes_received:,} bytes"
               + (f", {report.retries} retries" if report.retries else ""))


# --- exports ------------------------------------------------------------------------------

def _selection(args: argparse.Namespace) -> Any:
    """The --from/--to/--country/--category filter, or None when none was given."""
    from fieldkit.export.selection import Selection

    sel = Selection(date_from=args.date_from, date_to=args.date_to, country=args.country,
                    category=args.category)
    return None if sel.is_empty() else sel


def cmd_export_tables(args: argparse.Namespace, out: Output) -> None:
    from fieldkit.export.tabular import export_tables

    service = _open(args)
    with service.vault:
        result = export_tables(service, ids=args.ids or None, filters=_selection(args),
                               audience=args.audience, fmt=args.fmt, out=Path(args.out),
                               progress=out.progress("exporting"))
    counts = ", ".join(f"{t} {n}" for t, n in result.counts.items())
    out.result(result.to_json(),
               f"wrote {args.fmt.upper()} for audience {result.audience} to {result.out}\n"
               f"  {counts}\n"
               f"  logged as export {result.export_id[:12]} (queued for the registry's "
               "audit log until the next sync)")


def cmd_export_dossier(args: argparse.Namespace, out: Output) -> None:
    from fieldkit.export.job import export_dossier
    from fieldkit.progress import CancelToken

    service = _open(args)
    token = CancelToken()
    with service.vault:
        try:
            result = export_dossier(
                service, ids=args.ids or None, filters=_selection(args),
                audience=args.audience, language=args.language, out_pdf=Path(args.out),
                out_bundle=Path(args.bundle) if args.bundle else None,
                include_files=not args.no_files, prepared_by=args.prepared_by or "",
                progress=out.progress("exporting"), cancel=token)
        except KeyboardInterrupt:
            token.cancel()
            raise
    data = {"pdf": str(result.pdf), "bundle": str(result.bundle) if result.bundle else None,
            "pages": result.pages, "record_ids": result.record_ids,
            "contents_digest": result.contents_digest, "export_id": result.export_id,
            "audience": args.audience, "language": args.language}
    out.result(data, lambda: "\n".join(
        [f"wrote a {result.pages}-page {args.language} dossier of {len(result.record_ids)} "
         f"incident(s) for audience {args.audience}: {result.pdf}"]
        + ([f"  bundle {result.bundle} (contents digest {result.contents_digest})",
            f"  check it: fieldkit verify {result.bundle} --dossier {result.pdf}"]
           if result.bundle else [])
        + [f"  logged as export {result.export_id[:12]} (queued for the registry's audit log "
           "until the next sync)"]))


def cmd_export_log(args: argparse.Namespace, out: Output) -> None:
    from fieldkit.export.log import list_exports

    service = _open(args)
    with service.vault:
        rows = list_exports(service, limit=args.limit)

    def text() -> str:
        lines = [f"{r['at'][:19]}  {r['kind']:<7} {r['audience']:<8} "
                 f"{r['records']:>5} {'record' if r['records'] == 1 else 'records':<7}  "
                 f"{r['status']:<8}  {', '.join(f['name'] for f in r['files'])}"
                 for r in rows]
        return "\n".join(lines) or "no exports yet"

    out.result({"exports": rows}, text)


# --- parser ---------------------------------------------------------------------------------

def cmd_verify(args: argparse.Namespace, out: Output) -> None:
    """Check a bundle offline; print the report; exit non-zero naming what failed (4: a check
    failed; 5: the bundle carries no log data and --unanchored was not given)."""
    from fieldkit.export.verify import check_bundle, first_problem

    bundle = Path(args.bundle)
    if not bundle.is_file():
        raise NotFoundError(f"There is no bundle at {bundle}.",
                            hint="Give the .zip written beside the dossier.")
    dossier = Path(args.dossier) if args.dossier else None
    if dossier is not None and not dossier.is_file():
        raise NotFoundError(f"There is no dossier PDF at {dossier}.")
    log_key = args.log_key
    if log_key and Path(log_key).is_file():
        log_key = Path(log_key).read_text(encoding="utf-8").strip()
    report = check_bundle(bundle, dossier=dossier, log_key=log_key,
                          unanchored=args.unanchored, progress=out.progress("verifying"))
    if report.ok:
        out.result(report.to_json(), report.render)
        return
    if not out.as_json:
        print(report.render())
    first = first_problem(report)
    first.details["problems"] = [{"code": p.code, "member": p.member, "message": p.message}
                                 for p in report.problems]
    raise first


def cmd_demo(args: argparse.Namespace, out: Output) -> None:
    """The scripted end-to-end demo, as ``./dev demo`` runs it (:mod:`fieldkit.demo`)."""
    from fieldkit.demo import main as demo_main

    demo_main(["--out", str(args.out), *(["--no-app"] if args.no_app else [])])


def build_parser() -> argparse.ArgumentParser:
    common = StrictParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print exactly one JSON document")
    common.add_argument("--vault", type=Path, default=argparse.SUPPRESS,
                        help="vault directory (default: FIELDKIT_VAULT or the user data dir)")
    common.add_argument("--passphrase-file", default=argparse.SUPPRESS,
                        help="read the passphrase from this file (else FIELDKIT_PASSPHRASE)")

    p = StrictParser(prog="fieldkit", parents=[common],
                                description="Document incidents offline, seal them, prove them.")
    p.add_argument("--version", action="version", version=f"fieldkit {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(parent: Any, name: str, func: Callable[..., None], help_: str) -> Any:
        sp = parent.add_parser(name, parents=[common], help=help_, description=help_)
        sp.set_defaults(func=func)
        return sp

    def incident_fields(sp: Any, *, required: bool) -> None:
        sp.add_argument("--title", required=required)
        sp.add_argument("--category", required=required, help="taxonomy code (`categories`)")
        sp.add_argument("--occurred", required=required,
                        help="YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time")
        sp.add_argument("--precision", choices=["exact", "day", "month", "year", "approximate",
                                                "range"])
        sp.add_argument("--until", help="end date, for a range")
        sp.add_argument("--country", required=required, help="ISO 3166 code, e.g. FR")
        sp.add_argument("--place")
        sp.add_argument("--description")
        sp.add_argument("--confidentiality", choices=["internal", "partners", "public"],
                        default="internal" if required else None)

    sp = add(sub, "init", cmd_init, "create a vault (shows the recovery key once)")
    sp.add_argument("--duress", action="store_true", help="also set a duress passphrase")
    sp.add_argument("--duress-passphrase-file")

    inc = sub.add_parser("incident", help="add, edit and list incidents").add_subparsers(
        dest="sub", required=True, metavar="ACTION")
    sp = add(inc, "add", cmd_incident_add, "add a draft incident")
    incident_fields(sp, required=True)
    sp.add_argument("--description-file")
    sp = add(inc, "edit", cmd_incident_edit, "change fields of a draft incident")
    sp.add_argument("id")
    incident_fields(sp, required=False)
    sp = add(inc, "list", cmd_incident_list, "list incidents, newest first")
    sp.add_argument("--category")
    sp.add_argument("--country")
    sp.add_argument("--state", choices=["draft", "sealed"])
    sp.add_argument("--from", dest="date_from")
    sp.add_argument("--to", dest="date_to")
    sp.add_argument("--limit", type=int, default=50)
    sp.add_argument("--offset", type=int, default=0)

    sp = add(sub, "show", cmd_show, "show one incident (draft id or record id, or a prefix)")
    sp.add_argument("id")

    per = sub.add_parser("person", help="persons of an incident").add_subparsers(
        dest="sub", required=True, metavar="ACTION")
    sp = add(per, "add", cmd_person_add, "add a person (shown by pseudonym)")
    sp.add_argument("incident")
    sp.add_argument("--pseudonym", required=True)
    sp.add_argument("--role", action="append", required=True,
                    choices=["victim", "witness", "perpetrator", "source"])
    sp.add_argument("--name", help="real name (only ever shown to an internal audience)")

    act = sub.add_parser("act", help="acts of an incident").add_subparsers(
        dest="sub", required=True, metavar="ACTION")
    sp = add(act, "add", cmd_act_add, "add an act (what was done to whom, by whom)")
    sp.add_argument("incident")
    sp.add_argument("--type", required=True, help="act type code")
    sp.add_argument("--victim", action="append", help="pseudonym or person id")
    sp.add_argument("--perpetrator", action="append", help="PSEUDONYM[:INVOLVEMENT]")
    sp.add_argument("--description")

    tes = sub.add_parser("testimony", help="testimonies").add_subparsers(
        dest="sub", required=True, metavar="ACTION")
    sp = add(tes, "add", cmd_testimony_add, "add a testimony to a draft incident")
    sp.add_argument("incident")
    sp.add_argument("--witness", required=True, help="witness pseudonym")
    sp.add_argument("--language", required=True, help="ar, en, fr, ru, kk…")
    sp.add_argument("--consent", required=True, choices=["internal", "partners", "public"])
    g = sp.add_mutually_exclusive_group(required=True)
    g.add_argument("--text")
    g.add_argument("--text-file")
    sp.add_argument("--audio", help="an audio file of the testimony")

    ev = sub.add_parser("evidence", help="evidence files").add_subparsers(
        dest="sub", required=True, metavar="ACTION")
    sp = add(ev, "add", cmd_evidence_add, "import a file as evidence (encrypted, hashed)")
    sp.add_argument("incident")
    sp.add_argument("file")
    sp.add_argument("--description")
    sp.add_argument("--media-type")
    sp.add_argument("--captured-at", help="ISO date-time the file was captured")
    sp.add_argument("--gps", help="LAT,LON")
    sp.add_argument("--derived-from", help="SHA-256 of the original this was derived from")
    sp.add_argument("--transformation", help="what was done to derive it (crop, blur faces…)")
    sp = add(ev, "extract", cmd_evidence_extract, "decrypt an evidence file to OUT")
    sp.add_argument("evidence", help="SHA-256 (or 8+ characters of it) or attachment id")
    sp.add_argument("out")
    sp = add(ev, "custody", cmd_evidence_custody, "append a sealed custody event")
    sp.add_argument("evidence")
    sp.add_argument("--action", required=True, help="e.g. copied-to-usb, handed-over")
    sp.add_argument("--note")

    sp = add(sub, "seal", cmd_seal, "seal a draft incident with its testimonies and evidence")
    sp.add_argument("incident")
    sp = add(sub, "amend", cmd_amend, "start (or with --seal, seal) a new revision of a sealed "
                                      "incident")
    sp.add_argument("id")
    incident_fields(sp, required=False)
    sp.add_argument("--seal", action="store_true", help="seal the amendment at once")
    sp = add(sub, "annotate", cmd_annotate, "seal a note beside a sealed incident (any "
                                            "device's); it never replaces the record")
    sp.add_argument("id")
    g = sp.add_mutually_exclusive_group(required=True)
    g.add_argument("--text")
    g.add_argument("--text-file")
    sp.add_argument("--confidentiality", choices=["internal", "partners", "public"],
                    default="internal", help="the widest audience allowed to see the note")

    sp = add(sub, "search", cmd_search, "full-text search (Arabic-aware)")
    sp.add_argument("query")
    sp.add_argument("--limit", type=int, default=20)

    sp = add(sub, "import", cmd_import, "import incidents from a JSON file")
    sp.add_argument("file")
    sp.add_argument("--seal", action="store_true", help="seal each imported incident")

    sp = add(sub, "categories", cmd_categories, "the taxonomy of incident categories")
    sp.add_argument("--language", default="en", help="label language (ar, en, fr, ru, kk)")

    sp = add(sub, "enroll", cmd_enroll, "enrol this vault with a registry (code text, a file "
                                        "holding it, or - for stdin)")
    sp.add_argument("code")
    sp.add_argument("--label", help="a name for this device the administrator will see")
    sp = add(sub, "org-key", cmd_org_key, "the organisation's end-to-end key (staff)")
    sp.add_argument("action", choices=["init", "show", "export", "import", "rotate",
                                       "register"])
    sp.add_argument("file", nargs="?", help="the key package (export / import), or the "
                                            "fkorg1:… key an administrator registers")
    sp.add_argument("--package-passphrase-file")
    sp.add_argument("--qr", metavar="FILE", help="also write the key's QR code as a PNG")
    sp.add_argument("--qr-terminal", action="store_true",
                    help="also draw the key's QR code in the terminal")
    sp = add(sub, "sync", cmd_sync, "sync once (push for monitors, pull for staff), --watch, "
                                    "or: status | log | trust --reset | quarantine "
                                    "[--recheck]")
    sp.add_argument("action", nargs="?", choices=["status", "log", "trust", "quarantine"])
    sp.add_argument("--watch", action="store_true", help="keep syncing in the foreground")
    sp.add_argument("--interval", type=float, default=30.0, help="seconds between syncs")
    sp.add_argument("--reset", action="store_true")
    sp.add_argument("--recheck", action="store_true",
                    help="quarantine: check every quarantined record again now")
    sp.add_argument("--limit", type=int, default=50)

    exp = sub.add_parser("export", help="dossiers, bundles, CSV/JSON tables, the export "
                                        "log").add_subparsers(dest="sub", required=True,
                                                              metavar="KIND")

    def selection_args(sp: Any) -> None:
        sp.add_argument("ids", nargs="*", metavar="ID",
                        help="sealed incidents (record id, uid or prefix); none: all matching")
        sp.add_argument("--from", dest="date_from", help="YYYY, YYYY-MM or YYYY-MM-DD")
        sp.add_argument("--to", dest="date_to", help="inclusive, at its precision")
        sp.add_argument("--country", help="ISO 3166 code, e.g. FR")
        sp.add_argument("--category", help="taxonomy code or group (`categories`)")
        sp.add_argument("--audience", required=True, choices=["internal", "partners", "public"],
                        help="who will read it: decides testimonies (by consent) and persons")

    for fmt, what in (("csv", "CSV tables with HURIDOCS column names (a new folder, or "
                              "OUT.zip)"),
                      ("json", "one JSON document with HURIDOCS field names")):
        sp = add(exp, fmt, cmd_export_tables, f"export sealed incidents as {what}")
        selection_args(sp)
        sp.add_argument("--out", required=True)
        sp.set_defaults(fmt=fmt)
    sp = add(exp, "dossier", cmd_export_dossier, "a PDF dossier (Arabic or English) of sealed "
                                                 "incidents, and its verification bundle")
    selection_args(sp)
    sp.add_argument("--language", required=True, choices=["ar", "en"],
                    help="labels, dates, numbers and page direction")
    sp.add_argument("--out", required=True, help="the PDF file to write")
    sp.add_argument("--bundle", help="also write the verification bundle (a .zip)")
    sp.add_argument("--no-files", action="store_true",
                    help="the bundle lists evidence files by SHA-256 without their bytes")
    sp.add_argument("--prepared-by", help="who prepared the dossier (on its cover)")
    sp = add(exp, "log", cmd_export_log, "this vault's exports: when, what, for whom, and "
                                         "whether the registry has them")
    sp.add_argument("--limit", type=int, default=50)

    sp = add(sub, "verify", cmd_verify, "check a dossier's bundle offline: signatures, device "
                                        "chains, log proofs, attachment and PDF hashes")
    sp.add_argument("bundle", help="the bundle (.zip) written beside the dossier")
    sp.add_argument("--dossier", help="the dossier PDF (default: found beside the bundle)")
    sp.add_argument("--log-key", help="the registry's log verifier key (text or a file) to "
                                      "pin, as its operator published it; a bundle that cannot "
                                      "be checked against it fails")
    sp.add_argument("--unanchored", action="store_true",
                    help="accept a bundle with no log data (or signers and records the log "
                         "does not vouch for); the first line of the report says so")

    sp = sub.add_parser("demo", help="run the end-to-end demo on fictional incidents "
                                     "(what ./dev demo runs)",
                        description="The scripted end-to-end demo: a local registry, a staff "
                                    "and a monitor vault, sealed incidents, sync, dossiers.")
    sp.add_argument("--out", type=Path, default=Path("out/demo"),
                    help="where the demo vaults and registry go (default: out/demo)")
    sp.add_argument("--no-app", action="store_true",
                    help="do not open the desktop app at the end, even with a display")
    sp.set_defaults(func=cmd_demo)

    va = sub.add_parser("vault", help="check, passwd, recover, duress, wipe").add_subparsers(
        dest="sub", required=True, metavar="ACTION")
    sp = add(va, "check", cmd_vault_check, "verify database, seals, chain and attachments")
    sp.add_argument("--quick", action="store_true", help="skip decrypting every attachment")
    sp = add(va, "passwd", cmd_vault_passwd, "change the passphrase (re-wraps the key only)")
    sp.add_argument("--new-passphrase-file")
    sp = add(va, "recover", cmd_vault_recover, "open with the recovery key, set a new passphrase")
    sp.add_argument("--recovery-key-file")
    sp.add_argument("--new-passphrase-file")
    sp = add(va, "duress", cmd_vault_duress, "set or remove the duress passphrase")
    sp.add_argument("--remove", action="store_true")
    sp.add_argument("--duress-passphrase-file")
    sp = add(va, "wipe", cmd_vault_wipe, "panic wipe: destroy the key, remove everything")
    sp.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return p


def main(argv: Sequence[str] | None = None) -> NoReturn:
    argv = list(sys.argv[1:] if argv is None else argv)
    out = Output(as_json="--json" in argv)

    def body() -> None:
        args = build_parser().parse_args(argv)
        args.json = getattr(args, "json", False)
        args.vault = Path(getattr(args, "vault", None) or default_vault_dir())
        args.passphrase_file = getattr(args, "passphrase_file", None)
        args.func(args, out)

    run(body, as_json=out.as_json)
