import pytest

from cardmaker.text.article import find_articles, parse_article, read_article
from cardmaker.errors import InputError

SAMPLE = "標題在這裡\n2024-01-05 12\n第一句話。第二句話！「第三句。」\n第四句\n(圖片來源:某人 攝)\n"


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
     ("gb18030", b""), ("gbk", b""), ("big5", b"")],
)
def test_encodings(encoding, bom):
    text = SAMPLE if encoding != "gb18030" and encoding != "gbk" else SAMPLE.replace("標題在這裡", "标题在这里")
    a = parse_article(bom + text.encode(encoding), "x.txt")
    assert a.title in ("標題在這裡", "标题在这里")
    assert a.date == "2024-01-05"


def test_unknown_encoding_names_file_and_suggests_option():
    data = "日本語のテキストです。漢字とかなが混じっています。".encode("shift_jis")
    with pytest.raises(InputError) as e:
        parse_article(data, "jp.txt")
    assert "jp.txt" in str(e.value) and "--encoding" in str(e.value)


def test_explicit_encoding_wins():
    data = "中文標題\n正文。".encode("big5")
    assert parse_article(data, "x.txt", encoding="big5").title == "中文標題"


def test_layout_and_sentences():
    a = parse_article(SAMPLE.encode(), "x.txt")
    assert (a.title, a.date) == ("標題在這裡", "2024-01-05")
    texts = [(s.kind, s.text) for s in a.sentences]
    assert texts == [
        ("title", "標題在這裡"),
        ("furniture", "2024-01-05 12"),  # the date line
        ("body", "第一句話。"),
        ("body", "第二句話！"),
        ("body", "「第三句。」"),  # the closing bracket stays with its sentence
        ("body", "第四句"),
        ("caption", "(圖片來源:某人 攝)"),
    ]
    for s in a.sentences:
        assert a.text[s.start:s.end] == s.text


PAGE = """首頁 > 新聞 > 生活
颱風逼近 氣象署發布海上警報
2024/07/23 14:30
記者陳小華／台北報導
▲氣象署今日上午發布警報。（圖／記者李大明攝）
中央氣象署表示，颱風目前位於鵝鑾鼻東南方的海面上。民眾應注意防範。
▲兄弟象「黃金三劍客」彭政閔、陳致遠與蔡豐安選進中華奧運代表隊，讓象隊賺到了，他們除了增強中華隊戰力之外，對於象隊更是「生財之道」，預計可以幫助象隊多賺3、400萬元以上的收入。
商務部部長助理陳春江,市領導趙嘉鳴、李政、張亞宏、陳杰,東航集團總經理李養民出席會議。中國國際進口博覽局、市公安局、上海海關、青浦區委作了交流發言。(圖片來源:陳正寶 攝)
●延伸閱讀：
颱風假怎麼放？各縣市停班停課一覽
氣象署：明天風雨最大
【更多新聞】
分享 留言 收藏
"""


def test_page_furniture_and_photo_captions_are_not_prose():
    a = parse_article(PAGE.encode(), "page.txt")
    assert (a.title, a.date) == ("颱風逼近 氣象署發布海上警報", "2024-07-23")  # not the breadcrumb
    kinds = {s.text: s.kind for s in a.sentences}
    assert kinds["▲氣象署今日上午發布警報。"] == kinds["（圖／記者李大明攝）"] == "caption"
    assert kinds["記者陳小華／台北報導"] == "caption"  # a byline
    assert kinds["民眾應注意防範。"] == "body"
    assert kinds["▲兄弟象「黃金三劍客」彭政閔、陳致遠與蔡豐安選進中華奧運代表隊，讓象隊賺到了，他們除了增強中華隊戰力之外，對於象隊更是「生財之道」，預計可以幫助象隊多賺3、400萬元以上的收入。"] == "body"  # a long lead, not a caption
    assert kinds["中國國際進口博覽局、市公安局、上海海關、青浦區委作了交流發言。"] == "body"  # run into the credit
    for text in ("●延伸閱讀：", "颱風假怎麼放？", "氣象署：明天風雨最大", "【更多新聞】", "分享 留言 收藏", "首頁 > 新聞 > 生活"):
        assert kinds[text] == "furniture", text
    from cardmaker.analysis.vocabulary import extract
    from cardmaker.lexicon import Lexicon

    words = {w.simplified for w in extract(a, Lexicon())}
    assert "上午" not in words and "分享" not in words and "停课" not in words and "防范" in words


def test_dateline_opening_a_paragraph_is_not_prose():
    a = parse_article("台積電擴大投資\n（中央社記者王小明台北15日電）台積電今日宣布擴大投資。\n".encode(), "x.txt")
    assert [(s.kind, s.text) for s in a.sentences] == [
        ("title", "台積電擴大投資"),
        ("caption", "（中央社記者王小明台北15日電）"),
        ("body", "台積電今日宣布擴大投資。"),
    ]
    for s in a.sentences:
        assert a.text[s.start:s.end] == s.text


@pytest.mark.parametrize("line, dateline", [
    ("据新华社北京1月1日电元旦前后，世界各地华人纷纷举行活动。", "据新华社北京1月1日电"),   # 据 + the agency
    ("新华社北京3月15日电（记者 王琳琳）会议今天开幕。", "新华社北京3月15日电（记者 王琳琳）"),
])
def test_a_dateline_with_its_agency_opening_a_paragraph_is_not_prose(line, dateline):
    a = parse_article(f"标题\n{line}\n".encode(), "x.txt")
    assert ("caption", dateline) in [(s.kind, s.text) for s in a.sentences]


def test_plain_file_title_falls_back_to_file_name(tmp_path):
    p = tmp_path / "my-article.txt"
    p.write_text("這是一篇沒有標題的文章，只有一段很長的正文內容。")
    a = read_article(p)
    assert a.title == "my-article" and a.date is None
    assert [s.text for s in a.sentences] == ["這是一篇沒有標題的文章，只有一段很長的正文內容。"]


def test_seed(seed_article):
    assert seed_article.title.startswith("全力以赴確保第六屆進博會圓滿成功")
    assert seed_article.date == "2023-08-08"
    assert not any("174" in s.text for s in seed_article.sentences if s.kind in ("title", "body"))
    assert seed_article.sentences[-1].kind == "caption"


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty file"),
        (b"  \n\t \n", "only whitespace"),
        (b"Only Latin text here.\n", "no Chinese text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_bad_input(tmp_path, data, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as e:
        read_article(p)
    assert problem in str(e.value) and "bad.txt" in str(e.value)


def test_missing_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    items = find_articles([tmp_path, tmp_path / "nope.txt"])
    assert all(isinstance(i, InputError) for i in items) and len(items) == 2


def test_cut_multibyte_character_is_dropped_not_fatal():
    data = "標題\n正文內容".encode()[:-1]
    a = parse_article(data, "cut.txt")
    assert a.text.endswith("正文內") and a.notes


@pytest.mark.parametrize(
    "line, date",
    [
        ("2023-08-08 174", "2023-08-08"),
        ("2023/8/8", "2023-08-08"),
        ("2023年8月8日 17:44", "2023-08-08"),
        ("發布時間：2023-08-08 10:20:00", "2023-08-08"),
        ("2023.08.08 來源：新華社", "2023-08-08"),
        ("2023年8月8日，習近平在北京出席會議。", None),  # a sentence that starts with a date is body text
        ("20230808", None),
    ],
)
def test_date_line_forms(line, date):
    a = parse_article(f"標題\n{line}\n正文第一句。\n".encode(), "x.txt")
    assert a.date == date
    assert any(line.split("，")[0] in s.text for s in a.sentences if s.kind == "body") == (date is None)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec):
    a = parse_article(SAMPLE.encode(codec), "x.txt")
    assert a.title == "標題在這裡" and a.encoding == codec


def test_a_few_stray_bytes_in_utf8_are_replaced_not_fatal():
    data = SAMPLE.encode().replace("第二句話".encode(), b"\xff\xfe" + "第二句話".encode())
    a = parse_article(data, "x.txt")
    assert a.title == "標題在這裡" and a.notes and "\ufffd" in a.text


def test_lines_wrapped_inside_a_sentence_are_one_sentence():
    # a text file cut clause by clause: a line ending in a comma goes on in the next line
    raw = ("品格的侵蝕\n\n到了秋天，\n柯林頓和杜爾展開競選造勢時，\n　他們完全不再是話題。\n當然，\n"
           "這樣的發展理由很簡單。\n他警告說：\n「會有更多人默默受到傷害」。\n延伸閱讀：\n經濟新聞\n").encode()
    body = [s.text for s in parse_article(raw, "wrapped.txt").sentences if s.kind == "body"]
    assert "到了秋天，柯林頓和杜爾展開競選造勢時，他們完全不再是話題。" in body
    assert "當然，這樣的發展理由很簡單。" in body
    assert any(s.startswith("他警告說：「會有更多人") for s in body)
    assert "當然，" not in body
    assert not any("延伸閱讀：經濟新聞" in s for s in body)  # a label's colon ends its line
