"""Fixtures for the app's tests: offscreen Qt, an unlocked AppContext on a fresh vault,
typing any text through key events, and a GUI-stall probe."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from fieldkit.storage.vault import Vault
from fieldkit.ui.context import AppContext
from fieldkit.ui.settings import Settings

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def ui_settings(tmp_path: Path) -> Settings:
    """Settings kept in tmp_path (never the user's own file)."""
    return Settings(path=tmp_path / "app.json")


@pytest.fixture
def locked_ctx(qapp: QApplication, tmp_path: Path, ui_settings: Settings) -> Iterator[AppContext]:
    """An AppContext on tmp_path/vault, which does not exist yet (first run)."""
    from fieldkit.ui import i18n

    i18n.load_fonts()
    i18n.set_language("en")
    ctx = AppContext(tmp_path / "vault", ui_settings)
    yield ctx
    ctx.tasks.wait_idle(30_000)
    ctx.lock()
    ctx.deleteLater()


@pytest.fixture
def ctx(locked_ctx: AppContext) -> AppContext:
    """An unlocked AppContext on a fresh vault in tmp_path (passphrase: PASSPHRASE)."""
    vault, _recovery = Vault.create(locked_ctx.vault_dir, PASSPHRASE)
    locked_ctx.attach(vault)
    return locked_ctx


def send_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character (qtbot.keyClicks aborts the
    process on non-ASCII text). "\\n" presses Return."""
    for ch in text:
        if ch == "\n":
            key, chars = Qt.Key.Key_Return, "\r"
        else:
            key, chars = Qt.Key.Key_unknown, ch
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(widget,
                                       QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, chars))


@pytest.fixture
def type_text() -> Callable[[QWidget, str], None]:
    return send_text


class StallProbe:
    """A 10 ms timer on the GUI thread recording the longest gap between ticks: how long the
    GUI thread was busy at most while the probe ran."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.max_gap_ms = 0.0
        self.ticks = 0
        self._last = 0.0

    def start(self) -> None:
        self.max_gap_ms = 0.0
        self.ticks = 0
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap_ms = max(self.max_gap_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1

    def stop(self) -> float:
        if self.timer.isActive():
            self._tick()
            self.timer.stop()
        return self.max_gap_ms

    def assert_no_stall(self, limit_ms: float = 100.0) -> None:
        self.stop()
        assert self.ticks > 0, "the probe never ran: did the test spin the event loop?"
        assert self.max_gap_ms < limit_ms, (
            f"the GUI thread stalled for {self.max_gap_ms:.0f} ms (limit {limit_ms:.0f} ms)")


@pytest.fixture
def gui_stall_probe(qapp: QApplication) -> Iterator[StallProbe]:
    probe = StallProbe()
    yield probe
    probe.stop()
