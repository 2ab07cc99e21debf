"""New rows of one model written by PostgreSQL's COPY: what bulk_create does for plain columns,
without preparing every value through the field machinery and binding each as a query parameter
(most of a large insert's time in Python)."""

from collections.abc import Sequence

from django.db import connections, models

# Fields whose values psycopg writes as they are, given the Python values their columns hold (str,
# int, bool, Decimal, date, an aware datetime, None): bulk_create would first prepare each value
# through its field (a naive datetime made aware, a lazy string rendered, a decimal validated),
# which the caller's rows must not need. Exact classes: a subclass may prepare its values.
PLAIN_FIELDS = {
    models.AutoField,
    models.BigAutoField,
    models.BooleanField,
    models.CharField,
    models.DateField,
    models.DateTimeField,
    models.DecimalField,
    models.ForeignKey,
    models.IntegerField,
    models.PositiveIntegerField,
    models.TextField,
}


def copy_new_rows(rows: Sequence[models.Model], *, using: str = "default") -> None:
    """Insert unsaved objects of one model in one COPY, their primary keys taken from the table's
    sequence first (one query) and set on them, as bulk_create sets them (related objects must be
    saved already: their ids are written as they are). Statement-level triggers run once for the lot,
    as for one INSERT."""
    if not rows:
        return
    model = type(rows[0])
    fields = model._meta.concrete_fields
    refused = [field.name for field in fields if type(field) not in PLAIN_FIELDS]
    if refused or any(type(row) is not model for row in rows):
        raise TypeError(f"copy_new_rows writes plain columns of one model; not {refused or 'mixed models'}")
    table, key = model._meta.db_table, model._meta.pk.column
    connection = connections[using]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, key, len(rows)],
        )
        keys = [found for (found,) in cursor.fetchall()]
        columns = ", ".join(quote(field.column) for field in fields)
        # Errors as Django raises them (IntegrityError, DataError), as for an INSERT.
        with (
            connection.wrap_database_errors,
            cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy,
        ):
            for row, pk in zip(rows, keys, strict=True):
                row.pk = pk
                # pre_save: auto_now and auto_now_add dates, as an insert would set them.
                copy.write_row([field.pre_save(row, add=True) for field in fields])
    for row in rows:
        row._state.adding, row._state.db = False, using
