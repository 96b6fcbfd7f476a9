"""Security headers on every response, and CORS on reads."""

from __future__ import annotations

from flask import Flask, Response, request

from clustergraph.config import Settings

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # vis-network and the editor set inline styles
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)


def register_security_headers(app: Flask, settings: Settings) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if settings.cors_origins and request.method in {"GET", "HEAD", "OPTIONS"} or (
            settings.cors_origins and request.path == "/sparql" and request.method == "POST"
        ):
            headers.setdefault("Access-Control-Allow-Origin", settings.cors_origins)
            headers.setdefault("Vary", "Accept, Origin")
        return response
