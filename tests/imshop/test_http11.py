"""The webhook's own HTTP/1.1 layer over raw sockets: framing, keep-alive, limits, slow clients."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlsplit

import pytest
import pytest_asyncio

from stockdesk.imshop import AvailabilityServer, http11
from stockdesk.store import open_db
from .conftest import KEY

BODY = json.dumps({"city": "Санкт-Петербург", "configurationIds": ["100"]}).encode()
ANSWER = [{"id": "100", "warehouseId": "spb", "quantity": 4}]


def request(body: bytes = BODY, *, path: str = "/availability", method: str = "POST", extra: str = "",
            version: str = "HTTP/1.1") -> bytes:
    return (f"{method} {path} {version}\r\nHost: shop\r\nAuthorization: Bearer {KEY}\r\n"
            f"Content-Length: {len(body)}\r\n{extra}\r\n").encode() + body


class Client:
    """A raw connection to the server: what is sent is exactly what the test wrote."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, server: AvailabilityServer) -> "Client":
        url = urlsplit(server.status.url)
        return cls(*await asyncio.open_connection(url.hostname, url.port))

    async def send(self, *pieces: bytes) -> None:
        for piece in pieces:  # one write each, drained: the server sees them as separate packets
            self.writer.write(piece)
            await self.writer.drain()
            await asyncio.sleep(0.01)

    async def response(self) -> tuple[int, dict[str, str], dict | None]:
        head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), 5)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {name.strip().lower(): value.strip()
                   for name, _, value in (line.partition(":") for line in lines[1:] if line)}
        if status == 100:
            return status, headers, None
        body = await asyncio.wait_for(self.reader.readexactly(int(headers["content-length"])), 5)
        return status, headers, json.loads(body)

    async def closed_by_server(self) -> bool:
        return await asyncio.wait_for(self.reader.read(), 5) == b""

    def close(self) -> None:
        self.writer.close()


@pytest_asyncio.fixture
async def client(server):
    conn = await Client.open(server)
    yield conn
    conn.close()


@pytest.mark.asyncio
async def test_request_split_into_small_packets(client):
    data = request()
    await client.send(*(data[i:i + 7] for i in range(0, len(data), 7)))
    status, headers, body = await client.response()
    assert status == 200 and body["availability"] == ANSWER
    assert headers["content-type"] == "application/json; charset=utf-8" and "connection" not in headers


@pytest.mark.asyncio
async def test_keep_alive_answers_several_requests_in_order(server, client):
    cities = ["Санкт-Петербург", "Москва", "Казань", "Тула"]
    expected = [["spb"], ["1", "web"], [], ["web"]]
    asks = [request(json.dumps({"city": city, "configurationIds": ["100"]}).encode()) for city in cities]
    answers = []
    for ask in asks:
        await client.send(ask)
        answers.append(await client.response())
    assert [[w["warehouseId"] for w in body["warehouses"]] for _, _, body in answers] == expected
    # pipelined: all sent at once, answered one by one in the order asked
    await client.send(b"".join(asks))
    answers = [await client.response() for _ in asks]
    assert [[w["warehouseId"] for w in body["warehouses"]] for _, _, body in answers] == expected
    assert server.status.requests_served == 8


@pytest.mark.asyncio
async def test_blank_lines_between_requests_and_query_strings_are_accepted(client):
    await client.send(b"\r\n" + request(path="/availability?from=imshop") + b"\r\n" + request())
    assert [(await client.response())[0] for _ in range(2)] == [200, 200]


@pytest.mark.asyncio
async def test_connection_close_and_http10_end_the_connection(server):
    for extra, version in [("Connection: keep-alive, close\r\n", "HTTP/1.1"), ("", "HTTP/1.0")]:
        conn = await Client.open(server)
        await conn.send(request(extra=extra, version=version))
        status, headers, body = await conn.response()
        assert status == 200 and body["availability"] == ANSWER and headers["connection"] == "close"
        assert await conn.closed_by_server()
        conn.close()


@pytest.mark.asyncio
async def test_client_half_close_after_its_request_still_gets_the_answer(client):
    await client.send(request())
    client.writer.write_eof()
    status, _, body = await client.response()
    assert status == 200 and body["availability"] == ANSWER
    assert await client.closed_by_server()


@pytest.mark.asyncio
async def test_chunked_body(client):
    await client.send(b"POST /availability HTTP/1.1\r\nHost: shop\r\nAuthorization: Bearer " + KEY.encode()
                      + b"\r\nTransfer-Encoding: chunked\r\n\r\n",
                      b"%x;ext=1\r\n%s\r\n" % (10, BODY[:10]), b"%X\r\n%s\r\n" % (len(BODY) - 10, BODY[10:]),
                      b"0\r\nX-Trailer: yes\r\n\r\n")
    status, _, body = await client.response()
    assert status == 200 and body["availability"] == ANSWER
    await client.send(request())  # the connection is still good
    assert (await client.response())[0] == 200


@pytest.mark.asyncio
async def test_expect_100_continue(server, client):
    data = request(extra="Expect: 100-continue\r\n")
    head, body = data[:-len(BODY)], BODY
    await client.send(head)
    assert (await client.response())[0] == 100
    await client.send(body)
    status, _, answer = await client.response()
    assert status == 200 and answer["availability"] == ANSWER
    # refused before the body is sent: no 100, the error, and the connection closes
    conn = await Client.open(server)
    await conn.send(request(path="/other", extra="Expect: 100-continue\r\n")[:-len(BODY)])
    assert (await conn.response())[0] == 404
    assert await conn.closed_by_server()
    conn.close()


@pytest.mark.asyncio
async def test_wrong_path_and_method_keep_the_connection(server, client):
    await client.send(request(path="/"))
    status, _, body = await client.response()
    assert status == 404 and body["error"] == "not_found"
    await client.send(request(method="PUT"))
    status, headers, body = await client.response()
    assert status == 405 and headers["allow"] == "POST" and body["error"] == "method_not_allowed"
    await client.send(request())
    assert (await client.response())[0] == 200
    assert (server.status.requests_served, server.status.requests_rejected) == (1, 2)
    assert server.status.last_error.startswith("405")


@pytest.mark.asyncio
@pytest.mark.parametrize("data, status", [
    (b"POST /availability\r\nHost: x\r\n\r\n", 400),                               # no version
    (b"POST  /availability HTTP/1.1\r\nHost: x\r\n\r\n", 400),                      # double space
    (b"POST /availability HTTP/2.0\r\nHost: x\r\n\r\n", 505),
    (b"POST /availability HTTP/1.1\r\nContent-Length : 2\r\n\r\n{}", 400),          # space before colon
    (b"POST /availability HTTP/1.1\r\nX: a\nContent-Length: 2\r\n\r\n{}", 400),     # bare LF
    (b"POST /availability HTTP/1.1\r\nX: a\r\n folded\r\n\r\n", 400),               # obsolete folding
    (b"POST /availability HTTP/1.1\r\nNoColon\r\n\r\n", 400),
    (b"POST /availability HTTP/1.1\r\nContent-Length: abc\r\n\r\n", 400),
    (b"POST /availability HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400),
    (b"POST /availability HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}", 400),
    (b"POST /availability HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}", 400),
    (b"POST /availability HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
    (b"POST /availability HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),  # bad chunk size
    (b"POST /availability HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}XX", 400),  # no CRLF after
    (b"POST /availability HTTP/1.1\r\nExpect: magic\r\n\r\n", 417),
])
async def test_malformed_requests_are_refused_and_the_connection_closes(server, client, data, status):
    await client.send(data)
    got, headers, body = await client.response()
    assert got == status and headers["connection"] == "close" and body["error"]
    assert await client.closed_by_server()
    assert server.status.requests_rejected == 1 and server.status.last_error.startswith(str(status))


@pytest.mark.asyncio
async def test_oversized_head(client):
    await client.send(b"POST /availability HTTP/1.1\r\nX-Big: " + b"a" * http11.MAX_HEAD + b"\r\n\r\n")
    status, _, body = await client.response()
    assert status == 431 and body["error"] == "header_too_large"
    assert await client.closed_by_server()


@pytest.mark.asyncio
async def test_oversized_body_is_refused_early_and_readably(db_path):
    srv = AvailabilityServer(db_path, KEY, max_body=1024)
    await srv.start()
    try:
        conn = await Client.open(srv)
        # announced too large: answered from the head alone, while the client is still sending
        await conn.send(b"POST /availability HTTP/1.1\r\nContent-Length: 300000\r\n\r\n", b"x" * 100_000)
        status, headers, body = await conn.response()
        assert status == 413 and body["error"] == "too_large" and headers["connection"] == "close"
        assert await conn.closed_by_server()
        await conn.send(b"x" * 200_000)  # the rest is read and dropped, not answered with a reset
        conn.close()
        # chunked: refused as soon as the chunk sizes pass the limit
        conn = await Client.open(srv)
        await conn.send(b"POST /availability HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                        b"200\r\n" + b"x" * 512 + b"\r\n", b"201\r\n")
        assert (await conn.response())[0] == 413
        conn.close()
        assert srv.status.requests_rejected == 2
    finally:
        await srv.stop()


@pytest.mark.asyncio
async def test_a_slow_client_does_not_hold_up_others_and_times_out(db_path, monkeypatch):
    monkeypatch.setattr(http11, "REQUEST_TIMEOUT", 0.3)
    monkeypatch.setattr(http11, "SWEEP_INTERVAL", 0.05)
    srv = AvailabilityServer(db_path, KEY)
    await srv.start()
    slow, fast = await Client.open(srv), await Client.open(srv)
    try:
        await slow.send(request()[:20])  # a head that never ends
        await fast.send(request())
        status, _, body = await fast.response()
        assert status == 200 and body["availability"] == ANSWER
        status, headers, body = await slow.response()  # then the slow one is told, and let go
        assert status == 408 and body["error"] == "timeout" and headers["connection"] == "close"
        assert await slow.closed_by_server()
        await fast.send(request())  # an idle keep-alive connection is not a slow request
        assert (await fast.response())[0] == 200
    finally:
        slow.close()
        fast.close()
        await srv.stop()


@pytest.mark.asyncio
async def test_idle_keep_alive_connection_is_closed(db_path, monkeypatch):
    monkeypatch.setattr(http11, "KEEPALIVE_TIMEOUT", 0.2)
    monkeypatch.setattr(http11, "SWEEP_INTERVAL", 0.05)
    srv = AvailabilityServer(db_path, KEY)
    await srv.start()
    conn = await Client.open(srv)
    try:
        await conn.send(request())
        assert (await conn.response())[0] == 200
        assert await conn.closed_by_server()
        assert srv.status.requests_rejected == 0
    finally:
        conn.close()
        await srv.stop()


@pytest.mark.asyncio
async def test_stop_closes_open_connections(db_path):
    srv = AvailabilityServer(db_path, KEY)
    await srv.start()
    conn = await Client.open(srv)
    try:
        await conn.send(request())
        assert (await conn.response())[0] == 200
        await srv.stop()
        assert await conn.closed_by_server()
    finally:
        conn.close()


@pytest.mark.asyncio
async def test_pipelined_requests_wait_in_order_for_a_rebuild(db_path, client):
    db = open_db(db_path)
    db.execute("UPDATE products SET cloud_qty = 9000 WHERE id = 'q1'")
    db.conn.commit()  # the next answers need a new snapshot, built on another thread
    cities = ["Санкт-Петербург", "Москва", "Санкт-Петербург"]
    await client.send(b"".join(request(json.dumps({"city": c, "configurationIds": ["100"]}).encode())
                               for c in cities))
    answers = [(await client.response())[2]["availability"] for _ in cities]
    assert answers[0] == answers[2] == [{"id": "100", "warehouseId": "spb", "quantity": 9}]
    assert [row["warehouseId"] for row in answers[1]] == ["1", "web"]
    db.conn.close()
