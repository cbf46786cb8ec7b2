"""Work handed to a second process (the exports, while MkDocs renders pages): done once ``wait``
returns, its failure reported with the worker's traceback, and run in the process where forking is
not safe."""

from __future__ import annotations

import os
import threading

import pytest

from briefing.speed.background import BackgroundJob, JobFailed


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
