"""A multistream range decompressed by indexed_bzip2 gives the bz2 module's text, and every range the bz2 module
would refuse (cut short, damaged, bytes after a stream's end) is left to it, so that its error is the one said."""

from __future__ import annotations

import bz2

import pytest

from filmgraph.read import bz2blocks
from filmgraph.read.bz2blocks import ends_a_stream, fast_stream_text

PAGES = b"".join(b"<page><title>Page %d</title><text>words %d</text></page>\n" % (n, n) for n in range(3000))
TWO_STREAMS = bz2.compress(PAGES[:50_000]) + bz2.compress(PAGES[50_000:])


def test_a_stream_end_is_found_at_every_padding() -> None:
    # The end marker is not byte-aligned: texts of lengths 1..40 put it at many bit offsets.
    streams = [bz2.compress(b"x" * n + b"y" * (n % 7)) for n in range(1, 40)]
    assert all(ends_a_stream(stream) for stream in streams)
    assert not any(ends_a_stream(stream[:-1]) for stream in streams)
    assert not any(ends_a_stream(stream + b"\0") for stream in streams)


def test_two_streams_give_the_bz2_modules_text() -> None:
    pieces = fast_stream_text(TWO_STREAMS)
    assert pieces is not None
    assert b"".join(pieces) == PAGES
    assert max(map(len, pieces)) <= 1 << 20


@pytest.mark.parametrize("damage", ["cut", "flipped", "trailing", "crc", "empty", "not bz2"])
def test_what_the_bz2_module_refuses_is_left_to_it(damage: str) -> None:
    broken = bytearray(TWO_STREAMS)
    if damage == "cut":
        broken = broken[:len(broken) // 2]
    elif damage == "flipped":
        broken[len(broken) // 3] ^= 0xFF
    elif damage == "trailing":
        broken += b"junk after the end"
    elif damage == "crc":
        broken[11] ^= 0x01  # the first block's stored CRC
    elif damage == "empty":
        broken = bytearray()
    else:
        broken = bytearray(b"<page>plain XML, no bz2</page>" * 10)
    assert fast_stream_text(bytes(broken)) is None


def test_text_past_the_bound_is_left_to_the_streaming_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    # A bz2 bomb would be held in memory whole: past the bound, the guard of the streaming path refuses it.
    monkeypatch.setattr(bz2blocks, "FAST_STREAM_TEXT", 100_000)
    assert fast_stream_text(TWO_STREAMS) is None
    monkeypatch.setattr(bz2blocks, "FAST_STREAM_TEXT", len(PAGES))
    assert fast_stream_text(TWO_STREAMS) is not None
