"""The episode editor's form: the transcript as text or an uploaded file, chapter import, checks
across the chapters, and the speakers' consent when publishing."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.auto_height_text import AdminAutoHeightTextInput

from episodes.editor.consent import formset_speakers_without_consent, is_publishing, refusal_message
from episodes.editor.kept_uploads import KeptFileInput, keep_or_ask_again, refuse_lost_files
from episodes.editor.scheduling import PublicationDateSchedules
from episodes.editor.transcript_text import (
    TranscriptTextField,
    read_edited_transcript,
    transcript_as_text,
)
from episodes.formats.chapters import (
    ChapterError,
    chapter_time_errors,
    chapters_from_id3,
    parse_chapters_json,
)
from episodes.formats.transcripts import TranscriptError, parse_transcript_file

MAX_TEXT_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ERRORS_SHOWN = 5


def check_text_upload_size(upload):
    """A transcript or chapters file is text: a few hundred kilobytes, never megabytes."""
    if upload.size > MAX_TEXT_UPLOAD_BYTES:
        raise ValidationError(
            _("Le fichier « %(name)s » dépasse %(limit)s Mo : est-ce bien le bon fichier ?"),
            params={"name": upload.name, "limit": MAX_TEXT_UPLOAD_BYTES // 1024**2},
        )


def first_few(messages, shown=MAX_ERRORS_SHOWN):
    """The first messages of a long list, then « … et N autres erreurs. »: an editor reads a few
    and fixes the file; 667 of them made a 690 kB page."""
    if len(messages) <= shown:
        return messages
    rest = len(messages) - shown
    more = ngettext("… et %(count)s autre erreur.", "… et %(count)s autres erreurs.", rest)
    return [*messages[:shown], more % {"count": rest}]


def next_numbering(numbering):
    """(season, episode number) suggested after these episodes' (season, number) pairs: the
    latest season, the number after its highest there; None when that season numbers none."""
    if not numbering:
        return None, 1
    season = max((pair[0] for pair in numbering if pair[0] is not None), default=None)
    numbers = [number for of, number in numbering if of == season and number is not None]
    return (season, max(numbers) + 1) if numbers else None


class EpisodePageForm(PublicationDateSchedules, WagtailAdminPageForm):
    """Checks and imports an episode's transcript and chapters, and refuses publishing while a
    speaker's consent is missing; never loses the editor's edits."""

    transcript_vtt = TranscriptTextField(
        label=_("Transcription (WebVTT)"),
        required=False,
        help_text=_(
            "Chaque passage : une ligne « début --> fin » (par exemple « 00:01:05.250 --> "
            "00:01:09.000 »), puis son texte, précédé de <v Nom> pour nommer l'intervenant ; "
            "une ligne vide entre deux passages. Videz le champ pour retirer la transcription."
        ),
    )
    transcript_file = forms.FileField(
        label=_("Fichier de transcription"),
        required=False,
        validators=[check_text_upload_size],
        help_text=_(
            "WebVTT (.vtt), SRT (.srt) ou transcription JSON Podcasting 2.0 (.json), encodé en "
            "UTF-8. Remplace toute la transcription ci-dessus. Les intervenants sont lus dans les "
            "balises <v Nom> du WebVTT, le champ « speaker » du JSON, et en SRT dans un "
            "« Nom: » en tête de sous-titre (valable pour les sous-titres suivants)."
        ),
    )
    import_audio_chapters = forms.BooleanField(
        label=_("Importer les chapitres du fichier audio"),
        required=False,
        help_text=_("Lit les chapitres ID3 du MP3 choisi et remplace ceux de la liste."),
    )
    chapters_file = forms.FileField(
        label=_("Fichier de chapitres (JSON Podcasting 2.0)"),
        required=False,
        widget=KeptFileInput,
        validators=[check_text_upload_size],
        help_text=_(
            "Un fichier chapters.json ; remplace les chapitres de la liste. Les chapitres "
            "masqués (« toc »: false) sont ignorés."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["transcript_vtt"] = transcript_as_text(self.instance.transcript_segments.all())
        if not self.instance.pk and self.parent_page is not None:
            self.suggest_numbering()
        if "title" in self.fields:
            self.wrap_title()

    def wrap_title(self):
        """A long title wraps in a text area growing with it, instead of being cut; what is typed
        stays one line (clean_title)."""
        widget = self.fields["title"].widget
        self.fields["title"].widget = AdminAutoHeightTextInput(attrs=dict(widget.attrs))

    def clean_title(self):
        return " ".join(self.cleaned_data.get("title", "").split())

    def suggest_numbering(self):
        """A new episode of a show gets the next number in its latest season, filled in and said
        in the help text; nothing when the show's episodes carry no number."""
        siblings = type(self.instance).objects.child_of(self.parent_page)
        suggestion = next_numbering(list(siblings.values_list("season", "episode_number")))
        if suggestion is None or "episode_number" not in self.fields:
            return
        season, number = suggestion
        self.initial["episode_number"] = self.initial.get("episode_number") or number
        if season is not None:
            self.initial["season"] = self.initial.get("season") or season
            text = _("Suggestion : épisode %(number)s, saison %(season)s.")
        else:
            text = _("Suggestion : épisode %(number)s.")
        self.fields["episode_number"].help_text = text % {"number": number, "season": season}

    def is_valid(self):
        """Consent is checked once the form and its formsets are valid, on the speakers being sent;
        on refusal Wagtail re-renders the editor with everything the editor typed, and the files
        chosen are kept (or asked for again)."""
        valid = super().is_valid() and not self.refused_for_consent()
        if not valid:
            keep_or_ask_again(self, "chapters_file")
            # An accepted transcript file is already in the text box (show_transcript).
            keep_or_ask_again(self, "transcript_file", keep_file=False)
        return valid

    def refused_for_consent(self):
        if is_publishing(self.data) and "speakers" in self.formsets:
            missing = formset_speakers_without_consent(self.formsets["speakers"])
            if missing:
                self.add_error(None, refusal_message(missing))
                return True
        return False

    def clean(self):
        cleaned_data = super().clean()
        refuse_lost_files(self, ["chapters_file"])
        audio = cleaned_data.get("audio")
        duration = audio.duration if audio else 0
        self.new_segments = self.new_transcript(duration)
        self.new_chapters = self.imported_chapters(audio)
        if self.new_chapters is None:
            self.check_listed_chapters(duration)
        else:
            self.check_imported_chapters(duration)
        return cleaned_data

    def new_transcript(self, duration):
        """The segments of the uploaded file, else of the edited text; None when neither changes
        the transcript or when it is refused (the error is on its field, the text kept)."""
        upload = self.cleaned_data.get("transcript_file")
        field = "transcript_file" if upload else "transcript_vtt"
        try:
            if upload:
                segments = parse_transcript_file(upload.name, upload.read(), duration=duration)
                self.show_transcript(segments)
                return segments
            if "transcript_vtt" in self.changed_data and "transcript_vtt" in self.cleaned_data:
                return read_edited_transcript(self.cleaned_data["transcript_vtt"], duration)
        except TranscriptError as error:
            self.add_error(field, error.message)
        return None

    def show_transcript(self, segments):
        """Put an accepted upload in the text box: if another field is refused, the editor sees
        it there and saves it again without sending the file again."""
        self.data = self.data.copy()
        self.data[self.add_prefix("transcript_vtt")] = transcript_as_text(segments)

    def imported_chapters(self, audio):
        """Chapters from the audio's ID3 frames or an uploaded JSON file; None if not asked."""
        upload = self.cleaned_data.get("chapters_file")
        from_audio = self.cleaned_data.get("import_audio_chapters")
        field = "chapters_file" if upload else "import_audio_chapters"
        try:
            if upload and from_audio:
                raise ChapterError(
                    _("Choisissez une seule source : le fichier audio ou le fichier JSON.")
                )
            if upload:
                return parse_chapters_json(upload.read())
            if from_audio and audio:
                return self.audio_file_chapters(audio)
            if from_audio:
                raise ChapterError(_("Choisissez d'abord le fichier audio de l'épisode."))
        except ChapterError as error:
            self.add_error(field, error.message)
        return None

    def audio_file_chapters(self, audio):
        try:
            with audio.file.open("rb") as audio_file:
                return chapters_from_id3(audio_file)
        except OSError:
            raise ChapterError(
                _("Le fichier audio « %(title)s » est introuvable sur le stockage.")
                % {"title": audio.title}
            ) from None

    def check_imported_chapters(self, duration):
        field = (
            "chapters_file" if self.cleaned_data.get("chapters_file") else "import_audio_chapters"
        )
        errors = chapter_time_errors([c.start_time for c in self.new_chapters], duration)
        messages = [
            f"« {self.new_chapters[i].title} » : {message}" for i, message in errors.items()
        ]
        for message in first_few(messages):
            self.add_error(field, message)
        if errors:
            self.new_chapters = None

    def check_listed_chapters(self, duration):
        """Chapters of the inline list: inside the audio, no two at the same time."""
        formset = self.formsets.get("chapters")
        if formset is None:
            return
        formset.is_valid()  # each chapter form is cleaned once; errors added below stay with it
        listed = [
            form
            for form in formset.forms
            if not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("start_time") is not None
        ]
        starts = [form.cleaned_data["start_time"] for form in listed]
        for index, message in chapter_time_errors(starts, duration).items():
            listed[index].add_error("start_time", message)

    def save(self, commit=True):
        page = super().save(commit=commit)
        if self.replace_children(page) and commit:
            page.save()  # a draft's own row: children replaced after the formsets were saved
        return page

    def replace_children(self, page):
        """Put the uploaded transcript's segments and imported chapters on the page; True if any.

        Chapters need no sorting here: Chapter's ordering (start time) lists them in time order in
        the editor, on the page and in chapters.json, whatever order they were typed in.
        """
        if self.new_segments is not None:
            TranscriptSegment = page.transcript_segments.model
            page.transcript_segments = [
                TranscriptSegment(sort_order=index, **vars(segment))
                for index, segment in enumerate(self.new_segments)
            ]
        if self.new_chapters is not None:
            Chapter = page.chapters.model
            page.chapters = [
                Chapter(sort_order=index, **vars(chapter))
                for index, chapter in enumerate(self.new_chapters)
            ]
        return self.new_segments is not None or self.new_chapters is not None
