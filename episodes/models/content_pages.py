"""Pages of words rather than audio: knowledge pages on programmes, and plain pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from episodes.blocks import KnowledgeStreamBlock


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
