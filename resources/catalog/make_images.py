#!/usr/bin/env python3
"""Draws the demo catalogue's product images (flat 96x96 PNGs, a few hundred bytes each).

Run once after changing the list; the PNGs are committed and embedded into the devstore with
qt_add_resources. Pure Python (zlib only), so it needs nothing beyond the standard library.
"""
import os
import struct
import zlib

SIZE = 96
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "images")

# file name -> (background, foreground, shape)
IMAGES = {
    "woocommerce-placeholder.png": ((230, 230, 230), (190, 190, 190), "square"),
    "test-mug.png": ((250, 236, 210), (196, 92, 52), "mug"),
    "test-t-shirt.png": ((222, 236, 250), (52, 100, 180), "shirt"),
    "enamel-mug.png": ((236, 244, 236), (60, 140, 90), "mug"),
    "travel-mug.png": ((240, 240, 248), (90, 90, 120), "tall"),
    "tea-towel.png": ((252, 244, 230), (200, 60, 60), "stripes"),
    "coffee-beans-250g.png": ((245, 235, 220), (110, 70, 40), "circle"),
    "canvas-tote-bag.png": ((245, 242, 230), (150, 130, 90), "bag"),
    "wool-beanie.png": ((238, 230, 245), (120, 70, 150), "dome"),
    "gift-card-25.png": ((250, 245, 215), (210, 160, 30), "card"),
    "leather-keyring.png": ((240, 232, 226), (140, 80, 50), "ring"),
    "classic-t-shirt.png": ((232, 232, 232), (40, 40, 40), "shirt"),
}


def inside(shape, x, y):
    cx, cy = x - SIZE / 2, y - SIZE / 2
    if shape == "square":
        return 28 <= x < 68 and 28 <= y < 68
    if shape == "circle":
        return cx * cx + cy * cy < 30 * 30
    if shape == "ring":
        return 18 * 18 < cx * cx + cy * cy < 28 * 28
    if shape == "mug":
        body = 24 <= x < 62 and 26 <= y < 72
        handle = 62 <= x < 74 and 36 <= y < 62 and not (62 <= x < 68 and 42 <= y < 56)
        return body or handle
    if shape == "tall":
        return 34 <= x < 62 and 16 <= y < 80
    if shape == "stripes":
        return 20 <= x < 76 and 20 <= y < 76 and (y // 8) % 2 == 0
    if shape == "bag":
        body = 22 <= x < 74 and 36 <= y < 78
        strap = 16 * 16 < cx * cx + (y - 36) ** 2 < 20 * 20 and y < 36
        return body or strap
    if shape == "dome":
        return (cx * cx + (y - 64) ** 2 < 30 * 30 and y < 64) or (18 <= x < 78 and 64 <= y < 74)
    if shape == "card":
        return 16 <= x < 80 and 28 <= y < 68 and not (24 <= x < 72 and 44 <= y < 48)
    if shape == "shirt":
        body = 30 <= x < 66 and 26 <= y < 78
        sleeves = 16 <= x < 80 and 26 <= y < 44
        neck = cx * cx + (y - 24) ** 2 < 8 * 8
        return (body or sleeves) and not neck
    return False


def png(pixels):
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)

    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    os.makedirs(HERE, exist_ok=True)
    for name, (bg, fg, shape) in IMAGES.items():
        rows = []
        for y in range(SIZE):
            row = []
            for x in range(SIZE):
                row.extend(fg if inside(shape, x, y) else bg)
            rows.append(row)
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(png(rows))


if __name__ == "__main__":
    main()
