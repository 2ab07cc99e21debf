# Indexes over the figures that count (not rejected) of a zone: by id, which the API list reads in
# order and the zone list counts from alone; by article, from which the zone page finds its reports
# and how many figures each gives, from the index alone.

from django.db import migrations, models

COUNTING = models.Q(("review_state", "rejected"), _negated=True)


class Migration(migrations.Migration):
    dependencies = [("metrics", "0008_data_version")]

    operations = [
        migrations.RemoveIndex(model_name="indicator", name="indicator_zone_id"),
        migrations.AddIndex(
            model_name="indicator",
            index=models.Index(condition=COUNTING, fields=["zone", "id"], name="indicator_zone_active"),
        ),
        migrations.AddIndex(
            model_name="indicator",
            index=models.Index(condition=COUNTING, fields=["zone", "article"], name="indicator_zone_article"),
        ),
    ]
