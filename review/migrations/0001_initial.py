"""IndicatorChange moved here from `metrics` (metrics.0004 drops it from that app's state): the
table is taken over as it is, then renamed to this app's name."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("metrics", "0003_constraint_messages"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="IndicatorChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("add", "added"),
                                    ("confirm", "confirmed"),
                                    ("correct", "corrected"),
                                    ("reject", "rejected"),
                                    ("map-metric", "metric words mapped"),
                                ],
                                max_length=10,
                                verbose_name="action",
                            ),
                        ),
                        (
                            "changed_at",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now, verbose_name="changed at"
                            ),
                        ),
                        ("before", models.JSONField(blank=True, null=True, verbose_name="before")),
                        ("after", models.JSONField(verbose_name="after")),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="indicator_changes",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="changed by",
                            ),
                        ),
                        (
                            "indicator",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="changes",
                                to="metrics.indicator",
                                verbose_name="indicator",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "indicator change",
                        "verbose_name_plural": "indicator changes",
                        "ordering": ["-changed_at", "-id"],
                        "db_table": "metrics_indicatorchange",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="IndicatorChange", table=None),
    ]
