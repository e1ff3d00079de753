"""Reliability of ``--write`` (issue 10): faults injected into the write function itself.

A program appending to the file while it is replaced, a full disk, read-only files and
directories, symlinks inside and outside the project, encodings, byte-order marks and CRLF.
Driven in-process (no Keras, no subprocess) so that thousands of tries stay cheap; the number
of race tries is 2,000 here and 10,000 with ``SHAPEDOCTOR_LONG=1``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import subprocess
import threading
import time
from pathlib import Path

import pytest

from shapedoctor.patch.apply import Patch
from shapedoctor.patch.write import WriteRefused, digest, write_patch

LONG = os.environ.get("SHAPEDOCTOR_LONG") == "1"


def _write(path: Path, before: str, after: str, root: Path | None = None, **kw):
    return write_patch(Patch(str(path), before, after), digest(before), project_dir=str(root or path.parent), **kw)


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def fast_dir(tmp_path):
    """A directory on tmpfs when there is one (fsync is free there), else pytest's tmp_path."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        import tempfile

        folder = Path(tempfile.mkdtemp(dir=shm, prefix="shapedoctor-test-"))
        yield folder
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    else:
        yield tmp_path


@pytest.fixture(params=["linux", "portable"])
def system(request, monkeypatch):
    """As on Linux (O_TMPFILE, hard-link backup, renameat2 exchange), or without any of the three."""
    if request.param == "portable":
        import shapedoctor.patch.write as write

        real_link, real_open = os.link, os.open

        def no_hard_links(*args, **kw):
            raise PermissionError(errno.EPERM, "hard links not allowed here")

        def no_tmpfile(path, flags, *args, **kw):
            if flags & getattr(os, "O_TMPFILE", 0) == os.O_TMPFILE:
                raise OSError(errno.EOPNOTSUPP, "no O_TMPFILE")
            return real_open(path, flags, *args, **kw)

        monkeypatch.setattr(write, "_exchange", lambda a, b: False)
        monkeypatch.setattr(os, "link", no_hard_links)
        monkeypatch.setattr(os, "open", no_tmpfile)
        yield request.param
        monkeypatch.setattr(os, "link", real_link)
        monkeypatch.setattr(os, "open", real_open)
    else:
        yield request.param


def test_a_line_appended_during_the_write_is_never_lost(fast_dir):
    """Another program appends one line at a random moment around the write: the line is always in
    the written file or in the backup (the original file itself, kept as a hard link); when the
    write saw the append, the result names the file holding it."""
    tries = 10_000 if LONG else 2_000
    before, after = "x = 1\n", "x = 2\n"
    rng = random.Random(10)
    lost = refused = in_backup = reported = 0
    start = time.perf_counter()
    for i in range(tries):
        folder = fast_dir / str(i)
        folder.mkdir()
        path = folder / "m.py"
        path.write_text(before)
        line = f"# appended {i}\n".encode()
        delay = rng.random() * 0.001

        def append():
            time.sleep(delay)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND)
            os.write(fd, line)
            os.close(fd)

        appender = threading.Thread(target=append)
        appender.start()
        written = None
        try:
            written = _write(path, before, after)
        except WriteRefused:  # appended before the last check: nothing written
            refused += 1
        appender.join()
        holders = [name for name in _files(folder) if line in (folder / name).read_bytes()]
        lost += not holders
        in_backup += bool(holders) and "m.py" not in holders
        if written is not None and written.newer is not None:
            reported += 1
            assert Path(written.newer).name in holders
    print(f"\nappend race: {tries} tries, {refused} refused, {in_backup} appends kept only in the backup "
          f"({reported} of them seen and reported), {lost} lost, {time.perf_counter() - start:.1f} s")
    assert lost == 0


def test_a_full_disk_changes_nothing_and_leaves_no_partial_backup(tmp_path, monkeypatch, system):
    path = tmp_path / "m.py"
    path.write_text("x = 1\n")
    real_write = os.write

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError) as caught:
        _write(path, "x = 1\n", "x = 2\n")
    monkeypatch.setattr(os, "write", real_write)
    assert caught.value.errno == errno.ENOSPC
    assert path.read_text() == "x = 1\n" and _files(tmp_path) == {"m.py"}


@pytest.fixture
def tiny_tmpfs(tmp_path):
    """A 64 KiB tmpfs (needs root and a kernel that allows the mount; skipped otherwise)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if proc.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (the patched os.write test covers a full disk)")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_really_full_tmpfs_changes_nothing(tiny_tmpfs):
    path = tiny_tmpfs / "m.py"
    before = "x = 1\n" + "# padding\n" * 1000
    path.write_text(before)
    with contextlib.suppress(OSError):
        with open(tiny_tmpfs / "filler", "wb") as fh:  # fill the disk to the last byte
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
    with pytest.raises(OSError) as caught:
        _write(path, before, before.replace("x = 1", "x = 2"))
    assert caught.value.errno == errno.ENOSPC
    assert path.read_text() == before and _files(tiny_tmpfs) == {"m.py", "filler"}


def test_read_only_file_and_read_only_directory_are_refused(tmp_path):
    path = tmp_path / "m.py"
    path.write_text("x = 1\n")
    path.chmod(0o444)
    with pytest.raises(WriteRefused, match="m.py is read-only"):
        _write(path, "x = 1\n", "x = 2\n")
    path.chmod(0o644)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(WriteRefused, match="directory of .*m.py is read-only"):
            _write(path, "x = 1\n", "x = 2\n")
    finally:
        tmp_path.chmod(0o755)
    assert path.read_text() == "x = 1\n" and _files(tmp_path) == {"m.py"}


def test_symlink_inside_the_project_writes_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "src" / "model.py"
    real.parent.mkdir()
    real.write_text("x = 1\n")
    link = tmp_path / "m.py"
    link.symlink_to(real)
    written = _write(link, "x = 1\n", "x = 2\n")
    assert link.is_symlink() and real.read_text() == "x = 2\n"
    assert written.backup == str(real) + ".orig" and Path(written.backup).read_text() == "x = 1\n"


def test_symlink_to_a_file_outside_the_project_is_refused(tmp_path):
    outside = tmp_path / "outside.py"
    outside.write_text("x = 1\n")
    project = tmp_path / "project"
    project.mkdir()
    (project / "m.py").symlink_to(outside)
    with pytest.raises(WriteRefused, match="outside the project directory"):
        _write(project / "m.py", "x = 1\n", "x = 2\n", root=project)
    assert outside.read_text() == "x = 1\n" and _files(project) == {"m.py"}


def test_a_backup_name_taken_by_a_symlink_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    project = tmp_path / "project"
    project.mkdir()
    path = project / "m.py"
    path.write_text("x = 1\n")
    (project / "m.py.orig").symlink_to(victim)
    written = _write(path, "x = 1\n", "x = 2\n")
    assert victim.read_text() == "keep me\n"
    assert Path(written.backup).name == "m.py.orig.1" and Path(written.backup).read_text() == "x = 1\n"


@pytest.mark.parametrize("raw, decoded", [
    (b"# -*- coding: latin-1 -*-\r\nname = '\xe9t\xe9'\r\nx = 1\r\n", "latin-1 cookie, CRLF"),
    (b"\xef\xbb\xbfname = '\xc3\xa9t\xc3\xa9'\nx = 1\n", "UTF-8 byte-order mark"),
])
def test_the_file_keeps_its_encoding_bom_and_newlines(tmp_path, raw, decoded, system):
    from shapedoctor.patch.apply import read_source

    path = tmp_path / "m.py"
    path.write_bytes(raw)
    before = read_source(str(path))
    assert "été" in before and not before.startswith("\ufeff")
    written = _write(path, before, before.replace("x = 1", "x = 2"))
    assert path.read_bytes() == raw.replace(b"x = 1", b"x = 2")
    assert Path(written.backup).read_bytes() == raw


def test_a_patch_the_file_encoding_cannot_hold_is_refused(tmp_path):
    path = tmp_path / "m.py"
    path.write_bytes(b"# coding: latin-1\nx = 1\n")
    with pytest.raises(WriteRefused, match="cannot hold"):
        _write(path, "# coding: latin-1\nx = 1\n", "# coding: latin-1\nx = '\u2192'\n")
    assert _files(tmp_path) == {"m.py"}


def test_permissions_are_kept_and_no_temporary_file_is_left(tmp_path, system):
    path = tmp_path / "m.py"
    path.write_text("x = 1\n")
    path.chmod(0o751)
    _write(path, "x = 1\n", "x = 2\n")
    assert path.stat().st_mode & 0o777 == 0o751
    assert _files(tmp_path) == {"m.py", "m.py.orig"}


SCRIPT = """# -*- coding: {coding} -*-
import os
import keras
from keras import layers
os.makedirs("elsewhere", exist_ok=True)
os.chdir("elsewhere")  # --write must still find (and not mistake) the file
label = "café"
model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(1), layers.LSTM(4)])
"""


def test_write_through_the_cli_keeps_encoding_and_newlines_despite_chdir(cli, tmp_path):
    """A latin-1 file with CRLF newlines whose script changes directory (a BOM is covered above)."""
    coding, bom, eol = "latin-1", b"", b"\r\n"
    raw = bom + SCRIPT.format(coding=coding).encode(coding).replace(b"\n", eol)
    script = tmp_path / "enc.py"
    script.write_bytes(raw)
    proc = cli("run", "--no-traceback", "--write", script.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    new = script.read_bytes()
    assert b"RepeatVector" in new and new.startswith(bom + b"# -*- coding")
    assert "café".encode(coding) in new and new.count(b"\n") == new.count(eol)
    assert (tmp_path / "enc.py.orig").read_bytes() == raw
