"""The `geo` command line: the same library calls the dashboard makes (one module a command in
geo/commands/, their shared helpers in geo/commands/shared.py)."""

from __future__ import annotations

import argparse
import os
import sys

from geo.errors import GeoError, inert, one_line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="geo", description="Find and map the events an article reports and the places it mentions.")
    sub = parser.add_subparsers(dest="command", required=True)
    from geo.commands import register_all

    register_all(sub)
    args = parser.parse_args(argv)
    from geo.text.limits import legacy_note

    if note := legacy_note():
        print(f"geo: {note}", file=sys.stderr)
    try:
        code = args.run(args) or 0
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
        return code
    except GeoError as exc:
        print(f"geo: error: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("geo: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `geo articles | head`: the reader has all it wanted. Point stdout at /dev/null so
        # the interpreter's final flush does not complain, and end like a killed writer.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except MemoryError:
        print("geo: error: out of memory", file=sys.stderr)
        return 2
    except OSError as exc:  # an output file that cannot be written, a full disk
        where = f": {inert(exc.filename)}" if exc.filename else ""
        print(f"geo: error: {exc.strerror or type(exc).__name__}{where}", file=sys.stderr)
        return 2
    except Exception as exc:
        if os.environ.get("GEO_DEBUG"):
            raise
        # A bug, not bad input: its text may quote an article, so the type only.
        print(f"geo: error: unexpected {type(exc).__name__} (GEO_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
