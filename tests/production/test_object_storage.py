"""Uploads in an S3 bucket for real: moto's S3 API on loopback, boto3 speaking the protocol to it.
Audio and artwork uploaded through the admin, feeds and renditions served from the bucket, audio
handed out by short-lived signed URLs (redirect) or fetched by nginx (x-accel), and a storage
that is down answered in French."""

import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import etree
from wagtail.images import get_image_model

from episodes.models import AudioFile
from tests import factories
from tests.audio_samples import encode_mp3
from tests.production.buckets import (
    BUCKET,
    bucket_keys,
    fetch,
    nginx_in_front,
    object_storage_settings,
)
from tests.production.services import unused_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AUDIO_ADD = "/admin/snippets/episodes/audiofile/add/"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def audio_path(episode):
    return reverse("episode_audio", kwargs={"guid": episode.guid, "ext": "mp3"})


def test_audio_uploaded_in_the_admin_lands_in_the_bucket_with_its_facts(admin_client, bucket):
    data = encode_mp3(3.0, bitrate=128)
    upload = SimpleUploadedFile("témoignage.mp3", data)
    response = admin_client.post(AUDIO_ADD, {"title": "Témoignage", "file": upload})
    assert response.status_code == 302
    audio = AudioFile.objects.get()
    assert (audio.size, audio.bitrate, audio.sha256) == (
        len(data),
        128_000,
        hashlib.sha256(data).hexdigest(),
    )
    assert audio.file.name in bucket_keys(bucket)


def test_artwork_uploaded_in_the_admin_is_served_from_the_bucket_in_the_feed(
    admin_client, bucket, home
):
    image = SimpleUploadedFile("pochette.png", factories.image_bytes(), content_type="image/png")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Pochette", "file": image})
    assert response.status_code == 302
    show = factories.make_show(parent=home, artwork=get_image_model().objects.get())
    factories.make_episode(show=show)
    feed = etree.fromstring(admin_client.get(f"/podcasts/{show.slug}/feed.xml").content)
    artwork_url = feed.find(f"channel/{ITUNES}image").get("href")
    assert artwork_url.startswith(f"{bucket}/{BUCKET}/images/")
    status, headers, body = fetch(artwork_url)
    assert status == 200 and body.startswith(b"\xff\xd8")  # the JPEG rendition


def test_redirect_mode_hands_out_a_short_lived_signed_url(client, bucket, settings, episode):
    settings.AUDIO_DELIVERY, settings.AUDIO_SIGNED_URL_SECONDS = "redirect", 120
    response = client.get(audio_path(episode))
    assert response.status_code == 302 and response["Cache-Control"] == "no-store"
    signed = response["Location"]
    assert parse_qs(urlsplit(signed).query)["X-Amz-Expires"] == ["120"]
    status, headers, body = fetch(signed)
    assert status == 200 and hashlib.sha256(body).hexdigest() == episode.audio.sha256
    assert fetch(signed, headers={"Range": "bytes=0-1"})[:2][0] == 206


def test_the_audio_in_the_bucket_is_not_public(client, bucket, settings, episode):
    settings.AUDIO_DELIVERY = "redirect"
    signed = client.get(audio_path(episode))["Location"]
    unsigned = signed.split("?")[0]
    assert fetch(unsigned)[0] == 403


def test_an_unpublished_episode_no_longer_redirects_to_its_audio(client, bucket, settings, episode):
    settings.AUDIO_DELIVERY = "redirect"
    assert client.get(audio_path(episode)).status_code == 302
    episode.unpublish()
    assert client.get(audio_path(episode)).status_code == 404


def test_stream_mode_reads_the_audio_from_the_bucket(client, bucket, episode):
    response = client.get(audio_path(episode), HTTP_RANGE="bytes=0-1")
    assert response.status_code == 206 and response["Content-Range"].endswith(
        f"/{episode.audio.size}"
    )


def test_x_accel_mode_lets_nginx_fetch_the_audio_from_the_bucket(live_server, bucket, settings):
    settings.AUDIO_DELIVERY = "x-accel"
    episode = factories.make_episode(show=factories.make_show(parent=factories.make_home()))
    with nginx_in_front(live_server.url) as site:
        status, headers, body = fetch(site + audio_path(episode))
        assert status == 200 and hashlib.sha256(body).hexdigest() == episode.audio.sha256
        assert headers["Content-Disposition"].startswith("inline; filename=")
        status, headers, body = fetch(site + audio_path(episode), headers={"Range": "bytes=0-1"})
        assert (status, headers["Content-Range"], len(body)) == (
            206,
            f"bytes 0-1/{episode.audio.size}",
            2,
        )
        status, headers, body = fetch(site + audio_path(episode), method="HEAD")
        assert (status, headers["Content-Length"], body) == (200, str(episode.audio.size), b"")
        direct = f"/protected-s3/{BUCKET}/{episode.audio.file.name}"
        assert fetch(site + direct)[0] == 404


def test_an_upload_while_the_storage_is_down_gets_a_french_error(admin_client, settings):
    settings.STORAGES = object_storage_settings(settings, unused_url())
    upload = SimpleUploadedFile("témoignage.mp3", encode_mp3(1.0))
    response = admin_client.post(AUDIO_ADD, {"title": "Témoignage", "file": upload})
    assert response.status_code == 503
    assert "le stockage des fichiers ne répond pas" in response.content.decode()
    assert not AudioFile.objects.exists()
