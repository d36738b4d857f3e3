"""A small HTTP/1.1 server for one POST endpoint, on an asyncio protocol, in the running event loop.

Why not aiohttp: the IMSHOP webhook must answer a burst of ~1,000 requests within tens of
milliseconds on the app's single event loop, so each request may cost only a few tens of
microseconds, and aiohttp's per-request machinery alone costs more. This server does only what
the endpoint needs, strictly:

- keep-alive (HTTP/1.0: one request per connection); pipelined requests are answered in order;
- bodies framed by Content-Length or the chunked coding, at most ``max_body`` bytes (else 413);
  ``Expect: 100-continue`` is honoured;
- the request head is at most MAX_HEAD bytes (else 431); a malformed request line or header, a bare
  CR or LF, a space before a colon, a repeated or non-numeric Content-Length, or Content-Length
  with Transfer-Encoding is 400; another transfer coding 501, another expectation 417, another
  HTTP version 505. Then the connection closes, as the rest of the stream cannot be trusted
  (lingering briefly, so the client can read why). Another path is 404, another method 405;
  these keep the connection (but HEAD closes it: its 405 has a body);
- a request must arrive whole within REQUEST_TIMEOUT of its first byte (408), an idle connection
  closes after KEEPALIVE_TIMEOUT: a slow client costs a buffer, never the loop.

Every error is JSON ``{"error": code, "message": text}``. The endpoint's handler gets the headers
(lower-case names, raw bytes) and the body, and returns a Response, or an awaitable of one when it
must wait (the connection then reads nothing more until that answer is written).

Requests are answered in batches: those read in one turn of the event loop are answered together
early in the next turn, after one call of ``before_answers``. Work done there once (the IMSHOP
server's freshness check) happens after every request of the batch had arrived.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Awaitable, Callable, NamedTuple, TypeVar

MAX_HEAD = 8192
MAX_CHUNK_LINE = 256         # a chunk size with its extensions
REQUEST_TIMEOUT = 15.0       # seconds from a request's first byte to its last
KEEPALIVE_TIMEOUT = 75.0     # longer than reverse proxies keep idle upstream connections (nginx: 60)
LINGER = 2.0                 # after a closing error: let the client read it before the socket goes
READ_SIZE = 8192             # per connection; larger requests are read in several pieces
SWEEP_INTERVAL = 1.0

_TOKEN = b"!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_HEX = b"0123456789abcdefABCDEF"
_REASONS = {200: b"OK", 400: b"Bad Request", 401: b"Unauthorized", 404: b"Not Found",
            405: b"Method Not Allowed", 408: b"Request Timeout", 413: b"Content Too Large",
            417: b"Expectation Failed", 431: b"Request Header Fields Too Large",
            500: b"Internal Server Error", 501: b"Not Implemented", 503: b"Service Unavailable",
            505: b"HTTP Version Not Supported"}

T = TypeVar("T")
log = logging.getLogger(__name__)


def per_second(render: Callable[[int], T]) -> Callable[[], T]:
    """``render(now in whole seconds)``, computed once a second: clock text cheap enough per request."""
    last: list = [None, None]

    def now() -> T:
        second = int(time.time())
        if second != last[0]:
            last[0], last[1] = second, render(second)
        return last[1]
    return now


_http_date = per_second(lambda second: formatdate(second, usegmt=True).encode())


class HttpError(Exception):
    """A request answered with an error (``headers``: extra header lines, each ending in CRLF)."""

    def __init__(self, status: int, code: str, message: str, *, headers: bytes = b""):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


class Response(NamedTuple):
    status: int
    body: bytes                # JSON
    headers: bytes = b""       # extra header lines, each ending in CRLF


def error_response(exc: HttpError) -> Response:
    body = json.dumps({"error": exc.code, "message": exc.message}, ensure_ascii=False, separators=(",", ":"))
    return Response(exc.status, body.encode(), exc.headers)


Handler = Callable[[dict[bytes, bytes], bytes], "Response | Awaitable[Response]"]


def _bad(message: str) -> HttpError:
    return HttpError(400, "bad_request", message)


def parse_head(head: bytes) -> tuple[bytes, bytes, bytes, dict[bytes, bytes]]:
    """Method, target, version and headers (lower-case names; repeats joined by ", ") of a request
    head without its final blank line."""
    crlf = head.count(b"\r\n")
    if head.count(b"\n") != crlf or head.count(b"\r") != crlf or b"\0" in head:
        raise _bad("malformed request head")
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ")
    if len(parts) != 3 or not parts[0] or parts[0].translate(None, _TOKEN) or not parts[1]:
        raise _bad("malformed request line")
    method, target, version = parts
    if version != b"HTTP/1.1" and version != b"HTTP/1.0":
        if version.startswith(b"HTTP/"):
            raise HttpError(505, "http_version", "HTTP/1.1 only")
        raise _bad("malformed request line")
    headers: dict[bytes, bytes] = {}
    for line in lines[1:]:
        name, colon, value = line.partition(b":")
        if not colon or not name or name.translate(None, _TOKEN):  # also "Name :" and folded lines
            raise _bad("malformed header")
        name, value = name.lower(), value.strip(b" \t")
        if name in headers:
            if name == b"content-length" or name == b"transfer-encoding":
                raise _bad(f"repeated {name.decode()}")
            value = headers[name] + b", " + value
        headers[name] = value
    return method, target, version, headers


def target_path(target: bytes) -> bytes:
    """The path of an origin-form (``/a?b``) or absolute-form (``http://h/a``) request target."""
    if target[:1] != b"/":
        scheme, sep, rest = target.partition(b"://")
        if not sep or scheme.lower() not in (b"http", b"https"):
            return b""
        target = b"/" + rest.partition(b"/")[2]
    return target.partition(b"?")[0]


@dataclass(slots=True)
class _Request:
    """A request whose head was read; its body may still be arriving."""
    headers: dict[bytes, bytes]
    keep_alive: bool
    length: int | None          # the Content-Length; None: chunked
    error: HttpError | None     # wrong path or method: answered once the body has been read
    expects_continue: bool
    chunks: list[bytes] = field(default_factory=list)
    received: int = 0           # chunked: body (and trailer) bytes so far
    in_trailers: bool = False


class HttpServer:
    """Serves ``handler`` at ``path`` (POST only) until ``close()``.

    ``before_answers()`` (must not raise) runs once before each batch of requests is answered.
    ``on_reject(error)`` hears of every error this layer answers itself (framing, size, path,
    method, timeout); the handler's own errors are the handler's business.
    """

    def __init__(self, path: str, handler: Handler, *, max_body: int, before_answers: Callable[[], None],
                 on_reject: Callable[[HttpError], None]):
        self.path = path.encode()
        self.handler, self.max_body = handler, max_body
        self.before_answers, self.on_reject = before_answers, on_reject
        self.connections: set[_Connection] = set()
        self.loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._sweeper: asyncio.TimerHandle | None = None
        self._batch: list[tuple[_Connection, _Request, bytes]] = []
        self._closed = False

    async def start(self, host: str, port: int, *, backlog: int) -> tuple[str, int]:
        """Listen; returns the address bound. OSError when it cannot."""
        self.loop = asyncio.get_running_loop()
        self._server = await self.loop.create_server(lambda: _Connection(self), host, port, backlog=backlog)
        self._sweeper = self.loop.call_later(SWEEP_INTERVAL, self._sweep)
        return self._server.sockets[0].getsockname()[:2]

    async def close(self) -> None:
        """Stop listening and drop every connection (an answer being prepared is abandoned)."""
        self._closed = True
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None
        if self._server is not None:
            self._server.close()
            for conn in list(self.connections):
                conn.drop()
            await self._server.wait_closed()
            self._server = None
            await asyncio.sleep(0)  # let the transports report connection_lost

    def queue(self, conn: _Connection, request: _Request, body: bytes) -> None:
        if not self._batch:
            self.loop.call_soon(self._answer_batch)
        self._batch.append((conn, request, body))

    def _answer_batch(self) -> None:
        batch, self._batch = self._batch, []
        if self._closed:
            return
        self.before_answers()
        for conn, request, body in batch:
            try:
                conn.answer(request, body)
            except Exception:  # a bug must cost one answer, not the rest of the batch
                log.exception("HTTP request failed")
                conn.fail(HttpError(500, "internal_error", "the answer failed"))

    def _sweep(self) -> None:
        now = self.loop.time()
        for conn in [c for c in self.connections if c.deadline <= now]:
            conn.expire()
        self._sweeper = self.loop.call_later(SWEEP_INTERVAL, self._sweep)

    def read_head(self, head: bytes) -> _Request:
        """The request's framing, checked; raises HttpError."""
        method, target, version, headers = parse_head(head)
        encoding, length_text = headers.get(b"transfer-encoding"), headers.get(b"content-length")
        length: int | None = 0
        if encoding is not None:
            if length_text is not None or version == b"HTTP/1.0":
                raise _bad("Transfer-Encoding with Content-Length or in HTTP/1.0")
            if encoding.lower() != b"chunked":
                raise HttpError(501, "not_implemented", "only the chunked transfer coding is supported")
            length = None
        elif length_text is not None:
            if not length_text.isdigit() or len(length_text) > 15:
                raise _bad("bad Content-Length")
            length = int(length_text)
            if length > self.max_body:
                raise HttpError(413, "too_large", f"body over {self.max_body} bytes")
        connection = headers.get(b"connection")
        keep_alive = version == b"HTTP/1.1" and method != b"HEAD" and not (  # HEAD: a 405 with a body
            connection is not None and b"close" in [t.strip().lower() for t in connection.split(b",")])
        expect = headers.get(b"expect")
        if expect is not None and expect.lower() != b"100-continue":
            raise HttpError(417, "expectation_failed", "only Expect: 100-continue is supported")
        error = None
        if target_path(target) != self.path:
            error = HttpError(404, "not_found", "no such path")
        elif method != b"POST":
            error = HttpError(405, "method_not_allowed", "use POST", headers=b"Allow: POST\r\n")
        return _Request(headers, keep_alive, length, error, expect is not None)


class _Connection(asyncio.BufferedProtocol):
    """One client connection: reads requests, answers them one at a time, in order.

    A buffered protocol, so the socket is read into a small buffer of its own: asyncio's plain
    protocols receive into a fresh 256 KiB allocation per read, which can cost more than the
    whole answer (glibc maps and unmaps it each time).
    """

    __slots__ = ("server", "loop", "transport", "buffer", "scan", "request", "queued", "waiting", "write_paused",
                 "reading", "closing", "peer_closed", "deadline", "read_view")

    def __init__(self, server: HttpServer):
        self.server = server
        self.loop = server.loop
        self.transport: asyncio.Transport | None = None
        self.buffer: bytes | bytearray = b""   # received and not yet used
        self.scan = 0                           # where the head's end may begin in the buffer
        self.request: _Request | None = None    # head read, body still arriving
        self.queued = False                     # a request waits for its batch to be answered
        self.waiting: asyncio.Future | None = None  # an answer being prepared
        self.write_paused = False
        self.reading = True
        self.closing = False                    # answered for the last time: what comes is dropped
        self.peer_closed = False
        self.deadline = 0.0
        self.read_view = memoryview(bytearray(READ_SIZE))

    # -- asyncio.Protocol ---------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        self.server.connections.add(self)
        self.deadline = self.loop.time() + KEEPALIVE_TIMEOUT

    def connection_lost(self, exc: Exception | None) -> None:
        self.server.connections.discard(self)
        self.closing = True
        if self.waiting is not None:
            self.waiting.cancel()

    def get_buffer(self, sizehint: int) -> memoryview:
        return self.read_view

    def buffer_updated(self, nbytes: int) -> None:
        if self.closing:
            return
        data = self.read_view[:nbytes].tobytes()
        if self.buffer:
            if type(self.buffer) is bytes:
                self.buffer = bytearray(self.buffer)  # a request in pieces: append without copying it all
            self.buffer += data
        else:
            if self.request is None:
                self.deadline = self.loop.time() + REQUEST_TIMEOUT
            self.buffer = data
        self._process()

    def eof_received(self) -> bool:
        self.peer_closed = True
        return self.queued or self.waiting is not None  # keep the socket open to write that answer

    def pause_writing(self) -> None:
        self.write_paused = True
        self._update_reading()

    def resume_writing(self) -> None:
        self.write_paused = False
        self._update_reading()
        self._process()

    # -- requests -----------------------------------------------------------------------------------

    def _process(self) -> None:
        """Queue the next request for the batch once it is all here, unless one is being answered."""
        try:
            if self.queued or self.waiting is not None or self.write_paused or self.closing:
                return
            if self.request is None and not self._read_head():
                return
            body = self._read_body()
            if body is None:
                return
            request, self.request = self.request, None
            self.deadline = self.loop.time() + (REQUEST_TIMEOUT if self.buffer else KEEPALIVE_TIMEOUT)
            self.queued = True  # the next request (pipelined) is read once this one is answered
            self.server.queue(self, request, body)
        except HttpError as exc:
            self.fail(exc)

    def _read_head(self) -> bool:
        buf = self.buffer
        while buf[:2] == b"\r\n" and not self.scan:  # blank lines between requests are allowed
            buf = self.buffer = buf[2:]
        end = buf.find(b"\r\n\r\n", self.scan)
        if end < 0:
            if len(buf) > MAX_HEAD:
                raise HttpError(431, "header_too_large", f"request head over {MAX_HEAD} bytes")
            self.scan = max(0, len(buf) - 3)
            return False
        if end + 4 > MAX_HEAD:
            raise HttpError(431, "header_too_large", f"request head over {MAX_HEAD} bytes")
        request = self.server.read_head(bytes(buf[:end]))
        self.buffer, self.scan, self.request = buf[end + 4:], 0, request
        if request.expects_continue and request.length != 0 and not self.buffer:
            if request.error is not None:  # refuse before the body is sent, then close: it may come anyway
                raise request.error
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        return True

    def _read_body(self) -> bytes | None:
        request, buf = self.request, self.buffer
        if request.length is None:
            return self._read_chunked(request)
        if len(buf) < request.length:
            return None
        self.buffer = buf[request.length:]
        return bytes(buf[:request.length])

    def _read_chunked(self, request: _Request) -> bytes | None:
        """Take whole chunks off the buffer; the body once the last chunk and trailers are in."""
        buf, pos = self.buffer, 0
        try:
            while True:
                end = buf.find(b"\r\n", pos)
                if end < 0:
                    if len(buf) - pos > (MAX_HEAD if request.in_trailers else MAX_CHUNK_LINE):
                        raise _bad("chunk line too long")
                    return None
                line = buf[pos:end]
                if request.in_trailers:  # trailer fields are read and ignored, up to a blank line
                    pos = end + 2
                    request.received += len(line) + 2
                    if request.received > self.server.max_body + MAX_HEAD:
                        raise HttpError(431, "header_too_large", "trailers too large")
                    if not line:
                        return b"".join(request.chunks)
                    continue
                size_text = line.split(b";", 1)[0].strip(b" \t")
                if not size_text or len(size_text) > 8 or size_text.translate(None, _HEX):
                    raise _bad("bad chunk size")
                size = int(size_text, 16)
                if size == 0:
                    request.in_trailers, pos = True, end + 2
                    continue
                if request.received + size > self.server.max_body:
                    raise HttpError(413, "too_large", f"body over {self.server.max_body} bytes")
                data_end = end + 2 + size
                if len(buf) < data_end + 2:
                    return None
                if buf[data_end:data_end + 2] != b"\r\n":
                    raise _bad("chunk not followed by CRLF")
                request.chunks.append(bytes(buf[end + 2:data_end]))
                request.received += size
                pos = data_end + 2
        finally:
            self.buffer = buf[pos:]

    def answer(self, request: _Request, body: bytes) -> None:
        """Answer a request of the batch, then read the next one if it is already here."""
        self.queued = False
        if self.closing:
            return
        keep_alive = request.keep_alive and not self.peer_closed
        if request.error is not None:
            self.server.on_reject(request.error)
            self._send(error_response(request.error), keep_alive)
        else:
            answer = self.server.handler(request.headers, body)
            if type(answer) is not Response:
                self.waiting = asyncio.ensure_future(answer)
                self.waiting.add_done_callback(lambda done: self._answered(done, keep_alive))
                self.deadline = float("inf")
                self._update_reading()
                return
            self._send(answer, keep_alive)
        if self.buffer:
            self._process()

    def _answered(self, done: asyncio.Future, keep_alive: bool) -> None:
        self.waiting = None
        if done.cancelled() or self.closing:
            return
        if done.exception() is not None:
            self.fail(HttpError(500, "internal_error", "the answer failed"))
            return
        self._send(done.result(), keep_alive and not self.peer_closed)
        self.deadline = self.loop.time() + (REQUEST_TIMEOUT if self.buffer else KEEPALIVE_TIMEOUT)
        self._update_reading()
        self._process()

    def _send(self, response: Response, keep_alive: bool, *, linger: bool = False) -> None:
        status, body, headers = response
        self.transport.write(
            b"HTTP/1.1 %d %s\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: %d\r\n"
            b"Date: %s\r\n%s%s\r\n%s" % (status, _REASONS[status], len(body), _http_date(), headers,
                                         b"" if keep_alive else b"Connection: close\r\n", body))
        if keep_alive:
            return
        self.closing = True
        if linger and self.transport.can_write_eof() and not self.peer_closed:
            # The client may still be sending: closing now could reset the connection before it
            # reads the answer. Say we are done, and drop what it sends until it closes too.
            self.transport.write_eof()
            self.deadline = self.loop.time() + LINGER
            self._update_reading()
        else:
            self.transport.close()

    def fail(self, exc: HttpError) -> None:
        """Answer an error found while reading, and close: the rest of the stream cannot be trusted."""
        if self.closing:
            return
        self.server.on_reject(exc)
        self.request = None
        self._send(error_response(exc), False, linger=True)

    def _update_reading(self) -> None:
        wanted = self.closing or (self.waiting is None and not self.write_paused)
        if wanted != self.reading and not self.transport.is_closing():
            self.reading = wanted
            (self.transport.resume_reading if wanted else self.transport.pause_reading)()

    # -- ending -------------------------------------------------------------------------------------

    def expire(self) -> None:
        """The deadline passed: a request still arriving gets 408; otherwise the connection closes."""
        if not self.closing and (self.request is not None or self.buffer):
            self.fail(HttpError(408, "timeout", f"request not received within {REQUEST_TIMEOUT:g} s"))
        else:
            self.drop()

    def drop(self) -> None:
        self.closing = True
        if self.transport.get_write_buffer_size():
            self.transport.abort()  # a client that does not read must not keep the socket
        else:
            self.transport.close()
