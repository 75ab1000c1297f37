"""Security headers for the public site (the Wagtail admin keeps its own needs)."""

from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def content_security_policy(frame_ancestors):
    """The site's CSP: our own scripts only, none inline; media from our storage too."""
    media = " ".join(["'self'", *settings.CSP_MEDIA_SOURCES])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {media} data:",
            f"media-src {media}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


class SecurityHeadersMiddleware:
    """Adds a Content-Security-Policy to public pages; embed pages may be framed anywhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIXES) or "Content-Security-Policy" in response:
            return response
        embeddable = getattr(response, "xframe_options_exempt", False)
        response["Content-Security-Policy"] = content_security_policy(
            "*" if embeddable else "'none'"
        )
        return response
