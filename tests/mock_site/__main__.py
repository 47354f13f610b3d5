"""Serve the replica until SIGINT/SIGTERM: python -m tests.mock_site [--port N] [--set k=v ...].

Prints exactly one line, MOCK_SITE_URL=http://127.0.0.1:PORT, once it is listening. A test in
another process reads it, then controls the site with GET /__mock__/state and
POST /__mock__/configure (a JSON object of Variant fields).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from .server import MockSite
from .state import Variant


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.mock_site", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 = a free port (default)")
    parser.add_argument("--simulate-person", action="store_true",
                        help="the pages log in, type the emailed code or open the emailed link themselves")
    parser.add_argument("--person-delay-ms", type=int, default=None)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="any Variant field, e.g. --set locale=de --set widgets=custom")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    pairs: dict[str, str] = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            print(f"--set expects KEY=VALUE, got {item!r}", file=sys.stderr)
            return 2
        pairs[key.strip()] = value
    if args.simulate_person:
        pairs["simulate_person"] = "true"
    if args.person_delay_ms is not None:
        pairs["person_delay_ms"] = str(args.person_delay_ms)
    try:
        variant = Variant.from_strings(pairs)
    except (ValueError, TypeError) as exc:
        print(f"bad variant: {exc}", file=sys.stderr)
        return 2

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    site = MockSite(args.host, args.port, variant=variant).start()
    print(f"MOCK_SITE_URL={site.base_url}", flush=True)
    try:
        stop.wait()
    finally:
        site.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
