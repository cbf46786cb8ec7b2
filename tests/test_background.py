"""Work handed to a second process (the exports, while MkDocs renders pages): done once ``wait``
returns, its failure reported with the worker's traceback, and run in the process where forking is
not safe."""

from __future__ import annotations

import os
import threading

import pytest

from briefing.speed.background import BackgroundJob, Gate, JobFailed


def test_a_job_runs_in_a_second_process_and_is_done_when_wait_returns(tmp_path):
    target = tmp_path / "pid.txt"
    alone = threading.active_count() == 1  # as in `mkdocs build`; a fixture may have started a server thread
    job = BackgroundJob("writing", lambda: target.write_text(str(os.getpid()), "utf-8"))
    assert job.forked == alone
    job.wait()
    assert (int(target.read_text("utf-8")) != os.getpid()) == alone


def test_a_failed_job_raises_with_the_workers_traceback():
    def fail() -> None:
        raise ValueError("calendrier illisible")

    job = BackgroundJob("the exports", fail)
    with pytest.raises(JobFailed, match=r"(?s)the exports failed.*ValueError: calendrier illisible"):
        job.wait()


def test_with_other_threads_the_job_runs_at_once_in_the_process(tmp_path):
    ran = []
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        job = BackgroundJob("inline", lambda: ran.append(threading.get_ident()))
    finally:
        stop.set()
        helper.join()
    assert not job.forked and ran == [threading.get_ident()]
    job.wait()


def test_a_cancelled_job_is_stopped(tmp_path):
    import time

    if threading.active_count() > 1:
        pytest.skip("a fixture's server thread is running: the job would not be forked")
    job = BackgroundJob("slow", lambda: time.sleep(30))
    started = time.monotonic()
    job.cancel()
    job.wait()
    assert time.monotonic() - started < 5


def test_wait_returns_what_the_work_returned():
    job = BackgroundJob("counting", lambda: {"pages": [1, 2, 3], "pid": os.getpid()})
    result = job.wait()
    assert result["pages"] == [1, 2, 3]
    assert (result["pid"] != os.getpid()) == job.forked


def test_a_result_that_cannot_be_sent_back_fails_the_job():
    if threading.active_count() > 1:
        pytest.skip("a fixture's server thread is running: the job would not be forked")
    job = BackgroundJob("unpicklable", lambda: (lambda: None))
    with pytest.raises(JobFailed, match=r"(?s)unpicklable failed.*(pickle|Pickl)"):
        job.wait()


def test_only_the_process_that_started_a_job_waits_for_it(tmp_path):
    """A process forked later (the pages' worker) inherits the job object: waiting there returns at
    once instead of waiting for a process that is not its child."""
    if threading.active_count() > 1:
        pytest.skip("a fixture's server thread is running: the job would not be forked")
    job = BackgroundJob("slow", lambda: __import__("time").sleep(1) or "done")
    inner = BackgroundJob("inherits the slow job", lambda: (job.wait(), job.cancel(), "left alone")[2])
    assert inner.wait() == "left alone"
    assert job.wait() == "done"


def _forks() -> bool:
    return threading.active_count() == 1


def test_the_first_steps_result_comes_back_while_the_work_goes_on(tmp_path):
    """``first_result`` returns once the first step is done, before the work has ended: the work here
    waits for a file only the parent writes after it has the first result."""
    if not _forks():
        pytest.skip("a fixture's server thread is running: the job would not be forked")
    go = tmp_path / "go"

    def work() -> str:
        import time

        while not go.exists():
            time.sleep(0.01)
        return "work done"

    job = BackgroundJob("in two steps", work, first=lambda: ["trouvé", os.getpid()])
    found, pid = job.first_result()
    assert found == "trouvé" and pid != os.getpid()
    go.write_text("", "utf-8")
    assert job.wait() == "work done"


def test_in_the_process_the_first_step_runs_first():
    ran = []
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        job = BackgroundJob("inline", lambda: ran.append("work") or "work", first=lambda: ran.append("first") or 1)
    finally:
        stop.set()
        helper.join()
    assert not job.forked and ran == ["first", "work"]
    assert job.first_result() == 1 and job.wait() == "work"


def test_a_failed_first_step_raises_with_its_traceback_and_the_work_never_runs(tmp_path):
    if not _forks():
        pytest.skip("a fixture's server thread is running: the job would not be forked")
    marker = tmp_path / "ran"

    def fail() -> None:
        raise ValueError("vérification impossible")

    job = BackgroundJob("the checks", lambda: marker.write_text("x", "utf-8"), first=fail)
    with pytest.raises(JobFailed, match=r"(?s)the checks failed.*ValueError: vérification impossible"):
        job.first_result()
    with pytest.raises(JobFailed):
        job.wait()
    assert not marker.exists()


def test_a_gated_job_writes_only_once_the_gate_is_open(tmp_path):
    """The exports' process starts before MkDocs empties the site folder: it renders, then writes only
    once the parent opens the gate."""
    if not _forks():
        pytest.skip("a fixture's server thread is running: the job would not be forked")
    target, seen = tmp_path / "written.txt", tmp_path / "seen.txt"
    gate = Gate()

    def work() -> str:
        seen.write_text("rendered", "utf-8")
        if not gate.wait():
            return "stopped"
        target.write_text("après", "utf-8")
        return "written"

    job = BackgroundJob("gated", work)
    import time

    deadline = time.monotonic() + 10
    while not seen.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    assert seen.exists() and not target.exists()  # rendered, and waiting
    gate.open()
    assert job.wait() == "written" and target.read_text("utf-8") == "après"


def test_a_gate_closed_without_opening_stops_the_job(tmp_path):
    if not _forks():
        pytest.skip("a fixture's server thread is running: the job would not be forked")
    gate = Gate()
    job = BackgroundJob("gated", lambda: "went on" if gate.wait() else "stopped")
    gate.close()
    assert job.wait() == "stopped"

