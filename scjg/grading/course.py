"""The nbgrader course: its config, loaded from grading/nbgrader_config.py, and the API object."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .. import paths

# jsonschema (pulled in by nbformat and nbgrader) imports rfc3987-syntax, which builds a grammar
# for ~0.8 s in every process; it only serves the "iri" format, which notebook validation never uses.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def quiet_nbgrader_warnings() -> None:
    """nbgrader's gradebook code triggers SQLAlchemy autoflush notices (English, harmless): keep them
    off the trainer's terminal."""
    import warnings

    from sqlalchemy.exc import SAWarning
    warnings.filterwarnings("ignore", category=SAWarning)


def share_gradebook_engines() -> None:
    """In a grading worker: one SQLAlchemy engine per gradebook URL for the life of the process. nbgrader's
    Gradebook makes a new engine for every `with Gradebook(...)`, a dozen per submission, and a new engine
    compiles every query again (its compiled-statement cache belongs to the engine); sharing one makes the
    gradebook work about four times faster. Only for a worker's private sqlite copy: not in the parent."""
    import functools

    import nbgrader.api
    from sqlalchemy import create_engine

    if getattr(nbgrader.api.create_engine, "scjg_shared", False):
        return
    shared = functools.lru_cache(maxsize=4)(create_engine)
    shared.scjg_shared = True
    nbgrader.api.create_engine = shared


def ensure_exchange(config) -> str | None:
    """Create the nbgrader exchange folder the config names (nbgrader never creates it); a Chinese
    message instead of nbgrader's English one when it cannot be made. Returns the folder."""
    root = config.Exchange.get("root") if "Exchange" in config else None
    if root:
        try:
            Path(root).mkdir(parents=True, exist_ok=True)
        except OSError as err:
            print(f"提示：无法创建作业交换目录 {root}（{err}）；Nbgrader 的发布和收取功能将不可用，其余功能不受影响。")
    return root


def ensure_venv_on_path() -> None:
    """nbgrader shells out to `alembic` when it creates a gradebook: put this Python's bin first on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if parts[0] != bin_dir:
        os.environ["PATH"] = os.pathsep.join([bin_dir, *[p for p in parts if p != bin_dir]])


def gradebook(db_url: str):
    """nbgrader's Gradebook on `db_url` (a context manager), with alembic reachable and its notices quiet."""
    from nbgrader.api import Gradebook

    ensure_venv_on_path()
    quiet_nbgrader_warnings()
    return Gradebook(db_url)


def load_config(course_root: Path | None = None, **overrides):
    """The course's traitlets Config, with CourseDirectory options overridden by keyword."""
    from traitlets.config.loader import PyFileConfigLoader

    root = Path(course_root or paths.grading_dir()).resolve()
    loader = PyFileConfigLoader("nbgrader_config.py", path=str(root))
    config = loader.load_config()
    config.CourseDirectory.root = str(root)
    for key, value in overrides.items():
        setattr(config.CourseDirectory, key, value)
    return config


def api(course_root: Path | None = None, **overrides):
    """An NbGraderAPI for the course (quiet, with alembic reachable)."""
    root = Path(course_root or paths.grading_dir())
    return api_with(load_config(root, **overrides), root)


def api_with(config, course_root: Path):
    """An NbGraderAPI built from a prepared traitlets Config (quiet, alembic reachable)."""
    import logging

    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    ensure_venv_on_path()
    quiet_nbgrader_warnings()
    ensure_exchange(config)
    config.CourseDirectory.root = str(Path(course_root).resolve())
    coursedir = CourseDirectory(config=config)
    nb_api = NbGraderAPI(coursedir=coursedir, config=config)
    nb_api.log.setLevel(logging.ERROR)
    return nb_api


def register_assignment(course_root: Path, lesson_id: str, db_url: str, release_dir: Path) -> Path:
    """generate_assignment into `release_dir` with gradebook `db_url`: registers the lesson's cells
    (the answer key nbgrader restores and grades against); returns the released notebook."""
    kit = Path(course_root).resolve().parent
    nb_api = api(course_root, release_directory=str(release_dir),
                 source_directory=str(kit / "lessons"), db_url=db_url)
    result = nb_api.generate_assignment(lesson_id, force=True, create=True)
    if not result.get("success"):
        raise RuntimeError(f"登记课程 {lesson_id} 失败：\n{result.get('error') or result.get('log')}")
    return Path(release_dir) / lesson_id / f"{lesson_id}.ipynb"
