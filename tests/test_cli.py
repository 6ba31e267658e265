"""CLI wiring and messages."""
from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from briefgen import __version__
from briefgen.cli import app, main

runner = CliRunner()


def run_main(args, capsys):
    try:
        main(args)
        code = 0
    except SystemExit as e:
        code = e.code or 0
    out = capsys.readouterr()
    return code, out.out, out.err


def test_version():
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and __version__ in r.stdout


def test_module_help():
    r = subprocess.run([sys.executable, "-m", "briefgen", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "build" in r.stdout and "extract" in r.stdout


def test_config_schema_is_json_schema():
    r = runner.invoke(app, ["config", "schema"])
    schema = json.loads(r.stdout)
    assert schema["additionalProperties"] is False
    assert "banner" in schema["properties"] and schema["properties"]["banner"]["description"]


def test_config_check_ok(capsys):
    code, out, _ = run_main(["config", "check", "configs/default.yaml"], capsys)
    assert code == 0 and "ok" in out


def test_config_unknown_key_names_line_and_suggests(tmp_path, capsys):
    p = tmp_path / "bad.yaml"
    p.write_text("title: X\nlimits:\n  actorz: 3\nbaner: TLP:RED\n")
    code, _, err = run_main(["config", "check", str(p)], capsys)
    assert code == 2
    assert f"{p}:3: unknown key 'limits.actorz'; did you mean 'actors'?" in err
    assert f"{p}:4: unknown key 'baner'; did you mean 'banner'?" in err
    assert "Traceback" not in err


def test_config_wrong_type_and_syntax(tmp_path, capsys):
    p = tmp_path / "t.yaml"
    p.write_text("limits:\n  quotes: many\n")
    code, _, err = run_main(["config", "check", str(p)], capsys)
    assert code == 2 and f"{p}:2: limits.quotes" in err
    p.write_text("title: [unclosed\nbanner: x\n")
    code, _, err = run_main(["config", "check", str(p)], capsys)
    assert code == 2 and "YAML syntax error" in err and f"{p}:" in err


def test_missing_input_is_one_line(tmp_path, capsys):
    code, _, err = run_main(["extract", str(tmp_path / "nope.txt")], capsys)
    assert code != 0
    assert "nope.txt" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2


def test_bad_article_skipped_and_strict_fails(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Headline here\n\nFeb 19, 2024\n\nTest Wire\n\nRussia invited Hamas to Moscow, officials said on Monday.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run_main(["extract", str(good), str(empty)], capsys)
    assert code == 0 and "skipped" in err and "empty.txt" in err
    assert len(json.loads(out)["articles"]) == 1
    code, _, err = run_main(["extract", "--strict", str(good), str(empty)], capsys)
    assert code == 1 and "empty.txt" in err


def test_binary_and_undecodable(tmp_path, capsys):
    b = tmp_path / "x.txt"
    b.write_bytes(b"\x00\x01\x02binary")
    u16 = tmp_path / "y.txt"
    u16.write_bytes("Headline\n\nCaf\xe9 d\xe9j\xe0 vu text.\n".encode("utf-16-le"))  # no byte-order mark
    code, _, err = run_main(["extract", str(b), str(u16)], capsys)
    assert code == 4
    assert f"{b}: looks binary" in err and f"{u16}: looks like UTF-16 text without a byte-order mark" in err  # each file with its own reason


def test_unknown_option_is_usage_error(capsys):
    code, _, err = run_main(["build", "--bogus"], capsys)
    assert code == 2 and "--bogus" in err and "Traceback" not in err
