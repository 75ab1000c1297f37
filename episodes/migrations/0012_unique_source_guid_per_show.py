"""One episode per former GUID within the show it was imported into (duplicates merged by 0011)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('episodes', '0011_merge_duplicate_imported_episodes'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='episodepage',
            constraint=models.UniqueConstraint(condition=models.Q(('source_guid', ''), _negated=True), fields=('source_show', 'source_guid'), name='unique_source_guid_per_show'),
        ),
    ]
