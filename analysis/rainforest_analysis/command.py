"""The command-line frame shared by `python3 -m rainforest_analysis.report` and `.export`: usage,
errors with what to do, and the exit statuses the rainforest binary documents (2 usage, 4 file)."""
import sys


def run(program, argv, action, summary):
    """Runs `action(FILE.h5, OUT_DIR)` for argv = [program, FILE.h5, OUT_DIR]; on success prints
    `summary(out_dir, result)` (a list of lines) and returns 0. Returns 2 on a wrong argument count
    and 4 when the file cannot be read (OSError, ValueError or KeyError from the reader)."""
    if len(argv) != 3:
        print(f"usage: python3 -m rainforest_analysis.{program} FILE.h5 OUT_DIR", file=sys.stderr)
        return 2
    try:
        result = action(argv[1], argv[2])
    except (OSError, ValueError, KeyError) as e:
        print(f"rainforest {program}: error: {e}\n  what to do: pass a complete file written by rainforest.",
              file=sys.stderr)
        return 4
    for line in summary(argv[2], result):
        print(line)
    return 0
