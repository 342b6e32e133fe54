"""Pairs Moodify's measurements with the Python original's by name and prints ratios."""
import json
import sys


def read(path):
    rows = {}
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line.startswith("{"):
                    m = json.loads(line)
                    rows[m["name"]] = m
    except FileNotFoundError:
        pass
    return rows


swift, python = read(sys.argv[1]), read(sys.argv[2])
print(f"\n{'measurement':44} {'Moodify':>12} {'original':>12} {'ratio':>8}  unit")
for name, m in swift.items():
    p = python.get(name)
    ratio = f"{p['value'] / m['value']:.1f}x" if p and m["value"] > 0 else "-"
    orig = f"{p['value']:.4g}" if p else "-"
    print(f"{name:44} {m['value']:12.4g} {orig:>12} {ratio:>8}  {m['unit']}  {m.get('note', '')}")
