"""Writing files so that a failure or a kill never leaves a half-written or clobbered file."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import stat
import tempfile
import threading
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from explorer.core.base.errors import ExplorerError, shown_path
from explorer.core.base.reading import kind_of
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text


class FileWriteError(ExplorerError):
    """A file could not be written; the previous file, if any, is untouched."""


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# Temporary names: ".<name>.explorer-tmp-<host>-<pid>-<random><suffix>". The host and pid tell
# whether the process that wrote one has ended (after a SIGKILL or a power cut): only then is it
# removed. A file from another host (a shared folder) is never removed: its pid means nothing here.
_LEFTOVER = re.compile(r"\..*\.explorer-tmp-([0-9a-f]{8})-(\d+)-[a-z0-9_]{8}")
_ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@cache
def _host() -> str:
    return f"{zlib.crc32(socket.gethostname().encode()):08x}"


def _running(pid: int) -> bool:
    """Whether process ``pid`` may still run: when in doubt, yes (its file is then kept)."""
    if os.name == "nt":  # os.kill would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # another user's process, or no such number
        return True
    return True


def _remove_leftovers(folder: Path) -> None:
    """Remove the temporary files that killed writes on this host left in ``folder``."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            found = _LEFTOVER.match(entry.name)
            ended = found and found[1] == _host() and not _running(int(found[2]))
            if ended and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


class _Ended(BaseException):
    """Raised by the handler of SIGTERM or SIGHUP (its one argument), so that a write under way
    cleans up: a ``BaseException``, which no ``except Exception`` on the way takes for its own."""


@contextlib.contextmanager
def _ending_signals_raise(target: Path) -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP raise ``_Ended``; once the temporary file is gone the
    previous handlers are back and the signal goes to them (by default the process ends, as it
    would have). Only the main thread may set handlers; ignored signals stay ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Any] = {
        number: handler
        for number in _ENDING_SIGNALS
        if (handler := signal.getsignal(number)) not in (signal.SIG_IGN, None)
    }

    def end(signum: int, _frame: object) -> None:
        raise _Ended(signum)

    try:
        for number in previous:
            signal.signal(number, end)
        yield
    except _Ended as ended:
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.raise_signal(ended.args[0])  # a handler of the program's own may return
        message = QT_TRANSLATE_NOOP("Core", "cannot write {path}: stopped by signal {signal}")
        raise FileWriteError(Text(message, path=shown_path(target), signal=ended.args[0])) from None
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _cannot_write(target: Path, error: OSError) -> FileWriteError:
    return FileWriteError(f"cannot write {shown_path(target)}: {error.strerror or error}")


def writable_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` replaces: a link is followed (the file it names is
    replaced and the link stays). Anything but a regular file (a device, a named pipe, a
    folder) is refused: renaming over /dev/null would replace the device with a file. Other
    ``OSError``s (a name too long) pass to the caller."""
    target = Path(os.path.realpath(path))
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # made by the write
        mode = os.stat(target).st_mode
        if not stat.S_ISREG(mode):
            message = QT_TRANSLATE_NOOP("Core", "cannot write {path}: it is {kind}, not a file")
            raise FileWriteError(Text(message, path=shown_path(path), kind=kind_of(mode)))
    return target


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path in the same folder to write to; renamed over ``path`` on success.

    The temporary file is removed when writing fails or the process gets SIGTERM or SIGHUP;
    one a killed process left is removed by the next write to the same folder."""
    named = Path(path)
    try:
        target = writable_target(path)
    except OSError as error:
        raise _cannot_write(named, error) from error
    _remove_leftovers(target.parent)
    # A long name is cut, leaving room for the rest within the usual limit of 255 bytes.
    prefix = f".{target.name[:40]}.explorer-tmp-{_host()}-{os.getpid()}-"
    with _ending_signals_raise(target):
        try:
            handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
            os.close(handle)
        except OSError as error:
            raise _cannot_write(named, error) from error
        temporary = Path(name)
        try:
            yield temporary
            os.chmod(temporary, _mode_for(target))
            os.replace(temporary, target)
        except OSError as error:
            raise _cannot_write(named, error) from error
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` to a temporary file in the same folder, then rename it over ``path``."""
    with (
        atomic_path(path) as temporary,
        open(temporary, "w", encoding="utf-8", newline="") as stream,
    ):
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())
    return Path(path)
