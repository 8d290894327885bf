"""Statements of the check-in path, compiled once and run on the SQLite driver's cursor (issue 12).

A check-in runs nine statements. Through SQLAlchemy each costs about 70 µs of Python on top of the
5 µs SQLite needs (cache key, execution context, result setup, events), and through the ORM session
twice that: most of a decision's CPU. A `Prepared` statement is still the Core statement, compiled
by SQLAlchemy for the dialect, its values converted by the column types' own bind and result
processors; only the execution machinery is skipped. A driver failure is explained as the engine's
own hook explains it (a full disk, a read-only or damaged file: `app.failures`), and otherwise
raised as SQLAlchemy's exception (an IntegrityError stays one). A write notes its table's data kind
(`changes`), as every write does.

On another dialect, or a statement SQLite's compiled form cannot take as it is (post-compile
parameters), it runs through `changes.execute` unchanged: PostgreSQL's round trip dwarfs the
overhead, and its RETURNING and locking are SQLAlchemy's business.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Executable, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from app.db import changes
from app.failures import explain_database_failure

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Plan:
    sql: str
    # (parameter, bind processor, value when not given, whether that value is a column default to call)
    binds: tuple[tuple[str, Processor, Any, bool], ...]
    results: tuple[Processor, ...]  # one per selected column (empty for a write without RETURNING)


def driver_failure(exc: sqlite3.Error, sql: str, params: Any, place: str) -> BaseException:
    """What a failed driver call raises: the sentence that says what happened, or SQLAlchemy's own
    exception for it (so an IntegrityError is still caught as one)."""
    explained = explain_database_failure(exc, place)
    if explained is not None:
        return explained
    return DBAPIError.instance(sql, params, exc, sqlite3.Error)


class Prepared:
    """One Core statement (a SELECT, or an INSERT given the same columns each time)."""

    def __init__(self, statement: Executable) -> None:
        self._statement = statement
        self._table = changes.table_of(statement)
        self._plans: dict[frozenset[str], _Plan | None] = {}

    def rows(self, session: Session, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every row the statement returns (a SELECT, or an INSERT … RETURNING)."""
        conn = session.connection()
        plan = self._plan(conn.dialect, params)
        if plan is None:
            return [tuple(r) for r in changes.execute(session, self._statement, params)]
        cursor = self._run(session, conn, plan, params)
        results = plan.results
        return [tuple(p(v) if p else v for p, v in zip(results, row, strict=True)) for row in cursor.fetchall()]

    def first(self, session: Session, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        found = self.rows(session, params)
        return found[0] if found else None

    def insert(self, session: Session, params: Mapping[str, Any]) -> None:
        """Insert one row."""
        self._insert(session, params)

    def insert_seq(self, session: Session, params: Mapping[str, Any]) -> int:
        """Insert one row into a table keyed by an integer sequence; the row's number (SQLite's
        rowid, which such a key is; PostgreSQL's RETURNING)."""
        key = self._insert(session, params)
        assert isinstance(key, int)
        return key

    def _insert(self, session: Session, params: Mapping[str, Any]) -> object:
        conn = session.connection()
        plan = self._plan(conn.dialect, params)
        if plan is None:
            key = changes.execute(session, self._statement, params).inserted_primary_key
            return key[0] if key else None
        return self._run(session, conn, plan, params).lastrowid

    def _run(self, session: Session, conn: Connection, plan: _Plan, params: Mapping[str, Any]) -> sqlite3.Cursor:
        if self._table is not None:
            changes.note_table(session, self._table)
        values = []
        for name, processor, default, call in plan.binds:
            value = params[name] if name in params else default(None) if call else default
            values.append(processor(value) if processor else value)
        driver = conn.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        try:
            return driver.execute(plan.sql, values)
        except sqlite3.Error as exc:
            raise driver_failure(exc, plan.sql, values, conn.engine.url.database or "") from exc

    def _plan(self, dialect: Dialect, params: Mapping[str, Any]) -> _Plan | None:
        if dialect.name != "sqlite":
            return None
        key = frozenset(params)
        if key not in self._plans:
            self._plans[key] = _compile(self._statement, dialect, key)
        return self._plans[key]


def _compile(statement: Executable, dialect: Dialect, keys: frozenset[str]) -> _Plan | None:
    table = getattr(statement, "table", None)
    compiled = cast(SQLCompiler, cast(ClauseElement, statement).compile(dialect=dialect, column_keys=sorted(keys) if table is not None else None))
    order = compiled.positiontup
    if dialect.paramstyle != "qmark" or order is None or "POSTCOMPILE" in compiled.string:
        return None
    binds = []
    for name in order:
        bind = compiled.binds[name]
        default, call = bind.effective_value, False
        if name not in keys and isinstance(table, Table) and name in table.c:
            column_default = table.c[name].default
            if column_default is None or not (column_default.is_scalar or column_default.is_callable):
                return None  # a value SQLAlchemy computes another way: let it
            default, call = column_default.arg, column_default.is_callable  # type: ignore[attr-defined]
        binds.append((name, bind.type.dialect_impl(dialect).bind_processor(dialect), default, call))
    if table is None:
        types = [c.type for c in getattr(statement, "selected_columns", ())]
    else:
        types = [d["type"] for d in getattr(statement, "returning_column_descriptions", ())]
    results = tuple(t.dialect_impl(dialect).result_processor(dialect, None) for t in types)
    return _Plan(compiled.string, tuple(binds), results)
