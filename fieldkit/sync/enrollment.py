"""Enrolment codes: everything a device needs to join a registry, as one copy-pasteable string.

``FKE1.<base64url of canonical JSON>``, the JSON holding the registry URL, the pin of its TLS
certificate, the log's verifier key and origin, the role, the expiry, and the one-time code
(id + secret). The same string is what the QR image encodes. The secret is single-use and
expires; the registry stores only its SHA-256.

The device proves possession of its new key by signing :func:`proof_message`.
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import asdict, dataclass
from typing import Any

from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.errors import EnvelopeFormatError, ValidationError

PREFIX = "FKE1."
ROLES = ("monitor", "staff", "admin")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_B64URL = re.compile(r"^[A-Za-z0-9_-]+$")
MAX_CODE_CHARS = 4096


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64url(text: str) -> bytes:
    if not _B64URL.match(text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class EnrollmentCode:
    url: str            # https://host:port
    pin: str            # SHA-256 hex of the registry certificate (DER)
    log_key: str        # C2SP note verifier key of the transparency log
    origin: str         # checkpoint origin line
    role: str
    code_id: str
    secret: str         # base64url, 32 random bytes
    expires_at: str
    org_key: str | None = None  # the organisation's public key (end-to-end sealing; later)

    def to_text(self) -> str:
        return PREFIX + _b64url(canonicalize({k: v for k, v in asdict(self).items()
                                              if v is not None}))

    @classmethod
    def from_text(cls, text: str) -> EnrollmentCode:
        text = "".join(text.split())  # codes get wrapped by mail programs and chat apps
        hint = "Copy the whole enrolment code, starting with FKE1."
        if len(text) > MAX_CODE_CHARS or not text.startswith(PREFIX):
            raise ValidationError("That is not a FieldKit enrolment code.", hint=hint)
        try:
            obj = loads_strict(_unb64url(text[len(PREFIX):]))
        except (ValueError, EnvelopeFormatError):
            raise ValidationError("The enrolment code is damaged or incomplete.",
                                  hint=hint) from None
        if not isinstance(obj, dict):
            raise ValidationError("The enrolment code is damaged.", hint=hint)
        fields: dict[str, Any] = {k: obj.get(k) for k in
                                  ("url", "pin", "log_key", "origin", "role", "code_id",
                                   "secret", "expires_at", "org_key")}
        required = [k for k, v in fields.items() if k != "org_key" and not isinstance(v, str)]
        if required or (fields["org_key"] is not None and not isinstance(fields["org_key"], str)):
            raise ValidationError(f"The enrolment code lacks {', '.join(required) or 'org_key'}.",
                                  hint=hint)
        if fields["role"] not in ROLES or not _HEX64.match(fields["pin"]) \
                or not fields["url"].startswith(("https://", "http://")):
            raise ValidationError("The enrolment code has invalid fields.", hint=hint)
        return cls(**fields)

    def qr_png(self) -> bytes:
        import qrcode
        from qrcode.image.pure import PyPNGImage

        img = qrcode.make(self.to_text(), image_factory=PyPNGImage,
                          error_correction=qrcode.constants.ERROR_CORRECT_M)
        out = io.BytesIO()
        img.save(out)
        return out.getvalue()


def proof_message(*, code_id: str, public_key: bytes, origin: str) -> bytes:
    """What a device signs with its new key to prove it holds it."""
    return canonicalize({"purpose": "fieldkit-enroll-v1", "code_id": code_id,
                         "public_key": base64.b64encode(public_key).decode("ascii"),
                         "origin": origin})

