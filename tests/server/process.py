"""`pql serve` as a real process: started, waited for, stopped with a signal or killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from pqlkit.store import server_lock


def pql(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a `pql` command to its end."""
    return subprocess.run(
        [sys.executable, "-m", "pqlkit", *args], capture_output=True, text=True, timeout=timeout
    )


class ServeProcess:
    def __init__(self, db: Path, *options: str) -> None:
        self.db = db
        self.stderr_path = db.with_name(f"{db.name}.serve-{time.monotonic_ns()}.stderr")
        with self.stderr_path.open("wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pqlkit", "serve", "--db", str(db), *options],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        self.url = ""

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text()

    def wait_ready(self, timeout: float = 60) -> ServeProcess:
        """Until the lock file names this process and /healthz answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"pql serve exited with {self.process.returncode}: {self.stderr}"
                )
            info = server_lock.read(self.db)
            if info is not None and info.pid == self.process.pid:
                try:
                    if httpx.get(f"{info.url}/healthz", timeout=2).status_code == 200:
                        self.url = info.url
                        return self
                except httpx.HTTPError:
                    pass
            time.sleep(0.05)
        raise AssertionError(f"pql serve did not start in {timeout} s: {self.stderr}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        self.process.send_signal(sig)
        return self.process.wait(timeout)

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(30)

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.kill()
