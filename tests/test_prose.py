"""What is prose and what is page furniture (text/layout.py), line by line, on realistic pages.

The pages in tests/data/pages/ were written for the tests in the layouts of real sites (UDN, LTN, CNA,
Xinhua, People's Daily, i-Cable, a journal, a travel blog, a wiki); each furniture case below says why
the line is furniture.  Furniture must give no vocabulary and no example.
"""

from pathlib import Path

import pytest

from cardmaker.text.article import parse_article, read_article
from cardmaker.text.layout import clean_title, judge_line, strip_footnotes

PAGES = Path(__file__).parent / "data" / "pages"


@pytest.mark.parametrize("line, why", [
    # bylines in their spacing and punctuation variants: names of reporters give 萁 "stalks of pulse"
    ("聯合報／ 記者甘芝萁／台北即時報導", "byline"),
    ("聯合報/記者甘芝萁/台北即時報導", "byline"),
    ("經濟日報／ 記者 陳美君 ／台北報導", "byline"),
    ("記者陳小華／台北報導", "byline"),
    ("記者 王琳琳 報道", "byline"),
    ("文／王小明", "byline"),
    ("撰文：記者陳大文", "byline"),
    ("記者：陳嘉欣　攝影：李志強", "byline"),
    ("责任编辑：李明", "byline"),
    ("作者：常静肼 刘晓明", "byline"),
    ("本报评论员", "byline"),
    # a dateline or source label alone on its line
    ("（中央社記者王小明台北15日電）", "dateline or source label"),
    ("〔記者林芷萱／新北報導〕", "dateline or source label"),
    ("【有線新聞】", "dateline or source label"),
    # dates and editions: no vocabulary in 發布時間
    ("2025-09-22 11:48", "date line"),
    ("發佈時間：2025/03/12 18:42　更新時間：2025/03/12 21:05", "date line"),
    ("《 人民日报 》（ 2024年12月16日   第 01 版）", "date line"),
    # photo captions and credits: a caption describes a picture the card does not have
    ("11月5日,第七屆中國國際進口博覽會在上海開幕。這是開幕式現場。新華社記者 鞠鵬 攝", "photo caption or credit"),
    ("花蓮縣沿海地區颱風期間常出現長浪，民眾應避免前往海邊觀浪。聯合報系資料照", "photo caption or credit"),
    ("強烈颱風樺加沙今天上午的衛星雲圖，颱風眼清晰可見。（圖／中央氣象署提供）", "photo caption or credit"),
    ("市建局職員今早到北河街一帶唐樓進行凍結人口調查。（有線新聞圖片）", "photo caption or credit"),
    ("行政院長今天出席記者會。（中央社檔案照片）", "photo caption or credit"),
    ("▲北捷板南線今天上午號誌異常。（記者王大明攝）", "photo caption or credit"),
    ("圖／取自臉書", "photo caption or credit"),
    # keyword and tag lines: a list of words, not a sentence
    ("關鍵詞：颱風 樺加沙 博羅依 豪雨特報 停班停課 中央氣象署", "keywords or tags"),
    ("关键词：骨骼肌；干细胞；衰老；肌少症；运动干预", "keywords or tags"),
    ("#市建局 #深水埗 #重建 #唐樓 #老字號", "keywords or tags"),
    # an author's affiliation and a paper's metadata: 武汉,430030 supplied 19 examples on one page
    ("（华中科技大学同济医学院，武汉,430030）", "author's affiliation"),
    ("（國立臺灣大學醫學院附設醫院 家庭醫學部，臺北 100）", "author's affiliation"),
    ("中图分类号：R685　　文献标识码：A", "paper's metadata"),
    ("张明1，李华2，王强1*", "author list"),
    # page labels and site names: never a headline, never vocabulary
    ("快訊", "page label or site name"),
    ("即時新聞", "page label or site name"),
    ("首頁", "buttons or links"),
    ("聯合新聞網", "page label or site name"),
    ("生活 | 聯合新聞網", "page label or site name"),
    ("維基百科，自由的百科全書", "page label or site name"),
    # breadcrumbs, buttons and calls to action
    ("首頁 > 生活 > 氣象", "breadcrumb"),
    ("人民网 >> 观点 >> 人民日报评论员", "breadcrumb"),
    ("您的位置：首页 > 新闻 > 正文", "breadcrumb"),
    ("分享 留言 收藏", "buttons or links"),
    ("分享：Facebook　WhatsApp　複製連結", "buttons or links"),
    ("不用抽 不用搶 現在用APP看新聞 保證天天中獎　點我下載APP　按我看活動辦法", "buttons or links"),
    ("扫一扫在手机打开当前页", "buttons or links"),
    ("▶ 觀看新聞片段", "buttons or links"),
    # notices and end marks
    ("☆加入自由時報LINE好友，掌握即時新聞☆", "notice"),
    ("＊珍惜生命，自殺不能解決問題，生命一定可以找到出路。若您或身邊有人需要協助，請撥打安心專線1925。", "notice"),
    ("本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。", "copyright notice"),
    ("（編輯：陳政偉）1141015", "end mark or editor"),
    ("（完）", "end mark or editor"),
    ("【纠错】", "label"),
    # mojibake: UTF-8 read as Latin-1, and runs of replacement characters
    ("ç¶“æ¿Ÿéƒ¨è¡¨ç¤ºï¼Œå°‡æŒçºŒèˆ‡é‡‘èžæ©Ÿæ§‹åˆä½œ", "mojibake or unreadable characters"),
    ("\ufffd\ufffd\ufffd\ufffd\ufffd", "mojibake or unreadable characters"),
    ("嚙踝蕭嚙賣嚙緩嚙踝蕭嚙誕", "mojibake or unreadable characters"),  # Big5 bytes read as GBK and back
    ("发表于 2024年10月8日", "date line"),                           # a blog post's meta line
    ("· 阅读 1,286", "buttons or links"),                              # a view counter
    ("《大理五日｜骑行洱海、住在古城，慢下来的日子》有 6 条评论", "buttons or links"),  # a comment count
    ("本網站使用cookie以提供您更好的瀏覽體驗，繼續瀏覽即表示您同意我們的隱私權政策。", "notice"),
    ("第 2 頁", "page number"),
    ("https://udn.com/news/story/7266/8891000", "web address"),
])
def test_furniture(line, why):
    assert judge_line(line) is not None and judge_line(line)[1] == why


@pytest.mark.parametrize("line", [
    "中央氣象署今天上午表示，今年第18號颱風樺加沙持續增強。",
    "記者會上，市長表示將全力協助受災戶。",            # 記者 in a sentence
    "他在現場拍攝了許多照片，準備做成紀錄片。",         # 拍攝 in a sentence
    "第一天：到达古城",                                # a travel blog's own heading
    "二、肌肉干细胞：肌肉修复的“后备军”",
    "——论学习贯彻中央经济工作会议精神",               # a subtitle
    "2023年8月8日，習近平在北京出席會議。",            # a sentence that opens with a date
    "北捷板南線號誌異常 尖峰列車延誤逾20分鐘",          # a headline with spaces
    "颱風假怎麼放？",
    "陳吉寧 王文濤 龔正",                              # names without affiliation marks
])
def test_prose_stays(line):
    assert judge_line(line) is None


@pytest.mark.parametrize("raw, title", [
    ("快訊／樺加沙增強為強颱 博羅依接力生成 氣象署：花東嚴防豪雨 | 生活 | 聯合新聞網",
     "樺加沙增強為強颱 博羅依接力生成 氣象署：花東嚴防豪雨"),
    ("全国秋粮收获过半 各地抢抓晴好天气加快机收烘干-新华网", "全国秋粮收获过半 各地抢抓晴好天气加快机收烘干"),
    ("【即時】北捷板南線號誌異常 - 自由時報電子報", "北捷板南線號誌異常"),
    ("餃子 - 維基百科，自由的百科全書", "餃子"),
    ("台積電(2330-TW)宣布擴大投資", "台積電(2330-TW)宣布擴大投資"),   # a hyphen inside the headline stays
    ("黃國昌／我不會參選", "黃國昌／我不會參選"),                       # a name before ／ is the headline's
])
def test_title_without_label_and_site(raw, title):
    a, b = clean_title(raw)
    assert raw[a:b] == title


def test_footnote_marker_goes_sentence_stays():
    text, n = strip_footnotes("氣象署將發布最新一報颱風預報[1]。考古發現[2][3]，唐代已有餃子[來源請求]。\n[1] 王某. 題目[J]. 期刊, 2020.")
    assert n == 3
    assert text.startswith("氣象署將發布最新一報颱風預報。考古發現，唐代已有餃子。")
    assert text.endswith("[1] 王某. 題目[J]. 期刊, 2020.")  # a reference entry keeps its number


def _prose(article):
    return "".join(s.text for s in article.sentences if s.kind in ("title", "body"))


@pytest.mark.parametrize("page, title, date, kept, left_out", [
    ("udn-typhoon.txt", "樺加沙增強為強颱 博羅依接力生成 氣象署：花東嚴防豪雨", "2025-09-22",
     ["颱風結構紮實", "發布最新一報颱風預報。"], ["快訊", "甘芝萁", "資料照", "防災包清單", "關鍵詞", "[1]", "分享"]),
    ("udn-typhoon.html", "樺加沙增強為強颱 博羅依接力生成 氣象署：花東嚴防豪雨", "2025-09-22",
     ["颱風結構紮實"], ["快訊", "甘芝萁", "聯合新聞網", "防災包清單", "點我下載", "路人甲", "版權"]),
    ("cna-economy.txt", None, "2025-10-15", ["新台幣近期走強"], ["中央社記者", "陳政偉", "不得轉載", "\ufffd", "ç"]),
    ("hk-news.txt", "深水埗兩項目納重建 老字號商戶憂難覓新舖", "2025-03-12",
     ["市區重建局今日宣布"], ["有線新聞", "陳嘉欣", "#市建局", "涼茶舖結業", "WhatsApp"]),
    ("science-simplified.txt", "规律运动延缓骨骼肌衰老：肌肉干细胞研究进展与健康启示", "2024-05-20",
     ["肌卫星细胞"], ["430030", "常静肼", "中图分类号", "浏览次数", "Cruz-Jentoft", "人民卫生出版社"]),
    ("people-daily-simplified.txt", "以钉钉子精神抓好各项工作落实", "2024-12-16",
     ["论学习贯彻中央经济工作会议精神"], ["人民网 >>", "本报评论员", "李昉", "全方位扩大国内需求", "版权所有"]),
    ("xinhua-page.html", "全国秋粮收获过半 各地抢抓晴好天气加快机收烘干", "2025-10-20",
     ["记者从农业农村部获悉"], ["新华网", "记者周明远", "张浩然 摄"]),
    ("ltn-ruby.html", None, "2025-03-18", ["破音字"], ["林芷萱", "LINE好友", "ㄏㄤˊ"]),
    ("wiki-jiaozi.html", "餃子", None, ["張仲景", "好吃不過餃子"], ["維基百科", "[1]", "來源請求", "輕工業出版社", "目錄", "包子 ·"]),
])
def test_realistic_pages(page, title, date, kept, left_out):
    article = read_article(PAGES / page)
    if title:
        assert article.title == title
    assert article.date == date
    prose = _prose(article)
    for piece in kept:
        assert piece in prose
    for piece in left_out:
        assert piece not in prose, piece


def test_ruby_and_inline_glosses_in_html_are_evidence():
    article = read_article(PAGES / "wiki-jiaozi.html")
    assert {(g.char, g.written) for g in article.glosses} == {("麵", ("miàn",)), ("包", ("bāo",))}
    assert "麵皮" in article.text and "(miàn)" not in article.text
    ltn = read_article(PAGES / "ltn-ruby.html")
    assert "ㄏ" not in ltn.text and "「銀行」" in ltn.text  # zhuyin ruby stripped cleanly
    assert ltn.glosses and all(not g.mismatch for g in ltn.glosses)
    zhuyin = {(g.char, g.written) for g in ltn.glosses}
    assert ("行", ("hang2",)) in zhuyin and ("行", ("xing2",)) in zhuyin  # 銀行 and 行走, read as pinyin


def test_zhuyin_ruby_verifies_and_corrects_readings(tmp_path, lexicon):
    from cardmaker.analysis.vocabulary import Options, analyse

    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>破音字怎麼唸</h1><p>新北市一所國小的老師發現，不少學生一遇到破音字就憑感覺猜讀音。"
                    "他帶學生走進一家<ruby>銀<rt>ㄧㄣˊ</rt>行<rt>ㄏㄤˊ</rt></ruby>參觀，"
                    "學生發現這個<ruby>行<rt>ㄒㄧㄥˊ</rt></ruby>業的工作很辛苦，"
                    "大家都說那裡的午餐很<ruby>便<rt>ㄆㄧㄢˊ</rt></ruby>宜，連陪孩子寫作業的家長也常常被考倒。"
                    "</p></body></html>", "utf-8")
    article = read_article(page)
    assert "ㄧ" not in article.text and "銀行" in article.text
    words = {w.simplified: w for w in analyse(article, lexicon, Options()).words}
    assert words["银行"].check == "verified"
    assert words["行业"].check == "conflict" and words["行业"].pinyin == "hángyè"  # a wrong gloss is only evidence


def test_furniture_gives_no_words_and_no_examples(lexicon):
    from cardmaker.analysis.examples import choose_examples
    from cardmaker.analysis.vocabulary import analyse
    from cardmaker.analysis.vocabulary import Options

    article = read_article(PAGES / "udn-typhoon.txt")
    analysis = analyse(article, lexicon, Options())
    words = {w.simplified for w in analysis.words}
    assert "萁" not in words and "快讯" not in words and "关键词" not in words
    examples = choose_examples(analysis, analysis.words, lexicon)
    assert not any("甘芝萁" in e.text or "資料照" in e.text for e in examples.values())
    science = read_article(PAGES / "science-simplified.txt")
    analysis = analyse(science, lexicon, Options())
    assert not any("430030" in e.text for e in choose_examples(analysis, analysis.words, lexicon).values())


def test_replacement_characters_leave_out_only_their_clause():
    a = parse_article("標題\n第一句話很正常。第二句\ufffd\ufffd壞了，後半句很好。第三句也正常。\n".encode(), "x.txt")
    kinds = [(s.kind, s.text) for s in a.sentences]
    assert ("body", "第一句話很正常。") in kinds and ("body", "第三句也正常。") in kinds
    assert ("body", "後半句很好。") in kinds
    assert ("damaged", "第二句\ufffd\ufffd壞了，") in kinds


def test_words_of_a_damaged_clause_are_cards_with_its_clean_part_as_example(lexicon):
    from cardmaker.analysis.examples import choose_examples
    from cardmaker.analysis.vocabulary import Options, analyse

    # cna-economy: 這項方案��於明年1月1日起受理申請，申請期限至明年6月30日止，…服���中心。
    analysis = analyse(read_article(PAGES / "cna-economy.txt"), lexicon, Options())
    words = {w.simplified: w for w in analysis.words}
    assert "受理" in words and "期限" in words and "服" not in words
    examples = choose_examples(analysis, analysis.words, lexicon)
    assert examples[words["期限"].key].text == "申請期限至明年6月30日止"
    assert not any("\ufffd" in e.text for e in examples.values())
    # the clean part of the damaged clause, cut where the damage ends and marked
    assert examples[words["受理"].key].text.startswith("…") and examples[words["受理"].key].text.endswith("受理申請")
    # … and never the piece of a word the damage broke (服 of 服務中心)
    assert not any(e.text.rstrip("…").endswith("服") for e in examples.values())
