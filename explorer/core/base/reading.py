"""Reading the files a user names, with bounded time and memory.

A path can name anything: a named pipe (opening it waits forever for a writer), a device
(``/dev/zero`` never ends), a folder, a file of gigabytes, JSON nested deeper than Python's
recursion limit, a zip whose small member unpacks to gigabytes. So a user's file is opened only
after ``regular_file`` has seen what the path is, read only up to a stated size, parsed as JSON
only after ``check_json_depth``, and a zip member read only after its declared size and
compression ratio are checked (and then never more than the limit, whatever it declares).
"""

from __future__ import annotations

import json
import os
import re
import stat
import struct
import zipfile
from pathlib import Path
from typing import Any

from explorer.core.base.errors import ExplorerError, shown_path
from explorer.core.base.texts import QT_TRANSLATE_NOOP, Text
from explorer.core.base.units import MIB, short_bytes

JSON_DEPTH_LIMIT = 100  # ResNet-152's Keras configuration is 11 levels deep, a design 5
JSON_DIGITS_LIMIT = 100  # digits of a whole number in JSON; Python's int() stops at 4,300
ZIP_RATIO_LIMIT = 200  # deflated JSON is about 10:1; only a member made to explode is above
ZIP_RATIO_FROM = MIB  # smaller members are harmless whatever their ratio
ZIP_CONTENTS_LIMIT = MIB  # the zip's table of contents; a .keras lists three files in 200 bytes
# Layers a design or model file may describe: far more than any network here (DenseNet201 has
# 708), far fewer than would take Keras minutes or gigabytes to build.
LAYER_LIMIT = 5_000

_KINDS = (
    (stat.S_ISDIR, QT_TRANSLATE_NOOP("Core", "a folder")),
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("Core", "a named pipe (FIFO)")),
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("Core", "a device")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("Core", "a device")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("Core", "a socket")),
)


class FileReadError(ExplorerError):
    """A user's file that is not read: not a regular file, too large, or too deeply nested."""


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, from its ``st_mode``: "a folder", "a named
    pipe (FIFO)", "a device", "a socket" or "a special file" (marked for translation)."""
    return next(
        (kind for test, kind in _KINDS if test(mode)), QT_TRANSLATE_NOOP("Core", "a special file")
    )


def _unreadable(
    path: str | os.PathLike[str], failure: Exception, error: type[ExplorerError]
) -> ExplorerError:
    return error(
        Text(
            QT_TRANSLATE_NOOP("Core", "{path} cannot be read: {reason}"),
            path=shown_path(path),
            reason=getattr(failure, "strerror", None) or str(failure),
        )
    )


def regular_file(
    path: str | os.PathLike[str], what: str, error: type[ExplorerError] = FileReadError
) -> Path:
    """``path`` if it names a regular file (following symbolic links), else ``error`` saying
    what it is: "f.design.json is a named pipe (FIFO), not a design file". Nothing is opened.

    ``what`` is the file the caller expects, marked for translation ("a design file")."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise error(
            Text(QT_TRANSLATE_NOOP("Core", "{path}: no such file"), path=shown_path(path))
        ) from None
    except (OSError, ValueError) as failure:  # ValueError: a NUL character in the path
        raise _unreadable(path, failure, error) from None
    if not stat.S_ISREG(mode):
        kind = kind_of(mode)
        raise error(
            Text(
                QT_TRANSLATE_NOOP("Core", "{path} is {kind}, not {what}"),
                path=shown_path(path),
                kind=kind,
                what=what,
            )
        )
    return Path(path)


def too_large_error(
    source: str | os.PathLike[str], limit: int, what: str, error: type[ExplorerError]
) -> ExplorerError:
    """The refusal of a file (or member) over ``limit``: "x.design.json is larger than 8.0 MiB,
    the most a design file may be"."""
    return error(
        Text(
            QT_TRANSLATE_NOOP("Core", "{source} is larger than {limit}, the most {what} may be"),
            source=shown_path(source),
            limit=short_bytes(limit),
            what=what,
        )
    )


def read_bytes(
    path: str | os.PathLike[str], what: str, limit: int, error: type[ExplorerError] = FileReadError
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes: its size is checked before
    reading and no more than ``limit + 1`` bytes are read (a file may grow meanwhile)."""
    file = regular_file(path, what, error)
    try:
        if file.stat().st_size > limit:
            raise too_large_error(path, limit, what, error)
        with open(file, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as failure:
        raise _unreadable(path, failure, error) from None
    if len(data) > limit:
        raise too_large_error(path, limit, what, error)
    return data


# A JSON string (an unterminated one runs to the end); the possessive ``*+`` never backtracks,
# so the scan stays linear whatever the text.
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*+(?:"|$)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def check_json_depth(
    text: str,
    source: str,
    error: type[ExplorerError] = FileReadError,
    limit: int = JSON_DEPTH_LIMIT,
) -> None:
    """Refuse JSON nested more than ``limit`` levels before ``json.loads`` sees it: the parser
    recurses once per level and fails deep down with a RecursionError (or, on some builds,
    overflows the C stack). Brackets inside strings do not count; about 1 s for 16 MiB of
    brackets, far less for real files."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    depth = 0
    for bracket in brackets:
        if bracket in "[{":
            depth += 1
            if depth > limit:
                raise error(
                    Text(
                        QT_TRANSLATE_NOOP(
                            "Core", "{source} is nested more than {limit} levels deep"
                        ),
                        source=source,
                        limit=limit,
                    )
                )
        else:
            depth -= 1


def parse_json(text: str, source: str, error: type[ExplorerError] = FileReadError) -> Any:
    """``json.loads`` for a user's file: a leading byte-order mark ignored (Windows editors
    write one), the depth checked first (``check_json_depth``), and a whole number of more than
    ``JSON_DIGITS_LIMIT`` digits refused by name rather than by Python's integer limit.
    ``json.JSONDecodeError`` passes to the caller, which knows what it expected."""
    text = text.removeprefix("\ufeff")
    check_json_depth(text, source, error)

    def whole_number(digits: str) -> int:
        if len(digits.lstrip("-")) > JSON_DIGITS_LIMIT:
            raise error(
                Text(
                    QT_TRANSLATE_NOOP(
                        "Core", "{source} holds a number of {count:,} digits; at most {limit}"
                    ),
                    source=source,
                    count=len(digits.lstrip("-")),
                    limit=JSON_DIGITS_LIMIT,
                )
            )
        return int(digits)

    return json.loads(text, parse_int=whole_number)


# The zip's end record: signature, disk numbers, entry counts, the table's size and offset,
# the comment's length (APPNOTE.TXT 4.3.16); a comment of up to 64 KiB may follow it.
_END_RECORD = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"


def _contents_size(path: Path) -> int:
    """The size of a zip's table of contents (its central directory), read from the end
    record, so that a zip listing millions of files is refused before ``zipfile`` builds an
    object for each (88 MB of empty entries take 5 s and 600 MB). 0 when there is no end
    record: ``zipfile`` then says the file is not a zip."""
    with open(path, "rb") as stream:
        stream.seek(0, os.SEEK_END)
        stream.seek(max(0, stream.tell() - _END_RECORD.size - 0xFFFF))
        tail = stream.read()
    start = tail.rfind(_END_SIGNATURE)
    if start < 0 or len(tail) - start < _END_RECORD.size:
        return 0
    return int(_END_RECORD.unpack_from(tail, start)[5])


def open_zip(
    path: str | os.PathLike[str], what: str, error: type[ExplorerError] = FileReadError
) -> zipfile.ZipFile:
    """The zip archive at ``path`` (a regular file, with a table of contents of a sane size);
    ``zipfile.BadZipFile`` and ``OSError`` pass to the caller, which knows what it expected."""
    file = regular_file(path, what, error)
    if _contents_size(file) > ZIP_CONTENTS_LIMIT:
        raise error(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core", "{path} lists more files than {what} can hold (over {limit} of names)"
                ),
                path=shown_path(path),
                what=what,
                limit=short_bytes(ZIP_CONTENTS_LIMIT),
            )
        )
    return zipfile.ZipFile(file)


def check_member(
    archive: zipfile.ZipFile,
    name: str,
    source: str,
    what: str,
    limit: int,
    error: type[ExplorerError] = FileReadError,
) -> zipfile.ZipInfo:
    """The entry of the member ``name`` of ``archive`` (KeyError when there is none), refused
    when it declares more than ``limit`` bytes or a compression ratio that only a zip bomb has.
    Nothing is unpacked; ``zipfile`` never unpacks more than the size an entry declares."""
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise _too_large_member(source, name, what, limit, error)
    if info.file_size > ZIP_RATIO_FROM and info.file_size > ZIP_RATIO_LIMIT * info.compress_size:
        raise error(
            Text(
                QT_TRANSLATE_NOOP(
                    "Core",
                    "{where} is compressed more than {ratio}:1, as only a zip bomb is; "
                    "it was not unpacked",
                ),
                where=f"{shown_path(source)}: {name}",
                ratio=ZIP_RATIO_LIMIT,
            )
        )
    return info


def _too_large_member(
    source: str, name: str, what: str, limit: int, error: type[ExplorerError]
) -> ExplorerError:
    return error(
        Text(
            QT_TRANSLATE_NOOP(
                "Core", "{where} would unpack to more than {limit}, the most {what} may be"
            ),
            where=f"{shown_path(source)}: {name}",
            limit=short_bytes(limit),
            what=what,
        )
    )


def read_member(
    archive: zipfile.ZipFile,
    name: str,
    source: str,
    what: str,
    limit: int,
    error: type[ExplorerError] = FileReadError,
) -> bytes:
    """The member ``name`` of ``archive``, after ``check_member``; read with at most
    ``limit + 1`` bytes taken, in case the declared size lies."""
    info = check_member(archive, name, source, what, limit, error)
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large_member(source, name, what, limit, error)
    return data
