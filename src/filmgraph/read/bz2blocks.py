"""The blocks of a bz2 file, found by their magic numbers and decompressed anywhere in the file, one at a time.

A bz2 stream is a header (``BZh`` and the block size), blocks, and an end: each block begins with the 48-bit
magic 0x314159265359 and its CRC, the end with the 48-bit magic 0x177245385090 and the stream's combined CRC.
Blocks are not byte-aligned, and nothing but the magic marks where one begins. A block is decompressed alone by
making it a stream of its own: a header, the block's bits, the end magic and the stream's CRC, which for a stream
of one block is the block's own CRC. So a single-stream file (a Wikipedia dump without its index) is read in
parallel: each worker decompresses the blocks that begin in its own range of bytes, as pbzip2 and bzip2recover
find them.

The magic can, very rarely (one bit position in 2**48), occur inside a block's compressed bits: a "block" that
will not decompress is tried again joined to the next one before it is called damaged.
"""

from __future__ import annotations

import bz2
import io
import re
from collections import deque
from collections.abc import Iterator
from typing import IO

try:
    import indexed_bzip2
except ImportError:  # an optional speed-up: the bz2 module reads the same streams, about a third slower
    indexed_bzip2 = None

BLOCK_MAGIC = 0x314159265359
END_MAGIC = 0x177245385090
_MAGIC_BITS = 48
_CRC_BITS = 32
# A block holds at most 900,000 bytes (after bzip2's first run-length step), and compresses to about that at
# worst; a "block" much larger than that is not one (damage, or another format), and is not read whole.
MAX_BLOCK_BYTES = 1_100_000
_SCAN_BYTES = 1 << 18
_PIECE = 1 << 16  # a block inflates to at most ~46 MB: past FAST_STREAM_TEXT, decompressed a piece at a time
_JOINS = 2  # a block that will not decompress is tried joined to this many following ones


class BlockDamage(ValueError):
    """A block that cannot be decompressed, or a file that ends inside one; ``owned``: whether the block begins in
    the range being read (if not, the range it begins in reports it)."""

    def __init__(self, message: str, owned: bool = True) -> None:
        super().__init__(message)
        self.owned = owned


def _patterns(magic: int) -> list[tuple[bytes, int, int, int]]:
    """For each of the 8 bit positions the magic can take in a byte: its five fully known bytes (the key a
    byte search finds), and the 56-bit window's expected value, mask and bit shift."""
    patterns = []
    for shift in range(8):
        value = magic << (8 - shift)  # the magic at bit ``shift`` of a 7-byte window
        mask = ((1 << _MAGIC_BITS) - 1) << (8 - shift)
        patterns.append((value.to_bytes(7, "big")[1:6], value, mask, shift))
    return patterns


_PATTERNS = [(pattern, kind) for kind in (BLOCK_MAGIC, END_MAGIC) for pattern in _patterns(kind)]
# One search for all sixteen keys (without groups, which would cost the search its fast literal scan); the key
# found tells which pattern it is.
_KEYS_RE = re.compile(b"|".join(re.escape(key) for (key, _, _, _), _ in _PATTERNS))
_BY_KEY = {pattern[0]: (pattern, kind) for pattern, kind in _PATTERNS}


class _Magics:
    """The block and end magics of a file from a byte on, found a chunk at a time, in order."""

    def __init__(self, file: IO[bytes], start: int) -> None:
        self.file = file
        self.base = start  # where the next chunk begins
        self.found: deque[tuple[int, int]] = deque()
        self.ended = False

    def next(self, before: int | None = None) -> tuple[int, int] | None:
        """The next magic (bit position, which magic), if there is one before bit ``before``; the search goes no
        further than that."""
        while not self.found:
            if self.ended or before is not None and self.base * 8 >= before:
                return None
            self._scan()
        if before is not None and self.found[0][0] >= before:
            return None
        return self.found.popleft()

    def put_back(self, magics: list[tuple[int, int]]) -> None:
        self.found.extendleft(reversed(magics))

    def _scan(self) -> None:
        self.file.seek(self.base)
        data = self.file.read(_SCAN_BYTES + 7)
        padded = data + b"\0" * 7  # a magic in the last bytes still has its full window
        own = min(len(data), _SCAN_BYTES)  # windows beginning here are this chunk's; the next chunk has the rest
        for match in _KEYS_RE.finditer(padded, 1, own + 6):
            (_, value, mask, shift), kind = _BY_KEY[match.group()]
            window = match.start() - 1  # the key is the window's bytes 1 to 5
            if window < own and int.from_bytes(padded[window:window + 7], "big") & mask == value:
                self.found.append(((self.base + window) * 8 + shift, kind))
        self.ended = len(data) <= _SCAN_BYTES
        self.base += own


def magics(file: IO[bytes], start: int, stop: int | None = None) -> Iterator[tuple[int, int]]:
    """Every block and end magic beginning in bytes ``start`` to ``stop`` (the file's end) of ``file``, in order:
    (bit position, which magic)."""
    found = _Magics(file, start)
    while (magic := found.next(None if stop is None else stop * 8)) is not None:
        yield magic


def _as_stream(raw: bytes, first_bit: int, bits: int) -> bytes:
    """The block(s) ``bits`` long at bit ``first_bit`` of ``raw``, as a bz2 stream of their own."""
    value = int.from_bytes(raw, "big") >> (len(raw) * 8 - first_bit - bits) & ((1 << bits) - 1)
    crc = value >> (bits - _MAGIC_BITS - _CRC_BITS) & 0xFFFFFFFF
    body = ((value << _MAGIC_BITS | END_MAGIC) << _CRC_BITS) | crc
    size = bits + _MAGIC_BITS + _CRC_BITS
    pad = -size % 8
    # Level 9 whatever the file's: the level only bounds a block's size, and 9 admits every block.
    return b"BZh9" + (body << pad).to_bytes((size + pad) // 8, "big")


# Streams whose text is at most this size are decompressed whole by indexed_bzip2; a larger one (a page that goes
# on past any size, a bz2 bomb) streams through the bz2 module a piece at a time, and the reader refuses it as it comes.
FAST_STREAM_TEXT = 32 << 20
_FAST_READ_SIZE = 1 << 20  # indexed_bzip2 spends a third more CPU in reads of 64 KiB


def ends_a_stream(compressed: bytes) -> bool:
    """Whether ``compressed`` ends where a bz2 stream ends (its end magic and CRC, padded to a byte)."""
    if len(compressed) < 14:
        return False
    tail = int.from_bytes(compressed[-11:], "big")
    return any((tail >> (pad + _CRC_BITS)) & ((1 << _MAGIC_BITS) - 1) == END_MAGIC and not tail & ((1 << pad) - 1)
               for pad in range(8))


def fast_stream_text(compressed: bytes) -> list[bytes] | None:
    """The text of the whole bz2 streams ``compressed`` holds, in pieces, decompressed by indexed_bzip2 (about a
    third less CPU than libbz2, and decompression is most of a dump export's CPU); None whenever that is not sure
    to give what the bz2 module gives: not installed, a range that does not end a stream (cut short, or bytes
    after the end, which indexed_bzip2 would ignore), damage, or text past FAST_STREAM_TEXT. The bz2 module then
    reads the range and says what is wrong."""
    if indexed_bzip2 is None or not ends_a_stream(compressed):
        return None
    pieces: list[bytes] = []
    size = 0
    try:
        # Closed by the with-statement: an indexed_bzip2 file left open aborts the interpreter at exit.
        with indexed_bzip2.open(io.BytesIO(compressed), parallelization=1) as opened:
            while piece := opened.read(_FAST_READ_SIZE):
                size += len(piece)
                if size > FAST_STREAM_TEXT:
                    return None
                pieces.append(piece)
    except (RuntimeError, ValueError, OSError, EOFError):
        return None
    return pieces


def _decompressed(stream: bytes) -> Iterator[bytes]:
    decompressor = bz2.BZ2Decompressor()
    data = stream
    while not decompressor.eof:
        if decompressor.needs_input and not data:
            raise EOFError("the block ends before its end")
        piece = decompressor.decompress(data, max_length=_PIECE)
        data = b""
        if piece:
            yield piece


def _read_bits(file: IO[bytes], start: int, end: int) -> tuple[bytes, int]:
    file.seek(start // 8)
    return file.read((end + 7) // 8 - start // 8), start % 8


# The least a block can be: its magic, CRC, randomised bit and origin pointer (then a symbol map and codes).
_MIN_BLOCK_BITS = 104
# After a stream's end (magic, CRC, padding) the next stream's header and first block follow within a few bytes.
_STREAM_GAP = 32


def _one_block(file: IO[bytes], start: int, end: int) -> tuple[bytes, Iterator[bytes]] | None:
    """The block from bit ``start`` to ``end``: its first piece decompressed and the rest to come, or None when it
    does not decompress. (A block's compressed data is all decoded before its first byte comes out, so a block
    cut short, or two blocks taken as one, fail here; a mismatched CRC fails at the end.)"""
    if not _MIN_BLOCK_BITS <= end - start <= MAX_BLOCK_BYTES * 8 * (_JOINS + 1):
        return None
    raw, first_bit = _read_bits(file, start, end)
    stream = _as_stream(raw, first_bit, end - start)
    if (whole := fast_stream_text(stream)) is not None:
        return (whole[0] if whole else b""), iter(whole[1:])
    try:
        pieces = _decompressed(stream)
        return next(pieces, b""), pieces
    except (OSError, EOFError, ValueError):
        return None


def _file_size(file: IO[bytes]) -> int:
    return file.seek(0, io.SEEK_END)


def blocks(file: IO[bytes], offset: int, length: int) -> Iterator[tuple[bytes | BlockDamage, bool]]:
    """The decompressed text of the blocks whose magic begins in bytes ``offset`` to ``offset + length`` of a bz2
    file, then of the blocks after them, in pieces: (piece, whether its block begins in the range). The caller
    stops reading once it has what it needs from beyond the range.

    Bytes that do not decompress (a damaged block, a file that ends inside one) come as one :class:`BlockDamage`
    in place of their text, and the blocks after them follow.
    """
    limit = (offset + length) * 8
    size = _file_size(file)
    scan = _Magics(file, offset)
    current = scan.next(limit)  # no magic in the range: it holds no block
    first = True
    damaged: int | None = None  # where the bytes that do not decompress began
    while current is not None:
        start, kind = current
        if kind != BLOCK_MAGIC:  # the end of a stream; another stream may follow
            current = scan.next(start + _STREAM_GAP * 8)
            continue
        owned = start < limit if damaged is None else damaged < limit
        decoded, after = _block_at(file, scan, start)
        if decoded is None:
            if first and after and _inside_earlier_block(file, start, after):
                pass  # a chance pattern inside a block the range before reads
            elif damaged is None:
                damaged = start
            scan.put_back(after[1:])
            current, first = (after[0] if after else None), False  # the reading goes on from the next magic
            continue
        first = False
        if damaged is not None:
            problem = f"the bytes {damaged // 8:,} to {start // 8:,} do not decompress (damaged?)"
            yield BlockDamage(problem, owned), owned
            damaged, owned = None, start < limit
        current = after[-1]  # where the block (joined to the magics by chance in it) ends
        head, rest = decoded
        yield head, owned
        try:
            for piece in rest:  # decompressed as it is read: a reader that stops early spares the rest
                yield piece, owned
        except (OSError, EOFError, ValueError) as exc:
            yield BlockDamage(f"the block at byte {start // 8:,} does not decompress ({exc})", owned), owned
    if damaged is not None:
        problem = "the file ends inside them (cut short?)" if scan.ended or size * 8 <= damaged + _BOUND else \
            "no block follows them (damaged?)"
        yield BlockDamage(f"the bytes from {damaged // 8:,} do not decompress: {problem}", damaged < limit), \
            damaged < limit


_BOUND = MAX_BLOCK_BYTES * 8 * (_JOINS + 1)  # the most bits a block (joined over magics by chance) can span


def _block_at(file: IO[bytes], scan: _Magics, start: int) -> tuple[tuple[bytes, Iterator[bytes]] | None,
                                                                  list[tuple[int, int]]]:
    """The block whose magic is at bit ``start``, decompressing (or None), and the magics after it taken from
    ``scan``, up to where it ends (more than one when magics by chance in it had to be joined over)."""
    after: list[tuple[int, int]] = []
    while len(after) <= _JOINS and (following := scan.next(start + _BOUND)) is not None:
        after.append(following)
        decoded = _one_block(file, start, following[0])
        if decoded is not None:
            return decoded, after
    return None, after


def _inside_earlier_block(file: IO[bytes], start: int, after: list[tuple[int, int]]) -> bool:
    """Whether the magic at bit ``start``, the first of a range, is a chance pattern inside a block that begins
    before it: that block, read from its own magic, decompresses up to one of the magics ``after`` it."""
    earlier = None
    for bit, kind in magics(file, max(0, start // 8 - MAX_BLOCK_BYTES), start // 8 + 1):
        if bit < start and kind == BLOCK_MAGIC:
            earlier = bit
    return earlier is not None and any(_one_block(file, earlier, end) is not None for end, _ in after)


def last_text(file: IO[bytes], wanted: int = 1 << 20) -> bytes | None:
    """The end of the file's decompressed text: its last blocks' (up to ``wanted`` bytes, fewer only when the
    file holds less), or None when the file does not end with a whole block and a stream's end."""
    size = _file_size(file)
    found = list(magics(file, max(0, size - 2 * MAX_BLOCK_BYTES)))
    if not found or found[-1][1] != END_MAGIC:
        return None
    text = b""
    for index in range(len(found) - 2, -1, -1):
        start, kind = found[index]
        if kind != BLOCK_MAGIC:
            continue
        decoded = _one_block(file, start, found[index + 1][0])
        if decoded is None:
            return text or None
        kept = bytearray(decoded[0])
        try:
            for piece in decoded[1]:
                kept += piece
                del kept[:max(0, len(kept) - wanted)]
        except (OSError, EOFError, ValueError):
            return text or None
        text = (bytes(kept) + text)[-wanted:]
        if len(text) >= wanted:
            break
    return text
