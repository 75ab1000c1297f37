"""Monthly downloads per episode, filled from the daily figures already counted."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Sum
from django.db.models.functions import TruncMonth


def fill_months(apps, schema_editor):
    EpisodeDay = apps.get_model("audience", "EpisodeDay")
    EpisodeMonth = apps.get_model("audience", "EpisodeMonth")
    rows = EpisodeDay.objects.annotate(month=TruncMonth("day")).values("month", "episode_id")
    rows = rows.annotate(n=Sum("downloads")).order_by()
    EpisodeMonth.objects.bulk_create(
        (
            EpisodeMonth(month=r["month"], episode_id=r["episode_id"], downloads=r["n"])
            for r in rows
        ),
        batch_size=5000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("audience", "0002_partner_group_permissions"),
        ("episodes", "0016_audiofile_header_bytes"),
    ]

    operations = [
        migrations.CreateModel(
            name="EpisodeMonth",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField()),
                ("downloads", models.PositiveIntegerField()),
                (
                    "episode",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="episodes.episodepage",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("month", "episode"), name="audience_episodemonth_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(fill_months, migrations.RunPython.noop),
    ]
