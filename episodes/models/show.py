"""A show: its page on the site and everything its feed's channel needs."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from episodes.delivery.addresses import public_url
from episodes.editor.panels import podcast_edit_handler
from episodes.models.episode import EpisodePage
from episodes.standards.apple import (
    CATEGORY_CHOICES,
    SUBCATEGORY_CHOICES,
    artwork_field_errors,
    check_description_bytes,
    is_valid_category,
)
from episodes.standards.podcasting20 import podcast_guid_for_feed_url
from episodes.standards.schema_org import show_json_ld

EPISODES_PER_PAGE = 20
PLATFORM_FIELDS = [
    "apple_podcasts_url",
    "spotify_url",
    "deezer_url",
    "youtube_music_url",
    "podcast_addict_url",
]


class ShowType(models.TextChoices):
    """Apple's itunes:type; stored values are Apple's strings."""

    EPISODIC = "episodic", _("Épisodique (les plus récents d'abord)")
    SERIAL = "serial", _("Série (à écouter dans l'ordre)")


class PodcastPageQuerySet(PageQuerySet):
    """Shows as listeners and visitors see them."""

    def listed(self):
        """Shows listeners can reach: live and public, in tree order (the main show first)."""
        return self.live().public()


class PodcastPage(Page):
    """A show: its page on the site and everything its feed's channel needs."""

    description = models.TextField(
        _("description"),
        validators=[check_description_bytes],
        help_text=_("Texte brut, 4 000 octets au plus (limite d'Apple)."),
    )
    artwork = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("pochette"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("JPEG ou PNG, RVB, carrée, de 1400 à 3000 pixels de côté."),
    )
    language = models.CharField(_("langue"), max_length=8, default="fr")
    itunes_category = models.CharField(
        _("catégorie Apple"), max_length=64, choices=CATEGORY_CHOICES, default="Society & Culture"
    )
    itunes_subcategory = models.CharField(
        _("sous-catégorie Apple"), max_length=64, choices=SUBCATEGORY_CHOICES, blank=True
    )
    explicit = models.BooleanField(_("contenu explicite"), default=False)
    author = models.CharField(_("auteur"), max_length=255)
    owner_name = models.CharField(_("nom du propriétaire"), max_length=255)
    owner_email = models.EmailField(
        _("e-mail du propriétaire"),
        help_text=_("Apple et les annuaires l'utilisent pour vérifier la propriété du podcast."),
    )
    copyright = models.CharField(_("droits d'auteur"), max_length=255, blank=True)
    show_type = models.CharField(
        _("type"), max_length=8, choices=ShowType.choices, default=ShowType.EPISODIC
    )
    podcast_guid = models.UUIDField(_("GUID du podcast"), null=True, editable=False)
    podcast_locked = models.BooleanField(
        _("verrouiller le flux"),
        default=True,
        help_text=_("Interdit à d'autres plateformes d'importer ce podcast (podcast:locked)."),
    )
    locked_owner_email = models.EmailField(
        _("e-mail de verrouillage"),
        blank=True,
        help_text=_("Laisser vide pour utiliser l'e-mail du propriétaire."),
    )
    license = models.CharField(
        _("licence"),
        max_length=128,
        blank=True,
        help_text=_("Identifiant SPDX (par exemple : cc-by-4.0) ou nom de la licence."),
    )
    license_url = models.URLField(_("adresse de la licence"), blank=True)
    apple_podcasts_url = models.URLField(
        _("Apple Podcasts"), blank=True, help_text=_("https://podcasts.apple.com/…")
    )
    spotify_url = models.URLField(
        _("Spotify"), blank=True, help_text=_("https://open.spotify.com/…")
    )
    deezer_url = models.URLField(_("Deezer"), blank=True, help_text=_("https://www.deezer.com/…"))
    youtube_music_url = models.URLField(
        _("YouTube Music"), blank=True, help_text=_("https://music.youtube.com/…")
    )
    podcast_addict_url = models.URLField(
        _("Podcast Addict"), blank=True, help_text=_("https://podcastaddict.com/…")
    )
    new_feed_url = models.URLField(
        _("nouvelle adresse du flux"),
        blank=True,
        help_text=_("Seulement si le podcast déménage : les applications suivront cette adresse."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("artwork"),
        FieldPanel("author"),
        InlinePanel("funding", heading=_("Soutenir le podcast"), label=_("lien de soutien")),
        MultiFieldPanel(
            [FieldPanel(name) for name in PLATFORM_FIELDS],
            heading=_("Plateformes d'écoute"),
            help_text=_("L'adresse du podcast sur chaque plateforme où il est référencé."),
        ),
    ]
    edit_handler = podcast_edit_handler(content_panels)
    objects = PageManager.from_queryset(PodcastPageQuerySet)()
    parent_page_types = ["episodes.HomePage"]
    subpage_types = ["episodes.EpisodePage"]
    exclude_fields_in_copy = ["podcast_guid"]

    class Meta:
        verbose_name = _("podcast")
        verbose_name_plural = _("podcasts")

    @property
    def feed_url(self):
        """The public address of the show's RSS feed."""
        return public_url(reverse("show_feed", kwargs={"slug": self.slug}))

    @property
    def platforms(self):
        """(name, address) of each listening platform the editors filled in, in form order."""
        fields = (self._meta.get_field(name) for name in PLATFORM_FIELDS)
        return [
            (str(f.verbose_name), getattr(self, f.name)) for f in fields if getattr(self, f.name)
        ]

    @property
    def lock_owner(self):
        """The e-mail named in podcast:locked."""
        return self.locked_owner_email or self.owner_email

    def clean(self):
        super().clean()
        errors = artwork_field_errors(self.artwork, "artwork")
        if not is_valid_category(self.itunes_category, self.itunes_subcategory):
            errors["itunes_subcategory"] = _(
                "Cette sous-catégorie n'appartient pas à la catégorie « %(category)s »."
            ) % {"category": self.itunes_category}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.podcast_guid is None and self.slug:
            self.podcast_guid = podcast_guid_for_feed_url(self.feed_url)
        super().save(*args, **kwargs)

    def episodes(self):
        """The show's published episodes, newest first."""
        return EpisodePage.objects.child_of(self).published().newest_first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        episodes = self.episodes().with_card_details()
        context["episodes"] = Paginator(episodes, EPISODES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["show"] = self
        context["description"] = self.description[:300]
        context["json_ld_data"] = show_json_ld(self)
        return context
