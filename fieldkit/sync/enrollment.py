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
import ipaddress
import re
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.errors import EnvelopeFormatError, ValidationError

PREFIX = "FKE1."
ROLES = ("monitor", "staff", "admin")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_B64URL = re.compile(r"^[A-Za-z0-9_-]+$")
MAX_CODE_CHARS = 4096


class InsecureRegistryUrlError(ValidationError):
    """A registry URL that would send requests in the clear to another machine, or that is not
    a plain http(s) URL at all."""

    code = "insecure_registry_url"
    default_hint = ("A registry is reached over https:// (its certificate is pinned by the "
                    "enrolment code). Plain http:// is only for a registry on this same "
                    "machine (127.0.0.1, ::1 or localhost). Ask the administrator for a code "
                    "with an https:// address.")


def is_loopback_host(host: str) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1, ::ffff:127.x.y.z)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        return addr.ipv4_mapped.is_loopback
    return addr.is_loopback


def check_registry_url(url: str) -> str:
    """Return ``url`` if a device may talk to it: ``https://`` to any host, ``http://`` only
    to this machine; else raise InsecureRegistryUrlError (before any network use)."""
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise InsecureRegistryUrlError(f"{str(url)[:80]!r} is not an https:// registry "
                                       "address.")
    bad = InsecureRegistryUrlError(f"{url[:80]!r} is not a valid registry address.")
    try:
        parts = urlsplit(url)
        host, _port = parts.hostname, parts.port
    except ValueError:
        raise bad from None
    if not host or any(c in parts.netloc for c in "@\\") or any(
            c.isspace() or ord(c) < 0x20 for c in url):
        raise bad
    if parts.scheme == "http" and not is_loopback_host(host):
        raise InsecureRegistryUrlError(
            f"The registry address {url[:80]} is plain http:// to another machine: "
            "everything sent, and the registry's answers, could be read and changed on the "
            "way.", url=url[:200])
    return url


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
        if fields["role"] not in ROLES or not _HEX64.match(fields["pin"]):
            raise ValidationError("The enrolment code has invalid fields.", hint=hint)
        check_registry_url(fields["url"])
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

