"""Mail leaves through SMTP as in production: the moderators' « soumis pour modération »
notice and a password reset reach a real SMTP server, from the configured sender."""

import re

import pytest

from episodes.models import EpisodePage
from tests import factories
from tests.editor.helpers import add_url, episode_form, speaker
from tests.factories import EDITORS, MODERATORS, make_member

SENDER = "Radio des Territoires <radio@territoires.example>"


@pytest.fixture
def sender(settings):
    settings.DEFAULT_FROM_EMAIL = settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = SENDER


def test_moderators_get_the_submitted_for_moderation_mail(
    client, django_user_model, show, smtp_server, sender
):
    moderator = make_member(django_user_model, "validatrice", MODERATORS)
    moderator.email = "validatrice@association.example"
    moderator.save()
    client.force_login(make_member(django_user_model, "redactrice", EDITORS))
    form = episode_form(
        factories.make_audio(),
        speakers=[speaker(factories.make_person())],
        **{"action-submit": "submit"},
    )
    assert client.post(add_url(show), form).status_code == 302
    assert EpisodePage.objects.get().workflow_in_progress
    [message] = smtp_server.mailbox.to(moderator.email)
    assert "soumis" in message["Subject"] and "Yoti" in message["Subject"]
    assert message["From"] == SENDER
    assert "Yoti : la seconde vie des objets" in message.get_body(("plain",)).get_content()


def test_a_password_reset_mail_arrives_with_its_link(
    client, django_user_model, smtp_server, sender
):
    user = make_member(django_user_model, "redactrice", EDITORS)
    user.email = "redactrice@association.example"
    user.save()
    response = client.post("/admin/password_reset/", {"email": user.email})
    assert response.status_code == 302
    [message] = smtp_server.mailbox.to(user.email)
    assert message["From"] == SENDER
    body = message.get_body(("plain",)).get_content()
    link = re.search(r"http://127\.0\.0\.1:8000/admin/password_reset/confirm/\S+/", body).group(0)
    assert client.get(link.removeprefix("http://127.0.0.1:8000"), follow=True).status_code == 200
