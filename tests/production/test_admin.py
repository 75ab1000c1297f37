"""The Wagtail admin in production behind nginx: logging in, and an import that the task worker
process runs while the editor watches its page."""

import re
import time

import pytest

from tests.importer.helpers import publish_podcast

USERNAME, PASSWORD = "responsable", "un mot de passe assez long"
CREATE_ADMINISTRATOR = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser({USERNAME!r}, "responsable@radio.example", {PASSWORD!r})
"""


@pytest.fixture(scope="module")
def administrator(stack):
    stack.python(CREATE_ADMINISTRATOR)
    return USERNAME, PASSWORD


def csrf_token(http, url):
    html = http.get(url).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def log_in(stack, http, administrator):
    username, password = administrator
    login = stack.url + "/admin/login/"
    response = http.post(
        login,
        data={
            "csrfmiddlewaretoken": csrf_token(http, login),
            "username": username,
            "password": password,
        },
        headers={"Referer": login},
    )
    assert response.status_code == 200, response.status_code
    return response


def test_an_administrator_logs_in_to_the_french_admin(stack, http, administrator):
    response = log_in(stack, http, administrator)
    assert response.url == stack.url + "/admin/"
    assert 'lang="fr"' in response.text and "Tableau de bord" in response.text


def test_an_import_started_in_the_admin_is_done_by_the_worker(stack, http, administrator, host):
    publish_podcast(host)
    log_in(stack, http, administrator)
    form = stack.url + "/admin/import-podcast/"
    response = http.post(
        form,
        data={
            "csrfmiddlewaretoken": csrf_token(http, form),
            "url": host.url("/feed.xml"),
            "publish": "on",
        },
        headers={"Referer": form},
        allow_redirects=False,
    )
    assert response.status_code == 302
    job_page = stack.url + response.headers["Location"]
    deadline = time.monotonic() + 120  # a bound, not a speed check
    while "En cours" in (page := http.get(job_page).text) or "En attente" in page:
        assert time.monotonic() < deadline, stack.log("worker")[-3000:]
        time.sleep(0.5)
    assert "Terminé" in page and "2 ajoutés" in page
    feed = http.get(stack.url + "/podcasts/opml.xml").text
    assert "Paroles solidaires" in feed
