"""Who and what episodes are about: themes, associations, people and events."""

from django import forms
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from episodes.delivery.addresses import public_url
from episodes.models.fields import optional_image
from episodes.standards.podcasting20 import podcast_guid_for_feed_url


class FeedSubject(models.Model):
    """What a theme and an association share: a public page and a feed gathering every show's
    episodes on them (kept out of directories), named by the routes each subject gives."""

    feed_guid = models.UUIDField(_("GUID du flux"), null=True, editable=False)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    detail_route = ""  # the public page's URL name
    feed_route = ""  # the RSS feed's URL name

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The feed's podcast:guid is given once, from its first feed URL, and kept.
        if self.feed_guid is None and self.slug:
            self.feed_guid = podcast_guid_for_feed_url(self.feed_url)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(self.detail_route, kwargs={"slug": self.slug})

    @property
    def feed_url(self):
        """The public address of the subject's RSS feed."""
        return public_url(reverse(self.feed_route, kwargs={"slug": self.slug}))


class Theme(index.Indexed, FeedSubject):
    """A theme episodes are tagged with, such as « Économie circulaire »."""

    name = models.CharField(_("nom"), max_length=100, unique=True)
    slug = models.SlugField(
        _("identifiant d'URL"), max_length=100, unique=True, allow_unicode=False
    )
    description = models.TextField(_("description"), blank=True)

    detail_route, feed_route = "theme_detail", "theme_feed"
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")


class Association(index.Indexed, FeedSubject, ClusterableModel):
    """A social-economy association or enterprise that testifies on the radio."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=200, unique=True)
    logo = optional_image(_("logo"))
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

    detail_route, feed_route = "association_detail", "association_feed"
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
    photo = optional_image(_("photo"))
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


class EventArticle(models.TextChoices):
    """How French says « recorded at » this event: « lors du FNAF », « lors de la Fête »."""

    DU = "du", "lors du…"
    DE_LA = "de la", "lors de la…"
    DE_L = "de l’", "lors de l’…"
    DES = "des", "lors des…"
    DE = "de", "lors de…"


class Event(models.Model):
    """An event where testimonies were recorded, such as the FNAF 2024."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    article = models.CharField(
        _("article"),
        max_length=8,
        choices=EventArticle.choices,
        default=EventArticle.DU,
        help_text=_("Pour écrire « enregistré lors du FNAF 2024 »."),
    )
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
        FieldPanel("article"),
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

    @property
    def recorded_at(self):
        """« lors du FNAF 2024 », « lors de l’Université d’été »: the event in a sentence."""
        joiner = "" if self.article.endswith("’") else " "
        return f"lors {self.article}{joiner}{self.name}"
