"""Write a proven patch into the user's file without ever losing anything.

Refuses (leaving everything untouched) a file outside the project directory (the working
directory), a file or directory that is read-only, a file that changed on disk since the
analysis (sha256 of its text), a file that does not decode and a patched text that does not
parse. Otherwise:

* the file is decoded and encoded back in its own encoding, byte-order mark and newline style
  (:mod:`shapedoctor.patch.sourcefile`);
* the backup (``model.py.orig``, or ``.orig.1``... when an older backup exists; never
  overwritten) is a hard link to the original file, made before anything else: it is the
  original, byte for byte, and costs no disk space, so a full disk cannot leave a partial one.
  Where hard links are not supported it is a copy, written to a temporary file and renamed;
* the patched text is written to an unnamed file in the same directory (``O_TMPFILE``; a
  killed run leaves nothing), flushed to disk, given the original's permissions, then swapped
  in atomically. On Linux the swap is an exchange (``renameat2(RENAME_EXCHANGE)``), so whatever
  sat at the path at that instant is still in hand afterwards;
* the original stays open throughout. After the swap it is read again: when another program
  wrote to it between the last check and the swap, its newest content is what the backup holds
  (the hard link is that very file), and :class:`Written` says so.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import os
import secrets
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shapedoctor.patch.sourcefile import decode, is_python

if TYPE_CHECKING:  # apply imports libcst: not needed to write
    from shapedoctor.patch.apply import Patch


class WriteRefused(Exception):
    """The file was left untouched; the message says why."""


@dataclass
class Written:
    path: str
    backup: str  # the original as analysed (or newer: see *newer*)
    newer: str | None = None  # another program wrote the file while it was replaced: its newest content is here


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_patch(patch: Patch, expected_digest: str, backup_suffix: str = ".orig",
                project_dir: str | None = None, check_python: bool = True) -> Written:
    """Apply *patch* to its file. Raises WriteRefused (nothing changed) or OSError (nothing changed either)."""
    path = os.path.realpath(patch.file)
    root = os.path.realpath(project_dir or os.getcwd())
    if os.path.commonpath([path, root]) != root:
        raise WriteRefused(f"{patch.file} is outside the project directory {root}")
    _check_writable(path, patch.file)
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        original = _read_all(fd)
        try:
            source = decode(original, is_python(path))
        except (UnicodeDecodeError, SyntaxError) as exc:
            raise WriteRefused(f"{patch.file} cannot be decoded ({exc})") from exc
        if digest(source.text) != expected_digest:
            raise WriteRefused(f"{patch.file} changed on disk since it was analysed; run shapedoctor again")
        if check_python:
            try:
                compile(patch.after, path, "exec")
            except SyntaxError as exc:  # pragma: no cover - make_patch already refuses these
                raise WriteRefused(f"the patched file would not parse ({exc.msg})") from exc
        try:
            data = source.encode(patch.after)
        except UnicodeEncodeError as exc:
            raise WriteRefused(f"the patched text has characters that {source.encoding} cannot hold") from exc
        written = _swap_in(path, fd, original, data, backup_suffix, patch.file)
    finally:
        os.close(fd)
    return written


def _check_writable(path: str, shown: str) -> None:
    try:
        st = os.stat(path)
    except OSError as exc:
        raise WriteRefused(f"{shown} cannot be read ({exc.strerror})") from exc
    if not stat.S_ISREG(st.st_mode):
        raise WriteRefused(f"{shown} is not a regular file")
    # Mode bits as well as access(): root may write anything, but a read-only file is the user's "no".
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise WriteRefused(f"{shown} is read-only")
    directory = os.path.dirname(path)
    if not os.stat(directory).st_mode & 0o222 or not os.access(directory, os.W_OK | os.X_OK):
        raise WriteRefused(f"the directory of {shown} is read-only")


def _swap_in(path: str, fd: int, original: bytes, data: bytes, backup_suffix: str, shown: str) -> Written:
    directory = os.path.dirname(path)
    st = os.fstat(fd)
    with _Staged(directory, os.path.basename(path), data, st) as staged:
        backup, linked = _make_backup(path, backup_suffix, st, original)
        try:
            now = os.stat(path)
            if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino) or _read_path(path) != original:
                raise WriteRefused(f"{shown} changed on disk while writing; nothing was written")
            name = staged.named()  # from here to the swap (two system calls) a kill leaves this name behind
            exchanged = _exchange(name, path)
            if not exchanged:
                os.replace(name, path)
            staged.name = None
        except BaseException:
            _remove(backup)
            raise
    newer = None
    if exchanged:  # the exchange handed back what was at the path: normally our original
        there = os.stat(name)
        if (there.st_dev, there.st_ino) == (st.st_dev, st.st_ino):
            _remove(name)
        else:  # replaced by another program after the last check: keep it as a backup too
            newer = _link_free(name, path + backup_suffix, rename=True)
    _fsync_dir(directory)
    late = _read_all(fd)
    if late != original and newer is None:
        newer = backup
        if not linked:  # a copied backup must hold the newest content too
            _replace_with(backup, late, st)
    return Written(path, backup, newer)


def _read_all(fd: int) -> bytes:
    chunks, offset = [], 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _read_path(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _remove(path: str | None) -> None:
    if path:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def _temp_name(directory: str, base: str) -> str:
    return os.path.join(directory, f".{base}.shapedoctor-{secrets.token_hex(4)}")


class _Staged:
    """*data* in a new file of *directory*, complete and on disk, with *like*'s mode (and owner when allowed).

    Written unnamed (O_TMPFILE) where the file system allows it, and named only by :meth:`named`,
    just before it is swapped in; elsewhere a named temporary file (exclusive create, no links
    followed). Removed on leaving the ``with`` block unless ``name`` was cleared.
    """

    def __init__(self, directory: str, base: str, data: bytes, like: os.stat_result):
        self.directory, self.base, self.name = directory, base, None
        try:
            self.fd = os.open(directory, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o600)
        except (AttributeError, OSError):
            self.name = self._exclusive()
        try:
            _fill(self.fd, data, like)
        except BaseException:
            self.__exit__()
            raise

    def _exclusive(self) -> str:
        while True:
            name = _temp_name(self.directory, self.base)
            try:
                self.fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
                return name
            except FileExistsError:
                continue

    def named(self) -> str:
        if self.name is None:
            dir_fd = os.open(self.directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            try:
                while self.name is None:
                    name = _temp_name(self.directory, self.base)
                    try:  # a dir_fd makes os.link use linkat(), which can follow /proc/self/fd/N
                        os.link(f"/proc/self/fd/{self.fd}", os.path.basename(name), dst_dir_fd=dir_fd,
                                follow_symlinks=True)
                        self.name = name
                    except FileExistsError:
                        continue
            finally:
                os.close(dir_fd)
        return self.name

    def __enter__(self) -> "_Staged":
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        _remove(self.name)


def _fill(fd: int, data: bytes, like: os.stat_result) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)
    with contextlib.suppress(PermissionError):
        os.fchown(fd, like.st_uid, like.st_gid)
    os.fchmod(fd, stat.S_IMODE(like.st_mode))


def _make_backup(path: str, suffix: str, st: os.stat_result, original: bytes) -> tuple[str, bool]:
    """(backup path, whether it is a hard link of the original file). Never overwrites a file."""
    try:
        backup = _link_free(path, path + suffix)
        if (os.stat(backup).st_dev, os.stat(backup).st_ino) != (st.st_dev, st.st_ino):
            _remove(backup)
            raise WriteRefused(f"{path} was replaced on disk while writing; nothing was written")
        return backup, True
    except PermissionError:
        pass  # hard links not allowed here (some file systems, protected_hardlinks): a copy
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EMLINK, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
    with _Staged(os.path.dirname(path), os.path.basename(path), original, st) as staged:
        backup = _link_free(staged.named(), path + suffix, rename=True)
        staged.name = None
        return backup, False


def _link_free(source: str, wanted: str, rename: bool = False) -> str:
    """Give *source* the first free name of *wanted*, *wanted*.1, ... (link, or rename); returns it."""
    n = 0
    while True:
        target = wanted if n == 0 else f"{wanted}.{n}"
        n += 1
        if rename:
            if os.path.lexists(target):
                continue
            os.rename(source, target)  # checked just before: the only window where a name could be taken
            return target
        try:
            os.link(source, target, follow_symlinks=False)
            return target
        except FileExistsError:
            continue


def _replace_with(target: str, data: bytes, like: os.stat_result) -> None:
    with _Staged(os.path.dirname(target), os.path.basename(target), data, like) as staged:
        os.replace(staged.named(), target)
        staged.name = None


def _fsync_dir(directory: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _load_renameat2():
    """libc's renameat2 (already loaded into this process), or None."""
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn


_renameat2 = _load_renameat2()  # looked up once, at import: never inside the swap


def _exchange(a: str, b: str) -> bool:
    """Atomically swap the files at *a* and *b* (Linux renameat2); False where that is not available."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # this file system cannot exchange
        return False
    raise OSError(err, os.strerror(err), b)
