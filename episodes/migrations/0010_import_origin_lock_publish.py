"""The show an imported episode came from, the lock of a feed being imported, and whether an
import job publishes without approval."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('episodes', '0009_site_links_and_event_article'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ImportLock',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('feed', models.CharField(max_length=64, unique=True)),
                ('label', models.TextField(blank=True)),
                ('started_at', models.DateTimeField(auto_now_add=True)),
                ('heartbeat_at', models.DateTimeField(auto_now_add=True)),
            ],
        ),
        migrations.AddField(
            model_name='episodepage',
            name='source_show',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='episodes.podcastpage', verbose_name="podcast d'origine"),
        ),
        migrations.AddField(
            model_name='importjob',
            name='publish',
            field=models.BooleanField(default=False, verbose_name='publier sans validation'),
        ),
    ]
