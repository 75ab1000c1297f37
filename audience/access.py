"""Who sees which figures: the radio's team every episode's; a member of « Association
partenaire » only the episodes featuring the associations they are linked to."""

from audience.models import PartnerMembership
from episodes.models import EpisodePage

VIEW_ALL = "audience.view_audience"
PARTNERS_GROUP = "Association partenaire"


def audience_scope(user):
    """None (every episode), a set of episode ids, or False (no figures at all)."""
    if not user.is_active:
        return False
    if user.has_perm(VIEW_ALL):
        return None
    membership = PartnerMembership.objects.filter(user=user).first()
    if membership is None:
        return False
    associations = membership.associations.all()
    return set(
        EpisodePage.objects.filter(associations__in=associations).values_list("pk", flat=True)
    )


def partner_associations(user):
    """The associations whose figures a partner reads (none for the radio's team)."""
    membership = PartnerMembership.objects.filter(user=user).first()
    return [] if membership is None else list(membership.associations.order_by("name"))


def may_see_audience(user):
    return audience_scope(user) is not False
