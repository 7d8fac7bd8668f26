#!/usr/bin/env python3
# How large the cards' text is in a projector screenshot: finds every sticky-yellow card
# (theme::card_default, #FFE58A), the lines of text inside each (pixels darker than the card), and prints the cards
# counted, the median line pitch (top to top of consecutive lines, about the font's size; "-"
# when every card is one line) and the median ink height of a line (ascender to descender), in
# pixels.
# Usage: card_text_height.py FILE.png  -> "cards N pitch P ink H". Reads the PNG through
# ImageMagick's convert (raw RGB), as tests/ui/screen_find.py does; needs nothing else.
import statistics
import subprocess
import sys

CARD = (0xFF, 0xE5, 0x8A)


def main():
    path = sys.argv[1]
    size = subprocess.run(["identify", "-format", "%w %h", path], check=True, capture_output=True, text=True)
    width, height = map(int, size.stdout.split())
    raw = subprocess.run(["convert", path, "-depth", "8", "rgb:-"], check=True, capture_output=True).stdout

    def card(i):  # the sticky yellow, and the same yellow tinted by a zone (#FFE27A on a fishbone)
        return raw[i] >= 0xF2 and abs(raw[i + 1] - CARD[1]) <= 10 and abs(raw[i + 2] - CARD[2]) <= 20

    # Runs of card colour per row, joined into cards where runs of adjacent rows overlap.
    parent = []

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    boxes = []  # per run: [x0, y0, x1, y1]
    previous = []
    for y in range(height):
        row, x = [], 0
        base = 3 * y * width
        while x < width:
            if card(base + 3 * x):
                start = x
                while x < width and card(base + 3 * x):
                    x += 1
                if x - start >= 4:
                    index = len(parent)
                    parent.append(index)
                    boxes.append([start, y, x - 1, y])
                    for (p0, p1, pi) in previous:
                        if p0 <= x - 1 and start <= p1:
                            parent[find(pi)] = find(index)
                    row.append((start, x - 1, index))
            x += 1
        previous = row
    cards = {}
    for i, b in enumerate(boxes):
        r = find(i)
        c = cards.setdefault(r, list(b))
        c[0], c[1], c[2], c[3] = min(c[0], b[0]), min(c[1], b[1]), max(c[2], b[2]), max(c[3], b[3])

    pitches, inks, counted = [], [], 0
    for x0, y0, x1, y1 in cards.values():
        if x1 - x0 < 40 or y1 - y0 < 16:
            continue
        bands, top = [], None
        for y in range(y0, y1 + 1):
            base = 3 * y * width
            # A card's row has its colour at both edges (a bone line's box would not).
            if not (card(base + 3 * (x0 + 2)) and card(base + 3 * (x1 - 2))):
                dark = False
            else:
                dark = any(raw[base + 3 * x] + raw[base + 3 * x + 1] + raw[base + 3 * x + 2] < 540
                           for x in range(x0 + 3, x1 - 2))  # inside the rounded corners
            if dark and top is None:
                top = y
            if not dark and top is not None:
                bands.append((top, y - 1))
                top = None
        # A letter's ink splits a line into one band; an accent over a capital (Å) may add a
        # sliver of a band above it: merge bands closer than 2 px.
        merged = []
        for b in bands:
            if merged and b[0] - merged[-1][1] <= 2:
                merged[-1] = (merged[-1][0], b[1])
            else:
                merged.append(b)
        if not merged:
            continue
        counted += 1
        inks.extend(b[1] - b[0] + 1 for b in merged)
        tops = [b[0] for b in merged]  # nearly every line has an ascender (l, t, d, capitals)
        pitches.extend(b - a for a, b in zip(tops, tops[1:]))
    if not counted:
        sys.exit(f"card_text_height: no card with text in {path}")
    pitch = f"{statistics.median(pitches):g}" if pitches else "-"  # "-": every card is one line
    print(f"cards {counted} pitch {pitch} ink {statistics.median(inks):g}")


if __name__ == "__main__":
    main()
