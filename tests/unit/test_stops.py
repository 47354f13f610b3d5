"""flow/stops.py without a browser: which signals a run catches on each OS (Windows has no SIGHUP),
what each one's exit code is, and the Send click that a signal waits for."""

from __future__ import annotations

import signal
import sys

import pytest

from meta_optout_assist.errors import ExitCode, Interrupted, Stopped
from meta_optout_assist.flow import stops


def test_each_stop_has_its_exit_code_and_words():
    assert (Stopped(2).exit_code, Stopped(15).exit_code, Stopped(1).exit_code) == (130, 143, 129)
    assert Interrupted(15).exit_code is ExitCode.TERMINATED and "SIGTERM" in Interrupted(15).message
    assert Interrupted(1).exit_code is ExitCode.HUNG_UP and "terminal was closed" in Interrupted(1).message
    assert Interrupted().message == "interrupted (Ctrl-C)" and Interrupted().exit_code is ExitCode.ABORTED


def test_the_handlers_are_set_for_the_run_and_given_back():
    before = {s: signal.getsignal(s) for s in stops._catchable()}
    with stops.stop_signals() as caught:
        for s in before:
            assert signal.getsignal(s) == caught.handle
    assert {s: signal.getsignal(s) for s in before} == before


def test_windows_has_no_sighup(monkeypatch):
    monkeypatch.delattr(signal, "SIGHUP", raising=False)
    assert set(stops._catchable()) == {signal.SIGINT, signal.SIGTERM}
    with stops.stop_signals() as caught:
        assert signal.getsignal(signal.SIGTERM) == caught.handle


def test_a_signal_during_the_send_click_waits_for_it(monkeypatch):
    monkeypatch.setattr(stops, "_quiet_the_driver", lambda: None)  # this process's logging stays as it is
    caught = stops.Stops()
    caught.begin_deferral()
    caught.handle(signal.SIGTERM, None)  # held back: the click goes on
    assert caught() == signal.SIGTERM
    with pytest.raises(Stopped) as raised:
        caught.end_deferral()  # the record says `submitted` by now: the stop comes through
    assert raised.value.signum == signal.SIGTERM and raised.value.exit_code == 143
    caught.begin_deferral()
    caught.end_deferral()  # nothing held back any more
    with pytest.raises(Stopped):
        caught.handle(signal.SIGHUP, None)  # outside the click: at once, as the first signal's
    assert caught() == signal.SIGTERM


def test_the_command_exits_with_the_signals_code(monkeypatch, capsys):
    import meta_optout_assist.cli as cli

    def stopped(*_a, **_k):
        raise Stopped(signal.SIGTERM)

    monkeypatch.setattr(cli, "_register", lambda: None)
    monkeypatch.setattr(cli, "app", stopped)
    with pytest.raises(SystemExit) as done:
        cli.main(["fill"])
    assert done.value.code == 143 and "Aborted." in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
def test_a_stop_that_lands_where_python_cannot_raise_is_raised_again(capsys):
    """A signal handled inside a weak reference's callback (Python ignores what such a callback
    raises, and prints a traceback): the stop is neither lost nor printed, it comes again outside."""
    import os
    import weakref

    from meta_optout_assist.flow.stops import stop_signals

    class Thing:
        pass

    with stop_signals(), pytest.raises(Stopped) as stopped:
        thing = Thing()
        keep = weakref.ref(thing, lambda _ref: os.kill(os.getpid(), signal.SIGTERM))
        del thing
        for _ in range(10**8):  # the stop comes back at once, while this runs (bounded: never a hang)
            pass
    assert stopped.value.signum == signal.SIGTERM and keep() is None
    assert "Traceback" not in capsys.readouterr().err
