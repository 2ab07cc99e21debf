from zones.registry import read_registry, registry_slugs, slug_for


def test_registry_lists_the_national_zones_once_each():
    zones = read_registry()
    national = [z for z in zones if z.level == "national"]
    assert len(national) >= 177
    assert len({z.name for z in zones}) == len(zones)


def test_zone_in_both_files_is_merged_with_its_stated_level():
    cihu = next(z for z in read_registry() if z.short_name == "慈湖高新区")
    assert cihu.level == "national"
    assert cihu.province == "安徽省"
    assert "马鞍山慈湖高新区" in cihu.aliases


def test_slug_is_ascii_pinyin_without_the_generic_suffix():
    assert slug_for("威海高新区") == "weihai"
    assert slug_for("南太湖新区") == "nantaihuxinqu"
    assert slug_for("高新区") == "gaoxinqu"


def test_slugs_are_unique_even_for_names_that_sound_alike():
    zones = read_registry()
    slugs = registry_slugs(zones)
    assert len(set(slugs.values())) == len(zones)
    fuzhou = {z.city: slugs[z.name] for z in zones if z.city in ("福州市", "抚州市")}
    assert fuzhou["福州市"] != fuzhou["抚州市"]
