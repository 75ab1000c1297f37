"""The pages of the site besides shows and episodes: the home page, knowledge pages on the
programmes that support associations, and plain pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from episodes.blocks import KnowledgeStreamBlock
from episodes.delivery.addresses import public_origin
from episodes.models.episode import EpisodePage
from episodes.models.show import PodcastPage
from episodes.models.taxonomy import Association, Theme


class HomePage(Page):
    """The site's root page."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["episodes.PodcastPage", "episodes.KnowledgeIndexPage", "episodes.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["shows"] = PodcastPage.objects.child_of(self).listed()
        context["show"] = context["shows"].first()
        context["latest_episodes"] = EpisodePage.objects.for_listing()[:6]
        context["themes"] = Theme.objects.all()
        context["associations"] = Association.objects.all()
        return context


class KnowledgeIndexPage(Page):
    """The list of knowledge pages: programmes and events that support associations."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["episodes.HomePage"]
    subpage_types = ["episodes.KnowledgePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des ressources")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = KnowledgePage.objects.child_of(self).live().public()
        return context


class KnowledgePage(Page):
    """A knowledge page on a programme (DLA, France Active…) or an event (FNAF)."""

    summary = models.TextField(_("résumé"), blank=True)
    body = StreamField(KnowledgeStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["episodes.KnowledgeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page ressource")
        verbose_name_plural = _("pages ressources")


class StandardPage(Page):
    """A plain page of the site, such as the accessibility statement or the legal notice."""

    body = StreamField(KnowledgeStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["episodes.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")


def ensure_home_page():
    """The HomePage at the root of the default site, replacing Wagtail's welcome page; created
    on first need (the demo content or a podcast import). The site follows PUBLIC_BASE_URL."""
    home = HomePage.objects.first()
    if home:
        follow_public_base_url()
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
    site.root_page, site.site_name = home, "Radio des Territoires"
    site.hostname, site.port = public_host_and_port()
    site.save()
    if welcome and welcome.specific_class is Page and welcome.is_leaf():
        welcome.delete()
    return home


def public_host_and_port():
    """PUBLIC_BASE_URL's host and port, as Wagtail's Site record holds them."""
    public = public_origin()
    return public.hostname or "localhost", public.port or (443 if public.scheme == "https" else 80)


def follow_public_base_url(using="default"):
    """Points the default Site at PUBLIC_BASE_URL, for the admin's « Voir en direct » links;
    public documents never read it (episodes/delivery/addresses.py). Left alone when another
    Site already has that host and port."""
    site = Site.objects.using(using).filter(is_default_site=True).first()
    hostname, port = public_host_and_port()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return
    if Site.objects.using(using).filter(hostname=hostname, port=port).exists():
        return
    site.hostname, site.port = hostname, port
    site.save(using=using)


def follow_public_base_url_after_migrate(using, apps=None, **kwargs):
    """post_migrate: every deployment (migrate) points the default Site at PUBLIC_BASE_URL.

    `manage.py flush` sends post_migrate without apps: the installed apps are then the ones."""
    from django.apps import apps as installed_apps

    try:
        (apps or installed_apps).get_model("wagtailcore", "Site")
    except LookupError:  # Wagtail's tables are not there (migrated back to zero)
        return
    follow_public_base_url(using)
