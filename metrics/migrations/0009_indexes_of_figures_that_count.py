# Indexes over the figures that count (not rejected) of a zone: by id, which the API list reads in
# order and the zone list counts from alone; by article, from which the zone page finds its reports
# and how many figures each gives, from the index alone. Built and dropped concurrently (outside a
# transaction), so that a large table keeps serving reads and writes meanwhile.

from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations, models

COUNTING = models.Q(("review_state", "rejected"), _negated=True)


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("metrics", "0008_data_version")]

    operations = [
        AddIndexConcurrently(
            model_name="indicator",
            index=models.Index(condition=COUNTING, fields=["zone", "id"], name="indicator_zone_active"),
        ),
        AddIndexConcurrently(
            model_name="indicator",
            index=models.Index(condition=COUNTING, fields=["zone", "article"], name="indicator_zone_article"),
        ),
        RemoveIndexConcurrently(model_name="indicator", name="indicator_zone_id"),
    ]
