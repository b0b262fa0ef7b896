"""Progress and cancellation: plain core state that the CLI and the UI forward.

Long jobs take ``progress: Progress | None`` (called with bytes or items done and the total,
if known) and ``cancel: CancelToken | None``. A job checks the token between steps and
raises :class:`~fieldkit.errors.CancelledError`; it must leave nothing half-written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from fieldkit.errors import CancelledError

Progress = Callable[[int, int | None], None]


class CancelToken:
    """Thread-safe flag set by whoever wants the job to stop."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise CancelledError("The operation was cancelled.")


def check(cancel: CancelToken | None) -> None:
    """Raise CancelledError if ``cancel`` is set; a no-op for ``None``."""
    if cancel is not None:
        cancel.raise_if_cancelled()
