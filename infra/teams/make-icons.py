#!/usr/bin/env python3
"""Draws the Teams app icons with no dependencies (plain zlib PNG writing), so anyone can regenerate them.

color.png   192x192: white rising steps (a career ladder) in the central 96x96, on the accent colour.
outline.png  32x32:  the same steps in pure white on a fully transparent background, no padding.
"""
import pathlib
import struct
import zlib

ACCENT = (0x2F, 0x5F, 0xA7, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)


def steps(size, origin, span, bar_gap):
    """Four bars of rising height filling a span x span square at origin: the ladder symbol."""
    bars = 4
    width = (span - bar_gap * (bars - 1)) // bars
    def inside(x, y):
        for i in range(bars):
            left = origin + i * (width + bar_gap)
            top = origin + span - span * (i + 1) // bars
            if left <= x < left + width and top <= y < origin + span:
                return True
        return False
    return inside


def png(path, size, background, foreground, inside):
    rows = b"".join(
        b"\x00" + b"".join(bytes(foreground if inside(x, y) else background) for x in range(size))
        for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


here = pathlib.Path(__file__).resolve().parent
png(here / "color.png", 192, ACCENT, WHITE, steps(192, 48, 96, 8))
png(here / "outline.png", 32, CLEAR, WHITE, steps(32, 0, 32, 3))
