"""Show and episode artwork follows Apple's rules, with French errors for editors."""

import io

import pytest
from django.core.exceptions import ValidationError

from episodes.standards.apple import artwork_errors
from tests import factories


@pytest.mark.parametrize(
    ("size", "image_format"),
    [((1400, 1400), "PNG"), ((3000, 3000), "JPEG"), ((2048, 2048), "PNG")],
)
def test_square_rgb_jpeg_or_png_between_1400_and_3000_pixels_is_accepted(size, image_format):
    data = factories.image_bytes(size=size, image_format=image_format)
    assert artwork_errors(io.BytesIO(data)) == []


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"size": (1400, 1000)}, "carrée"),
        ({"size": (1000, 1000)}, "entre 1400 et 3000 pixels"),
        ({"size": (3200, 3200)}, "entre 1400 et 3000 pixels"),
        ({"mode": "RGBA"}, "sans transparence"),
        ({"mode": "P"}, "sans transparence"),
        ({"mode": "L"}, "RVB"),
        ({"image_format": "GIF", "mode": "P"}, "JPEG ou PNG"),
        ({"image_format": "WEBP"}, "JPEG ou PNG"),
    ],
)
def test_artwork_breaking_apples_rules_gets_a_french_reason(kwargs, expected):
    data = factories.image_bytes(**kwargs)
    errors = artwork_errors(io.BytesIO(data))
    assert any(expected in error for error in errors), errors


def test_a_file_that_is_not_an_image_is_refused_in_french():
    assert artwork_errors(io.BytesIO(b"not an image")) == [
        "Ce fichier n'est pas une image lisible."
    ]


def test_show_with_small_artwork_cannot_be_published(home):
    small = factories.make_image(size=(600, 600))
    with pytest.raises(ValidationError) as error:
        factories.make_show(parent=home, artwork=small)
    assert "entre 1400 et 3000 pixels" in str(error.value.message_dict["artwork"])


def test_episode_with_non_square_artwork_cannot_be_published(show):
    wide = factories.make_image(size=(2000, 1400), image_format="JPEG")
    with pytest.raises(ValidationError) as error:
        factories.make_episode(show=show, artwork=wide)
    assert "carrée" in str(error.value.message_dict["artwork"])
