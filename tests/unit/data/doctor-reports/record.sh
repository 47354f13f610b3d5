#!/usr/bin/env bash
# Record the `assist doctor --live --headless --json` reports scripts/drift_watch.py is tested
# against, each from the replica in a state the real site could be in:
#   bash tests/unit/data/doctor-reports/record.sh [.venv/bin/python]
set -euo pipefail
cd "$(dirname "$0")/../../../.."
PY=${1:-.venv/bin/python}
out=tests/unit/data/doctor-reports
work=$(mktemp -d)
trap 'kill "$site" 2>/dev/null; rm -rf "$work"' EXIT

record() {  # name, doctor's extra arguments, then the replica's --set pairs
  local name=$1 extra=$2; shift 2
  local sets=()
  for pair in "$@"; do sets+=(--set "$pair"); done
  "$PY" -m tests.mock_site "${sets[@]}" > "$work/url" &
  site=$!
  until grep -q MOCK_SITE_URL "$work/url" 2>/dev/null; do sleep 0.1; done
  local url; url=$(sed -n 's/^MOCK_SITE_URL=//p' "$work/url")
  # shellcheck disable=SC2086
  ASSIST_DATA_DIR="$work/data" PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
    "$PY" -m meta_optout_assist doctor --live --headless --json --page-timeout 5 --base-url "$url" $extra \
    | sed "s#$url#https://www.facebook.com#g; s#$work#/tmp/assist#g; s#$PWD#/repo#g" > "$out/$name.json" || true
  kill "$site"; wait "$site" 2>/dev/null || true
  rm -f "$work/url"
  echo "$out/$name.json"
}

# As the watch sees the real site: the objection forms behind the login wall, the rest shown (the
# replica does not serve the 2023 id of the third-party form, a fallback: reported gone).
record all-fine "" cookie_banner=classic
# Meta retired one of the Facebook objection addresses (the other still works).
record one-address-gone "--platform facebook" dead_form_ids=712876720715583
# The form's markup changed: the page is not recognised at all.
record form-not-understood "--platform facebook" require_login=false field_set=unknown
# The third-party form shows, but without the fields the selectors know (2025 form, no country).
record fields-missing "--platform facebook" require_login=false field_set=2025
# The browser does not start.
record browser-fails "--platform facebook --browser /bin/false"
# Nothing answers (the network is down): every address unreachable.
closed=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
record unreachable "--platform instagram --base-url http://127.0.0.1:$closed"
