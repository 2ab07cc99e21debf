from django.db import migrations

# (app label, model, codename, name): uploading reports and reviewing their figures.
EDITOR_PERMISSIONS = [
    ("articles", "article", "add_article", "Can add article"),
    ("metrics", "indicator", "change_indicator", "Can change indicator"),
]


def create_editors_group(apps, schema_editor):
    # Django creates permissions after all migrations ran; on a fresh database they do not exist yet
    # here, so they are made now (the later automatic pass finds them and leaves them alone).
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name="editors")
    for app_label, model, codename, name in EDITOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        editors.permissions.add(permission)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("metrics", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
