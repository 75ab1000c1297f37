"""The SVG charts of the audience reports: what a reader of the picture sees."""

import re

from audience.charts import WIDTH, column_chart


def labels(svg):
    return re.findall(
        r'<text class="audience-label" x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)">([^<]+)<', svg
    )


def test_the_last_day_label_ends_inside_the_chart_instead_of_being_cut():
    days = [(f"{day} novembre", day) for day in range(1, 31)]
    ticks = labels(str(column_chart(days, title="Téléchargements par jour", label_every=7)))
    assert [text for _x, _anchor, text in ticks] == [f"{d} novembre" for d in (1, 8, 15, 22, 29)]
    x, anchor, _text = ticks[-1]
    assert anchor == "end" and float(x) <= WIDTH
    assert all(anchor == "start" for _x, anchor, _text in ticks[:-1])


def test_every_bar_names_its_day_and_figure_for_those_who_hover_or_read_it():
    svg = str(column_chart([("1 décembre", 12), ("2 décembre", 0)], title="Téléchargements"))
    assert "<title>1 décembre : 12</title>" in svg and "<title>2 décembre : 0</title>" in svg
    assert 'role="img" aria-label="Téléchargements"' in svg
