"""Where FieldKit's shipped files are: taxonomy, fonts, translations, demo data, samples.

They live in the repository's top-level ``resources/`` directory. Packaging maps that
directory onto the package ``fieldkit._resources`` (``setup.py``: ``package_dir``), so an
installed wheel and the PyInstaller bundle hold them at ``fieldkit/_resources/`` next to the
code (ADR 0020). :func:`resource_path` finds them in either layout:

1. ``fieldkit/_resources`` found through :mod:`importlib.resources` (a wheel, a bundle);
2. else ``resources/`` beside the ``fieldkit`` package (a checkout, an editable install).

It returns a path whether or not the file is there; the caller that opens it says what is
missing (and, as with every FieldKit error, what to do).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path

__all__ = ["PACKAGED_NAME", "resource_path", "resources_root"]

#: The directory name the resources have inside an installed ``fieldkit`` package.
PACKAGED_NAME = "_resources"
_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The directory holding the shipped resources (see the module docstring for the order)."""
    packaged = importlib_resources.files("fieldkit").joinpath(PACKAGED_NAME)
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged.resolve()
    return _CHECKOUT


def resource_path(*parts: str) -> Path:
    """``resource_path("fonts", "Amiri-Regular.ttf")``: a shipped file or directory."""
    return resources_root().joinpath(*parts)
