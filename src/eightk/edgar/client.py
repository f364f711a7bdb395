"""An HTTP client for EDGAR that behaves the way SEC asks.

- a declared identity (``User-Agent: Name email``) on every request, required;
- at most ``rate`` requests in any one second, across every thread using the client,
  enforced at the moment each request is sent (a sliding window of send times);
- 429 / 503: wait ``Retry-After`` when given, else exponential backoff with jitter;
- 403 and SEC's "undeclared automated tool" page: stop (:class:`BlockedError`), since
  retrying only lengthens a block;
- timeouts, resets and truncated bodies: retry, then give up with :class:`FetchError`.

The httpx transport is injectable, so a mirror or a test server can stand in for SEC.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from ..errors import BlockedError, FetchError, NotOnEdgarError

DEFAULT_EDGAR_URL = "https://www.sec.gov/Archives/"
MAX_RATE = 10.0  # SEC's fair-access limit: 10 requests per second
_UNDECLARED = ("undeclared automated tool", "request rate threshold exceeded")


class RateLimiter:
    """At most ``rate`` sends in any window of one second (thread-safe), with a margin.

    ``acquire`` blocks until a send is allowed and records its time; with ``rate`` 10 the
    11th send waits until 1 s + ``margin`` has passed since the 1st.  The margin (default
    0.25 s) absorbs the jitter between sending and arriving (threads, the network, a busy
    server: 0.1 s was once not enough on a loaded 2-core machine), so that
    no second ever sees more than ``rate`` requests at the receiving end either."""

    def __init__(
        self, rate: float = MAX_RATE, clock: Callable[[], float] = time.monotonic, margin: float = 0.25
    ) -> None:
        if not 0 < rate <= MAX_RATE:
            raise ValueError(f"rate must be in (0, {MAX_RATE:g}] requests per second, got {rate}")
        self.rate = rate
        self._clock = clock
        self._lock = threading.Lock()
        self._sent: deque[float] = deque()
        self._n, window = _as_window(rate)
        self._window = window + margin

    def acquire(self) -> None:
        with self._lock:
            while True:
                now = self._clock()
                while self._sent and now - self._sent[0] >= self._window:
                    self._sent.popleft()
                if len(self._sent) < self._n:
                    self._sent.append(now)
                    return
                # sleeping under the lock keeps the order of waiters and the count exact
                time.sleep(self._window - (now - self._sent[0]))


def _as_window(rate: float) -> tuple[int, float]:
    """(sends, window seconds): whole rates as sends per second (2.5 is held at 2 a second,
    never more in any second); rates below one as one send per 1/rate seconds."""
    if rate >= 1:
        return int(rate), 1.0
    return 1, 1.0 / rate


class _Paced(httpx.BaseTransport):
    """A transport that waits for the rate limiter before each request it sends, and sends
    nothing more once SEC has refused one (``blocked``)."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        limiter: RateLimiter,
        sent: Callable[[], None],
        blocked: Callable[[], str | None],
    ) -> None:
        self.inner = inner
        self.limiter = limiter
        self.sent = sent
        self.blocked = blocked

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.limiter.acquire()
        if why := self.blocked():
            raise BlockedError(why)
        self.sent()
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


@dataclass(frozen=True, slots=True)
class Response:
    url: str
    status: int
    content: bytes


class EdgarClient:
    """GET files from EDGAR (or a mirror), politely.  One client may serve many threads."""

    def __init__(
        self,
        user_agent: str | None,
        *,
        base_url: str = DEFAULT_EDGAR_URL,
        rate: float = MAX_RATE,
        retries: int = 5,
        timeout: float = 30.0,
        backoff: float = 1.0,
        max_wait: float = 120.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        ua = (user_agent or "").strip()
        if not ua or "@" not in ua:
            raise BlockedError(
                'SEC requires a declared identity: pass --user-agent "Your Name your.email@example.com" '
                "(or set EIGHTK_USER_AGENT); requests without one are blocked as an undeclared automated tool"
            )
        self.user_agent = ua
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.limiter = RateLimiter(rate)
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self._count_lock = threading.Lock()
        self._count = [0]
        self.blocked: str | None = None  # set by the first refusal: every thread stops sending
        self._http = httpx.Client(
            headers={"User-Agent": ua, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout),
            # the limiter sits in the transport: every request that goes to a socket, redirects
            # included, takes its turn there, as late as possible before it is sent
            transport=_Paced(transport or httpx.HTTPTransport(), self.limiter, self._sent, lambda: self.blocked),
            follow_redirects=True,
        )

    @property
    def requests(self) -> int:
        """Requests sent so far (each redirect hop and retry counts)."""
        return self._count[0]

    def _sent(self) -> None:
        with self._count_lock:
            self._count[0] += 1

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> EdgarClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return self.base_url + path.lstrip("/")

    def get(self, path: str, *, check: Callable[[bytes], str | None] | None = None) -> Response:
        """GET ``path`` (relative to the base URL, or absolute).

        ``check`` looks at a complete body and names what is wrong with it (a truncated
        submission), or returns None; a named fault is retried like a dropped connection.
        Raises NotFoundError (404), BlockedError (403, undeclared-tool page) or FetchError
        (retries used up)."""
        url = self.url(path)
        last = "no attempt"
        last_retry_after: float | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self._delay(attempt, last_retry_after))
            last_retry_after = None
            try:
                r = self._http.get(url)
                body = r.content
            except httpx.TimeoutException:
                last = "timed out"
                continue
            except (httpx.TransportError, httpx.DecodingError) as exc:  # resets, truncated bodies
                last = f"connection failed ({type(exc).__name__}: {exc})"
                continue
            if r.status_code == 403 or (r.status_code == 200 and _undeclared(body)):
                self.blocked = (
                    f"{url}: SEC refused the request ({r.status_code}"
                    f"{', undeclared automated tool' if _undeclared(body) else ''}); stopping: retrying "
                    "lengthens a block. Check the User-Agent names you and an email, and lower --rate."
                )
                raise BlockedError(self.blocked)
            if r.status_code == 404:
                raise NotOnEdgarError(f"{url}: not found (404)")
            if r.status_code in (429, 503) or r.status_code >= 500:
                last = f"HTTP {r.status_code}"
                last_retry_after = _retry_after(r.headers.get("Retry-After"))
                if last_retry_after is not None and last_retry_after > self.max_wait:
                    raise FetchError(f"{url}: HTTP {r.status_code}, asked to wait {last_retry_after:.0f} s")
                continue
            if r.status_code != 200:
                raise FetchError(f"{url}: HTTP {r.status_code}")
            fault = check(body) if check else None
            if fault:
                last = fault
                continue
            return Response(url, r.status_code, body)
        raise FetchError(f"{url}: {last}, after {self.retries + 1} attempts")

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        base = self.backoff * 2 ** (attempt - 1)
        return min(self.max_wait, base * (0.5 + random.random()))  # full jitter around the base


def _undeclared(body: bytes) -> bool:
    head = body[:4000].lower()
    return any(s.encode() in head for s in _UNDECLARED)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
