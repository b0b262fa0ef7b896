"""The vault: SQLCipher database, encrypted attachments, search, migrations."""
