"""The Sync page shows the organisation key's safety number and QR code (ADR 0019), in
English and in Arabic, so a monitor and the staff can confirm the key out of band."""

from __future__ import annotations

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from fieldkit.crypto.orgkey import OrgPublicKey
from fieldkit.ui import i18n
from fieldkit.ui.context import AppContext
from fieldkit.ui.syncpanel import SyncPage

from .registry_fixtures import *  # noqa: F403 - fixtures
from .registry_fixtures import World

WAIT = 60_000


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def test_monitor_sees_the_safety_number_and_qr(qtbot: QtBot, monitor_ctx: AppContext,
                                               world: World) -> None:
    org = world.staff.org_public()
    assert org is not None
    page = SyncPage(monitor_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=WAIT)
    assert _digits(page.org_safety_label.text()) == _digits(org.safety_number)
    assert len(_digits(org.safety_number)) == 40
    pixmap = page.org_qr_label.pixmap()
    assert pixmap is not None and not pixmap.isNull() and pixmap.width() >= 100
    assert page.org_safety_label.toolTip() == org.to_text()


def test_staff_page_in_arabic(qtbot: QtBot, staff_ctx: AppContext, world: World) -> None:
    org = world.staff.org_public()
    assert org is not None
    try:
        i18n.set_language("ar")
        page = SyncPage(staff_ctx)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.snapshot is not None, timeout=WAIT)
        assert page.org_box.title() == "مفتاح المنظمة"
        assert "رقم الأمان" in page.org_hint_label.text()
        assert _digits(page.org_safety_label.text()) == _digits(org.safety_number)
    finally:
        i18n.set_language("en")


def test_qr_png_holds_the_key() -> None:
    key = OrgPublicKey(bytes(range(1, 33)))
    image = QImage.fromData(key.qr_png(), "PNG")
    assert not image.isNull() and image.width() == image.height()
    assert key.qr_text == "fieldkit-org-key:" + key.to_text()
