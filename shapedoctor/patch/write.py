"""Write a proven patch into the user's file without ever losing anything.

Refuses a file outside the project directory (the working directory), a file that is not
writable, a file that changed on disk since the analysis (sha256), and a patched text that
does not parse. Keeps a byte-identical backup (``model.py.orig``, or ``.orig.1``... when an
older backup exists) and replaces the file atomically (temporary file + rename), keeping
its permissions.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile

from shapedoctor.patch.apply import Patch


class WriteRefused(Exception):
    """The file was left untouched; the message says why."""


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def write_patch(patch: Patch, expected_digest: str, backup_suffix: str = ".orig",
                project_dir: str | None = None, check_python: bool = True) -> str:
    """Apply *patch*; returns the backup path. Raises WriteRefused with the reason."""
    path = os.path.realpath(patch.file)
    root = os.path.realpath(project_dir or os.getcwd())
    if os.path.commonpath([path, root]) != root:
        raise WriteRefused(f"{patch.file} is outside the project directory {root}")
    if not os.path.isfile(path):
        raise WriteRefused(f"{patch.file} is not a regular file")
    if not os.access(path, os.W_OK) or not os.access(os.path.dirname(path), os.W_OK):
        raise WriteRefused(f"{patch.file} is not writable")
    current = _read(path)
    if digest(current) != expected_digest:
        raise WriteRefused(f"{patch.file} changed on disk since it was analysed; run shapedoctor again")
    if check_python:
        try:
            compile(patch.after, path, "exec")
        except SyntaxError as exc:  # pragma: no cover - make_patch already refuses these
            raise WriteRefused(f"the patched file would not parse ({exc.msg})") from exc
    backup = path + backup_suffix
    n = 0
    while os.path.exists(backup):
        n += 1
        backup = f"{path}{backup_suffix}.{n}"
    shutil.copy2(path, backup)
    fd, tmp = tempfile.mkstemp(prefix=".shapedoctor-", suffix=".py", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(patch.after)
            fh.flush()
            os.fsync(fh.fileno())
        shutil.copymode(path, tmp)
        if digest(_read(path)) != expected_digest:  # changed while we were preparing
            raise WriteRefused(f"{patch.file} changed on disk while writing; nothing was written")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return backup
