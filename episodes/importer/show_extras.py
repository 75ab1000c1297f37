"""A channel's Podcasting 2.0 values written into its show: funding links and licence; what the
site cannot hold is reported, per tag, in the import summary."""

from django.utils.translation import gettext as _

from episodes.models.episode_parts import FundingLink


def channel_fields(show, data, outcome):
    """The show's fields the channel's funding and licence change (show None: a new show); the
    channel's values the site cannot hold go to the outcome's warnings."""
    outcome.warnings.extend(_("Podcast — %(what)s") % {"what": what} for what in data.not_imported)
    fields = {}
    if data.license and (show is None or show.license != data.license):
        fields["license"] = data.license
    url = data.license_url if data.license_url.startswith(("http://", "https://")) else ""
    if url and (show is None or show.license_url != url):
        fields["license_url"] = url
    if data.funding and (show is None or funding_of(show) != list(data.funding)):
        fields["funding"] = [FundingLink(url=url, label=text) for url, text in data.funding]
    return fields


def funding_of(show):
    """The show's funding links as (url, label) pairs, in order."""
    return [(link.url, link.label) for link in show.funding.all()]
