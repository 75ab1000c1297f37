"""The site's home page: where shows live, created on first need (demo content or an import)."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from episodes.models import HomePage


def ensure_home_page():
    """The HomePage at the root of the default site, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Radio des Territoires",
            slug="accueil",
            intro="<p>Les témoignages de l'économie sociale et solidaire, à écouter partout.</p>",
        )
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    welcome = site.root_page if site.pk else None
    public = urlsplit(settings.PUBLIC_BASE_URL)
    site.root_page, site.hostname = home, public.hostname or "localhost"
    site.port = public.port or (443 if public.scheme == "https" else 80)
    site.site_name = "Radio des Territoires"
    site.save()
    if welcome and welcome.specific_class is Page and welcome.is_leaf():
        welcome.delete()
    return home
