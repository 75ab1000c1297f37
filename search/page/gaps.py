"""Recording the searches that found nothing or little, for the editors' report.

Only the query's text (folded, as the search reads it) and counts per day are kept, for
KEPT_DAYS days; nothing about who searched. Queries that look like an e-mail address or a phone
number are not kept at all: visitors sometimes type their own.
"""

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import SearchGap
from search.query import fold

FEW_RESULTS = 2
KEPT_DAYS = 90
PERSONAL = re.compile(r"@|(?:\d[\s.\-]?){6,}")


def record(text, episodes_found):
    """Count a search that found at most FEW_RESULTS episodes; forget those past KEPT_DAYS."""
    query = " ".join(fold(text).split())[:200]
    if not query or episodes_found > FEW_RESULTS or PERSONAL.search(query):
        return
    today = timezone.localdate()
    counted = {"searches": F("searches") + 1, "results": episodes_found}
    if SearchGap.objects.filter(query=query, day=today).update(**counted):
        return
    # A query's first search of the day: the time to forget what is older than KEPT_DAYS.
    SearchGap.objects.filter(day__lt=today - datetime.timedelta(days=KEPT_DAYS)).delete()
    try:
        with transaction.atomic():
            SearchGap.objects.create(query=query, day=today, results=episodes_found)
    except IntegrityError:  # another request created it meanwhile
        SearchGap.objects.filter(query=query, day=today).update(**counted)
