"""The episode editor with a two-hour transcript (5,000 cues): the page's size, the time to open
it and to save it, through the whole Django stack (test client, logged-in editor)."""

import json
import statistics
import time

CUES = 5000
RUNS = 5


def median_ms(function, runs=RUNS):
    """A row of median milliseconds of function(run) over the runs (run: 0, 1, …): elapsed,
    and this process's CPU time, which other work on a shared machine does not inflate."""
    elapsed, cpu = [], []
    for run in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function(run)
        elapsed.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(elapsed), "ms", statistics.median(cpu)


def editor_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_superuser("bench-editor", "bench@example.org", "-")
    client = Client()
    client.force_login(user)
    return client


def form_data(client, url, https):
    """The editor's form as the browser sends it back unchanged, and the page's size."""
    from wagtail.test.utils.form_data import querydict_from_html

    response = client.get(url, **https)
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {key: data.getlist(key) for key in data}
    data["transcript_vtt"] = [data["transcript_vtt"][0].removeprefix("\n")]
    return data, len(response.content)


def measure_editor(fixture, https):
    """{row name: (value, unit, CPU ms or None)} for the editor of an episode with CUES cues."""
    from tests import factories

    episode = factories.make_long_episode(show=fixture["show"], cues=CUES)
    client, url = editor_client(), f"/admin/pages/{episode.pk}/edit/"
    data, size = form_data(client, url, https)
    text = data["transcript_vtt"][0]
    assert text.count(" --> ") == CUES, "the editor does not show the whole transcript"

    def save(run, *, publish=False, edit=True):
        """Save with one more cue corrected (or only the title changed)."""
        number = 2 * run + (1000 if publish else 1)
        edited = dict(data, title=[f"Un entretien au long cours ({run})"])
        if edit:
            old = f"Passage {number} : le réemploi"
            edited["transcript_vtt"] = [text.replace(old, f"Passage {number} : la réparation")]
        if publish:
            edited["action-publish"] = ["action-publish"]
        response = client.post(url, edited, **https)
        assert response.status_code == 302, response.content.decode()[-2000:]

    rows = {
        "editor page": (size / 1024**2, "MB", None),
        "open the editor": median_ms(lambda run: client.get(url, **https)),
        "save a draft, one cue corrected": median_ms(save),
        "save a draft, title only": median_ms(lambda run: save(run, edit=False)),
        "publish, one cue corrected": median_ms(lambda run: save(run, publish=True)),
    }
    revision = type(episode).objects.get(pk=episode.pk).get_latest_revision()
    rows["revision JSON"] = (len(json.dumps(revision.content)) / 1024**2, "MB", None)
    rows["revision read back (as_object)"] = median_ms(lambda run: revision.as_object())
    return rows


def print_editor_table(rows):
    print(f"\nEpisode editor with a {CUES}-cue transcript (two hours; median of {RUNS} runs)")
    print(f"  {'what':<34} {'value':>9}      {'CPU ms':>7}")
    for name, (value, unit, cpu) in rows.items():
        cpu = f"{cpu:>7.0f}" if cpu is not None else ""
        print(f"  {name:<34} {value:>9.2f} {unit:<4} {cpu}")
    print("targets: editor page ≤ 2 MB; opens in ≤ 2000 ms; saves in ≤ 2000 ms")
