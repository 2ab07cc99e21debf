import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.db.models.deletion
from django.db import migrations, models
from pypinyin import lazy_pinyin

# The levels before this migration said only national / provincial / new area: the registry's national
# zones were all high-tech zones, its provincial ones high-tech zones, its new areas provincial.
LEVELS = {"national": "national-hitech", "provincial": "provincial-hitech", "new-area": "provincial-other"}


def split_levels(apps, schema_editor):
    Zone = apps.get_model("zones", "Zone")
    for old, new in LEVELS.items():
        Zone.objects.filter(level=old).update(level=new)


def join_levels(apps, schema_editor):
    Zone = apps.get_model("zones", "Zone")
    for old, new in LEVELS.items():
        Zone.objects.filter(level=new).update(level=old)


def fill_search_text(apps, schema_editor):
    """As Zone.searchable_text: every name, lower-case, and the pinyin of the short name."""
    Zone = apps.get_model("zones", "Zone")
    zones = list(Zone.objects.all())
    for zone in zones:
        names = [zone.name, zone.short_name, *zone.aliases, "".join(lazy_pinyin(zone.short_name)), zone.slug]
        zone.search_text = "|".join(dict.fromkeys(n for n in names if n)).lower()
    Zone.objects.bulk_update(zones, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("zones", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ZoneStatus",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="since")),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("national-hitech", "国家高新区"),
                            ("national-etdz", "国家级经开区"),
                            ("national-new-area", "国家级新区"),
                            ("national-other", "其他国家级园区"),
                            ("provincial-hitech", "省级高新区"),
                            ("provincial-development", "省级开发区"),
                            ("provincial-other", "其他省级园区"),
                            ("other", "级别未定"),
                        ],
                        max_length=24,
                        verbose_name="level",
                    ),
                ),
                ("gbt_code", models.CharField(blank=True, max_length=8, verbose_name="GB/T 37028 code")),
                ("source", models.TextField(blank=True, verbose_name="source")),
            ],
            options={
                "verbose_name": "zone status",
                "verbose_name_plural": "zone history",
                "ordering": ["zone", models.OrderBy(models.F("year"), nulls_first=True), "pk"],
            },
        ),
        migrations.RenameField(model_name="zone", old_name="aliases_text", new_name="search_text"),
        migrations.AddField(
            model_name="zone",
            name="districts",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=30),
                blank=True,
                default=list,
                help_text="Districts run together with the zone (区政合一): a report of the district is the zone's.",
                size=None,
                verbose_name="districts",
            ),
        ),
        migrations.AddField(
            model_name="zone",
            name="former_names",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=100),
                blank=True,
                default=list,
                size=None,
                verbose_name="former names",
            ),
        ),
        migrations.AddField(
            model_name="zone",
            name="gbt_code",
            field=models.CharField(blank=True, db_index=True, max_length=8, verbose_name="GB/T 37028 code"),
        ),
        migrations.AddField(
            model_name="zone",
            name="registry_aliases",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=100), default=list, editable=False, size=None
            ),
        ),
        migrations.AlterField(
            model_name="zone",
            name="level",
            field=models.CharField(
                choices=[
                    ("national-hitech", "国家高新区"),
                    ("national-etdz", "国家级经开区"),
                    ("national-new-area", "国家级新区"),
                    ("national-other", "其他国家级园区"),
                    ("provincial-hitech", "省级高新区"),
                    ("provincial-development", "省级开发区"),
                    ("provincial-other", "其他省级园区"),
                    ("other", "级别未定"),
                ],
                db_index=True,
                default="other",
                max_length=24,
                verbose_name="level",
            ),
        ),
        migrations.RunPython(split_levels, join_levels),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.AddField(
            model_name="zonestatus",
            name="zone",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="history",
                to="zones.zone",
                verbose_name="zone",
            ),
        ),
    ]
