"""The registry's HTTP API (FastAPI). Every request lands in the audit log; every error has
one JSON shape ``{"error": {"code", "message", "details"}}``.

Authentication: RFC 9421 signatures by an enrolled, unrevoked device key over method, path,
query, Content-Digest, created time and a nonce (replays refused). Roles decide the rest:

================================  ======  =======  =====  =====
endpoint                          anyone  monitor  staff  admin
================================  ======  =======  =====  =====
GET  /v1/health                   yes     yes      yes    yes
POST /v1/enroll                   code    -        -      -
GET  /v1/log/*                    -       yes      yes    yes
GET  /v1/whoami                   -       yes      yes    yes
GET  /v1/devices/{id}/enrolment   -       yes      yes    yes
POST /v1/exports                  -       yes      yes    yes
POST /v1/records                  -       yes      -      -
GET  /v1/receipts/{id}            -       own      yes    -
POST /v1/chunks/missing           -       yes      -      -
PUT  /v1/chunks/{digest}          -       yes      -      -
POST /v1/files                    -       yes      -      -
GET  /v1/records (pull)           -       -        yes    -
GET  /v1/files/{sha}, chunks      -       -        yes    -
/v1/admin/*                       -       -        -      yes
================================  ======  =======  =====  =====

Administrators never receive record payloads: no admin endpoint returns an envelope.
"Yes" for a device means enrolled and not revoked: a revoked device gets 403 everywhere, an
unknown key or a bad signature 401 (and is audited as ``claimed_device``, never as a device).
"""

from __future__ import annotations

import csv
import io
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from fieldkit import __version__
from fieldkit.crypto.jcs import loads_strict
from fieldkit.crypto.keys import VerifyKey
from fieldkit.errors import (
    EnvelopeFormatError,
    FieldKitError,
    IntegrityError,
    NotFoundError,
    UsageError,
    ValidationError,
)
from fieldkit.registry.service import Registry, b64, now_iso
from fieldkit.registry.store import AuditEvent, Ingested
from fieldkit.sync import protocol as p
from fieldkit.sync.httpsig import AuthError, parse_signature_headers, verify_request

log = logging.getLogger("fieldkit.registry")
_ORG_KEY_ID = re.compile(r"x25519:[0-9a-f]{64}")
M = TypeVar("M", bound=BaseModel)


class PayloadTooLargeError(UsageError):
    code = "payload_too_large"
    http_status = 413


class ClientGoneError(UsageError):
    """The connection dropped mid-request (nobody is left to answer; audited as refused)."""

    code = "client_disconnected"
    http_status = 400


class ForbiddenError(AuthError):
    code = "forbidden"
    http_status = 403


class UnknownDeviceError(AuthError):
    code = "unknown_device"
    default_hint = "Enrol this device with an enrolment code from an administrator."


class RevokedDeviceError(AuthError):
    code = "device_revoked"
    http_status = 403
    default_hint = "This device was revoked. Ask an administrator."


class ReplayedRequestError(AuthError):
    code = "replayed_request"
    default_hint = "Every request needs a fresh nonce."


def status_of(err: FieldKitError) -> int:
    explicit = getattr(err, "http_status", None)
    if isinstance(explicit, int):
        return explicit
    if isinstance(err, NotFoundError):
        return 404
    if isinstance(err, UsageError | IntegrityError):
        return 400
    return 500


def error_response(status: int, code: str, message: str,
                   details: dict[str, Any] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status,
                        content={"error": {"code": code, "message": message,
                                           "details": details or {}}})


@dataclass
class Caller:
    key_id: str
    role: str


def body_schema(model: type[BaseModel]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": model.model_json_schema()}}}}


def create_app(registry: Registry, *, clock: Callable[[], float] = time.time) -> FastAPI:
    app = FastAPI(title="FieldKit registry", version=__version__,
                  description=__doc__ or "", docs_url=None, redoc_url=None)
    store = registry.store

    # --- plumbing: body limits, authentication, parsing, audit ------------------------------

    async def read_body(request: Request, limit: int) -> bytes:
        cached = getattr(request.state, "body", None)
        if cached is not None:
            return bytes(cached)
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            raise PayloadTooLargeError(f"The request body is larger than {limit:,} bytes.")
        chunks, total = [], 0
        try:
            async for chunk in request.stream():
                total += len(chunk)
                if total > limit:
                    raise PayloadTooLargeError(
                        f"The request body is larger than {limit:,} bytes.")
                chunks.append(chunk)
        except ClientDisconnect:
            raise ClientGoneError("The client disconnected before sending the whole body.") \
                from None
        body = b"".join(chunks)
        request.state.body = body
        request.state.bytes_in = len(body)
        return body

    async def authenticate(request: Request, *, roles: tuple[str, ...],
                           limit: int = p.MAX_JSON_BODY) -> Caller:
        body = await read_body(request, limit)
        # the store and the signature check block: keep them off the event loop
        return await run_in_threadpool(check_signature, request, body, roles)

    def check_signature(request: Request, body: bytes, roles: tuple[str, ...]) -> Caller:
        infos = parse_signature_headers(request.headers)
        keyid = infos[0].keyid
        # Until the signature verifies, the key id is only what the request claims: the audit
        # log keeps it as ``claimed_device`` and names no device.
        request.state.claimed = keyid
        device = store.device(keyid)
        if device is None:
            raise UnknownDeviceError("This device is not enrolled at this registry.")
        now = int(clock())
        # the raw path and query as sent, not Starlette's decoded forms (what was signed)
        info = verify_request(method=request.method,
                              path=request.scope.get("raw_path", b"").decode("ascii", "replace"),
                              query=request.scope.get("query_string", b"").decode("ascii",
                                                                                  "replace"),
                              body=body, headers=request.headers,
                              key=VerifyKey.from_bytes(device.public_key), now=now,
                              max_skew=p.MAX_SKEW_SECONDS)
        expires = datetime.fromtimestamp(now + 2 * p.MAX_SKEW_SECONDS, UTC)
        if not store.remember_nonce(keyid, info.nonce, expires_at=now_iso(lambda: expires),
                                    now=now_iso(lambda: datetime.fromtimestamp(now, UTC))):
            # a replay: the signature is genuine but this request is not the device's own
            raise ReplayedRequestError("This request was already received (same nonce).")
        # verified and fresh: from here on the audit log names the device
        request.state.device, request.state.claimed = keyid, None
        request.state.role = device.role
        if device.revoked_at is not None:
            raise RevokedDeviceError(f"Device {keyid} was revoked at {device.revoked_at}.")
        if device.role not in roles:
            raise ForbiddenError(f"A {device.role} device may not do this.",
                                 hint=f"Needs the role {' or '.join(roles)}.")
        return Caller(keyid, device.role)

    async def parse(request: Request, model: type[M]) -> M:
        body = await read_body(request, p.MAX_JSON_BODY)
        try:
            obj = loads_strict(body)
        except EnvelopeFormatError as e:
            raise ValidationError(f"The request body is not valid JSON: {e.message}",
                                  reason=e.details.get("reason")) from None
        try:
            return model.model_validate(obj)
        except PydanticValidationError as e:
            errors = [{"loc": [str(x) for x in err["loc"]], "msg": err["msg"]}
                      for err in e.errors()[:10]]
            raise ValidationError("The request body does not have the expected fields.",
                                  errors=errors) from None

    @app.middleware("http")
    async def audit(request: Request,
                    call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        request.state.device = None
        request.state.claimed = None
        request.state.role = None
        request.state.reason = ""
        request.state.bytes_in = 0
        try:
            response = await call_next(request)
        except Exception:  # the app's handlers turn errors into responses; this is a bug
            log.exception("unhandled error")
            response = error_response(500, "internal", "The registry hit an internal error.")
        route = request.scope.get("route")
        action = getattr(route, "name", None) or "unknown"
        status = response.status_code
        try:
            await run_in_threadpool(store.audit, AuditEvent(
                id=0, at=now_iso(), device=request.state.device, role=request.state.role,
                method=request.method, path=request.url.path[:500], action=action,
                outcome="ok" if status < 400 else "refused" if status < 500 else "error",
                status=status, bytes_in=int(request.state.bytes_in),
                bytes_out=int(response.headers.get("content-length", 0) or 0),
                reason=str(request.state.reason)[:500],
                remote=request.client.host if request.client else "",
                claimed_device=request.state.claimed))
        except FieldKitError:
            log.exception("could not write the audit log")
            return error_response(503, "audit_unavailable",
                                  "The registry cannot record this request in its audit log.")
        return response

    @app.exception_handler(FieldKitError)
    async def on_fieldkit_error(request: Request, err: FieldKitError) -> JSONResponse:
        request.state.reason = f"{err.code}: {err.message}"
        details = {k: v for k, v in err.details.items() if isinstance(v, str | int | list)}
        return error_response(status_of(err), err.code, err.message, details)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, err: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(err.status_code, "http_error")
        request.state.reason = code
        return error_response(err.status_code, code, str(err.detail))

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, err: RequestValidationError) -> JSONResponse:
        request.state.reason = "invalid_request"
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg"))}
                  for e in err.errors()[:10]]
        return error_response(400, "invalid_request", "The request parameters are invalid.",
                              {"errors": errors})

    @app.exception_handler(Exception)
    async def on_bug(request: Request, err: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=err)
        request.state.reason = f"internal: {type(err).__name__}"
        return error_response(500, "internal", "The registry hit an internal error.")

    # --- public ---------------------------------------------------------------------------------

    @app.get(f"{p.API}/health", name="health")
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    # The log's leaves name every enrolled device and every record's device and seq: only
    # enrolled, unrevoked devices read them (bundles carry their own proofs for verifiers).
    ENROLLED = ("monitor", "staff", "admin")

    @app.get(f"{p.API}/log/checkpoint", name="log.checkpoint")
    async def checkpoint(request: Request) -> p.CheckpointResponse:
        await authenticate(request, roles=ENROLLED)
        note = store.checkpoint()
        return p.CheckpointResponse(size=int(note.split("\n")[1]), checkpoint=note)

    @app.get(f"{p.API}/log/inclusion", name="log.inclusion")
    async def inclusion(request: Request, index: int, size: int) -> p.InclusionProofResponse:
        await authenticate(request, roles=ENROLLED)
        _check_range(0 <= index < size <= store.log_size(), "index must be < size <= log size")
        return p.InclusionProofResponse(
            index=index, size=size, leaf=b64(store.leaf(index)),
            proof=[b64(h) for h in store.inclusion_proof(index, size)])

    @app.get(f"{p.API}/log/consistency", name="log.consistency")
    async def consistency(request: Request, first: int,
                          second: int) -> p.ConsistencyProofResponse:
        await authenticate(request, roles=ENROLLED)
        _check_range(0 < first <= second <= store.log_size(),
                     "need 0 < first <= second <= log size")
        return p.ConsistencyProofResponse(
            first=first, second=second,
            proof=[b64(h) for h in store.consistency_proof(first, second)])

    @app.post(f"{p.API}/enroll", name="enroll", openapi_extra=body_schema(p.EnrollRequest))
    async def enroll(request: Request) -> p.EnrollResponse:
        req = await parse(request, p.EnrollRequest)
        response = await run_in_threadpool(registry.enroll, req)
        request.state.device, request.state.role = response.key_id, response.role
        return response

    # --- devices --------------------------------------------------------------------------------

    @app.get(f"{p.API}/org-key", name="org_key.get")
    async def org_key(request: Request, key_id: str | None = None) -> p.OrgKeyResponse:
        await authenticate(request, roles=("monitor", "staff", "admin"))
        if key_id is not None and not _ORG_KEY_ID.fullmatch(key_id):
            raise ValidationError("key_id must be x25519: followed by 64 lowercase hex digits.")
        return await run_in_threadpool(registry.org_key_registration, key_id)

    @app.post(p.ORG_KEY_PATH, name="admin.org_key",
              openapi_extra=body_schema(p.OrgKeyRequest))
    async def set_org_key(request: Request) -> p.OrgKeyResponse:
        caller = await authenticate(request, roles=("admin",))
        req = await parse(request, p.OrgKeyRequest)
        # the admin's signed request goes into the log entry: devices check it against the
        # admin's enrolled key, so no one but an admin device can register a key (ADR 0019)
        body = await read_body(request, p.MAX_JSON_BODY)
        signed = {"method": request.method,
                  "path": request.scope.get("raw_path", b"").decode("ascii", "replace"),
                  "query": request.scope.get("query_string", b"").decode("ascii", "replace"),
                  "body": b64(body),
                  "content_digest": request.headers.get("content-digest", ""),
                  "signature_input": request.headers.get("signature-input", ""),
                  "signature": request.headers.get("signature", "")}
        await run_in_threadpool(registry.set_org_key, req.org_key, by=caller.key_id,
                                request=signed)
        return await run_in_threadpool(registry.org_key_registration, None)

    @app.get(f"{p.API}/whoami", name="whoami")
    async def whoami(request: Request) -> p.WhoAmI:
        caller = await authenticate(request, roles=("monitor", "staff", "admin"))
        return p.WhoAmI(key_id=caller.key_id, role=caller.role)

    @app.get(f"{p.API}/devices/{{key_id}}/enrolment", name="devices.enrolment")
    async def enrolment(request: Request, key_id: str) -> p.DeviceEnrolment:
        await authenticate(request, roles=("monitor", "staff", "admin"))
        _check_key_id(key_id)
        return await run_in_threadpool(registry.enrolment, key_id)

    @app.post(f"{p.API}/exports", name="exports.report",
              openapi_extra=body_schema(p.ReportExports))
    async def report_exports(request: Request) -> p.ExportsReported:
        caller = await authenticate(request, roles=("monitor", "staff", "admin"))
        req = await parse(request, p.ReportExports)
        remote = request.client.host if request.client else ""
        return await run_in_threadpool(lambda: registry.report_exports(
            req, device=caller.key_id, role=caller.role, remote=remote))

    @app.post(f"{p.API}/records", name="records.submit",
              openapi_extra=body_schema(p.SubmitRecords))
    async def submit(request: Request) -> p.SubmitResponse:
        caller = await authenticate(request, roles=("monitor",))
        req = await parse(request, p.SubmitRecords)
        receipts = await run_in_threadpool(registry.ingest, req.envelopes, device=caller.key_id)
        return p.SubmitResponse(receipts=receipts)

    @app.get(f"{p.API}/receipts/{{record_id}}", name="receipts.get")
    async def receipt(request: Request, record_id: str) -> p.Receipt:
        caller = await authenticate(request, roles=("monitor", "staff"))
        _check_hex(record_id)
        return await run_in_threadpool(
            registry.receipt_for, record_id,
            device=caller.key_id if caller.role == "monitor" else None)

    @app.post(f"{p.API}/chunks/missing", name="chunks.missing",
              openapi_extra=body_schema(p.ChunkQuery))
    async def missing(request: Request) -> p.MissingChunks:
        await authenticate(request, roles=("monitor",))
        req = await parse(request, p.ChunkQuery)
        return p.MissingChunks(missing=await run_in_threadpool(store.missing_chunks,
                                                               list(req.chunks)))

    @app.put(f"{p.API}/chunks/{{digest}}", name="chunks.put", openapi_extra={"requestBody": {
        "required": True, "content": {"application/octet-stream": {
            "schema": {"type": "string", "format": "binary"}}}}})
    async def put_chunk(request: Request, digest: str) -> dict[str, str]:
        await authenticate(request, roles=("monitor",), limit=p.MAX_CHUNK)
        _check_hex(digest)
        await run_in_threadpool(store.put_chunk, digest, await read_body(request, p.MAX_CHUNK))
        return {"digest": digest}

    @app.post(f"{p.API}/files", name="files.put", openapi_extra=body_schema(p.FileManifest))
    async def put_file(request: Request) -> dict[str, Any]:
        caller = await authenticate(request, roles=("monitor",))
        req = await parse(request, p.FileManifest)
        await run_in_threadpool(lambda: store.put_file(
            sha256=req.sha256, size=req.size, chunks=list(req.chunks), device=caller.key_id,
            now=now_iso()))
        return {"sha256": req.sha256, "size": req.size}

    # --- staff ----------------------------------------------------------------------------------

    @app.get(f"{p.API}/records", name="records.pull")
    async def pull(request: Request, cursor: int = -1, limit: int = 100) -> p.PullResponse:
        await authenticate(request, roles=("staff",))
        _check_range(cursor >= -1 and 1 <= limit <= p.MAX_PULL,
                     f"cursor >= -1, limit 1..{p.MAX_PULL}")
        def page() -> list[p.PulledRecord]:
            rows = store.records_since(cursor, limit)
            if not rows:
                return []
            # read after the records: every one of them is under this checkpoint
            receipts = registry.receipts([Ingested(r.record_id, r.log_index, False, None)
                                          for r in rows], store.checkpoint())
            return [p.PulledRecord(record_id=r.record_id, device=r.device, seq=r.seq,
                                   kind=r.kind, log_index=r.log_index,
                                   received_at=r.received_at,
                                   envelope=loads_strict(r.envelope),  # type: ignore[arg-type]
                                   receipt=receipt)
                    for r, receipt in zip(rows, receipts, strict=True)]

        records = await run_in_threadpool(page)
        return p.PullResponse(records=records,
                              cursor=records[-1].log_index if records else cursor)

    @app.get(f"{p.API}/files/{{sha256}}", name="files.get")
    async def get_file(request: Request, sha256: str) -> p.FileManifest:
        await authenticate(request, roles=("staff",))
        _check_hex(sha256)
        found = store.file(sha256)
        if found is None:
            raise NotFoundError(f"No file {sha256[:12]}….")
        size, chunks = found
        return p.FileManifest(sha256=sha256, size=size, chunks=chunks)

    @app.get(f"{p.API}/chunks/{{digest}}", name="chunks.get")
    async def get_chunk(request: Request, digest: str) -> Response:
        await authenticate(request, roles=("staff",))
        _check_hex(digest)
        return Response(await run_in_threadpool(store.get_chunk, digest),
                        media_type="application/octet-stream")

    # --- administration ---------------------------------------------------------------------------

    @app.post(f"{p.API}/admin/enroll-codes", name="admin.enroll_code",
              openapi_extra=body_schema(p.EnrollCodeRequest))
    async def enroll_code(request: Request) -> p.EnrollCodeResponse:
        caller = await authenticate(request, roles=("admin",))
        req = await parse(request, p.EnrollCodeRequest)
        code = registry.new_enroll_code(role=req.role, ttl_hours=req.ttl_hours, by=caller.key_id)
        return p.EnrollCodeResponse(code=code.to_text(), code_id=code.code_id, role=code.role,
                                    expires_at=code.expires_at)

    @app.get(f"{p.API}/admin/devices", name="admin.devices")
    async def devices(request: Request) -> p.DeviceList:
        await authenticate(request, roles=("admin",))
        return p.DeviceList(devices=[
            p.DeviceInfo(key_id=d.key_id, role=d.role, label=d.label, enrolled_at=d.enrolled_at,
                         revoked_at=d.revoked_at, enrol_index=d.enrol_index,
                         revoke_index=d.revoke_index)
            for d in store.devices()])

    @app.post(f"{p.API}/admin/devices/{{key_id}}/revoke", name="admin.revoke")
    async def revoke(request: Request, key_id: str) -> dict[str, Any]:
        caller = await authenticate(request, roles=("admin",))
        index = registry.revoke(key_id, by=caller.key_id)
        return {"key_id": key_id, "log_index": index}

    def audit_query(*, device: str | None, action: str | None,
                    outcome: str | None, since: str | None, until: str | None, after: int,
                    limit: int) -> list[AuditEvent]:
        _check_range(after >= 0 and 1 <= limit <= 1000, "limit is 1..1000")
        return store.audit_events(device=device, action=action, outcome=outcome, since=since,
                                  until=until, after_id=after, limit=limit)

    @app.get(f"{p.API}/admin/audit", name="admin.audit")
    async def audit_log(request: Request, device: str | None = None, action: str | None = None,
                        outcome: str | None = None, since: str | None = None,
                        until: str | None = None, after: int = 0,
                        limit: int = 100) -> p.AuditPage:
        await authenticate(request, roles=("admin",))
        events = audit_query(device=device, action=action, outcome=outcome,
                             since=since, until=until, after=after, limit=limit)
        return p.AuditPage(events=[p.AuditEventOut(**vars(e)) for e in events],
                           next_after=events[-1].id if len(events) == limit else None)

    @app.get(f"{p.API}/admin/audit.csv", name="admin.audit_csv")
    async def audit_csv(request: Request, device: str | None = None, action: str | None = None,
                        outcome: str | None = None, since: str | None = None,
                        until: str | None = None, after: int = 0,
                        limit: int = 1000) -> Response:
        await authenticate(request, roles=("admin",))
        events = audit_query(device=device, action=action, outcome=outcome,
                             since=since, until=until, after=after, limit=limit)
        out = io.StringIO()
        fields = list(p.AuditEventOut.model_fields)
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        for e in events:
            writer.writerow({k: _csv_safe(v) for k, v in vars(e).items() if k in fields})
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8")

    return app


def _csv_safe(value: object) -> object:
    """Spreadsheets execute cells that start with = + - @; quote them (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _check_hex(value: str) -> None:
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValidationError("Ids and digests are 64 lowercase hex characters.")


def _check_key_id(value: str) -> None:
    if len(value) != 72 or not value.startswith("ed25519:") \
            or any(c not in "0123456789abcdef" for c in value[8:]):
        raise ValidationError("A device key id is 'ed25519:' and 64 lowercase hex characters.")


def _check_range(ok: bool, message: str) -> None:
    if not ok:
        raise ValidationError(f"Out of range: {message}.")
