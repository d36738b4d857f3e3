"""The HTTP layer every API client shares: retries, backoff, adaptive concurrency, safe URLs."""

from stockdesk.net.api_client import ApiClient, ApiService
from stockdesk.net.api_errors import ApiError, ErrorTexts
from stockdesk.net.limiter import AdaptiveLimiter
from stockdesk.net.policy import RetryPolicy
from stockdesk.net.retry import (Classifier, NetStats, Reply, RequestFactory, RetriesExhausted, Verdict,
                                 classify_status, send_json_with_retries, send_with_retries,
                                 status_classifier)
from stockdesk.net.signals import (BudgetExtractor, RateBudget, WaitExtractor, first_of, header_http_date,
                                   header_millis, header_seconds, ratelimit_budget, retry_after)
from stockdesk.net.urls import is_loopback_host, require_secure_url, url_problem

__all__ = [
    "ApiClient", "ApiService", "ApiError", "ErrorTexts", "AdaptiveLimiter", "RetryPolicy", "Classifier", "NetStats", "Reply", "RequestFactory",
    "RetriesExhausted", "Verdict", "classify_status", "send_json_with_retries", "send_with_retries",
    "status_classifier", "BudgetExtractor", "RateBudget", "WaitExtractor", "first_of", "header_http_date",
    "header_millis", "header_seconds", "ratelimit_budget", "retry_after", "is_loopback_host",
    "require_secure_url", "url_problem",
]
