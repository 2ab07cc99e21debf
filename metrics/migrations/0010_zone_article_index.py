# The reports a zone's figures come from, read from an index alone (the zone page's list of
# reports and each one's number of the zone's figures).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("metrics", "0009_zone_active_index")]

    operations = [
        migrations.AddIndex(
            model_name="indicator",
            index=models.Index(
                condition=models.Q(("review_state", "rejected"), _negated=True),
                fields=["zone", "article"],
                name="indicator_zone_article",
            ),
        ),
    ]
