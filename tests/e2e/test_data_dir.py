"""A relative `--data-dir` names a folder once, from where the command ran: the receipt a run kept
is found later from any folder, by any name of the data folder (the reported bug: `assist receipt
ID --data-dir /abs/rel` from another folder said "The folder is missing", because the journal held
`rel/receipts/ID`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.values import EMAIL, REASON

ROOT = Path(__file__).resolve().parents[2]
RECEIPT_FILES = ("form-before-send.png", "confirmation.png", "confirmation.html", "sent.json",
                 "manifest.json")


def _assist(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "ASSIST_DATA_DIR"}
    env.update(PYTHONPATH=str(ROOT / "src"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "meta_optout_assist", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout)


@pytest.mark.slow
def test_receipt_of_a_run_with_a_relative_data_dir_is_found_from_elsewhere(site, tmp_path):
    site.configure(simulate_person=True, person_delay_ms=300)
    first, elsewhere = tmp_path / "first", tmp_path / "elsewhere"
    first.mkdir()
    elsewhere.mkdir()
    run = _assist("fill", "--platform", "facebook", "--email", EMAIL, "--country", "DE",
                  "--reason", REASON, "--base-url", site.base_url, "--headless", "--yes",
                  "--wait-timeout", "60", "--page-timeout", "15", "--data-dir", "rel", "--json",
                  cwd=first)
    assert run.returncode == 0, run.stdout + run.stderr
    data = first / "rel"
    [result] = json.loads(run.stdout)
    record_id = result["record_id"]
    assert result["receipt_dir"] == str(data / "receipts" / record_id)  # shown absolute

    # Kept relative to the data folder, not to where the run was started.
    events = [json.loads(line) for line in (data / "journal.jsonl").read_text().splitlines()]
    kept = {e["fields"]["receipt_dir"] for e in events if "receipt_dir" in e["fields"]}
    assert kept == {f"receipts/{record_id}"}

    shown = _assist("receipt", record_id, "--data-dir", str(data), cwd=elsewhere, timeout=30)
    assert shown.returncode == 0, shown.stderr
    assert "missing" not in shown.stdout
    assert str(data / "receipts" / record_id) in shown.stdout
    for name in RECEIPT_FILES:
        assert name in shown.stdout
    assert "checksum ok" in shown.stdout and "changed since saved" not in shown.stdout

    # The same folder by a relative name from its parent, and `status --json` for scripts.
    status = _assist("status", "--json", "--data-dir", "first/rel", cwd=tmp_path, timeout=30)
    assert status.returncode == 0, status.stderr
    [row] = json.loads(status.stdout)
    assert row["receipt_dir"] == str(data / "receipts" / record_id)
    assert Path(row["receipt_dir"]).is_dir()


def test_receipt_kept_the_old_way_is_found_from_elsewhere(tmp_path):
    """A journal an older version wrote from `--data-dir rel` (`rel/receipts/ID`), with its receipt
    made by the real code, read by `assist receipt ID --data-dir /abs/rel` from another folder."""
    from meta_optout_assist.store.journal import Journal, State
    from meta_optout_assist.store.receipts import Receipt

    data = tmp_path / "first" / "rel"
    journal = Journal(data)
    rec = journal.start(platform="instagram", country="DE", email=EMAIL)
    receipt = Receipt.create(data, rec.id)
    receipt.add_bytes("confirmation.png", b"\x89PNG\r\n\x1a\n")
    receipt.add_json("sent.json", {"email": EMAIL})
    receipt.write_manifest(record=rec, fields_sent={"email": EMAIL}, timestamps={})
    journal.update(rec.id, state=State.CONFIRMED)
    old = {"v": 1, "op": "update", "id": rec.id, "at": "2026-01-01T00:00:00Z",
           "fields": {"receipt_dir": f"rel/receipts/{rec.id}"}}
    with open(journal.path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(old) + "\n")

    shown = _assist("receipt", rec.id, "--data-dir", str(data), cwd=tmp_path, timeout=30)
    assert shown.returncode == 0, shown.stderr
    assert "missing" not in shown.stdout
    assert "confirmation.png" in shown.stdout and "checksum ok" in shown.stdout
