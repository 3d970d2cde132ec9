"""Circuit breaker: stop asking a dead service so each article doesn't wait out its timeout."""

from __future__ import annotations

import time
from collections.abc import Callable


class CircuitBreaker:
    def __init__(self, threshold: int = 3, cooldown: float = 60.0,
                 clock: Callable[[], float] = time.monotonic):
        self.threshold = threshold
        self.cooldown = cooldown
        self.clock = clock
        self.failures = 0  # in a row
        self._open_until = 0.0

    def allows(self) -> bool:
        # After the pause one call goes through; if it fails too the count is still past
        # the threshold and the breaker reopens at once.
        return self.clock() >= self._open_until

    @property
    def remaining(self) -> float:
        """Seconds left in the current pause, 0 when calls are allowed."""
        return max(0.0, self._open_until - self.clock())

    def success(self) -> None:
        self.failures = 0
        self._open_until = 0.0

    def failure(self, pause: float | None = None) -> None:
        """Count a failure; `pause` is a wait the service asked for (HTTP 429 Retry-After)."""
        self.failures += 1
        wait = self.cooldown if self.failures >= self.threshold else 0.0
        wait = max(wait, pause or 0.0)
        if wait:
            self._open_until = max(self._open_until, self.clock() + wait)
