"""The public site's absolute addresses, as feeds, apps, search engines and partner sites get
them: every path is joined to PUBLIC_BASE_URL here and nowhere else."""

from django.conf import settings


def public_url(url, base_url=None):
    """An absolute address on the public site; storage and CDN addresses already are one.

    base_url defaults to PUBLIC_BASE_URL; the feed builder passes it, read once per feed.
    """
    if url.startswith(("http://", "https://")):
        return url
    return (base_url or settings.PUBLIC_BASE_URL) + url
