"""An episode's transcripts and chapters at the addresses feeds give: types, CORS, validators,
constant queries, and nothing for drafts or episodes still to come."""

import json
import uuid
from datetime import timedelta

import pytest
import srt
from django.urls import reverse
from django.utils import timezone

from episodes.formats.transcripts import Segment, parse_webvtt
from episodes.models import Chapter, TranscriptSegment
from tests.factories import SEGMENTS, make_episode, make_image


def publish_with_transcript(episode, segments=SEGMENTS):
    """The episode republished with these transcript segments, as an editor would."""
    episode.transcript_segments = [
        TranscriptSegment(
            start_time=s.start_time, end_time=s.end_time, speaker=s.speaker, body=s.body
        )
        for s in segments
    ]
    episode.save_revision().publish()
    episode.refresh_from_db()
    return episode


def publish_with_chapters(episode, chapters):
    """The episode republished with these chapters (dicts of Chapter fields)."""
    episode.chapters = [Chapter(**fields) for fields in chapters]
    episode.save_revision().publish()
    episode.refresh_from_db()
    return episode


def transcript_url(episode, ext):
    return reverse("episode_transcript", kwargs={"guid": episode.guid, "ext": ext})


def chapters_url(episode):
    return reverse("episode_chapters", kwargs={"guid": episode.guid})


@pytest.fixture
def transcribed(show):
    return publish_with_transcript(make_episode(show=show))


# --------------------------------------------------------------------------- transcript views


@pytest.mark.parametrize(
    ("ext", "content_type"),
    [
        ("vtt", "text/vtt; charset=utf-8"),
        ("srt", "application/x-subrip; charset=utf-8"),
        ("json", "application/json"),
    ],
)
def test_each_transcript_format_has_its_type_and_cors(client, transcribed, ext, content_type):
    response = client.get(transcript_url(transcribed, ext))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"


def test_the_vtt_transcript_holds_the_episode_segments(client, transcribed):
    response = client.get(transcript_url(transcribed, "vtt"))
    assert parse_webvtt(response.content.decode()) == SEGMENTS


def test_the_srt_transcript_parses(client, transcribed):
    response = client.get(transcript_url(transcribed, "srt"))
    assert len(list(srt.parse(response.content.decode()))) == len(SEGMENTS)


def test_the_json_transcript_holds_the_segments_in_order(client, transcribed):
    document = json.loads(client.get(transcript_url(transcribed, "json")).content)
    assert [segment["startTime"] for segment in document["segments"]] == [0, 4.5, 9.25, 3723.456]


def test_a_transcript_takes_a_constant_number_of_queries(
    client, show, django_assert_max_num_queries
):
    long_one = [Segment(i, i + 1, "Claire", f"Phrase {i}.") for i in range(50)]
    episode = publish_with_transcript(make_episode(show=show), long_one)
    with django_assert_max_num_queries(3):
        assert client.get(transcript_url(episode, "json")).status_code == 200


def test_a_transcript_revalidates_with_its_etag(client, transcribed):
    first = client.get(transcript_url(transcribed, "vtt"))
    again = client.get(transcript_url(transcribed, "vtt"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["Access-Control-Allow-Origin"] == "*"


def test_a_transcript_revalidates_with_its_date(client, transcribed):
    first = client.get(transcript_url(transcribed, "srt"))
    again = client.get(
        transcript_url(transcribed, "srt"), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )
    assert again.status_code == 304


def test_republishing_changes_the_transcript_etag(client, transcribed):
    before = client.get(transcript_url(transcribed, "json"))["ETag"]
    publish_with_transcript(transcribed, SEGMENTS[:1])
    after = client.get(transcript_url(transcribed, "json"), HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert after["ETag"] != before


def test_a_transcript_answers_head_without_body(client, transcribed):
    response = client.head(transcript_url(transcribed, "vtt"))
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Type"] == "text/vtt; charset=utf-8"


def test_a_transcript_refuses_post(client, transcribed):
    assert client.post(transcript_url(transcribed, "vtt")).status_code == 405


def test_an_unknown_transcript_format_is_not_found(client, transcribed):
    assert client.get(transcript_url(transcribed, "txt")).status_code == 404


def test_an_episode_without_transcript_has_none(client, show):
    assert client.get(transcript_url(make_episode(show=show), "vtt")).status_code == 404


def test_a_draft_episodes_transcript_is_not_found(client, transcribed):
    transcribed.unpublish()
    assert client.get(transcript_url(transcribed, "vtt")).status_code == 404


def test_a_transcript_scheduled_for_later_is_not_found(client, transcribed):
    later = timezone.now() + timedelta(days=1)
    type(transcribed).objects.filter(pk=transcribed.pk).update(publication_date=later)
    assert client.get(transcript_url(transcribed, "vtt")).status_code == 404


def test_an_unknown_guid_has_no_transcript(client, transcribed):
    url = reverse("episode_transcript", kwargs={"guid": uuid.uuid4(), "ext": "vtt"})
    assert client.get(url).status_code == 404


# ----------------------------------------------------------------------------- chapters view


def test_chapters_are_served_sorted_as_json_chapters(client, show):
    episode = publish_with_chapters(
        make_episode(show=show),
        [{"start_time": 120, "title": "Conclusion"}, {"start_time": 0, "title": "Introduction"}],
    )
    response = client.get(chapters_url(episode))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json+chapters"
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["version"] == "1.2.0"
    assert [c["title"] for c in document["chapters"]] == ["Introduction", "Conclusion"]


@pytest.mark.parametrize(("image_format", "extension"), [("JPEG", ".jpg"), ("PNG", ".png")])
def test_a_chapter_image_is_an_absolute_jpeg_or_png_url(
    client, show, settings, image_format, extension
):
    settings.PUBLIC_BASE_URL = "https://radio.example.org"
    image = make_image(size=(300, 300), image_format=image_format)
    episode = publish_with_chapters(
        make_episode(show=show), [{"start_time": 0, "title": "Début", "image": image}]
    )
    chapter = json.loads(client.get(chapters_url(episode)).content)["chapters"][0]
    assert chapter["img"].startswith("https://radio.example.org/media/")
    assert chapter["img"].endswith(extension)


def test_a_webp_chapter_image_is_given_as_jpeg(client, show):
    image = make_image(size=(300, 300), image_format="WEBP")
    episode = publish_with_chapters(
        make_episode(show=show), [{"start_time": 0, "title": "Début", "image": image}]
    )
    chapter = json.loads(client.get(chapters_url(episode)).content)["chapters"][0]
    assert chapter["img"].endswith(".jpg")


def test_chapters_take_a_constant_number_of_queries(client, show, django_assert_max_num_queries):
    chapters = [
        {"start_time": i * 60, "title": f"Partie {i}", "image": make_image(size=(200, 200))}
        for i in range(6)
    ]
    episode = publish_with_chapters(make_episode(show=show), chapters)
    client.get(chapters_url(episode))  # the first request makes the renditions
    with django_assert_max_num_queries(5):
        assert client.get(chapters_url(episode)).status_code == 200


def test_chapters_revalidate_with_their_etag(client, show):
    episode = publish_with_chapters(make_episode(show=show), [{"start_time": 0, "title": "Un"}])
    etag = client.get(chapters_url(episode))["ETag"]
    assert client.get(chapters_url(episode), HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_an_episode_without_chapters_has_none(client, show):
    assert client.get(chapters_url(make_episode(show=show))).status_code == 404


def test_a_draft_episodes_chapters_are_not_found(client, show):
    episode = publish_with_chapters(make_episode(show=show), [{"start_time": 0, "title": "Un"}])
    episode.unpublish()
    assert client.get(chapters_url(episode)).status_code == 404
