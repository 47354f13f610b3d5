#!/usr/bin/env bash
# Are the lower bounds in pyproject.toml true? Installs every runtime dependency at its declared
# lowest version (constraints-lowest.txt) into a throwaway venv, checks the pins match
# pyproject.toml, and runs a fast part of the suite with them: the unit tests and end-to-end runs
# of `assist fill` on the replica. Test tools are not pinned (any version pip picks that fits).
#
#   scripts/check-lowest.sh                 # the default subset
#   scripts/check-lowest.sh tests/test_x.py # or the pytest arguments you give
#
# Env: PYTHON (default python3), KEEP_VENV=1 keeps the venv and prints where it is.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/assist-lowest.XXXXXX")
if [ "${KEEP_VENV:-}" = 1 ]; then echo "venv: $work/venv"; else trap 'rm -rf "$work"' EXIT; fi
started=$(date +%s)

"$PYTHON" -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install -q --disable-pip-version-check -c constraints-lowest.txt -e '.[test]'

# Every runtime dependency is pinned, at exactly the bound pyproject.toml declares, and installed.
"$py" - <<'PY'
import re, sys
from importlib.metadata import version
from packaging.requirements import Requirement
from packaging.version import Version

try:
    import tomllib
    specs = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
except ModuleNotFoundError:  # Python 3.10: the list is simple enough to read by hand
    block = re.search(r"^dependencies = \[(.*?)^\]", open("pyproject.toml").read(), re.S | re.M)[1]
    specs = re.findall(r'"([^"]+)"', block)
declared = {}
for spec in specs:
    req = Requirement(spec)
    lows = [s.version for s in req.specifier if s.operator == ">="]
    declared[req.name.lower()] = lows[0] if lows else None
pinned = {}
for line in open("constraints-lowest.txt", encoding="utf-8"):
    line = line.split("#")[0].strip()
    if line:
        name, _, ver = line.partition("==")
        pinned[name.strip().lower()] = ver.strip()
problems = [f"{n}: pyproject.toml says >={d}, constraints-lowest.txt pins {pinned.get(n)}"
            for n, d in declared.items() if d is None or n not in pinned or Version(pinned[n]) != Version(d)]
problems += [f"{n}: pinned but not a dependency" for n in pinned if n not in declared]
problems += [f"{n}: installed {version(n)}, pinned {v}" for n, v in pinned.items() if version(n) != v]
if problems:
    sys.exit("lower bounds out of step:\n  " + "\n  ".join(problems))
print("lowest versions installed:", ", ".join(f"{n}=={v}" for n, v in sorted(pinned.items())))
PY

if [ $# -eq 0 ]; then
  set -- tests/unit/test_fuzz.py tests/unit/test_bad_input.py tests/unit/test_journal.py tests/unit/test_profiles.py \
    tests/unit/test_countries.py tests/unit/test_reasons.py tests/unit/test_eligibility.py tests/pages/test_network.py \
    tests/e2e/test_fill.py::test_fill_facebook_end_to_end \
    tests/pages/test_pages.py::test_a_page_that_moves_on_while_it_is_looked_at_is_looked_at_again
fi
XVFB=""
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then XVFB="xvfb-run -a"; fi
$XVFB "$py" -m pytest -n 2 -q "$@"
echo "check-lowest: passed in $(( $(date +%s) - started ))s"
