"""The app's own settings (not secrets): language, auto-lock, last vault, registry address.

Kept as a small JSON file in the user's config directory (``platformdirs``), written
atomically with mode 0600. Nothing here is sensitive: the vault holds everything that is.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

LANGUAGES = ("en", "ar", "fr", "ru", "kk")
DEFAULT_AUTO_LOCK_MINUTES = 5


def default_settings_path() -> Path:
    return Path(platformdirs.user_config_dir("fieldkit")) / "app.json"


def default_vault_dir() -> Path:
    return Path(platformdirs.user_data_dir("fieldkit")) / "vault"


@dataclass
class Settings:
    language: str = "en"
    #: Lock after this many minutes without keyboard or mouse input; 0 turns it off.
    auto_lock_minutes: float = DEFAULT_AUTO_LOCK_MINUTES
    #: The registry address offered in the enrolment dialog (enrolment pins the real one).
    registry: str | None = None
    last_vault: str | None = None
    #: Where this file lives; None keeps settings in memory only (tests).
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read settings from ``path`` (default: the user's config dir); unknown keys and bad
        values fall back to the defaults, so a hand-edited file never stops the app."""
        path = path or default_settings_path()
        settings = cls(path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return settings
        if isinstance(data, dict):
            settings.update(data)
        return settings

    def update(self, data: dict[str, Any]) -> None:
        known = {f.name for f in fields(self)} - {"path"}
        for key, value in data.items():
            if key not in known:
                continue
            if key == "language" and value not in LANGUAGES:
                continue
            if key == "auto_lock_minutes":
                try:
                    value = max(0.0, float(value))
                except (TypeError, ValueError):
                    continue
            setattr(self, key, value)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("path")
        return data

    def save(self) -> None:
        """Write atomically (temp file in the same directory, then replace)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.to_json(), f, ensure_ascii=False, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
