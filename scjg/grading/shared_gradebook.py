"""A gradebook several trainers write at once (PostgreSQL on a hub): set it up under a lock first.

nbgrader's Gradebook creates its tables, the alembic version row, the course row and each student row
on first use, with "look, then insert": two trainers starting `scjg grade` at the same moment on a fresh
database (or on learners new to it) race, and one fails on a duplicate table or key. `prepare()` does
that setup for the learners about to be graded while holding a PostgreSQL advisory lock, so the second
trainer waits a moment and then finds everything in place. Every later write is per lesson or an update
of an existing row, which PostgreSQL serialises by itself.
"""
from __future__ import annotations

LOCK_KEY = 0x5C16  # any constant shared by every `scjg grade` on the database


def prepare(url: str, learners: list[str], names: dict[str, str]) -> None:
    """Create the gradebook's tables, course and the learners' student rows, once, under a lock.

    Only for a server database (sqlite has one writer per file and needs none of this)."""
    if url.startswith("sqlite"):
        return
    from nbgrader.api import Gradebook
    from sqlalchemy import create_engine, text

    from .course import ensure_venv_on_path
    ensure_venv_on_path()  # a new gradebook asks the `alembic` command for its schema version
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
            try:
                with Gradebook(url) as gb:
                    for learner in learners:
                        gb.update_or_create_student(learner, last_name=names.get(learner, ""), first_name="")
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
    finally:
        engine.dispose()
