"""`make demo`: the main job, `assist fill --platform facebook`, against the bundled replica.

The replica plays the person (logs in, types the code it "emailed"), so the unmodified command runs
end to end. The browser is visible when a display exists, headless otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys

from checkout import ROOT  # first: puts the checkout on sys.path
from tests.mock_site import MockSite


def main() -> int:
    headed = bool(os.environ.get("DISPLAY")) or sys.platform in ("darwin", "win32")
    site = MockSite()
    site.start()
    site.configure(simulate_person=True, person_delay_ms=1500 if headed else 300)
    data_dir = ROOT / "demo-data"
    print(f"Replica of Meta's pages at {site.base_url} (it plays you: logs in, types the code).")
    print(f"Browser: {'visible' if headed else 'headless (no display found)'}; data in {data_dir}\n")
    command = [
        sys.executable, "-m", "meta_optout_assist", "fill", "--platform", "facebook",
        "--email", "demo.person@example.org", "--country", "DE",
        "--reason-template", "art21-particular-situation",
        "--base-url", site.base_url, "--data-dir", str(data_dir), "--yes",
        "--wait-timeout", "120",
    ]
    if not headed:
        command.append("--headless")
    print("$ assist " + " ".join(command[3:]) + "\n", flush=True)
    try:
        code = subprocess.call(command, cwd=ROOT)
    finally:
        site.stop()
    if code == 0:
        received = [s for s in site.submissions if s["status"] == "confirmed"]
        print(f"\nThe replica received {len(received)} confirmed objection(s): "
              f"{received[-1]['fields'] if received else '-'}")
        print("See it in the journal: assist status --data-dir demo-data")
    return code


if __name__ == "__main__":
    sys.exit(main())
