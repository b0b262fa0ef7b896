"""Checking that an administrator registered an organisation key in the log (ADR 0019).

A device seals testimony to the organisation key, so a key the registry could choose would let
the registry read testimony. A device therefore accepts a key only with proof:

* the registration's log entry (:func:`fieldkit.sync.protocol.org_key_entry`) names exactly
  that key and is in the log (inclusion proof under a checkpoint signed by the pinned log key);
* the entry carries the HTTP request the registering device signed (RFC 9421, the body
  ``{"org_key": ...}``), and that signature verifies under the public key of a device whose
  own enrolment entry (verified too) gives it the role ``admin``, enrolled before the
  registration and not revoked before it.

The registry holds the log key, so it could append any entry; what it cannot make is an admin
device's signature. Keys registered by the registry operator (``fieldkit-registry org-key
--set``, no admin signature) are therefore only used by devices whose enrolment code carried
the key (the administrator who issued the code pinned it).

Errors (all :class:`fieldkit.errors.IntegrityError`)::

    OrgKeyChangedError        the registry offers another key than the one this vault uses
    ├── OrgKeyProofError      ... without a valid proof that an admin registered it
    └── OrgKeyRollbackError   ... that is older than (or was replaced by) the one in use
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.crypto.keys import VerifyKey
from fieldkit.crypto.orgkey import OrgPublicKey
from fieldkit.errors import EnvelopeFormatError, FieldKitError, IntegrityError
from fieldkit.sync import merkle
from fieldkit.sync.checkpoint import Checkpoint, NoteVerifier, open_checkpoint
from fieldkit.sync.httpsig import parse_signature_headers, verify_request
from fieldkit.sync.protocol import ORG_KEY_PATH, OrgKeyResponse
from fieldkit.sync.receipts import verify_enrolment_entry, verify_revocation_entry


class OrgKeyChangedError(IntegrityError):
    code = "org_key_changed"
    default_hint = ("Records are not sent until an administrator confirms the organisation's "
                    "key. If it really changed, enrol this vault again with a new code.")


class OrgKeyProofError(OrgKeyChangedError):
    """The registry serves an organisation key without a valid proof that an administrator
    registered it in the log: nothing is sealed to it."""

    code = "org_key_unproven"
    default_hint = ("Nothing was sealed to this key and your records stay queued. Compare the "
                    "organisation key's fingerprint (`fieldkit org-key show`) with your "
                    "organisation's staff by phone or in person, and tell an administrator: "
                    "the registry may be compromised.")


class OrgKeyRollbackError(OrgKeyChangedError):
    """The registry serves an organisation key older than the one this vault uses (or one
    it already replaced): a rollback, refused."""

    code = "org_key_rollback"
    default_hint = ("Nothing was sealed to the older key and your records stay queued. Tell an "
                    "administrator: the registry is serving a retired organisation key.")


@dataclass(frozen=True)
class Registration:
    """A verified registration of an organisation key."""

    key: OrgPublicKey
    log_index: int
    leaf: bytes
    inclusion_proof: list[str]
    checkpoint: Checkpoint
    admin: str | None          # the admin device whose signed request registered the key
    signed_at: int | None      # that request's signed creation time (Unix seconds)
    admin_checkpoint: Checkpoint | None = None


def _unb64(value: str, what: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise OrgKeyProofError(f"The {what} of the organisation key's registration is not "
                               "valid base64.") from None


def offered_key(answer: OrgKeyResponse) -> OrgPublicKey:
    """The key an answer offers (checked: well-formed, not of small order, id matches)."""
    try:
        key = OrgPublicKey.from_text(answer.org_key)
    except FieldKitError as e:
        raise OrgKeyProofError(f"The registry offers a malformed organisation key: "
                               f"{e.message}") from None
    if answer.key_id is not None and answer.key_id != key.key_id:
        raise OrgKeyProofError("The registry names the organisation key by another key's id.")
    return key


def verify_registration(answer: OrgKeyResponse, *, verifier: NoteVerifier, origin: str,
                        require_admin: bool) -> Registration:
    """Check the proof in ``answer``; return the registration or raise
    :class:`OrgKeyProofError` (never a bool). ``require_admin=False`` checks only that the
    entry names the key and is in the log (for a key the enrolment code already pinned)."""
    key = offered_key(answer)
    fp = key.fingerprint
    if answer.log_index is None or answer.leaf is None or answer.checkpoint is None:
        raise OrgKeyProofError(f"The registry offers the organisation key {fp} without the log "
                               "entry of its registration.")
    try:
        cp = open_checkpoint(answer.checkpoint, verifier, origin=origin)
    except IntegrityError as e:
        raise OrgKeyProofError(f"The checkpoint of the organisation key's registration does "
                               f"not verify: {e.message}") from None
    leaf = _unb64(answer.leaf, "log entry")
    try:
        entry = loads_strict(leaf)
    except EnvelopeFormatError:
        raise OrgKeyProofError("The organisation key's registration entry is not JSON.") from None
    detail = entry.get("detail") if isinstance(entry, dict) else None
    if not isinstance(entry, dict) or canonicalize(entry) != leaf \
            or entry.get("type") != "admin" or entry.get("action") != "org-key" \
            or not isinstance(detail, dict) or detail.get("org_key") != key.to_text() \
            or detail.get("key_id") != key.key_id:
        raise OrgKeyProofError(f"The log entry the registry shows is not a registration of the "
                               f"organisation key {fp}: the key is not in the log.")
    index = answer.log_index
    if not 0 <= index < cp.size:
        raise OrgKeyProofError("The registration's log index lies outside its checkpoint.")
    try:
        merkle.verify_inclusion(index=index, size=cp.size, leaf=merkle.leaf_hash(leaf),
                                proof=[_unb64(h, "inclusion proof")
                                       for h in answer.inclusion_proof], root=cp.root)
    except IntegrityError as e:
        raise OrgKeyProofError(f"The registration of the organisation key {fp} is not in the "
                               f"log: {e.message}") from None
    by = entry.get("by")
    request = detail.get("request")
    if not require_admin:
        signed_at = None
        if isinstance(request, dict) and isinstance(by, str) and answer.admin is not None:
            try:  # known when an admin signed it: lets a later key be ordered against it
                signed_at, admin_cp = _check_admin(answer, key, index, by, request,
                                                   verifier=verifier, origin=origin)
                return Registration(key, index, leaf, list(answer.inclusion_proof), cp, by,
                                    signed_at, admin_cp)
            except OrgKeyProofError:
                signed_at = None
        return Registration(key, index, leaf, list(answer.inclusion_proof), cp, None, None)
    if not isinstance(request, dict) or not isinstance(by, str):
        raise OrgKeyProofError(
            f"The organisation key {fp} was registered without an administrator's signature "
            "(by the registry operator, or by a forged entry); devices that were not given the "
            "key in their enrolment code do not accept it.")
    signed_at, admin_cp = _check_admin(answer, key, index, by, request, verifier=verifier,
                                       origin=origin)
    return Registration(key, index, leaf, list(answer.inclusion_proof), cp, by, signed_at,
                        admin_cp)


def _check_admin(answer: OrgKeyResponse, key: OrgPublicKey, index: int, by: str,
                 request: dict[str, object], *, verifier: NoteVerifier,
                 origin: str) -> tuple[int, Checkpoint]:
    fp = key.fingerprint
    admin = answer.admin
    if admin is None or admin.key_id != by:
        raise OrgKeyProofError(f"The registry does not show the enrolment of the device "
                               f"{by[:24]}… that registered the organisation key {fp}.")
    if admin.role != "admin":
        raise OrgKeyProofError(f"The organisation key {fp} was registered by a device enrolled "
                               f"as {admin.role}, not by an administrator.")
    try:
        admin_key = _unb64(admin.public_key, "admin key")
        admin_cp = verify_enrolment_entry(
            key_id=admin.key_id, public_key=admin_key, role=admin.role,
            log_index=admin.log_index, leaf=_unb64(admin.leaf, "admin enrolment"),
            inclusion_proof=[_unb64(h, "admin enrolment proof")
                             for h in admin.inclusion_proof],
            checkpoint=admin.checkpoint, verifier=verifier, origin=origin)
        if admin.revoked_at is not None:
            r = admin.revocation
            if r is None:
                raise OrgKeyProofError(f"The administrator {by[:24]}… who registered the "
                                       f"organisation key {fp} is revoked, and the registry "
                                       "does not show when.")
            verify_revocation_entry(
                key_id=admin.key_id, log_index=r.log_index,
                leaf=_unb64(r.leaf, "revocation"),
                inclusion_proof=[_unb64(h, "revocation proof") for h in r.inclusion_proof],
                checkpoint=admin.checkpoint, verifier=verifier, origin=origin)
            if r.log_index < index:
                raise OrgKeyProofError(f"The organisation key {fp} was registered by an "
                                       "administrator device after it had been revoked.")
    except OrgKeyProofError:
        raise
    except IntegrityError as e:
        raise OrgKeyProofError(f"The enrolment of the administrator who registered the "
                               f"organisation key {fp} does not hold: {e.message}") from None
    if admin.log_index >= index:
        raise OrgKeyProofError(f"The organisation key {fp} was registered before the device "
                               "that registered it was enrolled.")
    fields = {k: request.get(k) for k in ("method", "path", "query", "body", "content_digest",
                                          "signature_input", "signature")}
    if not all(isinstance(v, str) for v in fields.values()):
        raise OrgKeyProofError(f"The administrator's signed request for the organisation key "
                               f"{fp} is incomplete.")
    values: dict[str, str] = {k: str(v) for k, v in fields.items()}
    if values["method"] != "POST" or values["path"] != ORG_KEY_PATH:
        raise OrgKeyProofError(f"The signed request in the registration of {fp} is not a "
                               "request to register an organisation key.")
    body = _unb64(values["body"], "signed request body")
    try:
        obj = loads_strict(body)
    except EnvelopeFormatError:
        raise OrgKeyProofError("The administrator's signed request is not JSON.") from None
    if not isinstance(obj, dict) or obj.get("org_key") != key.to_text():
        raise OrgKeyProofError(f"The administrator's signed request registers another key "
                               f"than {fp}.")
    headers = {"Content-Digest": values["content_digest"],
               "Signature-Input": values["signature_input"], "Signature": values["signature"]}
    try:
        info = parse_signature_headers(headers)[0]
        if info.keyid != by:
            raise OrgKeyProofError("The signed request names another device than the entry.")
        verify_request(method=values["method"], path=values["path"], query=values["query"],
                       body=body, headers=headers, key=VerifyKey.from_bytes(admin_key),
                       now=info.created, max_skew=0)
    except OrgKeyProofError:
        raise
    except FieldKitError as e:
        raise OrgKeyProofError(f"The administrator's signature on the registration of the "
                               f"organisation key {fp} does not verify: {e.message}") from None
    return info.created, admin_cp
