"""Atomic file writes: a temporary file beside the target, then a rename; never half a file, and never half
of a film's files."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, with the permissions the umask
    gives a new file (0644 by default, so that a web server can serve it).

    :raises OSError: the file cannot be written (nothing is left behind).
    :raises UnicodeEncodeError: the text holds a lone surrogate (which the readers never let through).
    """
    write_files_atomic([(path, text)])


def write_files_atomic(files: Sequence[tuple[Path, str]]) -> None:
    """Write several files all or none: every text goes to a temporary file beside its target first, and only
    when all of them are on disk are they renamed into place (a full disk leaves none of them, not a film's
    ``.ttl`` without its ``.jsonld``).

    :raises OSError: a file cannot be written (no target was touched, no temporary file is left).
    :raises UnicodeEncodeError: a text holds a lone surrogate (strict UTF-8: never an invalid file).
    """
    encoded = [(path, text.encode("utf-8")) for path, text in files]  # before any file is touched
    mode = 0o666 & ~_umask()
    prepared: list[tuple[str, Path]] = []
    try:
        for path, data in encoded:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".tmp", dir=path.parent)
            prepared.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, mode)
        for temporary, path in prepared:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in prepared:
            Path(temporary).unlink(missing_ok=True)
        raise
