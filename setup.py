"""Packaging: everything else is in pyproject.toml. This file only adds the shipped resources.

The repository keeps taxonomy, fonts, translations, demo data and samples in the top-level
``resources/`` directory. They are shipped as the package ``fieldkit._resources`` by mapping
that package onto the directory (ADR 0020), so nothing moves in the checkout while the wheel
and the app bundle hold them at ``fieldkit/_resources/``; ``fieldkit.resources`` finds them in
both layouts. The code packages are still discovered, so a new sub-package needs no edit here.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["fieldkit", "fieldkit.*"]), "fieldkit._resources"],
    package_dir={"fieldkit._resources": "resources"},
)
