"""A one-line progress display on a terminal; silent otherwise."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool, stream=None, every: float = 0.2):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.every = every
        self.stage, self.total, self.count, self._shown = "", 0, 0, 0.0

    def start(self, stage: str, total: int) -> None:
        self.stage, self.total, self.count = stage, total, 0
        self._show(force=True)

    def advance(self, n: int = 1) -> None:
        self.count += n
        self._show(force=self.count >= self.total)

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _show(self, force: bool = False) -> None:
        if not self.enabled or self.total < 50:
            return
        now = time.monotonic()
        if not force and now - self._shown < self.every:
            return
        self._shown = now
        self.stream.write(f"\r\033[K{self.stage}: {self.count}/{self.total}")
        self.stream.flush()
