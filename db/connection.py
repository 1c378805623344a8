"""The open project file as every function in ``db`` takes it.

A thin holder of the sqlite3 connection rather than sqlite-utils' ``Database``: nothing here uses
that class's table API, and importing sqlite-utils (~0.1 s: it loads its plugin system, CLI helpers
and date parser) cost more than a whole `sourceline search`. sqlite-utils is loaded only to migrate
a file (``db.migrations``), on this same connection.
"""
from __future__ import annotations

import sqlite3


class Database:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def close(self) -> None:
        self.conn.close()
