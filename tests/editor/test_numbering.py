"""A new episode of a show is offered the next episode number in the show's latest season."""

from wagtail.test.utils.form_data import querydict_from_html

from tests.editor.helpers import add_url, edit_url, page_text
from tests.factories import make_episode


def new_episode_form(client, show):
    response = client.get(add_url(show))
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return data, page_text(response)


def test_a_new_episode_is_offered_the_next_number_of_the_latest_season(admin_client, show):
    make_episode(show=show, title="Un", season=1, episode_number=7)
    make_episode(show=show, title="Deux", season=2, episode_number=12)
    make_episode(show=show, title="Trois", season=2, episode_number=11, live=False)
    data, text = new_episode_form(admin_client, show)
    assert data.get("episode_number") == "13"
    assert data.get("season") == "2"
    assert "Suggestion : épisode 13, saison 2." in text


def test_numbering_restarting_each_season_follows_the_latest_season(admin_client, show):
    make_episode(show=show, title="Un", season=1, episode_number=10)
    make_episode(show=show, title="Deux", season=2, episode_number=3)
    data, _text = new_episode_form(admin_client, show)
    assert (data.get("season"), data.get("episode_number")) == ("2", "4")


def test_the_first_episode_of_a_show_is_offered_number_one(admin_client, show):
    data, text = new_episode_form(admin_client, show)
    assert data.get("episode_number") == "1"
    assert data.get("season") in ("", None)
    assert "Suggestion : épisode 1." in text


def test_a_show_without_episode_numbers_is_offered_none(admin_client, show):
    make_episode(show=show)
    data, text = new_episode_form(admin_client, show)
    assert data.get("episode_number") in ("", None)
    assert "Suggestion" not in text


def test_an_existing_episode_keeps_its_own_number(admin_client, show):
    make_episode(show=show, title="Un", episode_number=4)
    second = make_episode(show=show, title="Deux", episode_number=2)
    response = admin_client.get(edit_url(second))
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    assert data.get("episode_number") == "2"
    assert "Suggestion" not in page_text(response)
