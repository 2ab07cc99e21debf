"""A number that changes whenever anything a page shows changes: `metrics_data_version`, one row,
set from a sequence by a statement-level trigger on every table the pages read (figures, articles and
their zones, zones, metrics).

Cached page fragments are keyed on it (`metrics.selectors.data_version`). The row is written in the
writing transaction, so a reader sees the new number only once the writes it stands for are visible;
the sequence never hands a number out twice, so a transaction rolled back cannot leave a number that a
later, different state of the data would meet again.
"""

from django.db import migrations

TABLES = ["metrics_indicator", "articles_article", "articles_article_zones", "zones_zone", "metrics_metric"]

CREATE = """
CREATE SEQUENCE metrics_data_version_seq;
CREATE TABLE metrics_data_version (version bigint NOT NULL);
INSERT INTO metrics_data_version VALUES (nextval('metrics_data_version_seq'));
CREATE FUNCTION metrics_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE metrics_data_version SET version = nextval('metrics_data_version_seq');
    RETURN NULL;
END $$;
""" + "".join(
    f"CREATE TRIGGER data_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}"
    " FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();\n"
    for table in TABLES
)

DROP = "".join(f"DROP TRIGGER data_version_{table} ON {table};\n" for table in TABLES) + (
    "DROP FUNCTION metrics_data_changed; DROP TABLE metrics_data_version; DROP SEQUENCE metrics_data_version_seq;"
)


class Migration(migrations.Migration):
    dependencies = [("metrics", "0007_chosen_sides")]

    operations = [migrations.RunSQL(CREATE, DROP)]
