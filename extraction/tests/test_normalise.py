from extraction.normalise import normalise, to_simplified


def test_traditional_script_becomes_simplified_with_same_length():
    assert to_simplified("營業收入增長") == "营业收入增长"


def test_pinyin_glosses_are_removed_in_ascii_and_fullwidth_parentheses():
    text = "園區發(fa)展質(zhì)量，創（chuang）新(xin)(xin)能力"
    assert normalise(text).text == "园区发展质量,创新能力"


def test_a_gloss_after_latin_text_is_kept():
    assert normalise("iPhone(pro)版本").text == "iPhone(pro)版本"


def test_fullwidth_digits_and_punctuation_become_ascii():
    assert normalise("收入１２３．５亿元％：").text == "收入123.5亿元%:"


def test_space_runs_collapse_to_one_space():
    assert normalise("甲\u3000\u3000 乙\t\t丙").text == "甲 乙 丙"


def test_quotes_map_back_to_the_original_text():
    original = "今年,開(kai)發區營業收入達到３０億元。"
    normalised = normalise(original)
    start = normalised.text.index("营业收入")
    end = normalised.text.index("元") + 1
    quote, orig_start, orig_end = normalised.quote(start, end)
    assert quote == "營業收入達到３０億元"
    assert original[orig_start:orig_end] == quote


def test_a_span_across_a_removed_gloss_includes_the_gloss():
    original = "高(gao)質量發展"
    normalised = normalise(original)
    assert normalised.quote(0, 3)[0] == "高(gao)質量"


def test_empty_text():
    normalised = normalise("")
    assert normalised.text == ""
    assert normalised.quote(0, 0) == ("", 0, 0)


def test_zero_width_characters_are_dropped():
    original = "营业\u200b收入\ufeff30亿元"
    normalised = normalise(original)
    assert normalised.text == "营业收入30亿元"
    assert normalised.quote(0, len(normalised.text))[0] == original
