#!/usr/bin/env python3
"""Draws icon.png (128x128): two threads (white) meeting at one point (red),
one path on (blue) - a race. Standard library only; 4x4 supersampling.

usage: python3 make-icon.py [out.png]
"""
import struct, sys, zlib

N, SS = 128, 4


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def in_round_rect(x, y, x0, y0, x1, y1, r):
    cx, cy = min(max(x, x0 + r), x1 - r), min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def colour(x, y):
    """RGBA at point (x, y), later shapes on top."""
    c = (0, 0, 0, 0)
    if in_round_rect(x, y, 4, 4, 124, 124, 22):
        c = (0x1F, 0x3B, 0x57, 255)
    if seg_dist(x, y, 70, 64, 108, 64) <= 4.5:
        c = (0x9F, 0xC4, 0xE8, 255)
    if seg_dist(x, y, 22, 38, 70, 64) <= 4.5 or seg_dist(x, y, 22, 90, 70, 64) <= 4.5:
        c = (255, 255, 255, 255)
    for cx, cy in ((22, 38), (22, 90)):
        if (x - cx) ** 2 + (y - cy) ** 2 <= 7.5 ** 2:
            c = (255, 255, 255, 255)
    if (x - 70) ** 2 + (y - 64) ** 2 <= 15 ** 2:
        c = (0xFF, 0x5A, 0x4E, 255)
    return c


rows = []
for j in range(N):
    row = bytearray([0])  # filter: none
    for i in range(N):
        acc = [0, 0, 0, 0]
        for sj in range(SS):
            for si in range(SS):
                r, g, b, a = colour(i + (si + 0.5) / SS, j + (sj + 0.5) / SS)
                acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a
        a = acc[3]
        row += bytes([acc[0] // a, acc[1] // a, acc[2] // a, a // (SS * SS)] if a else [0, 0, 0, 0])
    rows.append(bytes(row))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))
open(sys.argv[1] if len(sys.argv) > 1 else "icon.png", "wb").write(png)
