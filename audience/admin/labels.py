"""French names of what the reports break figures down by."""

from django.urls import reverse
from django.utils import dates
from django.utils.translation import gettext_lazy as _

GROUP_TITLES = {
    "show": _("Audience par émission"),
    "theme": _("Audience par thème"),
    "association": _("Audience par association"),
}
GROUP_TABS = {"show": _("Émissions"), "theme": _("Thèmes"), "association": _("Associations")}
BREAKDOWN_TITLES = {
    "app": _("Audience par application"),
    "device": _("Audience par type d'appareil"),
    "country": _("Audience par pays"),
    "hour": _("Audience par heure (heure de Paris)"),
    "weekday": _("Audience par jour de la semaine"),
}
BREAKDOWN_TABS = {
    "app": _("Applications"),
    "device": _("Appareils"),
    "country": _("Pays"),
    "hour": _("Heures"),
    "weekday": _("Jours"),
}
DEVICES = {
    "mobile": _("Téléphone ou tablette"),
    "computer": _("Ordinateur"),
    "smart_speaker": _("Enceinte connectée"),
    "smart_tv": _("Téléviseur"),
    "watch": _("Montre"),
    "auto": _("Voiture"),
}
WEEKDAYS = [
    _("lundi"),
    _("mardi"),
    _("mercredi"),
    _("jeudi"),
    _("vendredi"),
    _("samedi"),
    _("dimanche"),
]
COUNTRIES = {
    "FR": _("France"),
    "BE": _("Belgique"),
    "CH": _("Suisse"),
    "CA": _("Canada"),
    "LU": _("Luxembourg"),
    "DE": _("Allemagne"),
    "ES": _("Espagne"),
    "IT": _("Italie"),
    "GB": _("Royaume-Uni"),
    "US": _("États-Unis"),
    "MA": _("Maroc"),
    "SN": _("Sénégal"),
}
UNKNOWN = _("Inconnu")


def breakdown_label(kind, value):
    """The French label of one value of a breakdown (an app's own name stays as it is)."""
    if kind == "hour":
        return f"{value}\u202fh"
    if kind == "weekday":
        return str(WEEKDAYS[value - 1])
    if kind == "device":
        return str(DEVICES.get(value, value or UNKNOWN))
    if kind == "country":
        return f"{COUNTRIES[value]} ({value})" if value in COUNTRIES else value or str(UNKNOWN)
    return value or str(UNKNOWN)


def tabs(names, route, current):
    return [
        {"label": label, "url": reverse(route, args=[kind]), "current": kind == current}
        for kind, label in names.items()
    ]


def group_tabs(current):
    return tabs(GROUP_TABS, "audience_groups", current)


def breakdown_tabs(current):
    return tabs(BREAKDOWN_TABS, "audience_breakdown", current)


class DayNames:
    """Names of many days at once, as date_format writes them (« lundi 2 mars 2026 » for
    "l j F Y", « 2 mars » for "j F"), with the weekday and month names translated once: a year
    of days through date_format cost a quarter of the overview's time."""

    def __init__(self):
        self.weekdays = {number: str(name) for number, name in dates.WEEKDAYS.items()}
        self.months = {number: str(name) for number, name in dates.MONTHS.items()}

    def long(self, day):
        return f"{self.weekdays[day.weekday()]} {day.day} {self.months[day.month]} {day.year}"

    def short(self, day):
        return f"{day.day} {self.months[day.month]}"
