from __future__ import annotations

import time

import httpx
import pytest

from stockdesk.errors import UserError
from stockdesk.net import (header_http_date, header_millis, header_seconds, ratelimit_budget, require_secure_url,
                           retry_after, url_problem)


def response(**headers: str) -> httpx.Response:
    return httpx.Response(200, headers={k.replace("_", "-"): v for k, v in headers.items()})


def test_retry_after_forms():
    assert retry_after(response(Retry_After="12")) == 12.0
    assert retry_after(response(Retry_After="Wed, 21 Oct 2015 07:28:00 GMT")) == 0.0  # in the past
    assert retry_after(response(Retry_After="soon")) is None
    assert retry_after(response()) is None


def test_numeric_headers():
    assert header_seconds("X-RateLimit-Reset")(response(X_RateLimit_Reset="2.5")) == 2.5
    epoch = str(int(time.time()) + 30)
    assert 28 <= header_seconds("X-RateLimit-Reset")(response(X_RateLimit_Reset=epoch)) <= 30
    assert header_seconds("X-RateLimit-Reset")(response(X_RateLimit_Reset="-1")) is None
    assert header_millis("X-Lognex-Retry-After")(response(X_Lognex_Retry_After="250")) == 0.25
    assert header_http_date("X-Until")(response(X_Until="garbage")) is None


def test_ratelimit_budget():
    budget = ratelimit_budget()(response(X_RateLimit_Limit="50", X_RateLimit_Remaining="7", X_RateLimit_Reset="1"))
    assert (budget.limit, budget.remaining, budget.reset_after, budget.interval) == (50, 7, 1.0, None)
    assert ratelimit_budget()(response()) is None
    lognex = ratelimit_budget(reset="X-Lognex-Reset", reset_unit=0.001, interval="X-Lognex-Retry-TimeInterval",
                              interval_unit=0.001)
    budget = lognex(response(X_RateLimit_Limit="45", X_Lognex_Reset="1500", X_Lognex_Retry_TimeInterval="3000"))
    assert (budget.limit, budget.reset_after, budget.interval) == (45, 1.5, 3.0)


@pytest.mark.parametrize("url", ["https://api.evotor.ru", "http://127.0.0.1:8080", "http://127.5.0.1/x",
                                 "http://localhost:1/", "http://[::1]:9000"])
def test_allowed_urls(url):
    assert url_problem(url) is None
    assert require_secure_url(url, "Evotor") == url


@pytest.mark.parametrize("url, code", [("http://api.evotor.ru", "insecure_url"), ("http://10.0.0.1", "insecure_url"),
                                       ("http://localhost.evil.com", "insecure_url"), ("ftp://x", "invalid_url"),
                                       ("api.evotor.ru", "invalid_url"), ("", "invalid_url")])
def test_refused_urls(url, code):
    with pytest.raises(UserError) as info:
        require_secure_url(url, "Evotor")
    assert info.value.code == code
    assert "Evotor" in str(info.value)
