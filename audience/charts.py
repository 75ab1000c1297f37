"""Bar charts drawn as SVG on the server: no script, no CDN, nothing for the CSP to allow.

Colours come from CSS (audience/static/audience/charts.css) so that forced-colours mode can
replace them; each chart is an image with a text alternative, its figures being in the table that
follows it (RGAA: a data table for every chart)."""

from django.utils.html import format_html, format_html_join

WIDTH, HEIGHT, MARGIN = 720, 220, 36
ROW_HEIGHT = 22
# A day's label (« 30 novembre ») is about 70 units wide: one starting closer than this to the
# right edge ends at the edge instead of being cut off.
LABEL_ROOM = 90


def scale(value, highest, length):
    return 0 if highest <= 0 else value / highest * length


def px(number):
    """A coordinate as SVG text, one decimal."""
    return f"{number:.1f}"


def column_chart(points, *, title, label_every=7):
    """Vertical bars, one per (label, value), e.g. downloads per day."""
    highest = max((value for _label, value in points), default=0)
    step = (WIDTH - MARGIN) / max(len(points), 1)
    bars, labels = [], []
    for index, (label, value) in enumerate(points):
        height = scale(value, highest, HEIGHT - MARGIN)
        x = MARGIN + index * step
        top = HEIGHT - MARGIN - height
        bars.append((px(x + step * 0.1), px(top), px(step * 0.8), px(height), label, value))
        if index % label_every == 0:
            labels.append(tick(x, x + step, label))
    body = format_html_join(
        "",
        '<rect class="audience-bar" x="{}" y="{}" width="{}" height="{}">'
        "<title>{} : {}</title></rect>",
        bars,
    )
    ticks = format_html_join(
        "", '<text class="audience-label" x="{}" y="{}" text-anchor="{}">{}</text>', labels
    )
    return svg(title, WIDTH, HEIGHT, body + ticks + axis(highest))


def tick(left, right, label):
    """(x, y, anchor, label) of a label under its bar: from the bar's left, or ending at its
    right when it would run past the chart's edge."""
    if left > WIDTH - LABEL_ROOM:
        return px(min(right, WIDTH)), HEIGHT - MARGIN + 16, "end", label
    return px(left), HEIGHT - MARGIN + 16, "start", label


def axis(highest):
    return format_html(
        '<line class="audience-axis" x1="{m}" y1="{b}" x2="{w}" y2="{b}"></line>'
        '<text class="audience-label" x="0" y="12">{top}</text>'
        '<text class="audience-label" x="0" y="{b}">0</text>',
        m=MARGIN,
        b=HEIGHT - MARGIN,
        w=WIDTH,
        top=highest,
    )


def shorten(label, length=34):
    label = str(label)
    return label if len(label) <= length else label[: length - 1].rstrip() + "…"


def bar_chart(points, *, title, label_width=260):
    """Horizontal bars, one per (label, value), e.g. downloads per app (long labels shortened;
    the table below gives them whole)."""
    height = ROW_HEIGHT * max(len(points), 1) + 8
    highest = max((value for _label, value in points), default=0)
    length = WIDTH - label_width - 60
    rows = [
        (
            y + 15,
            shorten(label),
            label_width,
            y + 3,
            px(scale(value, highest, length)),
            px(label_width + scale(value, highest, length) + 6),
            y + 15,
            value,
        )
        for y, (label, value) in ((index * ROW_HEIGHT, point) for index, point in enumerate(points))
    ]
    body = format_html_join(
        "",
        '<text class="audience-label" x="0" y="{}">{}</text>'
        '<rect class="audience-bar" x="{}" y="{}" width="{}" height="16"></rect>'
        '<text class="audience-label" x="{}" y="{}">{}</text>',
        rows,
    )
    return svg(title, WIDTH, height, body)


def svg(title, width, height, body):
    return format_html(
        '<svg class="audience-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>{}</svg>',
        title,
        width,
        height,
        title,
        body,
    )
