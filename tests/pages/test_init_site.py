"""A new production instance (README, « Running in production »): `manage.py init_site` puts the
radio's home page where Wagtail's welcome page was, without demo content, once."""

import io

from django.core.management import call_command
from wagtail.models import Page, Site

from episodes.models import EpisodePage
from episodes.models.site_pages import HomePage


def test_a_new_instance_gets_the_radios_home_page_instead_of_wagtails_welcome(client, db):
    assert "Welcome to your new Wagtail site" in client.get("/").content.decode()
    out = io.StringIO()
    call_command("init_site", stdout=out)
    call_command("init_site", stdout=out)  # run again by an operator: nothing more
    assert "Page d'accueil en place" in out.getvalue()
    assert HomePage.objects.count() == 1
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert not Page.objects.filter(title__icontains="welcome").exists()
    assert not EpisodePage.objects.exists()  # no demo content in production
    page = client.get("/").content.decode()
    assert "Radio des Territoires" in page and "Welcome" not in page
