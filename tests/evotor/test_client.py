"""EvotorClient against scripted answers (httpx.MockTransport): requests it sends, errors it raises."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import httpx
import pytest

from stockdesk.evotor import MEDIA_TYPE, EvotorClient, EvotorError
from stockdesk.net import RetryPolicy

TOKEN = "0f1e2d3c-aaaa-bbbb-cccc-123456789abc"
URL = "https://api.evotor.test"
FAST = RetryPolicy(base_delay=0.001, max_delay=0.01)


class Cloud:
    """Answers GETs from a table path -> list of pages; records every request."""

    def __init__(self, pages: dict[str, list[list[dict]]] | None = None, cursors: list[str] | None = None):
        self.pages = pages or {}
        self.cursors = cursors or [f"c{i}" for i in range(100)]
        self.requests: list[httpx.Request] = []
        self.faults: list[httpx.Response | Exception] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.faults:
            fault = self.faults.pop(0)
            if isinstance(fault, Exception):
                raise fault
            return fault
        if request.method == "PATCH":
            return httpx.Response(200, json={"id": request.url.path.rsplit("/", 1)[1], **json.loads(request.content)})
        pages = self.pages[request.url.path]
        cursor = request.url.params.get("cursor")
        index = 0 if cursor is None else self.cursors.index(cursor) + 1
        paging = {"next_cursor": self.cursors[index]} if index + 1 < len(pages) else {}
        return httpx.Response(200, json={"items": pages[index], "paging": paging})

    def query(self, n: int) -> dict[str, list[str]]:
        return parse_qs(self.requests[n].url.query.decode(), keep_blank_values=True)


def client(cloud, **kw) -> EvotorClient:
    kw.setdefault("policy", FAST)
    return EvotorClient(TOKEN, URL, transport=httpx.MockTransport(cloud), **kw)


def answer(status: int, **kw) -> Cloud:
    cloud = Cloud()
    cloud.faults = [httpx.Response(status, **kw)] * 100
    return cloud


@pytest.mark.asyncio
async def test_headers_on_every_request():
    cloud = Cloud({"/stores": [[{"id": "s1"}]]})
    async with client(cloud) as evotor:
        await evotor.stores()
        await evotor.patch_quantity("s1", "p1", 12000)
    get, patch = cloud.requests
    for request in (get, patch):
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        assert request.headers["Accept"] == MEDIA_TYPE
    assert patch.headers["Content-Type"] == MEDIA_TYPE
    assert "Content-Type" not in get.headers


@pytest.mark.asyncio
async def test_stores_reads_every_page_with_the_cursor_alone():
    cloud = Cloud({"/stores": [[{"id": "a"}, {"id": "b"}], [{"id": "c"}], [{"id": "d"}]]})
    async with client(cloud) as evotor:
        stores = await evotor.stores()
    assert [s["id"] for s in stores] == ["a", "b", "c", "d"]
    assert [cloud.query(n) for n in range(3)] == [{}, {"cursor": ["c0"]}, {"cursor": ["c1"]}]


@pytest.mark.asyncio
async def test_document_pages_filters_first_then_url_encoded_cursor_alone():
    path = "/stores/S%201/documents"
    cloud = Cloud({"/stores/S 1/documents": [[{"id": 1}], [{"id": 2}], [{"id": 3}]]}, cursors=["a+/=", "b&c"])
    async with client(cloud) as evotor:
        pages = [p async for p in evotor.document_pages("S 1", since_ms=1000, until_ms=2000, types=["SELL", "PAYBACK"])]
    assert [p.items for p in pages] == [[{"id": 1}], [{"id": 2}], [{"id": 3}]]
    assert [(p.cursor, p.next_cursor) for p in pages] == [(None, "a+/="), ("a+/=", "b&c"), ("b&c", None)]
    assert cloud.requests[0].url.raw_path.decode() == path + "?since=1000&until=2000&type=SELL%2CPAYBACK"
    assert cloud.query(0) == {"since": ["1000"], "until": ["2000"], "type": ["SELL,PAYBACK"]}
    assert cloud.requests[1].url.raw_path.decode() == path + "?cursor=a%2B%2F%3D"
    assert cloud.query(2) == {"cursor": ["b&c"]}


@pytest.mark.asyncio
async def test_document_pages_resume_from_a_cursor():
    cloud = Cloud({"/stores/s/documents": [[{"id": 1}], [{"id": 2}], [{"id": 3}]]})
    async with client(cloud) as evotor:
        pages = [p async for p in evotor.document_pages("s", since_ms=1, until_ms=2, cursor="c0")]
    assert [p.items for p in pages] == [[{"id": 2}], [{"id": 3}]]
    assert pages[0].cursor == "c0"
    assert cloud.query(0) == {"cursor": ["c0"]}


@pytest.mark.asyncio
async def test_a_repeated_cursor_stops_paging():
    cloud = Cloud({"/stores/s/documents": [[{"id": 1}], [{"id": 2}], [{"id": 3}]]}, cursors=["x", "x"])
    async with client(cloud) as evotor:
        with pytest.raises(EvotorError) as info:
            _ = [p async for p in evotor.document_pages("s", since_ms=1, until_ms=2)]
    assert info.value.code == "invalid_response"
    assert len(cloud.requests) == 2


@pytest.mark.asyncio
@pytest.mark.parametrize("status, code, hint", [
    (401, "unauthorized", "Settings tab"), (402, "not_installed", "terminals"), (403, "forbidden", "allow access to stock"),
    (404, "not_found", "deleted"), (406, "not_acceptable", "latest version"), (409, "http_error", "409"),
])
async def test_status_errors_say_what_to_do(status, code, hint):
    cloud = answer(status, json={"code": "x", "message": "y"})
    async with client(cloud) as evotor:
        with pytest.raises(EvotorError) as info:
            await evotor.stores()
    error = info.value
    assert (error.code, error.status, error.retryable) == (code, status, False)
    assert hint in error.render() and TOKEN not in error.render()
    assert len(cloud.requests) == 1  # never retried


@pytest.mark.asyncio
async def test_bad_request_lists_the_violations():
    cloud = answer(400, json={"code": "validation_failed", "message": "Bad",
                              "violations": [{"reason": "must have at most 3 decimals", "subject": "quantity"}]})
    async with client(cloud) as evotor:
        with pytest.raises(EvotorError) as info:
            await evotor.patch_quantity("s", "p", 5)
    assert info.value.code == "bad_request"
    assert "Bad (quantity: must have at most 3 decimals)" in info.value.render()


@pytest.mark.asyncio
@pytest.mark.parametrize("fault, code, status", [
    (httpx.Response(429, headers={"X-RateLimit-Reset": "0"}), "rate_limited", 429),
    (httpx.Response(503), "server", 503),
    (httpx.ConnectError("refused"), "network", None),
    (httpx.ReadTimeout("slow"), "network", None),
    (httpx.Response(200, content=b'{"items": ['), "invalid_response", 200),
])
async def test_transient_faults_become_retryable_errors_when_they_persist(fault, code, status):
    cloud = Cloud()
    cloud.faults = [fault] * 100
    async with client(cloud, policy=RetryPolicy(base_delay=0.001, max_delay=0.01, max_throttled=3)) as evotor:
        with pytest.raises(EvotorError) as info:
            await evotor.stores()
    assert (info.value.code, info.value.status, info.value.retryable) == (code, status, True)
    assert len(cloud.requests) > 1


@pytest.mark.asyncio
async def test_truncated_json_is_retried():
    cloud = Cloud({"/stores": [[{"id": "a"}]]})
    cloud.faults = [httpx.Response(200, content=b'{"items": [{"id": "a"'), httpx.Response(502)]
    async with client(cloud) as evotor:
        assert await evotor.stores() == [{"id": "a"}]
        assert evotor.stats["retries"] == 2 and evotor.stats["requests"] == 3
        assert evotor.stats["bytes"] > 0


@pytest.mark.asyncio
async def test_a_429_honours_the_reset_header_and_counts():
    cloud = Cloud({"/stores": [[{"id": "a"}]]})
    cloud.faults = [httpx.Response(429, headers={"X-RateLimit-Limit": "50", "X-RateLimit-Reset": "0.01"})]
    async with client(cloud) as evotor:
        assert await evotor.stores() == [{"id": "a"}]
        assert evotor.stats["throttled"] == 1


@pytest.mark.asyncio
async def test_products_without_quantity_mean_no_stock_rights():
    cloud = Cloud({"/stores/s/products": [[{"id": "p1", "type": "NORMAL", "quantity": 3},
                                           {"id": "p2", "type": "SERVICE"}], [{"id": "p3", "type": "NORMAL"}]]})
    async with client(cloud) as evotor:
        with pytest.raises(EvotorError) as info:
            await evotor.products("s")
    assert info.value.code == "no_stock_rights"
    assert "allow access to stock" in info.value.render()


@pytest.mark.asyncio
async def test_products_with_services_and_since():
    cloud = Cloud({"/stores/s/products": [[{"id": "p1", "type": "NORMAL", "quantity": 3},
                                           {"id": "p2", "type": "SERVICE"}], [{"id": "p3", "quantity": -1.5}]]})
    async with client(cloud) as evotor:
        products = await evotor.products("s", since_ms=1700000000000)
    assert [p["id"] for p in products] == ["p1", "p2", "p3"]
    assert cloud.query(0) == {"since": ["1700000000000"]} and cloud.query(1) == {"cursor": ["c0"]}


@pytest.mark.asyncio
@pytest.mark.parametrize("milli, sent", [(12000, 12), (12500, 12.5), (-1, -0.001), (0, 0), (9_999_999_999, 9999999.999)])
async def test_patch_sends_quantity_only(milli, sent):
    cloud = Cloud()
    async with client(cloud) as evotor:
        result = await evotor.patch_quantity("s/1", "p", milli)
    request = cloud.requests[0]
    assert request.method == "PATCH" and request.url.raw_path == b"/stores/s%2F1/products/p"
    assert json.loads(request.content) == {"quantity": sent}
    assert result["quantity"] == sent


@pytest.mark.asyncio
async def test_patch_refuses_more_than_seven_integer_digits_locally():
    cloud = Cloud()
    async with client(cloud) as evotor:
        with pytest.raises(EvotorError) as info:
            await evotor.patch_quantity("s", "p", 10_000_000_000)
    assert info.value.code == "quantity_too_large" and "10000000" in info.value.render()
    assert cloud.requests == []


@pytest.mark.parametrize("url, code", [("http://api.evotor.ru", "insecure_url"), ("api.evotor.ru", "invalid_url")])
def test_insecure_url_refused(url, code):
    with pytest.raises(EvotorError) as info:
        EvotorClient(TOKEN, url)
    assert info.value.code == code and "https://" in info.value.render()


@pytest.mark.asyncio
async def test_loopback_http_allowed():
    async with EvotorClient(TOKEN, "http://127.0.0.1:9/") as evotor:
        assert evotor.stats["requests"] == 0


@pytest.mark.parametrize("token", ["", "  ", "abc def", "токен"])
def test_impossible_tokens_are_refused_before_any_request(token):
    with pytest.raises(EvotorError) as info:
        EvotorClient(token, URL)
    assert info.value.code == "unauthorized"
