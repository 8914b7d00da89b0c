#!/usr/bin/env python3
"""Checks nnplay screenshots using only the standard library (PNG decoded with zlib).

The app writes OUT.png.json next to every screenshot with the pixel rectangles of its panels
and the training state, so the checks look where things should be instead of guessing.

  png_check.py default OUT.png W H   size, boundary shows both class colours, curves drawn,
                                     training got somewhere (sidecar)
  png_check.py size OUT.png W H      only the image size
"""
import json
import struct
import sys
import zlib


def fail(msg):
    print(f"FAIL: {msg}")
    sys.exit(1)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(path):
    """Returns (width, height, rows) with rows as bytearrays of RGB (or RGBA) samples."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG file")
    pos, idat, width, height, channels = 8, b"", 0, 0, 3
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                fail(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are supported")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b, c = prev[x], prev[x - channels] if x >= channels else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                line[x] = (line[x] + paeth(a, b, c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def pixels(img, rect, step=2):
    """RGB tuples inside rect = [x, y, w, h], every `step` pixels."""
    width, height, ch, rows = img
    x0, y0, w, h = rect
    for y in range(max(0, y0), min(height, y0 + h), step):
        row = rows[y]
        for x in range(max(0, x0), min(width, x0 + w), step):
            yield row[x * ch], row[x * ch + 1], row[x * ch + 2]


def shrink(rect, frac):
    """The middle of a rectangle: skips titles, toolbars and tick labels at the edges."""
    x, y, w, h = rect
    dx, dy = int(w * frac), int(h * frac)
    return [x + dx, y + dy, w - 2 * dx, h - 2 * dy]


# The boundary is shaded by confidence, so early in training its colours are pale tints:
# a small but consistent lean towards blue or orange is what counts, grey and white do not.
def is_blue(p):  # class 0 (Okabe-Ito blue) and its tints
    r, g, b = p
    return b >= r + 5 and b > 60


def is_orange(p):  # class 1 (Okabe-Ito orange) and its tints
    r, g, b = p
    return r >= b + 5 and g >= b and r > 120


def is_ink(p):  # coloured plot lines (not the grey of text, axes and background)
    return max(p) - min(p) > 60


def check_size(img, w, h):
    if (img[0], img[1]) != (w, h):
        fail(f"image is {img[0]}x{img[1]}, expected {w}x{h}")
    print(f"ok: image is {w}x{h}")


def check_default(path, w, h):
    img = read_png(path)
    check_size(img, w, h)
    try:
        with open(path + ".json") as f:
            side = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"cannot read the sidecar {path}.json: {e}")
    canvas = shrink(side["panels"]["canvas"], 0.15)
    px = list(pixels(img, canvas))
    blue = sum(map(is_blue, px)) / len(px)
    orange = sum(map(is_orange, px)) / len(px)
    print(f"canvas: {blue:.1%} blue-ish, {orange:.1%} orange-ish pixels")
    if blue < 0.10 or orange < 0.10:
        fail("the decision boundary does not show both class colours")
    curves = shrink(side["panels"]["curves"], 0.1)
    ink = sum(map(is_ink, pixels(img, curves, 1)))
    print(f"curves: {ink} coloured pixels")
    if ink < 150:
        fail("the curves panel looks empty")
    t = side.get("training", {})
    print(f"training: step {t.get('step')}, train loss {t.get('train_loss')}, "
          f"train acc {t.get('train_acc')}")
    if not t.get("step"):
        fail("the sidecar says no training step ran")
    print("ok: boundary, curves and training state look right")


def main(argv):
    if len(argv) != 5 or argv[1] not in ("default", "size"):
        print(__doc__)
        sys.exit(2)
    path, w, h = argv[2], int(argv[3]), int(argv[4])
    if argv[1] == "size":
        check_size(read_png(path), w, h)
    else:
        check_default(path, w, h)


if __name__ == "__main__":
    main(sys.argv)
