"""IndicatorChange now belongs to the `review` app (review.0001 takes over its table); this only
drops it from this app's state."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("metrics", "0003_constraint_messages"),
        ("review", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="IndicatorChange")]
        ),
    ]
