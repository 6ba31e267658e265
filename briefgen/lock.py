"""One run per output folder: an advisory lock file held for the whole build."""
from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from briefgen.errors import EXIT_LOCKED, BriefgenError

LOCK_NAME = ".briefgen.lock"


class OutputLock:
    """Hold `flock` on `<folder>/.briefgen.lock`; the kernel drops it when the process dies, so no stale locks."""

    def __init__(self, folder: str | Path, *, wait: bool = False, timeout: float | None = None):
        self.path = Path(folder) / LOCK_NAME
        self.wait = wait
        self.timeout = timeout
        self.fd: int | None = None

    def acquire(self) -> "OutputLock":
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            why = "a file is in the way" if isinstance(e, (FileExistsError, NotADirectoryError)) else e.strerror
            raise BriefgenError(
                f"{self.path.parent}: cannot use as the output folder ({why}); choose another with --out or output.dir"
            ) from None
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not self.wait or (deadline is not None and time.monotonic() >= deadline):
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise BriefgenError(
                        f"another run{holder} is writing to {self.path.parent}; wait for it or pass --wait",
                        exit_code=EXIT_LOCKED,
                    ) from None
                time.sleep(0.2)  # polling keeps --wait interruptible and lets a timeout apply
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
