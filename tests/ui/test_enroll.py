"""The enrolment dialog: a pasted code and a QR image (made with the qrcode package, read with
zxing-cpp) enrol the app's vault with a real registry; images that are not a FieldKit
enrolment QR code are refused with the typed error's message."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import qrcode
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.sync.enrollment import EnrollmentCode
from fieldkit.ui.context import AppContext
from fieldkit.ui.enroll import EnrollDialog, code_from_image

from .registry_fixtures import *  # noqa: F403 - fixtures
from .registry_fixtures import World

WAIT = 60_000
QR_HINT = ("Open a clear photo or screenshot of the enrolment QR code (PNG or JPEG), or paste "
           "the code text instead.")


def _dialog(qtbot: QtBot, ctx: AppContext) -> EnrollDialog:
    dialog = EnrollDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fingerprint(pin: str) -> str:
    return " ".join(pin[i:i + 4] for i in range(0, 64, 4)).upper()


def test_pasted_code_enrolls(qtbot: QtBot, ctx: AppContext, world: World,
                             type_text: Callable[[QWidget, str], None]) -> None:
    code = world.code("monitor")
    dialog = _dialog(qtbot, ctx)
    assert not dialog.enroll_button.isEnabled()
    QApplication.clipboard().setText("\n" + code[:40] + "\n" + code[40:] + "\n")  # wrapped
    dialog.code_edit.setFocus()
    dialog.code_edit.paste()
    type_text(dialog.label_edit, "حاسوب الميدان 3")
    assert dialog.enroll_button.isEnabled()
    with qtbot.waitSignal(ctx.changed, timeout=WAIT,
                          check_params_cb=lambda what: "sync" in what):
        qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.enrolled is not None, timeout=WAIT)
    assert dialog.error is None
    result = dialog.enrolled
    assert result is not None and result.role == "monitor" and result.url == world.live.url
    pin = EnrollmentCode.from_text(code).pin
    assert result.fingerprint == _fingerprint(pin)
    text = dialog.result_label.text().replace("\u2066", "").replace("\u2069", "")
    assert f"Enrolled as monitor with {world.live.url}." in text and _fingerprint(pin) in text
    assert not dialog.enroll_button.isEnabled()
    assert ctx.role() == "monitor"
    devices = world.admin.client.get_json("/v1/admin/devices")["devices"]
    assert {"حاسوب الميدان 3"} <= {d["label"] for d in devices}


def test_qr_image_enrolls(qtbot: QtBot, ctx: AppContext, world: World, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    code = world.code("staff")
    photo = tmp_path / "code.jpg"
    qrcode.make(code, border=8).get_image().convert("RGB").save(photo, quality=85)
    dialog = _dialog(qtbot, ctx)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(photo), "")))
    qtbot.mouseClick(dialog.qr_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.code_edit.toPlainText() != "", timeout=WAIT)
    assert dialog.code_edit.toPlainText() == code and dialog.error is None
    qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.enrolled is not None or dialog.error is not None,
                    timeout=WAIT)
    assert dialog.enrolled is not None and dialog.enrolled.role == "staff"
    assert ctx.role() == "staff"


def _refused(qtbot: QtBot, dialog: EnrollDialog, path: Path) -> str:
    dialog.load_qr_image(path)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=WAIT)
    assert dialog.error is not None and dialog.error_label.isVisible()
    assert dialog.code_edit.toPlainText() == ""
    assert dialog.error_label.text() == dialog.error.diagnostics()
    return dialog.error.message


def test_garbage_images_are_refused(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, ctx)

    noise = tmp_path / "noise.png"
    Image.frombytes("L", (300, 300), os.urandom(300 * 300)).save(noise)
    assert _refused(qtbot, dialog, noise) == "No QR code was found in noise.png."
    assert isinstance(dialog.error, ValidationError) and dialog.error.hint == QR_HINT

    not_image = tmp_path / "letter.png"
    not_image.write_bytes(b"%PDF-1.7 this is not an image at all\n" * 100)
    assert _refused(qtbot, dialog, not_image) == "letter.png is not an image FieldKit can read."
    assert isinstance(dialog.error, ValidationError)

    truncated = tmp_path / "truncated.png"
    good = tmp_path / "good.png"
    qrcode.make("FKE1.x").save(good)
    truncated.write_bytes(good.read_bytes()[:200])
    assert _refused(qtbot, dialog, truncated) == \
        "truncated.png is not an image FieldKit can read."

    other_qr = tmp_path / "website.png"
    qrcode.make("https://example.org/join?code=42").save(other_qr)
    assert _refused(qtbot, dialog, other_qr) == "That is not a FieldKit enrolment code."
    assert isinstance(dialog.error, ValidationError)
    assert dialog.error.hint == "Copy the whole enrolment code, starting with FKE1."

    damaged = tmp_path / "damaged.png"
    qrcode.make("FKE1.eyJyb2xlIjoi").save(damaged)
    assert _refused(qtbot, dialog, damaged) == "The enrolment code is damaged or incomplete."

    # a valid code in another barcode symbology is not a QR code
    matrix = tmp_path / "datamatrix.png"
    barcode = zxingcpp.create_barcode("FKE1.abc", zxingcpp.BarcodeFormat.DataMatrix)
    Image.fromarray(zxingcpp.write_barcode_to_image(barcode, scale=8)).save(matrix)  # type: ignore[arg-type]
    assert _refused(qtbot, dialog, matrix) == "No QR code was found in datamatrix.png."

    missing = tmp_path / "gone.png"
    with pytest.raises(NotFoundError):
        code_from_image(missing)
    assert not dialog.enroll_button.isEnabled()


def test_bad_pasted_code_shows_the_error(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.code_edit.setPlainText("hello, please enrol me")
    qtbot.mouseClick(dialog.enroll_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=WAIT)
    assert isinstance(dialog.error, ValidationError)
    assert dialog.error_label.text() == ("That is not a FieldKit enrolment code.\n"
                                         "Copy the whole enrolment code, starting with FKE1.")
    assert dialog.enrolled is None and ctx.role() is None
    assert dialog.enroll_button.isEnabled()  # fix the code and try again
