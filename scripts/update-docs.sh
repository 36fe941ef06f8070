#!/usr/bin/env bash
# Regenerates the parts of docs/ that come from the parameter and output tables.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/rainforest
[ -x "$bin" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
"$bin" describe --markdown > docs/parameters.md
tables=$("$bin" describe --outputs-markdown)
/usr/bin/env python3 - "$tables" <<'PY'
import re, sys
path = "docs/OUTPUT.md"
text = open(path).read()
begin, end = "<!-- BEGIN GENERATED TABLES -->\n", "<!-- END GENERATED TABLES -->"
i, j = text.index(begin) + len(begin), text.index(end)
open(path, "w").write(text[:i] + sys.argv[1] + "\n" + text[j:])
PY
echo "updated docs/parameters.md and docs/OUTPUT.md"
