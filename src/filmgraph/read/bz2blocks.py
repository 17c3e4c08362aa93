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
import re
from collections.abc import Iterator
from typing import IO

BLOCK_MAGIC = 0x314159265359
END_MAGIC = 0x177245385090
_MAGIC_BITS = 48
_CRC_BITS = 32
# A block holds at most 900,000 bytes before its run-length coding, and compresses to about that at worst; a
# "block" much larger than that is not one (damage, or another format), and is not read whole.
MAX_BLOCK_BYTES = 1_100_000
_SCAN_BYTES = 1 << 18
_PIECE = 1 << 16  # decompressed a piece at a time: a block inflates to at most ~46 MB, never held whole
_JOINS = 2  # a block that will not decompress is tried joined to this many following ones


class BlockDamage(ValueError):
    """A block that cannot be decompressed, or a file that ends inside one; ``owned``: whether the block begins in
    the range being read (or after it, where the range that reads it reports it)."""

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


def magics(file: IO[bytes], start: int) -> Iterator[tuple[int, int]]:
    """Every block and end magic from byte ``start`` of ``file`` on, in order: (bit position, which magic)."""
    base = start
    while True:
        file.seek(base)
        data = file.read(_SCAN_BYTES + 7)
        if not data:
            return
        padded = data + b"\0" * 7  # a magic in the last bytes still has its full window
        found = []
        own = min(len(data), _SCAN_BYTES)  # windows beginning here are this chunk's; the next chunk has the rest
        for match in _KEYS_RE.finditer(padded, 1, own + 6):
            (_, value, mask, shift), kind = _BY_KEY[match.group()]
            window = match.start() - 1  # the key is the window's bytes 1 to 5
            if window < own and int.from_bytes(padded[window:window + 7], "big") & mask == value:
                found.append(((base + window) * 8 + shift, kind))
        yield from found
        if len(data) <= _SCAN_BYTES:
            return
        base += _SCAN_BYTES


def _as_stream(raw: bytes, first_bit: int, bits: int) -> bytes:
    """The block(s) ``bits`` long at bit ``first_bit`` of ``raw``, as a bz2 stream of their own."""
    value = int.from_bytes(raw, "big") >> (len(raw) * 8 - first_bit - bits) & ((1 << bits) - 1)
    crc = value >> (bits - _MAGIC_BITS - _CRC_BITS) & 0xFFFFFFFF
    body = ((value << _MAGIC_BITS | END_MAGIC) << _CRC_BITS) | crc
    size = bits + _MAGIC_BITS + _CRC_BITS
    pad = -size % 8
    return b"BZh9" + (body << pad).to_bytes((size + pad) // 8, "big")


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


def _one_block(file: IO[bytes], start: int, end: int) -> tuple[bytes, Iterator[bytes]] | None:
    """The block from bit ``start`` to ``end``: its first piece decompressed and the rest to come, or None when it
    does not decompress. (A block's compressed data is all decoded before its first byte comes out, so a block
    cut short, or two blocks taken as one, fail here; a mismatched CRC fails at the end.)"""
    if end - start > MAX_BLOCK_BYTES * 8 * (_JOINS + 1):
        return None
    raw, first_bit = _read_bits(file, start, end)
    pieces = _decompressed(_as_stream(raw, first_bit, end - start))
    try:
        return next(pieces, b""), pieces
    except (OSError, EOFError, ValueError):
        return None


def blocks(file: IO[bytes], offset: int, length: int) -> Iterator[tuple[bytes, bool]]:
    """The decompressed text of the blocks whose magic begins in bytes ``offset`` to ``offset + length`` of a bz2
    file, then of the blocks after them, in pieces: (piece, whether its block begins in the range). The caller
    stops reading once it has what it needs from beyond the range.

    :raises BlockDamage: a block that does not decompress, or a file that ends inside a block.
    """
    limit = (offset + length) * 8
    found = magics(file, offset)
    current = next(found, None)
    first = True
    while True:
        while current is not None and current[1] != BLOCK_MAGIC:
            current = next(found, None)  # the end of a stream: the next stream's first block follows
        if current is None:
            return
        start = current[0]
        owned = start < limit
        ends: list[int] = []
        while True:
            following = next(found, None)
            if following is None:
                raise BlockDamage(f"the file ends inside the block at byte {start // 8:,} (cut short?)", owned)
            ends.append(following[0])
            decoded = _one_block(file, start, following[0])
            if decoded is not None or following[1] != BLOCK_MAGIC or len(ends) > _JOINS:
                break  # perhaps that magic was a chance pattern inside this block: tried joined to the next
        if decoded is None:
            if first and _inside_earlier_block(file, start, ends):
                current, first = following, False  # the range before reads that block
                continue
            raise BlockDamage(f"the block at byte {start // 8:,} does not decompress (damaged?)", owned)
        first = False
        head, rest = decoded
        yield head, owned
        try:
            for piece in rest:  # decompressed as it is read: a reader that stops early spares the rest
                yield piece, owned
        except (OSError, EOFError, ValueError) as exc:
            raise BlockDamage(f"the block at byte {start // 8:,} does not decompress: {exc}", owned) from exc
        current = following


def _inside_earlier_block(file: IO[bytes], start: int, ends: list[int]) -> bool:
    """Whether the magic at bit ``start``, the first of a range, is a chance pattern inside a block that begins
    before it: that block, read from its own magic, decompresses up to one of ``ends``."""
    earlier = None
    for bit, kind in magics(file, max(0, start // 8 - MAX_BLOCK_BYTES)):
        if bit >= start:
            break
        if kind == BLOCK_MAGIC:
            earlier = bit
    return earlier is not None and any(_one_block(file, earlier, end) is not None for end in ends)
