from extraction.clauses import boundaries


def test_levels_of_boundaries():
    text = "甲,乙、丙;丁。戊\n己"
    sentences, clauses, items, paragraphs = boundaries(text)
    pos = text.index("丙")
    assert sentences.around(pos) == (0, text.index("。"))
    assert clauses.around(pos) == (text.index("乙"), text.index(";"))
    assert items.around(pos) == (pos, pos + 1)
    assert paragraphs.around(text.index("己")) == (text.index("己"), len(text))


def test_a_thousands_comma_is_no_break():
    text = "营收1,250.5亿元,增长5%"
    _, clauses, _, _ = boundaries(text)
    assert clauses.around(text.index("5亿")) == (0, text.index(",增长"))
