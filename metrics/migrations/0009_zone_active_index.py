# The zone-and-id index only over figures that count (not rejected): the API list reads it in order
# and the zone list counts a zone's figures from it alone.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("metrics", "0008_data_version")]

    operations = [
        migrations.RemoveIndex(
            model_name="indicator",
            name="indicator_zone_id",
        ),
        migrations.AddIndex(
            model_name="indicator",
            index=models.Index(
                condition=models.Q(("review_state", "rejected"), _negated=True),
                fields=["zone", "id"],
                name="indicator_zone_active",
            ),
        ),
    ]
