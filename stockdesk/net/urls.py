"""Refusing addresses that would send a token in clear text."""

from __future__ import annotations

import ipaddress

import httpx

from stockdesk.errors import QT_TRANSLATE_NOOP, UserError


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback  # 127.0.0.0/8 and ::1
    except ValueError:
        return False


def url_problem(url: str) -> str | None:
    """None when the address may carry a token, else 'invalid_url' or 'insecure_url'."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError):
        return "invalid_url"
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return "invalid_url"
    if parsed.scheme == "http" and not is_loopback_host(parsed.host):
        return "insecure_url"
    return None


def require_secure_url(url: str, service: str) -> str:
    """The URL unchanged, or UserError(code='insecure_url'|'invalid_url') naming ``service``."""
    problem = url_problem(url)
    if problem == "invalid_url":
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors", "The {service} address “{url}” is not a web address: it must start with https://."),
            code=problem, service=service, url=url)
    if problem == "insecure_url":
        raise UserError(QT_TRANSLATE_NOOP(
            "Errors", "The {service} address “{url}” uses plain http://, which would send your token "
                      "unencrypted. Use an https:// address (plain http:// is allowed only for this "
                      "computer: localhost or 127.0.0.1)."),
            code=problem, service=service, url=url)
    return url
