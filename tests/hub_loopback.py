"""The hub deployment's loopback helpers (deploy/jupyterhub/loopback.py, not a package), loaded once for the tests."""
from __future__ import annotations

import importlib.util

from scjg.paths import ROOT

_spec = importlib.util.spec_from_file_location("loopback", ROOT / "deploy" / "jupyterhub" / "loopback.py")
loopback = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(loopback)
