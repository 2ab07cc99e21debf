from extraction import MetricCatalogue


def test_longest_synonym_of_a_matching_unit_family(catalogue):
    assert catalogue.match("全区营业收入", "亿元", "level").code == "revenue"
    assert catalogue.match("高新技术企业数量", "家", "level").code == "hte"
    assert catalogue.match("高新技术企业营业收入", "亿元", "level").code == "revenue"


def test_units_of_another_family_do_not_match(catalogue):
    assert catalogue.match("营业收入", "家", "level") is None
    assert catalogue.match("研发投入强度", "%", "share").code == "rd_intensity"
    assert catalogue.match("营业收入", "%", "growth").code == "revenue"
    assert catalogue.match("研发投入强度", "%", "growth") is None


def test_unknown_words_keep_no_code(catalogue):
    assert catalogue.match("新签约项目", "个", "level") is None


def test_abbreviations_are_expanded_for_display(catalogue):
    assert catalogue.display_name("全区gdp") == "全区地区生产总值"


def test_phrase_before_a_number_drops_openers_and_links(catalogue):
    reader = catalogue.reader()
    text = "今年全年实现营业收入达到"
    phrase, start = reader.before(text, 0, len(text))
    assert phrase == "营业收入"
    assert text[start:].startswith("营业收入")


def test_phrase_keeps_words_that_only_start_like_fillers(catalogue):
    reader = catalogue.reader()
    assert reader.before("共享单车投放量", 0, 7)[0] == "共享单车投放量"


def test_noun_after_a_counted_number(catalogue):
    reader = catalogue.reader()
    text = "发放3轮消费券,合计"
    assert reader.after(text, text.index("轮") + 1, len(text)) == "消费券"


def test_catalogue_from_objects_and_csv(tmp_path):
    class Row:
        code, name_zh, unit, family, synonyms = "x", "净利润", "亿元", "money", ["利润"]

    assert MetricCatalogue.from_records([Row()]).match("企业利润", "亿元", "level").code == "x"
    path = tmp_path / "metrics.csv"
    path.write_text(
        "code,name_zh,name_en,unit,family,synonyms\ny,税收,Tax,亿元,money,税收|税收收入\n", encoding="utf-8"
    )
    assert MetricCatalogue.from_csv(path).match("税收收入", "万元", "level").code == "y"


def test_a_synonym_inside_another_word_does_not_match():
    catalogue = MetricCatalogue.from_records(
        [{"code": "exports", "name_zh": "出口总额", "unit": "亿元", "family": "money", "synonyms": ["出口"]}]
    )
    assert catalogue.match("出口", "亿元", "level").code == "exports"
    assert catalogue.match("进出口额", "亿元", "level") is None
