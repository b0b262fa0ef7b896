"""Audio recording behind one small interface, so the testimony dialog never depends on a
sound stack being present.

``AudioRecorder`` is start/stop → a file. :class:`QtAudioRecorder` uses QtMultimedia, which
ships in pyside6-addons (not always installed): it is only offered when that module imports
(see :func:`default_recorder`). :class:`FakeRecorder` writes a short generated WAV and is what
the tests use; real capture is left to real machines (headless VMs record no samples).

A recording is plaintext audio on disk until the vault imports it; the testimony dialog
deletes it right after the import (or when the dialog closes without importing).
"""

from __future__ import annotations

import math
import secrets
import struct
import tempfile
import wave
from pathlib import Path
from typing import Any, Protocol

from fieldkit.errors import UsageError


def _import_multimedia() -> Any:
    try:  # pyside6-addons: optional
        from PySide6 import QtMultimedia
    except ImportError:  # pragma: no cover - depends on the installation
        return None
    return QtMultimedia


_qtmm: Any = _import_multimedia()


class RecorderError(UsageError):
    """Recording could not start or produced no file."""

    code = "recorder"
    default_hint = "Attach an audio file recorded with another app instead."


class AudioRecorder(Protocol):
    """Records to a new file in ``directory``; ``stop`` returns that file."""

    def start(self, directory: Path) -> None: ...

    def stop(self) -> Path: ...

    @property
    def recording(self) -> bool: ...


def multimedia_available() -> bool:
    return _qtmm is not None


def default_recorder() -> AudioRecorder | None:
    """A real recorder when QtMultimedia is installed and has an input device, else None."""
    if _qtmm is None:
        return None
    if not _qtmm.QMediaDevices.audioInputs():  # pragma: no cover - needs a sound card
        return None
    return QtAudioRecorder()  # pragma: no cover


def recordings_dir() -> Path:
    """A private (0700) temp folder for recordings waiting to be imported."""
    return Path(tempfile.mkdtemp(prefix="fieldkit-rec-"))


class QtAudioRecorder:  # pragma: no cover - needs pyside6-addons and a microphone
    """QtMultimedia capture: default input → QMediaRecorder (container chosen by Qt)."""

    def __init__(self) -> None:
        assert _qtmm is not None
        self._session: Any = _qtmm.QMediaCaptureSession()
        self._input: Any = _qtmm.QAudioInput()
        self._recorder: Any = _qtmm.QMediaRecorder()
        self._session.setAudioInput(self._input)
        self._session.setRecorder(self._recorder)
        self._path: Path | None = None

    @property
    def recording(self) -> bool:
        return bool(self._recorder.recorderState()
                    == _qtmm.QMediaRecorder.RecorderState.RecordingState)

    def start(self, directory: Path) -> None:
        from PySide6.QtCore import QUrl

        self._path = Path(directory) / f"testimony-{secrets.token_hex(4)}"
        self._recorder.setOutputLocation(QUrl.fromLocalFile(str(self._path)))
        self._recorder.record()
        if self._recorder.error() != _qtmm.QMediaRecorder.Error.NoError:
            raise RecorderError(f"Recording could not start: {self._recorder.errorString()}")

    def stop(self) -> Path:
        self._recorder.stop()
        actual = Path(self._recorder.actualLocation().toLocalFile() or str(self._path))
        if not actual.is_file():
            raise RecorderError("The recording produced no file.")
        return actual


class FakeRecorder:
    """Writes a ``seconds``-long 440 Hz tone as a 8 kHz mono WAV: for tests and demos."""

    def __init__(self, seconds: float = 0.5) -> None:
        self.seconds = seconds
        self._directory: Path | None = None

    @property
    def recording(self) -> bool:
        return self._directory is not None

    def start(self, directory: Path) -> None:
        if self._directory is not None:
            raise RecorderError("Already recording.")
        self._directory = Path(directory)

    def stop(self) -> Path:
        if self._directory is None:
            raise RecorderError("Not recording.")
        path = self._directory / f"testimony-{secrets.token_hex(4)}.wav"
        self._directory = None
        rate = 8000
        frames = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
                          for i in range(int(rate * self.seconds)))
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(rate)
            w.writeframes(frames)
        return path
