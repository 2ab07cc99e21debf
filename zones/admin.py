from django.contrib import admin

from zones.models import Zone, ZoneStatus


class ZoneStatusInline(admin.TabularInline):
    model = ZoneStatus
    extra = 0


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):
    list_display = ("short_name", "name", "province", "city", "level", "approved_year", "verified")
    list_filter = ("level", "verified", "in_registry", "province")
    search_fields = ("search_text",)
    prepopulated_fields = {"slug": ("short_name",)}
    inlines = [ZoneStatusInline]
