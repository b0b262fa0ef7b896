"""Plain http:// only to this machine: the enrolment code, the client transport and the
registry's own --url refuse http:// to any other host before anything is sent."""

from __future__ import annotations

import dataclasses

import httpx
import pytest
from registry.harness import registry_cli

from fieldkit.crypto.keys import SigningKey
from fieldkit.sync.client import SyncClient
from fieldkit.sync.enrollment import EnrollmentCode, InsecureRegistryUrlError
from fieldkit.sync.transport import RegistryClient, fetch_pinned_certificate

from .conftest import Field, new_vault


@pytest.mark.parametrize("url", ["http://registry.example/", "http://10.0.0.7:8443",
                                 "http://127.0.0.1@registry.example/",
                                 "http://127.0.0.1.registry.example/"])
def test_a_code_pointing_at_plain_http_elsewhere_is_refused_offline(field: Field,
                                                                    url: str) -> None:
    """Threat: an enrolment code (forged, or typed by a hurried administrator) names a
    registry at http:// on another host; the device sends its enrolment secret and later its
    records in the clear, where a network attacker reads and rewrites them (no certificate is
    pinned for plain HTTP). Stopped by: the code parser, the transport and enrolment refuse
    http:// to a non-loopback host with InsecureRegistryUrlError, before any network use."""
    real = EnrollmentCode.from_text(field.code("monitor"))
    forged = dataclasses.replace(real, url=url).to_text()
    sent: list[httpx.Request] = []
    spy = httpx.MockTransport(lambda r: sent.append(r) or httpx.Response(500))
    eve = SyncClient(new_vault(field.tmp / "eve"), transport=spy)
    with pytest.raises(InsecureRegistryUrlError) as e:
        eve.enroll(forged)
    assert "http://" in e.value.message and "https://" in e.value.hint
    assert sent == [] and eve.registry() is None
    with pytest.raises(InsecureRegistryUrlError):
        RegistryClient(url, cert_pem=None, key=SigningKey.generate(), transport=spy)
    with pytest.raises(InsecureRegistryUrlError):
        fetch_pinned_certificate(url, real.pin)
    assert sent == []
    eve.vault.lock()


def test_loopback_http_still_works_for_development() -> None:
    for url in ("http://127.0.0.1:8443", "http://localhost:1", "http://[::1]:80/"):
        RegistryClient(url, cert_pem=None, key=None).close()


def test_the_registry_will_not_hand_out_codes_for_plain_http_elsewhere(field: Field) -> None:
    """Threat: the registry itself is set up with an http:// public URL on another host and
    every code it issues sends devices there in the clear. Stopped by: `fieldkit-registry init
    --url` refuses it (and devices would refuse the codes anyway)."""
    out = registry_cli(field.tmp / "plain", "init", "--url", "http://registry.example:8080",
                       check=False)
    assert out["ok"] is False and out["error"]["code"] == "insecure_registry_url"  # type: ignore[index]
    assert not (field.tmp / "plain" / "registry.json").exists()
