"""Shared fixtures. Qt runs offscreen; PostgreSQL tests use VENUE_TEST_POSTGRES_URL and, where
VENUE_REQUIRE_POSTGRES=1 (CI), fail instead of skipping when it is missing."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
