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


def is_admin(request):
    """The admin, including the page previews it renders through a dummy request to the page's
    public address (Wagtail's is_dummy): its preview panel frames them."""
    return request.path.startswith(ADMIN_PREFIXES) or getattr(request, "is_dummy", False)


class SecurityHeadersMiddleware:
    """Adds a Content-Security-Policy to public pages; embed pages may be framed anywhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin(request) or "Content-Security-Policy" in response:
            return response
        embeddable = getattr(response, "xframe_options_exempt", False)
        response["Content-Security-Policy"] = content_security_policy(
            "*" if embeddable else "'none'"
        )
        return response
