"""Which files ``shapedoctor check`` looks at: every ``.py`` and ``.ipynb`` that imports Keras.

Directories are walked (hidden directories, virtual environments, caches and build output
are skipped); files given by name are taken as they are. A cheap static pre-filter keeps only
files that import ``keras``, ``tensorflow`` or ``tf_keras`` (any ``import``/``from`` line, in a
notebook's code cells too): running anything else could not build a Keras model.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

SUFFIXES = (".py", ".ipynb")
SKIP_DIRS = frozenset({"__pycache__", "node_modules", "site-packages", "build", "dist", "venv", "env",
                       ".ipynb_checkpoints"})
# An import of Keras/TensorFlow at the start of a line (in a notebook's JSON, at the start of a string).
_IMPORTS = re.compile(r'(?:^|\n|")\s*(?:import|from)\s+(?:keras|tensorflow|tf_keras)\b')


@dataclass
class Candidate:
    path: str
    uses_keras: bool


def discover(paths: list[str]) -> tuple[list[Candidate], list[str]]:
    """The .py/.ipynb files under *paths*, in a stable order, and the paths that do not exist."""
    found: dict[str, Candidate] = {}
    missing = []
    for path in paths:
        if os.path.isdir(path):
            for file in _walk(path):
                found.setdefault(os.path.normpath(file), Candidate(os.path.normpath(file), imports_keras(file)))
        elif os.path.isfile(path):
            norm = os.path.normpath(path)
            found.setdefault(norm, Candidate(norm, imports_keras(path)))
        else:
            missing.append(path)
    return list(found.values()), missing


def _walk(root: str):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                         and not os.path.exists(os.path.join(folder, d, "pyvenv.cfg")))
        for name in sorted(files):
            if name.endswith(SUFFIXES):
                yield os.path.join(folder, name)


def imports_keras(path: str) -> bool:
    """True when the file has an ``import``/``from`` line for keras, tensorflow or tf_keras."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:
        return False
    return _IMPORTS.search(text) is not None
