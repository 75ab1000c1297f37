"""What episodes and shows are made of besides their page: speakers, chapters, transcript…"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import model_from_serializable_data
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from episodes.formats.timecodes import format_timecode
from episodes.models.fields import BulkParentalKey, TimecodeField, optional_image


class SpeakerRole(models.TextChoices):
    """Roles from the Podcast Taxonomy; the stored value is the taxonomy's own (English) string."""

    HOST = "host", _("Animation")
    CO_HOST = "co-host", _("Co-animation")
    GUEST = "guest", _("Personne invitée")
    GUEST_HOST = "guest host", _("Animation invitée")
    NARRATOR = "narrator", _("Narration")
    PRODUCER = "producer", _("Production")
    EDITOR = "editor", _("Montage")
    SOUND_ENGINEER = "sound engineer", _("Prise de son")

    @property
    def group(self):
        """The taxonomy group of the role (« cast » or « crew »), for podcast:person."""
        cast = {"host", "co-host", "guest", "guest host", "narrator"}
        return "cast" if self.value in cast else "crew"


class FundingLink(Orderable):
    """A place where listeners can support the show (podcast:funding)."""

    show = ParentalKey("episodes.PodcastPage", on_delete=models.CASCADE, related_name="funding")
    url = models.URLField(_("adresse"))
    label = models.CharField(
        _("libellé"), max_length=128, help_text=_("Par exemple : Soutenir la radio")
    )

    panels = [FieldPanel("url"), FieldPanel("label")]


class ConsentScope(models.TextChoices):
    """What a speaker agreed to: where their voice and words may be published."""

    EVERYWHERE = "everywhere", _("Diffusion audio, site et réseaux sociaux")
    AUDIO_AND_SITE = "audio-and-site", _("Diffusion audio et site (pas de réseaux sociaux)")
    AUDIO_ONLY = "audio-only", _("Diffusion audio seulement (flux du podcast)")


class EpisodeSpeaker(Orderable):
    """A person heard in an episode, with their role and their consent to be published."""

    episode = ParentalKey("episodes.EpisodePage", on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "episodes.Person", verbose_name=_("personne"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("rôle"), max_length=32, choices=SpeakerRole.choices, default=SpeakerRole.GUEST
    )

    consent_given = models.BooleanField(
        _("consentement recueilli"),
        default=False,
        help_text=_("Sans consentement enregistré, l'épisode ne peut pas être publié."),
    )
    consent_date = models.DateField(_("date du consentement"), null=True, blank=True)
    consent_scope = models.CharField(
        _("portée du consentement"),
        max_length=32,
        choices=ConsentScope.choices,
        default=ConsentScope.EVERYWHERE,
    )
    consent_recorded_by = models.CharField(
        _("recueilli par"),
        max_length=200,
        blank=True,
        help_text=_("Qui a recueilli le consentement (nom, fonction)."),
    )

    panels = [
        FieldRowPanel([FieldPanel("person"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("consent_given"), FieldPanel("consent_date")]),
        FieldRowPanel([FieldPanel("consent_scope"), FieldPanel("consent_recorded_by")]),
    ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        if self.consent_given and not self.consent_date:
            raise ValidationError({"consent_date": _("Indiquez la date du consentement.")})


class Chapter(Orderable):
    """A chapter of an episode: where it starts, its title, and an optional link and image."""

    episode = ParentalKey("episodes.EpisodePage", on_delete=models.CASCADE, related_name="chapters")
    start_time = TimecodeField(
        _("début"),
        validators=[MinValueValidator(0)],
        help_text=_("Minutes:secondes ou heures:minutes:secondes, par exemple 1:15 ou 1:02:03."),
    )
    title = models.CharField(_("titre"), max_length=255)
    url = models.URLField(_("lien"), blank=True)
    image = optional_image(_("image"))

    panels = [
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("url"), FieldPanel("image")]),
    ]

    class Meta(Orderable.Meta):
        ordering = ["start_time", "sort_order"]

    def __str__(self):
        return self.title

    @property
    def start_display(self):
        return format_timecode(self.start_time)


class TranscriptSegment(Orderable):
    """A timed passage of an episode's transcript, with who speaks."""

    # Written in bulk: a two-hour episode has 5,000 cues.
    episode = BulkParentalKey(
        "episodes.EpisodePage", on_delete=models.CASCADE, related_name="transcript_segments"
    )
    start_time = TimecodeField(_("début"), validators=[MinValueValidator(0)])
    end_time = TimecodeField(_("fin"), validators=[MinValueValidator(0)])
    speaker = models.CharField(_("intervenant"), max_length=200, blank=True)
    body = models.TextField(_("texte"))

    class Meta(Orderable.Meta):
        ordering = ["start_time", "sort_order"]

    def __str__(self):
        return self.body[:60]

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        """A cue read from a revision. Its only foreign key is its episode, the page being read:
        modelcluster would look that page up once per cue (5,000 queries, 4 s, for a two-hour
        episode, each time a revision is opened, previewed or published)."""
        return model_from_serializable_data(cls, data, check_fks=False)

    @property
    def start_display(self):
        return format_timecode(self.start_time)
