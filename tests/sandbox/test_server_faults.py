"""Rate limiting and injected faults: what a client's retry logic has to survive."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from stockdesk.sandbox import Faults

from .conftest import api_client


def test_rate_limit_429_with_headers(make_sandbox):
    sandbox = make_sandbox(rate_limit_rps=5)
    with api_client(sandbox) as client:
        responses = [client.get("/stores") for _ in range(12)]
    ok = [r for r in responses if r.status_code == 200]
    limited = [r for r in responses if r.status_code == 429]
    assert 5 <= len(ok) < 12 and limited
    for r in limited:
        assert r.headers["X-RateLimit-Limit"] == "5"
        assert r.headers["X-RateLimit-Remaining"] == "0"
        assert 0 < float(r.headers["X-RateLimit-Reset"]) <= 0.2
        assert "Retry-After" not in r.headers
        assert r.json()["code"]
    assert "X-RateLimit-Remaining" in ok[0].headers
    assert sandbox.server.status_counts[429] == len(limited)


def test_rate_limit_refills_and_is_per_token(make_sandbox):
    sandbox = make_sandbox(rate_limit_rps=2, extra_tokens={"x": "no_stock_rights"})
    with api_client(sandbox) as client, api_client(sandbox, "x") as other:
        while client.get("/stores").status_code != 429:
            pass
        assert other.get("/stores").status_code == 200
        wait = float(client.get("/stores").headers["X-RateLimit-Reset"])
        time.sleep(wait + 0.05)
        assert client.get("/stores").status_code == 200


def test_retry_after_only_when_asked(make_sandbox):
    sandbox = make_sandbox(rate_limit_rps=1, send_retry_after=True)
    with api_client(sandbox) as client:
        responses = [client.get("/stores") for _ in range(3)]
    limited = [r for r in responses if r.status_code == 429]
    assert limited and all(int(r.headers["Retry-After"]) >= 1 for r in limited)


@pytest.mark.parametrize("kind", ["500", "503", "429"])
def test_fail_next_status(sandbox, client, kind):
    sandbox.server.faults.fail_next(kind, 2)
    assert [client.get("/stores").status_code for _ in range(3)] == [int(kind), int(kind), 200]
    assert sandbox.server.fault_counts[kind] == 2


def test_fail_next_reset_drops_the_connection(sandbox, client):
    store = sandbox.shop.stores[0]
    sandbox.server.faults.fail_next("reset")
    with pytest.raises(httpx.TransportError):
        client.get(f"/stores/{store.id}/documents")
    assert client.get(f"/stores/{store.id}/documents").status_code == 200  # a fresh connection works


def test_fail_next_truncate_sends_cut_json(sandbox, client):
    store = sandbox.shop.stores[0]
    sandbox.server.faults.fail_next("truncate")
    response = client.get(f"/stores/{store.id}/documents")
    assert response.status_code == 200
    assert int(response.headers["Content-Length"]) == len(response.content)
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    assert client.get(f"/stores/{store.id}/documents").json()["items"]


def test_faults_need_a_valid_request_first(sandbox):
    sandbox.server.faults.fail_next("500")
    assert httpx.get(f"{sandbox.url}/stores").status_code == 401  # auth is checked before faults
    with api_client(sandbox) as client:
        assert client.get("/stores").status_code == 500


def test_random_faults_are_seeded(make_sandbox):
    def outcomes(seed: int) -> list[str]:
        sandbox = make_sandbox(faults=Faults(error_5xx=0.3, reset=0.1, truncate=0.1, latency_ms=(0, 3), seed=seed))
        result = []
        with api_client(sandbox) as client:
            for _ in range(40):
                try:
                    response = client.get("/stores")
                    json.loads(response.content)
                    result.append(str(response.status_code))
                except httpx.TransportError:
                    result.append("reset")
                except json.JSONDecodeError:
                    result.append("truncate")
        return result

    first = outcomes(5)
    assert {"200", "reset", "truncate"} <= set(first) and {"500", "503"} & set(first)
    assert outcomes(5) == first


def test_unknown_fault_kind():
    with pytest.raises(ValueError):
        Faults().fail_next("teapot")
