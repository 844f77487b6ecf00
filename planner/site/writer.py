"""Put a site built in memory on disk, all or nothing; or check a folder against it.

How a write stays atomic and leaves unchanged files alone:

1. The new tree is assembled in a temporary folder beside OUTDIR (so on the same file
   system), file by file as the build makes them (:func:`write_stream`; no build holds the
   whole site in memory): each unchanged file is *hard-linked* from the old site, keeping its
   inode and modification time (it is not rewritten; a plain copy that keeps the time is the
   fallback where links are not possible); changed and new files are written; stale files are
   simply not carried over. A build that fails midway deletes the temporary folder, so it never
   touches OUTDIR; when no file differs, the temporary folder is dropped and OUTDIR is untouched.
2. The temporary folder and OUTDIR are swapped in one step (Linux ``renameat2`` with
   ``RENAME_EXCHANGE``; elsewhere two renames, with a moment in which OUTDIR is missing),
   then the old tree is deleted. A reader sees the old site or the new one, never a mix.
   An interrupted build leaves at most a hidden ``.OUTDIR.build-*`` folder beside it, which
   the next build removes. Two builds into the same folder at the same time are not supported.

Every output path goes through :func:`planner.output.safe_join`. A folder that is neither
empty nor marked as a built site is refused, so ``planner build ~`` cannot wipe a home folder.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planner.errors import DifferenceFound, UsageError
from planner.output import safe_join
from planner.site import MARKER


@dataclass(frozen=True)
class Difference:
    """How a folder differs from a built site."""

    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed or self.missing or self.extra)

    def lines(self) -> list[str]:
        """One line per differing file: ``changed: PATH``, ``missing: PATH`` or ``extra: PATH``."""
        return [
            *(f"changed: {p}" for p in self.changed),
            *(f"missing: {p}" for p in self.missing),
            *(f"extra: {p}" for p in self.extra),
        ]


@dataclass(frozen=True)
class WriteReport:
    """What a write did."""

    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def existing_files(outdir: Path) -> list[str]:
    """The files under `outdir` as sorted relative POSIX paths (none when it does not exist)."""
    if not outdir.is_dir():
        return []
    found = []
    for folder, dirs, names in os.walk(outdir):
        dirs.sort()
        rel = Path(folder).relative_to(outdir)
        found += [(rel / name).as_posix() for name in names]
    return sorted(found)


def compare(outdir: Path, files: dict[str, bytes]) -> Difference:
    """How the files under `outdir` differ from `files`."""
    on_disk = set(existing_files(outdir))
    changed = [p for p in files if p in on_disk and safe_join(outdir, p).read_bytes() != files[p]]
    missing = [p for p in files if p not in on_disk]
    extra = sorted(on_disk - set(files))
    return Difference(tuple(sorted(changed)), tuple(sorted(missing)), tuple(extra))


def check_site(outdir: Path, files: dict[str, bytes]) -> None:
    """Compare `outdir` with a site built in memory.

    Raises:
        DifferenceFound: some file is changed, missing or extra (exit 3), listing each.
    """
    diff = compare(outdir, files)
    if diff:
        count = len(diff.lines())
        raise DifferenceFound(
            f"{outdir}: the site is out of date ({count} file(s) differ); rebuild it with planner build",
            diff.lines(),
        )


def write_site(outdir: Path, files: dict[str, bytes]) -> WriteReport:
    """Make `outdir` hold exactly `files`, atomically, rewriting only files whose bytes changed.

    Raises:
        UsageError: a path would leave the folder, or `outdir` is a file or a folder that was
            not made by ``planner build``.
    """
    target = _target(outdir)
    for rel in files:
        safe_join(target, rel)
    return write_stream(outdir, files.items())


def write_stream(outdir: Path, files: Iterable[tuple[str, bytes | None]]) -> WriteReport:
    """Like :func:`write_site`, taking the files one by one as they are made.

    A file given as ``None`` is the one already in `outdir` (carried over, never read). The new
    tree grows in the temporary folder as the files come; when the stream ends it is swapped in,
    or, when no file differs, thrown away without touching `outdir`. A failing stream leaves
    `outdir` as it was.

    Raises:
        UsageError: as :func:`write_site`.
    """
    target = _target(outdir)
    old = set(existing_files(target))
    _remove_leftovers(target)
    mode = target.stat().st_mode & 0o7777 if target.is_dir() else 0o755
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=target.parent))
    except OSError as exc:
        raise UsageError(f"cannot write the site beside {str(outdir)!r}: {exc.strerror or exc}") from None
    try:
        os.chmod(tmp, mode)
        written, seen = _fill(tmp, target, old, files)
        report = WriteReport(tuple(sorted(written)), tuple(sorted(old - seen)), len(seen) - len(written))
        if report.written or report.removed:
            _swap(tmp, target)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UsageError(f"cannot write the site into {str(outdir)!r}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return report


def _fill(
    tmp: Path, target: Path, old: set[str], files: Iterable[tuple[str, bytes | None]]
) -> tuple[list[str], set[str]]:
    """Put every file into `tmp`: new bytes written, unchanged files linked from `target`."""
    written: list[str] = []
    seen: set[str] = set()
    folders: set[Path] = set()
    for rel, data in files:
        dest = safe_join(tmp, rel)
        if dest.parent not in folders:
            dest.parent.mkdir(parents=True, exist_ok=True)
            folders.add(dest.parent)
        seen.add(rel)
        before = target / rel  # rel is checked: safe_join above
        if rel in old and (data is None or _same(before, data)):
            _keep(before, dest)
        elif data is None:
            raise UsageError(f"cannot keep {rel!r}: it is not in the site being replaced")
        else:
            _put(dest, data)
            written.append(rel)
    return written, seen


def _same(path: Path, data: bytes) -> bool:
    """Whether the file at `path` holds exactly `data` (its size is compared first)."""
    return path.stat().st_size == len(data) and path.read_bytes() == data


def _target(outdir: Path) -> Path:
    target = Path(os.path.abspath(outdir))
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and not target.is_dir():
        raise UsageError(f"cannot build the site into {str(outdir)!r}: it is a file, not a folder")
    if target.parent == target:
        raise UsageError(f"cannot build the site into {str(outdir)!r}: choose a folder of its own")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise UsageError(
            f"cannot build the site into {str(outdir)!r}: the folder is not empty and was not made by "
            f"planner build (it has no {MARKER} file); choose a new or empty folder"
        )
    if not target.parent.is_dir():
        raise UsageError(
            f"cannot build the site into {str(outdir)!r}: folder {str(target.parent)!r} does not exist"
        )
    return target


def _put(path: Path, data: bytes) -> None:
    """Write one new file (a separate function so tests can make a write fail midway)."""
    with open(path, "xb") as handle:
        handle.write(data)


def _keep(old: Path, new: Path) -> None:
    """Carry an unchanged file over without rewriting it: a hard link, else a copy keeping its time."""
    try:
        os.link(old, new)
    except OSError:
        shutil.copy2(old, new)


def _remove_leftovers(target: Path) -> None:
    for prefix in (f".{target.name}.build-", f".{target.name}.old-"):
        for leftover in sorted(target.parent.glob(prefix + "*")):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)


def _swap(tmp: Path, target: Path) -> None:
    """Put `tmp` in place of `target` and delete what `target` held."""
    if not target.exists():
        os.rename(tmp, target)
        return
    if _exchange(tmp, target):
        shutil.rmtree(tmp, ignore_errors=True)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    os.rename(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step with Linux ``renameat2(RENAME_EXCHANGE)``; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))
