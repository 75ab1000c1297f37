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
    associations = partner_associations(user)
    if associations is None:
        return False
    return set(
        EpisodePage.objects.filter(associations__in=associations).values_list("pk", flat=True)
    )


def partner_associations(user):
    """The associations a partner is linked to, by name; None for someone who is no partner."""
    membership = PartnerMembership.objects.filter(user=user).first()
    return None if membership is None else list(membership.associations.order_by("name"))


def may_see_audience(user):
    return audience_scope(user) is not False
