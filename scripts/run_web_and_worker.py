"""`make run`: the development web server and a job worker (background extraction) side by side.

They live and stop together: Ctrl-C stops both (the worker first finishes the job it is running;
Ctrl-C again stops it at once), and when either ends on its own the other is stopped too, so no
worker is ever left behind in the background. Usage: run_web_and_worker.py HOST:PORT
"""

import os
import signal
import subprocess
import sys
import time

# How long a stopping process may take (a worker finishing its job) before it is made to stop.
GRACE_SECONDS = 30
POLL_SECONDS = 0.5
# The worker yields the processor to the web server: a long extraction must not slow the pages.
WORKER_NICENESS = 15


class Terminated(Exception):
    """SIGTERM to this script (a process manager stopping `make run`): the children have not been told."""


def main(address: str) -> int:
    manage = [sys.executable, "manage.py"]
    worker = subprocess.Popen(
        [*manage, "procrastinate", "worker"], preexec_fn=lambda: os.nice(WORKER_NICENESS)
    )
    web = subprocess.Popen([*manage, "runserver", address])
    signal.signal(signal.SIGTERM, terminated)
    try:
        while worker.poll() is None and web.poll() is None:
            time.sleep(POLL_SECONDS)
        ended = worker if worker.poll() is not None else web
        print(f"{' '.join(ended.args[2:])} ended (exit code {ended.returncode}); stopping the rest.")
        stop([worker, web], signalled=False)
        return ended.returncode or 0
    except KeyboardInterrupt:  # Ctrl-C: the terminal sent SIGINT to the children as well
        stop([worker, web], signalled=True)
    except Terminated:
        stop([worker, web], signalled=False)
    return 0


def terminated(signum, frame):
    raise Terminated


def stop(children: list[subprocess.Popen], *, signalled: bool) -> None:
    """Stop every child still running: SIGTERM unless the terminal's SIGINT has already asked, then
    GRACE_SECONDS to finish (the worker its running job), then SIGKILL. Ctrl-C meanwhile: SIGKILL now."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # already stopping
    running = [child for child in children if child.poll() is None]
    if not signalled:
        for child in running:
            child.terminate()
    deadline = time.monotonic() + GRACE_SECONDS
    try:
        for child in running:
            child.wait(timeout=max(0, deadline - time.monotonic()))
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        for child in running:
            child.kill()
            child.wait()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
