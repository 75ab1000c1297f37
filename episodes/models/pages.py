"""The podcast pages: home, shows and episodes."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from episodes.apple_categories import CATEGORY_CHOICES, SUBCATEGORY_CHOICES, is_valid_category
from episodes.artwork import image_artwork_errors
from episodes.forms import EpisodePageForm
from episodes.guids import new_episode_guid, podcast_guid_for_feed_url
from episodes.models.panels import episode_edit_handler, podcast_edit_handler
from episodes.models.snippets import Association, Theme
from episodes.seo import episode_json_ld, show_json_ld

MAX_DESCRIPTION_BYTES = 4000
EPISODES_PER_PAGE = 20


def requested_start(request):
    """The start time a visitor's link asks for (?t=754), in whole seconds; 0 if none or bad."""
    value = request.GET.get("t", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 7 else 0


def check_description_bytes(value):
    """Apple's limit on descriptions is counted in UTF-8 bytes, not characters."""
    size = len(value.encode("utf-8"))
    if size > MAX_DESCRIPTION_BYTES:
        raise ValidationError(
            _("%(size)s octets : la limite d'Apple est de %(limit)s octets (UTF-8)."),
            params={"size": size, "limit": MAX_DESCRIPTION_BYTES},
        )


def artwork_field_errors(image, field_name):
    """The artwork errors of an image field, keyed for ValidationError."""
    errors = image_artwork_errors(image) if image else []
    return {field_name: errors} if errors else {}


class ShowType(models.TextChoices):
    """Apple's itunes:type; stored values are Apple's strings."""

    EPISODIC = "episodic", _("Épisodique (les plus récents d'abord)")
    SERIAL = "serial", _("Série (à écouter dans l'ordre)")


class EpisodeType(models.TextChoices):
    """Apple's itunes:episodeType; stored values are Apple's strings."""

    FULL = "full", _("Épisode complet")
    TRAILER = "trailer", _("Bande-annonce")
    BONUS = "bonus", _("Bonus")


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
        context["shows"] = PodcastPage.objects.child_of(self).live().public()
        context["show"] = context["shows"].first()
        context["latest_episodes"] = (
            EpisodePage.objects.published()
            .newest_first()
            .select_related("audio")
            .prefetch_related("themes")[:6]
        )
        context["themes"] = Theme.objects.all()
        context["associations"] = Association.objects.all()
        return context


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
    ]
    edit_handler = podcast_edit_handler(content_panels)
    parent_page_types = ["episodes.HomePage"]
    subpage_types = ["episodes.EpisodePage"]
    exclude_fields_in_copy = ["podcast_guid"]

    class Meta:
        verbose_name = _("podcast")
        verbose_name_plural = _("podcasts")

    @property
    def feed_url(self):
        """The public address of the show's RSS feed."""
        return settings.PUBLIC_BASE_URL + reverse("show_feed", kwargs={"slug": self.slug})

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
        episodes = self.episodes().select_related("audio").prefetch_related("themes")
        context["episodes"] = Paginator(episodes, EPISODES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["show"] = self
        context["description"] = self.description[:300]
        context["json_ld_data"] = show_json_ld(self)
        return context


class EpisodePageQuerySet(PageQuerySet):
    """Episodes as listeners and visitors see them."""

    def published(self):
        """Live, public episodes whose publication time has come."""
        return self.live().public().filter(publication_date__lte=timezone.now())

    def newest_first(self):
        return self.order_by("-publication_date", "-pk")


class EpisodePage(Page):
    """An episode: a recorded testimony, its audio, transcript and chapters."""

    guid = models.CharField(
        _("GUID"), max_length=255, unique=True, default=new_episode_guid, editable=False
    )
    # The <guid> an imported episode had in its former feed: kept in ours, so that podcast apps
    # do not download it again. Not unique: hosts reuse GUIDs like "1", so the importer looks
    # an episode up by it within its show.
    source_guid = models.CharField(
        _("GUID d'origine"), max_length=1000, blank=True, db_index=True, editable=False
    )
    audio = models.ForeignKey(
        "episodes.AudioFile",
        verbose_name=_("audio"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="episodes",
    )
    summary = models.TextField(
        _("résumé"),
        validators=[check_description_bytes],
        help_text=_("Texte brut affiché par les applications, 4 000 octets au plus."),
    )
    show_notes = RichTextField(
        _("notes d'épisode"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    publication_date = models.DateTimeField(
        _("date de publication"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Laisser vide : la date de mise en ligne."),
    )
    season = models.PositiveIntegerField(_("saison"), null=True, blank=True)
    episode_number = models.PositiveIntegerField(_("numéro d'épisode"), null=True, blank=True)
    episode_type = models.CharField(
        _("type d'épisode"), max_length=8, choices=EpisodeType.choices, default=EpisodeType.FULL
    )
    explicit = models.BooleanField(_("contenu explicite"), default=False)
    artwork = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("pochette de l'épisode"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultative. JPEG ou PNG, RVB, carrée, de 1400 à 3000 pixels de côté."),
    )
    themes = ParentalManyToManyField("episodes.Theme", verbose_name=_("thèmes"), blank=True)
    associations = ParentalManyToManyField(
        "episodes.Association", verbose_name=_("associations à l'honneur"), blank=True
    )
    soundbite_start = models.FloatField(
        _("extrait : début (secondes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Un passage marquant que les applications peuvent faire écouter."),
    )
    soundbite_duration = models.FloatField(
        _("extrait : durée (secondes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    event = models.ForeignKey(
        "episodes.Event",
        verbose_name=_("événement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="episodes",
    )

    objects = PageManager.from_queryset(EpisodePageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("audio"),
        FieldPanel("summary"),
        FieldPanel("show_notes"),
        FieldPanel("artwork"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("associations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("event"),
            ],
            heading=_("Classement"),
        ),
        InlinePanel("speakers", heading=_("Intervenants"), label=_("intervenant")),
    ]
    details_panels = [
        FieldPanel("publication_date"),
        FieldRowPanel([FieldPanel("season"), FieldPanel("episode_number")]),
        FieldRowPanel([FieldPanel("episode_type"), FieldPanel("explicit")]),
        FieldRowPanel([FieldPanel("soundbite_start"), FieldPanel("soundbite_duration")]),
    ]
    edit_handler = episode_edit_handler(content_panels, details_panels)
    base_form_class = EpisodePageForm
    parent_page_types = ["episodes.PodcastPage"]
    subpage_types = []
    exclude_fields_in_copy = ["guid", "source_guid"]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("show_notes"),
        index.FilterField("publication_date"),
        index.FilterField("event"),
        index.SearchField("transcript_text"),
        index.RelatedFields(
            "speakers", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
        index.RelatedFields("associations", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("épisode")
        verbose_name_plural = _("épisodes")

    def transcript_text(self):
        """The whole transcript as one text: indexed in one piece rather than cue by cue, which on
        PostgreSQL concatenates hundreds of tsvectors per episode and takes ten times longer."""
        return " ".join(segment.body for segment in self.transcript_segments.all())

    @property
    def audio_path(self):
        """Where listeners fetch the audio: the platform's own endpoint, ending in its extension."""
        return reverse("episode_audio", kwargs={"guid": self.guid, "ext": self.audio.extension})

    @property
    def enclosure_url(self):
        """The absolute audio URL given to podcast apps."""
        return settings.PUBLIC_BASE_URL + self.audio_path

    def clean(self):
        super().clean()
        errors = artwork_field_errors(self.artwork, "artwork")
        if self.season == 0 or self.episode_number == 0:
            errors["season" if self.season == 0 else "episode_number"] = _(
                "Les numéros de saison et d'épisode commencent à 1."
            )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        show = self.get_parent().specific
        themes, associations = list(self.themes.all()), list(self.associations.all())
        context.update(
            show=show,
            themes=themes,
            associations=associations,
            start=requested_start(request),
            speakers=self.speakers.select_related("person__association"),
            chapters=self.chapters.all(),
            transcript=self.transcript_segments.all(),
            description=self.summary[:300],
            json_ld_data=episode_json_ld(self, show, themes, associations),
        )
        return context

    @property
    def preview_modes(self):
        return [("", _("Page de l'épisode")), ("feed-item", _("Élément du flux"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "feed-item":
            # Imported here: the feed code imports the models.
            from episodes.preview import serve_feed_item_preview

            return serve_feed_item_preview(self, request)
        return super().serve_preview(request, mode_name)

    def save(self, *args, **kwargs):
        if self.live and self.publication_date is None:
            self.publication_date = self.go_live_at or timezone.now()
        super().save(*args, **kwargs)
