"""A signed HTTP client for the registry, pinned to the registry's own certificate.

The device learns the certificate's SHA-256 from its enrolment code, fetches the certificate
once (:func:`fetch_pinned_certificate`), and from then on trusts that certificate alone. The
transport is injectable (httpx) so tests can cut connections or inject faults at the edge.
"""

from __future__ import annotations

import base64
import hashlib
import ssl
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from fieldkit.crypto.jcs import canonicalize
from fieldkit.crypto.keys import SigningKey
from fieldkit.errors import FieldKitError, IntegrityError
from fieldkit.sync.enrollment import EnrollmentCode, check_registry_url, proof_message
from fieldkit.sync.httpsig import new_nonce, sign_request
from fieldkit.sync.protocol import API, EnrollResponse


class CertificatePinError(IntegrityError):
    code = "certificate_pin"
    default_hint = ("The server is not the registry named in the enrolment code (or its "
                    "certificate changed). Do not send anything; ask an administrator.")


class RegistryError(FieldKitError):
    """The registry answered with an error."""

    code = "registry_error"

    def __init__(self, message: str, *, status: int, code: str,
                 details: Mapping[str, Any] | None = None) -> None:
        super().__init__(message, status=status, remote_code=code, **dict(details or {}))
        self.status = status
        self.remote_code = code


class RegistryUnreachableError(FieldKitError):
    code = "registry_unreachable"
    default_hint = "Check the network connection; records stay queued until it works."


def fetch_pinned_certificate(url: str, pin: str, *, timeout: float = 10) -> bytes:
    """Fetch the registry's certificate and check it against the pin; return its PEM."""
    check_registry_url(url)
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    try:
        pem = ssl.get_server_certificate((host, port), timeout=timeout)
    except OSError as e:
        raise RegistryUnreachableError(f"Cannot reach {host}:{port}: {e}.") from None
    der = ssl.PEM_cert_to_DER_cert(pem)
    if hashlib.sha256(der).hexdigest() != pin:
        raise CertificatePinError(f"The certificate of {host}:{port} does not match the pin.")
    return pem.encode("ascii")


def pinned_context(cert_pem: bytes) -> ssl.SSLContext:
    """Trust exactly this certificate. Host names are not checked: the pin is the identity."""
    ctx = ssl.create_default_context(cadata=cert_pem.decode("ascii"))
    ctx.check_hostname = False
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


class RegistryClient:
    def __init__(self, url: str, *, cert_pem: bytes | None, key: SigningKey | None,
                 transport: httpx.BaseTransport | None = None, timeout: float = 60,
                 clock: Callable[[], float] = time.time) -> None:
        check_registry_url(url)  # plain http:// only to this machine
        verify: ssl.SSLContext | bool = pinned_context(cert_pem) if cert_pem else False
        if cert_pem is None and not url.startswith("http://"):
            raise CertificatePinError("An HTTPS registry needs its pinned certificate.")
        self.url = url.rstrip("/")
        self.key = key
        self._clock = clock
        self._http = httpx.Client(base_url=self.url, verify=verify, transport=transport,
                                  timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RegistryClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(self, method: str, path: str, *, json: Any = None, content: bytes | None = None,
                params: Mapping[str, Any] | None = None, sign: bool = True,
                headers: Mapping[str, str] | None = None) -> httpx.Response:
        body = canonicalize(json) if json is not None else (content or b"")
        query = urlencode({k: v for k, v in (params or {}).items() if v is not None})
        all_headers = dict(headers or {})
        if json is not None:
            all_headers["Content-Type"] = "application/json"
        if sign:
            if self.key is None:
                raise FieldKitError("This device is not enrolled: it has no key to sign with.")
            all_headers.update(sign_request(method=method, path=path, query=query, body=body,
                                            key=self.key, created=int(self._clock()),
                                            nonce=new_nonce()))
        try:
            response = self._http.request(method, path + (f"?{query}" if query else ""),
                                          content=body, headers=all_headers)
        except httpx.TransportError as e:
            if _caused_by(e, ssl.SSLCertVerificationError):
                raise CertificatePinError(f"{self.url} presented a certificate other than the "
                                          "pinned one.") from None
            raise RegistryUnreachableError(f"The registry did not answer: {e}.") from None
        # httpx 0.28 keeps a reference cycle through each response's stream, so a 4 MiB body
        # would live until the cycle collector runs: replace the stream by the bytes read.
        response.stream = httpx.ByteStream(response.content)
        if response.status_code >= 400:
            raise _error_from(response)
        return response

    def get_json(self, path: str, **kw: Any) -> Any:
        return self.request("GET", path, **kw).json()

    def post_json(self, path: str, body: Any, **kw: Any) -> Any:
        return self.request("POST", path, json=body, **kw).json()


def _caused_by(err: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = err
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _error_from(response: httpx.Response) -> RegistryError:
    try:
        err = response.json()["error"]
        return RegistryError(str(err["message"]), status=response.status_code,
                             code=str(err["code"]), details=err.get("details") or {})
    except (ValueError, KeyError, TypeError):
        return RegistryError(f"The registry answered HTTP {response.status_code}.",
                             status=response.status_code, code="http_error")


def enroll(code: EnrollmentCode, key: SigningKey, *, label: str = "",
           transport: httpx.BaseTransport | None = None,
           cert_pem: bytes | None = None) -> tuple[bytes | None, EnrollResponse]:
    """Register ``key`` with the registry named in ``code``; return the pinned certificate
    (to keep for every later connection) and the registry's answer."""
    check_registry_url(code.url)
    if cert_pem is None and code.url.startswith("https://"):
        cert_pem = fetch_pinned_certificate(code.url, code.pin)
    public = key.verify_key.to_bytes()
    proof = key.sign(proof_message(code_id=code.code_id, public_key=public, origin=code.origin))
    with RegistryClient(code.url, cert_pem=cert_pem, key=key, transport=transport) as client:
        answer = client.post_json(f"{API}/enroll", {
            "code_id": code.code_id, "secret": code.secret,
            "public_key": base64.b64encode(public).decode("ascii"), "label": label,
            "proof": base64.b64encode(proof).decode("ascii")}, sign=False)
    response = EnrollResponse.model_validate(answer)
    if response.origin != code.origin or response.log_key != code.log_key:
        raise CertificatePinError("The registry answered with another log than the enrolment "
                                  "code names.")
    return cert_pem, response
