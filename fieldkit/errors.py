"""Every error FieldKit raises on purpose, grouped by who is at fault.

::

    FieldKitError                    base; .code, .message, .hint, .details
    ├── InternalError                a bug in FieldKit (an unexpected exception, wrapped)
    ├── UsageError                   the caller asked for something that cannot be done
    │   ├── NotFoundError            no such vault, record, attachment...
    │   ├── AmbiguousIdError         an id prefix matches more than one record
    │   ├── ValidationError          a field is missing or malformed
    │   ├── SealedRecordError        a sealed record cannot be edited (amend it)
    │   └── CancelledError           the user cancelled a long operation
    ├── VaultError                   the vault cannot be opened or used as asked
    │   ├── VaultExistsError
    │   ├── WrongPassphraseError
    │   ├── BadRecoveryKeyError
    │   ├── VaultLockedError
    │   ├── VaultBusyError           another process holds the vault
    │   └── KeyFileError             the key file is missing, corrupt or too weak
    └── IntegrityError               data failed a cryptographic check: never ignore
        ├── EnvelopeFormatError      not a well-formed DSSE envelope / record
        ├── SignatureError           signature does not verify
        ├── UnknownSignerError       signed by a key we do not trust
        ├── ChainError               device chain broken (gap, fork, reorder)
        ├── DigestMismatchError      bytes do not match their recorded SHA-256
        ├── AttachmentCorruptError   an encrypted attachment chunk was modified
        └── DatabaseCorruptError     SQLCipher / SQLite integrity check failed

The user-facing text lives on the exception: ``str(err)`` is the message, ``err.hint`` says
what to do, and ``err.to_json()`` is the one JSON shape every interface uses.
"""

from __future__ import annotations

from typing import Any, ClassVar


class FieldKitError(Exception):
    """Base class. Subclasses set ``code`` (stable, machine readable) and a default hint."""

    code: ClassVar[str] = "fieldkit_error"
    default_hint: ClassVar[str] = ""
    exit_code: ClassVar[int] = 1

    def __init__(self, message: str, *, hint: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else self.default_hint
        self.details: dict[str, Any] = details

    def diagnostics(self) -> str:
        """The text shown to a person: what went wrong, then what to do."""
        return f"{self.message}\n{self.hint}" if self.hint else self.message

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "hint": self.hint,
                "details": self.details}


class InternalError(FieldKitError):
    code = "internal"
    exit_code = 70
    default_hint = ("This is a bug in FieldKit. Run the command again with FIELDKIT_DEBUG=1 "
                    "to see the details, and report it.")


# --- the caller's fault -------------------------------------------------------------------

class UsageError(FieldKitError):
    code = "usage"
    exit_code = 2


class NotFoundError(UsageError):
    code = "not_found"


class AmbiguousIdError(UsageError):
    code = "ambiguous_id"
    default_hint = "Give more characters of the id."


class ValidationError(UsageError):
    code = "invalid"


class SealedRecordError(UsageError):
    code = "sealed"
    default_hint = "Sealed records never change. Use `fieldkit amend ID` to make a new revision."


class CancelledError(UsageError):
    code = "cancelled"
    default_hint = "Nothing was kept from the cancelled operation."


# --- the vault ----------------------------------------------------------------------------

class VaultError(FieldKitError):
    code = "vault"
    exit_code = 3


class VaultExistsError(VaultError):
    code = "vault_exists"


class WrongPassphraseError(VaultError):
    code = "wrong_passphrase"
    default_hint = ("Check the keyboard layout and Caps Lock, and try again. If the passphrase "
                    "is lost, use `fieldkit vault recover` with the recovery key.")


class BadRecoveryKeyError(VaultError):
    code = "bad_recovery_key"
    default_hint = "Type the recovery key exactly as it was shown when the vault was created."


class VaultLockedError(VaultError):
    code = "vault_locked"
    default_hint = "Unlock the vault again with its passphrase."


class VaultBusyError(VaultError):
    code = "vault_busy"
    default_hint = "Close the other FieldKit window or command that uses this vault."


class KeyFileError(VaultError):
    code = "key_file"
    default_hint = ("The key file is damaged or missing. Restore it from a backup of the vault "
                    "directory; without it the vault cannot be decrypted.")


# --- integrity: data failed a cryptographic check -----------------------------------------

class IntegrityError(FieldKitError):
    code = "integrity"
    exit_code = 4
    default_hint = ("Treat this data as tampered with or damaged. Keep a copy for "
                    "investigation and do not rely on it.")


class EnvelopeFormatError(IntegrityError):
    code = "envelope_format"


class SignatureError(IntegrityError):
    code = "bad_signature"


class UnknownSignerError(IntegrityError):
    code = "unknown_signer"


class ChainError(IntegrityError):
    code = "chain"


class DigestMismatchError(IntegrityError):
    code = "digest_mismatch"


class AttachmentCorruptError(IntegrityError):
    code = "attachment_corrupt"


class DatabaseCorruptError(IntegrityError):
    code = "database_corrupt"
