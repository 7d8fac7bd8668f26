#!/usr/bin/env python3
# Finds where something is drawn in a screen grab, for the real-window tests: the longest
# vertical run of one colour down the pixel columns X0..X1 (a field's accent outline, a button).
# Usage: screen_find.py FILE.png X0-X1 Y0 Y1 RRGGBB [all]  -> prints "X TOP BOTTOM" of the run
# (with "all": of every run at least 8 pixels tall in the first column that has one), or fails.
# Reads the PNG through ImageMagick's convert (raw RGB); needs nothing else.
import subprocess
import sys


def main():
    path, xs, y0, y1, colour = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    x0, _, x1 = xs.partition("-")
    every = len(sys.argv) > 6 and sys.argv[6] == "all"
    want = tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))
    size = subprocess.run(["identify", "-format", "%w %h", path], check=True, capture_output=True, text=True)
    width, height = map(int, size.stdout.split())
    raw = subprocess.run(["convert", path, "-depth", "8", "rgb:-"], check=True, capture_output=True).stdout
    best = (0, 0, 0)
    for x in range(int(x0), int(x1 or x0) + 1):
        runs = []
        top = None
        for y in range(max(0, y0), min(height, y1 + 1)):
            i = 3 * (y * width + x)
            near = all(abs(raw[i + c] - want[c]) <= 12 for c in range(3))
            if near and top is None:
                top = y
            if (not near or y == min(height, y1 + 1) - 1) and top is not None:
                end = y if near else y - 1
                if end - top >= 8:
                    runs.append((x, top, end))
                if end - top > best[2] - best[1]:
                    best = (x, top, end)
                top = None
        if every and runs:
            for run in runs:
                print(*run)
            return
    if best[2] - best[1] < 8:
        sys.exit(f"screen_find: no run of #{colour} at x={xs} between y={y0} and {y1}")
    print(*best)


main()
