"""The admin page « Importer un podcast »: a form that starts an import, and each job's status."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, FormView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from episodes.importer.background import start_job
from episodes.importer.fetch import FEED_MAX_BYTES, MEGABYTE
from episodes.importer.parse import InvalidFeed, channel_element
from episodes.importer.run import may_publish
from episodes.importer.show import our_owner_email
from episodes.models import ImportJob, PodcastPage

PERMISSION = "episodes.add_importjob"
JOBS_LISTED = 20


class ImportForm(forms.Form):
    """The feed to import, by its address or as an uploaded RSS file (exactly one of the two)."""

    url = forms.URLField(
        label=_("Adresse du flux RSS"),
        max_length=2000,
        required=False,
        assume_scheme="https",
        help_text=_("Celle que votre hébergeur actuel donne aux applications de podcast."),
    )
    feed_file = forms.FileField(
        label=_("Ou fichier RSS du flux"),
        required=False,
        help_text=_("Le fichier .xml du flux, exporté depuis votre hébergeur actuel."),
    )
    show = forms.ModelChoiceField(
        label=_("Importer dans l'émission…"),
        queryset=PodcastPage.objects.order_by("title"),
        required=False,
        empty_label=_("Celle de ce flux s'il a déjà été importé, sinon une nouvelle émission"),
        help_text=_(
            "Une émission est retrouvée par son GUID (podcast:guid) ou l'adresse de son flux. "
            "Choisissez-en une pour y ajouter les épisodes d'un flux importé par fichier ou "
            "qui a changé d'adresse : sa page reste telle quelle."
        ),
    )
    owner_email = forms.EmailField(
        label=_("E-mail du propriétaire dans notre flux"),
        required=False,
        help_text=_(
            "Apple et les annuaires l'utilisent pour vérifier la propriété du podcast ; "
            "l'adresse donnée par l'ancien hébergeur n'est pas reprise. Vide : celle de "
            "l'émission principale du site."
        ),
    )
    podcast_locked = forms.BooleanField(
        label=_("Verrouiller notre flux (podcast:locked)"),
        required=False,
        initial=True,
        help_text=_(
            "Interdit à d'autres plateformes d'importer ce podcast depuis notre flux, sauf "
            "accord de l'adresse ci-dessus."
        ),
    )
    publish = forms.BooleanField(
        label=_("Publier sans passer par la validation"),
        required=False,
        help_text=_(
            "Sinon, le podcast et ses épisodes sont enregistrés comme brouillons et soumis à la "
            "validation, comme les épisodes écrits sur le site."
        ),
    )

    def __init__(self, *args, may_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_publish:  # offered only to those who may publish
            del self.fields["publish"]

    def clean_feed_file(self):
        """The uploaded feed's bytes, refused at once when too big or not an RSS document."""
        upload = self.cleaned_data["feed_file"]
        if not upload:
            return None
        if upload.size > FEED_MAX_BYTES:
            raise forms.ValidationError(
                _("Ce fichier dépasse la limite de %(limit)s Mo.")
                % {"limit": FEED_MAX_BYTES // MEGABYTE}
            )
        data = upload.read()
        try:
            channel_element(data)
        except InvalidFeed as problem:
            raise forms.ValidationError(str(problem)) from None
        return data

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if bool(cleaned.get("url")) == (cleaned.get("feed_file") is not None):
            raise forms.ValidationError(
                _("Donnez l'adresse du flux ou choisissez un fichier, pas les deux.")
            )
        return cleaned

    def job_source(self):
        """(source, feed bytes) of the ImportJob: the address, or the file's name and bytes."""
        if self.cleaned_data["feed_file"] is None:
            return self.cleaned_data["url"], None
        return self.files["feed_file"].name[:2000], self.cleaned_data["feed_file"]


class ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """Start an import; the latest jobs below the form."""

    template_name = "episodes/admin/import_index.html"
    form_class = ImportForm
    page_title = _("Importer un podcast")
    header_icon = "download"
    breadcrumbs_items = []

    def get_initial(self):
        return {"owner_email": our_owner_email(), "podcast_locked": True}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "may_publish": may_publish(self.request.user)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["jobs"] = ImportJob.objects.select_related("show", "user")[:JOBS_LISTED]
        return context

    def form_valid(self, form):
        source, feed_file = form.job_source()
        job = ImportJob.objects.create(
            source=source,
            feed_file=feed_file,
            owner_email=form.cleaned_data["owner_email"],
            podcast_locked=form.cleaned_data["podcast_locked"],
            show=form.cleaned_data["show"],
            user=self.request.user,
            publish=form.cleaned_data.get("publish", False),
        )
        start_job(job)
        return redirect("podcast_import_job", pk=job.pk)


class ImportJobView(ImportPermissionMixin, WagtailAdminTemplateMixin, DetailView):
    """An import's progress, counts and messages; the page refreshes itself while it runs."""

    model = ImportJob
    context_object_name = "job"
    template_name = "episodes/admin/import_job.html"
    page_title = _("Import d'un podcast")
    header_icon = "download"
    breadcrumbs_items = []


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def admin_urls():
    return [
        path("import-podcast/", ImportView.as_view(), name="podcast_import"),
        path("import-podcast/<int:pk>/", ImportJobView.as_view(), name="podcast_import_job"),
    ]


def menu_item():
    return ImportMenuItem(
        _("Importer un podcast"), reverse_lazy("podcast_import"), icon_name="download", order=210
    )
