"""Writing results: one file atomically, or a whole tree of files all at once.

Everything is rendered in memory first; nothing here renders. A failed or interrupted write
leaves the previous output untouched, and files whose bytes did not change are not rewritten.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from planner.errors import OutputError, UsageError


def write_text(path: Path, text: str) -> bool:
    """Write `text` (UTF-8, `\\n` line ends) to `path` atomically.

    Returns:
        Whether the file changed (an identical file is left alone).
    """
    return write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> bool:
    """Write `data` to `path` atomically; returns whether the file changed.

    Raises:
        UsageError: the folder does not exist or cannot be written.
        OutputError: the write failed (e.g. the disk is full); the old file is untouched.
    """
    try:
        if path.exists() and not path.is_file():
            return _write_through(path, data)
        # a symlink is followed, so the file it names is replaced and the link stays
        path = path.resolve() if path.is_symlink() else path
        if path.is_file() and path.read_bytes() == data:
            return False
        folder = path.parent if str(path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            # mkstemp creates 0600; give the file the mode a plain open() would have
            os.chmod(tmp, _default_mode(path))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except FileNotFoundError:
        raise UsageError(f"cannot write {str(path)!r}: folder {str(path.parent)!r} does not exist") from None
    except (PermissionError, IsADirectoryError, NotADirectoryError) as exc:
        raise UsageError(f"cannot write {str(path)!r}: {exc.strerror}") from None
    except OSError as exc:  # a full disk, a quota, an I/O error: nothing half-written is left
        raise OutputError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    return True


def _write_through(path: Path, data: bytes) -> bool:
    """Write into something that is not a regular file (``/dev/stdout``, a pipe) in place.

    Replacing it atomically would put a regular file where the device or pipe was.
    """
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory")
    with path.open("wb") as handle:
        handle.write(data)
    return True


def _default_mode(path: Path) -> int:
    """The existing file's mode, or 0o666 less the umask for a new file."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def safe_join(root: Path, relative: str) -> Path:
    """`root / relative`, refusing anything that would land outside `root`.

    Raises:
        UsageError: the relative path is absolute, empty, or climbs out of `root`.

    Example:
        >>> safe_join(Path("/site"), "acts/ai-act.html").as_posix()
        '/site/acts/ai-act.html'
        >>> safe_join(Path("/site"), "../etc/passwd")
        Traceback (most recent call last):
        ...
        planner.errors.UsageError: refusing to write '../etc/passwd' outside the output folder
    """
    # plain string tests (a site has thousands of files): with backslashes and colons refused,
    # a path is absolute only when it starts with "/", and climbs out only through a ".." part
    if (
        not relative
        or relative.startswith("/")
        or ".." in relative.split("/")
        or any(ch in relative for ch in "\\\x00:")
    ):
        raise UsageError(f"refusing to write {relative!r} outside the output folder")
    return root / relative
