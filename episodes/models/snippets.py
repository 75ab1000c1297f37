"""Who and what episodes are about: themes, associations, people and events."""

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from episodes.guids import podcast_guid_for_feed_url


def assign_feed_guid(instance):
    """Give a theme or association feed its podcast:guid once, from its first feed URL."""
    if instance.feed_guid is None and instance.slug:
        instance.feed_guid = podcast_guid_for_feed_url(instance.feed_url)


class Theme(index.Indexed, models.Model):
    """A theme episodes are tagged with, such as « Économie circulaire »."""

    name = models.CharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(
        _("identifiant d'URL"), max_length=100, unique=True, allow_unicode=False
    )
    description = models.TextField(_("description"), blank=True)
    feed_guid = models.UUIDField(_("GUID du flux"), null=True, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        assign_feed_guid(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("theme_detail", kwargs={"slug": self.slug})

    @property
    def feed_url(self):
        """The public address of the theme's RSS feed (every show, unlisted in directories)."""
        return settings.PUBLIC_BASE_URL + reverse("theme_feed", kwargs={"slug": self.slug})


class Association(index.Indexed, ClusterableModel):
    """A social-economy association or enterprise that testifies on the radio."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=200, unique=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    website = models.URLField(_("site web"), blank=True)
    region = models.CharField(_("région"), max_length=100, blank=True)
    department = models.CharField(_("département"), max_length=100, blank=True)
    commune = models.CharField(_("commune"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("thèmes"), blank=True)
    feed_guid = models.UUIDField(_("GUID du flux"), null=True, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("department")]),
                FieldPanel("commune"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Territoire"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("key_figures", heading=_("Chiffres clés"), label=_("chiffre clé")),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("description"),
        index.FilterField("region"),
        index.FilterField("department"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        assign_feed_guid(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("association_detail", kwargs={"slug": self.slug})

    @property
    def feed_url(self):
        """The public address of the association's RSS feed (unlisted in directories)."""
        return settings.PUBLIC_BASE_URL + reverse("association_feed", kwargs={"slug": self.slug})

    @property
    def territory(self):
        """Commune, department and region, as one line for visitors."""
        return ", ".join(part for part in (self.commune, self.department, self.region) if part)


class AssociationKeyFigure(Orderable):
    """A key figure of an association: a value and what it counts."""

    association = ParentalKey(Association, on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField(_("valeur"), max_length=50, help_text=_("Par exemple : 14 448"))
    label = models.CharField(
        _("libellé"), max_length=200, help_text=_("Par exemple : personnes accompagnées en 2020")
    )

    panels = [FieldPanel("value"), FieldPanel("label")]

    def __str__(self):
        return f"{self.value} {self.label}"


class Person(index.Indexed, models.Model):
    """Someone heard on the radio: a guest from an association, or a host."""

    name = models.CharField(_("nom"), max_length=200)
    title = models.CharField(
        _("fonction"), max_length=200, blank=True, help_text=_("Par exemple : président")
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(_("lien"), blank=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("association"),
        FieldPanel("photo"),
        FieldPanel("link"),
    ]
    search_fields = [index.SearchField("name", boost=2), index.SearchField("title")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")

    def __str__(self):
        return self.name

    @property
    def description(self):
        """« président, Groupe Ecodair »: the person's role as visitors read it."""
        parts = [self.title, self.association.name if self.association else ""]
        return ", ".join(part for part in parts if part)


class Event(models.Model):
    """An event where testimonies were recorded, such as the FNAF 2024."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    date = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    country = models.CharField(
        _("pays"), max_length=2, default="FR", help_text=_("Code ISO 3166-1 à deux lettres.")
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("date"),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude"), FieldPanel("country")]),
    ]

    class Meta:
        ordering = ["-date"]
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def __str__(self):
        return self.name
