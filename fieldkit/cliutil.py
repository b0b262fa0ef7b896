"""What the `fieldkit` and `fieldkit-registry` commands share: the argument parser that turns
usage errors into :class:`UsageError`, the one JSON error document, and the boundary that
maps every failure to it and to an exit code."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import NoReturn

from fieldkit.errors import FieldKitError, InternalError, UsageError

EXIT_INTERRUPTED = 130


class StrictParser(argparse.ArgumentParser):
    """Usage errors become UsageError, so `--json` gets its one JSON document for them too."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}", hint=f"`{self.prog} --help` shows the usage.")


def report(err: FieldKitError, *, as_json: bool) -> int:
    """Print ``err`` (JSON on stdout, or text on stderr); return its exit code."""
    if as_json:
        print(json.dumps({"ok": False, "error": err.to_json()}, ensure_ascii=False))
    else:
        print(f"error: {err.message}", file=sys.stderr)
        if err.hint:
            print(f"  {err.hint}", file=sys.stderr)
    return err.exit_code


def run(body: Callable[[], None], *, as_json: bool) -> NoReturn:
    """Run a command and exit: 0, or the failure's exit code after reporting it."""
    try:
        body()
    except FieldKitError as err:
        sys.exit(report(err, as_json=as_json))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except OSError as e:
        where = f" ({e.filename})" if e.filename else ""
        sys.exit(report(UsageError(f"{e.strerror or e}{where}.",
                                   hint="Check the path and its permissions."), as_json=as_json))
    except Exception as e:
        if os.environ.get("FIELDKIT_DEBUG"):
            raise
        sys.exit(report(InternalError(f"Unexpected {type(e).__name__}: {e}"), as_json=as_json))
    sys.exit(0)
