"""Judge an `assist doctor --live --json` report taken on Meta's real pages: did a page the tool
knows change? Reads the report from a file or stdin, prints what drifted, and exits

  0  nothing drifted (a login wall in front of a form is normal: the watch never logs in)
  1  drift: an address not understood or showing an unexpected page, a form's fields not found,
     a form's first address gone (or every route to it), the Privacy Centre's link to a form
     missing. A later (fallback) address gone while the form is reached is a note: the tool
     skips it
  2  nothing could be judged: no report, the browser did not start, or no address could be
     opened (the network, or Meta erroring): the watch itself needs looking at

Run weekly by .github/workflows/drift-watch.yml:

    assist doctor --live --headless --json > doctor.json
    python scripts/drift_watch.py doctor.json [--markdown "$GITHUB_STEP_SUMMARY"]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

DRIFT, NO_DRIFT, CANNOT_JUDGE = 1, 0, 2

# Outcomes of a live address report (doctor/checks.py, AddressReport.outcome).
NORMAL = {"form", "login needed", "gate question", "link found"}
CHANGED = {"not understood", "unexpected page", "no link"}
NOT_REACHED = {"unreachable", "error page", "error"}  # the network or Meta, not a changed page


@dataclass
class Verdict:
    drifted: list[str] = field(default_factory=list)  # what changed, one line per address
    unreached: list[str] = field(default_factory=list)  # addresses that could not be looked at
    notes: list[str] = field(default_factory=list)  # worth knowing, not failing
    problem: str = ""  # why nothing could be judged
    looked_at: int = 0

    @property
    def code(self) -> int:
        if self.drifted:
            return DRIFT
        if self.problem or (self.unreached and len(self.unreached) == self.looked_at):
            return CANNOT_JUDGE
        return NO_DRIFT


def _where(report: dict) -> str:
    landed = f" → {report['landed_on']}" if report.get("landed_on") else ""
    return f"{report.get('platform')} {report.get('form')} ({report.get('kind')}) {report.get('address')}{landed}"


def judge(doctor: dict) -> Verdict:
    """What drifted, from the parsed `assist doctor --live --json` output."""
    verdict = Verdict()
    checks = {c.get("check"): c for c in doctor.get("checks", []) if isinstance(c, dict)}
    for name in ("Browser", "Live check"):
        check = checks.get(name)
        if check and check.get("status") == "fail":
            verdict.problem = f"{name}: {check.get('detail')}" + (f" ({check['todo']})" if check.get("todo") else "")
            return verdict
    for name, check in checks.items():
        if str(name).startswith("Selectors") and check.get("status") != "ok":
            verdict.notes.append(f"{name}: {check.get('detail')}")
    live = doctor.get("live")
    if not isinstance(live, list) or not live:
        verdict.problem = "the report has no live results (was it made with `assist doctor --live --json`?)"
        return verdict
    verdict.looked_at = len(live)
    first_addresses = {}  # (platform, form) -> the form's first address, the one `assist fill` opens
    for report in live:
        if report.get("kind") == "form":
            first_addresses.setdefault((report.get("platform"), report.get("form")), report.get("address"))
    for report in live:
        where = _where(report)
        outcome, status = report.get("outcome", ""), report.get("status", "")
        detail = report.get("detail", "")
        fields = report.get("fields") or {}
        missing = sorted(k for k, f in fields.items() if not f.get("found"))
        later = sorted(f"{k} ({f.get('way')}. way: {f.get('how')})" for k, f in fields.items()
                       if f.get("found") and (f.get("way") or 1) > 1)
        first = first_addresses.get((report.get("platform"), report.get("form"))) == report.get("address")
        if outcome in NOT_REACHED:
            verdict.unreached.append(f"{where}: {outcome}: {detail}")
        elif outcome == "gone":
            if status == "fail" or (first and report.get("kind") == "form"):
                verdict.drifted.append(f"{where}: gone: {detail}")
            else:
                verdict.notes.append(f"{where}: a fallback address is gone ({detail}); the form is reached "
                                     "by another: drop it from selectors/ when convenient")
        elif outcome in CHANGED or outcome not in NORMAL:
            verdict.drifted.append(f"{where}: {outcome or 'no outcome'}: {detail}")
        elif missing:
            verdict.drifted.append(f"{where}: fields not found: {', '.join(missing)}")
        elif status == "fail":
            verdict.drifted.append(f"{where}: {outcome}: {detail}")
        elif status == "warn" and outcome == "link found":
            verdict.notes.append(f"{where}: {detail}")
        if later:
            verdict.notes.append(f"{where}: found only by a later strategy (the first one no longer "
                                 f"matches): {'; '.join(later)}")
    return verdict


def render(verdict: Verdict) -> str:
    """A plain-text summary for the job's log."""
    heading = {
        DRIFT: f"DRIFT: {len(verdict.drifted)} of {verdict.looked_at} addresses no longer look as the tool knows them",
        NO_DRIFT: f"No drift: all {verdict.looked_at} addresses look as the tool knows them",
        CANNOT_JUDGE: "Could not judge: " + (verdict.problem or "no address could be opened"),
    }[verdict.code]
    lines = [heading]
    for title, items in (("Changed", verdict.drifted), ("Not reached (network or Meta erroring)", verdict.unreached),
                         ("Notes", verdict.notes)):
        if items:
            lines.append(f"\n{title}:")
            lines += [f"  - {item}" for item in items]
    if verdict.code == DRIFT:
        lines.append("\nUpdate selectors/ (and the replica in tests/mock_site) to match, then run "
                     "`assist doctor --live` again.")
    return "\n".join(lines) + "\n"


def read_report(text: str) -> dict | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", nargs="?", help="the JSON file (default: stdin)")
    parser.add_argument("--markdown", metavar="FILE", help="also append the summary to FILE (a job summary)")
    args = parser.parse_args(argv)
    try:
        text = Path(args.report).read_text(encoding="utf-8") if args.report else sys.stdin.read()
    except OSError as err:
        print(f"Could not judge: cannot read {args.report}: {err.strerror}", file=sys.stderr)
        return CANNOT_JUDGE
    doctor = read_report(text)
    verdict = judge(doctor) if doctor is not None else Verdict(problem="the report is not a JSON object "
                                                                        "(did `assist doctor` crash?)")
    summary = render(verdict)
    print(summary, end="")
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as out:
            out.write("## Drift watch\n\n```\n" + summary + "```\n")
    return verdict.code


if __name__ == "__main__":
    sys.exit(main())
