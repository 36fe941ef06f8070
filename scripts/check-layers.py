#!/usr/bin/python3
"""Fails if a source file includes a header of a higher layer (docs/ARCHITECTURE.md).

The layers, lowest first: sim/base, models, sim/config, sim/engine, sim/io, sim/studies,
sim/cli. A file may include its own layer and the layers below it. An include of a project
path that belongs to no layer (for example a header left in the flat sim/ folder) is an error
too, so a new file cannot slip past the check.

Usage: scripts/check-layers.py [ROOT]   (ROOT defaults to the repository)
Exit status 0 when every include goes down or sideways, 1 otherwise (one line per violation).
"""
import pathlib
import re
import sys

LAYERS = ["sim/base", "models", "sim/config", "sim/engine", "sim/io", "sim/studies", "sim/cli"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(path: str):
    """Index of the layer a repository path belongs to, or None."""
    for rank, prefix in enumerate(LAYERS):
        if path.startswith(prefix + "/"):
            return rank
    return None


def violations(root: pathlib.Path):
    found = []
    for rank, prefix in enumerate(LAYERS):
        folder = root / prefix
        if not folder.is_dir():
            continue
        for source in sorted(folder.rglob("*")):
            if source.suffix not in (".cpp", ".hpp", ".def", ".in"):
                continue
            rel = source.relative_to(root).as_posix()
            for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1)
                if not (target.startswith("sim/") or target.startswith("models/")):
                    continue  # generated or third-party headers
                target_rank = layer_of(target)
                if target_rank is None:
                    found.append(f"{rel}:{number}: includes {target}, which is in no layer "
                                 f"(put it in one of {', '.join(LAYERS)})")
                elif target_rank > rank:
                    found.append(f"{rel}:{number}: upward include: {LAYERS[rank]} may not include "
                                 f"{target} ({LAYERS[target_rank]} is a higher layer)")
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    found = violations(root)
    for v in found:
        print(v)
    if found:
        print(f"layering: {len(found)} include(s) break the layer order {' < '.join(LAYERS)}; "
              "move the code to the lower layer or pass plain data down instead.")
        return 1
    print("layering: every include goes to the same or a lower layer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
