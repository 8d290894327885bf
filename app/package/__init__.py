"""Exam package v1 (provincial server → venue): format, demo maker, verified atomic import.

The format is specified in docs/exam-package.md with JSON Schemas in app/package/schema/.
"""

from app.package.demo import make_demo
from app.package.errors import PackageRefused
from app.package.importer import ImportResult, PackageImporter, check_package
from app.package.keys import DEMO_KEY_ID, TrustedKeys, demo_trusted_keys, load_trusted_keys

__all__ = [
    "DEMO_KEY_ID",
    "ImportResult",
    "PackageImporter",
    "PackageRefused",
    "TrustedKeys",
    "check_package",
    "demo_trusted_keys",
    "load_trusted_keys",
    "make_demo",
]
