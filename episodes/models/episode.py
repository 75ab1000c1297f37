"""An episode: a recorded testimony, its audio, transcript and chapters, as a page of its show."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task

from episodes.delivery.addresses import public_url
from episodes.editor.panels import episode_edit_handler
from episodes.editor.scheduling import PublicationDatePanel
from episodes.feeds.preview import FEED_ITEM_MODE, serve_feed_item_preview
from episodes.models.episode_queryset import EpisodePageQuerySet
from episodes.models.fields import optional_image
from episodes.standards.apple import artwork_field_errors, check_description_bytes
from episodes.standards.podcasting20 import new_episode_guid
from episodes.standards.schema_org import episode_json_ld


def requested_start(request):
    """The start time a visitor's link asks for (?t=754), in whole seconds; 0 if none or bad."""
    value = request.GET.get("t", "")
    return int(value) if value.isascii() and value.isdigit() and len(value) < 7 else 0


class EpisodeType(models.TextChoices):
    """Apple's itunes:episodeType; stored values are Apple's strings."""

    FULL = "full", _("Épisode complet")
    TRAILER = "trailer", _("Bande-annonce")
    BONUS = "bonus", _("Bonus")


class EpisodePage(Page):
    """An episode: a recorded testimony, its audio, transcript and chapters."""

    guid = models.CharField(
        _("GUID"), max_length=255, unique=True, default=new_episode_guid, editable=False
    )
    # The <guid> an imported episode had in its former feed: kept in ours, so that podcast apps
    # do not download it again. Unique within the show it was imported into (source_show), not
    # across shows: hosts reuse GUIDs like "1". Both are the database's, never a revision's.
    source_guid = models.CharField(
        _("GUID d'origine"), max_length=1000, blank=True, db_index=True, editable=False
    )
    source_show = models.ForeignKey(
        "episodes.PodcastPage",
        verbose_name=_("podcast d'origine"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
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
    artwork = optional_image(
        _("pochette de l'épisode"),
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
        PublicationDatePanel(
            "publication_date",
            help_text=_(
                "Une date à venir programme l'épisode : il sera publié à cette date. Vide : la "
                "date de mise en ligne."
            ),
        ),
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
        FieldRowPanel([FieldPanel("season"), FieldPanel("episode_number")]),
        FieldRowPanel([FieldPanel("episode_type"), FieldPanel("explicit")]),
        FieldRowPanel([FieldPanel("soundbite_start"), FieldPanel("soundbite_duration")]),
    ]
    edit_handler = episode_edit_handler(content_panels, details_panels)
    parent_page_types = ["episodes.PodcastPage"]
    subpage_types = []
    exclude_fields_in_copy = ["guid", "source_guid", "source_show"]
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
        constraints = [
            models.UniqueConstraint(
                fields=["source_show", "source_guid"],
                condition=~models.Q(source_guid=""),
                name="unique_source_guid_per_show",
            )
        ]

    def with_content_json(self, content):
        """A revision's episode keeps the database's import origin (revisions saved before the
        origin was recorded would otherwise blank it)."""
        obj = super().with_content_json(content)
        obj.source_guid, obj.source_show_id = self.source_guid, self.source_show_id
        return obj

    def transcript_text(self):
        """The whole transcript as one text: indexed in one piece rather than cue by cue, which on
        PostgreSQL concatenates hundreds of tsvectors per episode and takes ten times longer.
        The bodies alone are read: the index asks three times per save, 5,000 cues each."""
        return " ".join(self.transcript_segments.all().values_list("body", flat=True))

    @property
    def audio_path(self):
        """Where listeners fetch the audio: the platform's own endpoint, ending in its extension."""
        return reverse("episode_audio", kwargs={"guid": self.guid, "ext": self.audio.extension})

    @property
    def enclosure_url(self):
        """The absolute audio URL given to podcast apps."""
        return public_url(self.audio_path)

    def clean(self):
        super().clean()
        errors = artwork_field_errors(self.artwork, "artwork")
        if self.season == 0 or self.episode_number == 0:
            errors["season" if self.season == 0 else "episode_number"] = _(
                "Les numéros de saison et d'épisode commencent à 1."
            )
        if errors:
            raise ValidationError(errors)

    def publication_time_has_come(self):
        """Whether listeners may have it yet: this episode's side of published()."""
        return self.publication_date is not None and self.publication_date <= timezone.now()

    def serve(self, request, *args, **kwargs):
        """The episode's page; before its publication time, a 404 as in feeds, search and the
        sitemap, except for those who may edit it (the admin's « Voir en direct »)."""
        if self.publication_time_has_come():
            return super().serve(request, *args, **kwargs)
        if not self.permissions_for_user(request.user).can_edit():
            raise Http404
        response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)  # an editor's view, never kept for anyone else
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        show = self.get_parent().specific
        themes, associations = list(self.themes.all()), list(self.associations.all())
        context.update(
            show=show,
            themes=themes,
            associations=associations,
            start=requested_start(request),
            # pk breaks ties: speakers set in code (demo, import) have no sort_order, and a
            # database gives equal rows in any order (a restored PostgreSQL did).
            speakers=self.speakers.select_related("person__association", "person__photo").order_by(
                "sort_order", "pk"
            ),
            # « À écouter aussi »: every episode page leads somewhere.
            related=EpisodePage.objects.for_listing().related_to(self, themes, associations)[:4],
            chapters=self.chapters.all(),
            transcript=self.transcript_segments.all(),
            description=self.summary[:300],
            json_ld_data=episode_json_ld(self, show, themes, associations),
        )
        return context

    @property
    def preview_modes(self):
        return [("", _("Page de l'épisode")), (FEED_ITEM_MODE, _("Élément du flux"))]

    def serve_preview(self, request, mode_name):
        if mode_name == FEED_ITEM_MODE:
            return serve_feed_item_preview(self, request)
        return super().serve_preview(request, mode_name)

    def save(self, *args, **kwargs):
        if self.live and self.publication_date is None:
            self.publication_date = self.go_live_at or timezone.now()
        update_fields = kwargs.get("update_fields")
        writes_cues = "transcript_segments" in getattr(self, "_cluster_related_objects", {}) and (
            update_fields is None or "transcript_segments" in update_fields
        )
        # Saving the page's row updates the search index, which reads the transcript: written
        # after it (modelcluster's order), a published transcript was found only after the
        # next save. The cues go first; a new page has no id for them yet: indexed again.
        cues_first = writes_cues and self.pk is not None
        with transaction.atomic():
            if cues_first:
                self.transcript_segments.commit()
            super().save(*args, **kwargs)
        if writes_cues and not cues_first:
            meta = self._meta
            insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, str(self.pk))
