"""Mistakes a user can make: one line naming the thing and what to do, a documented exit code, no traceback."""
from __future__ import annotations

import json

import pytest

from briefgen.errors import BriefgenError
from test_cli import run_main  # the CLI tests' runner: exit code, stdout, stderr


def test_output_folder_that_is_a_file_is_one_line(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe council met on Monday, officials said.\n")
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    code, _, err = run_main(["build", str(article), "--out", str(blocker), "--format", "json"], capsys)
    assert code == 1
    assert "internal error" not in err and "Traceback" not in err
    assert f"{blocker}: cannot use as the output folder (a file is in the way)" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args, needle", [
    (["build", "--bogus"], "No such option: --bogus"),
    (["extract"], "Missing argument 'inputs'"),
    (["nosuchcmd"], "No such command 'nosuchcmd'"),
    (["extract", "x.txt", "--processes", "0"], "--processes"),
])
def test_usage_errors_are_one_line_with_a_help_hint(args, needle, capsys):
    code, _, err = run_main(args, capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("briefgen: error: ") and needle in lines[0] and "--help'" in lines[0]


def test_bare_command_still_shows_help(capsys):
    code, out, err = run_main(["config"], capsys)
    assert code == 2 and "check" in out + err and "briefgen: error" not in err


def test_undefined_template_variable_names_file_line_and_hint(tmp_path):
    from briefgen.render.templates import make_environment, render_template

    (tmp_path / "page.html.j2").write_text("<p>\n{{ no_such_name }}</p>\n")
    with pytest.raises(BriefgenError) as e:
        render_template(make_environment(tmp_path), "page.html.j2", {})
    msg = str(e.value)
    assert msg.startswith(f"{tmp_path / 'page.html.j2'}:2: template error: 'no_such_name' is undefined")
    assert "docs/templates.md" in msg and e.value.exit_code == 2


def test_config_check_catches_bad_name_pattern_and_time_zone_in_file_order(tmp_path, capsys):
    p = tmp_path / "c.yaml"
    p.write_text("timezone: Mars/Olympus\noutput:\n  name: 'brief-{day}'\n  dirr: x\n")
    code, _, err = run_main(["config", "check", str(p)], capsys)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 3, lines
    assert f"{p}:1: timezone: unknown time zone 'Mars/Olympus'; use an IANA name" in lines[0]
    assert f"{p}:3: output.name: 'brief-{{day}}' is not a valid pattern" in lines[1]
    assert f"{p}:4: unknown key 'output.dirr'" in lines[2]


def test_a_pdf_among_articles_is_skipped_with_what_to_do(tmp_path, capsys):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n")
    code, _, err = run_main(["extract", str(pdf)], capsys)
    assert code == 4
    assert f"{pdf}: is a PDF file, not an article; save or export its text" in err and "Traceback" not in err
    good = tmp_path / "good.txt"
    good.write_text("Headline\n\nThe council met on Monday, officials said.\n")
    code, _, err = run_main(["extract", str(pdf), str(good)], capsys)
    assert code == 0 and err.startswith(f"briefgen: warning: skipped {pdf}: is a PDF file"), err


def test_a_value_off_pattern_is_explained_by_the_field_not_a_regex(tmp_path, capsys):
    p = tmp_path / "c.yaml"
    p.write_text("window: 3 fortnights\n")
    code, _, err = run_main(["config", "check", str(p)], capsys)
    assert code == 2 and f"{p}:1: window: '3 fortnights' is not valid. Only articles published within this span" in err
    assert "should match" not in err and "[hdw]" not in err


def test_preview_on_a_busy_port_is_one_line(capsys):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = run_main(["preview", "--seed", "--port", str(port)], capsys)
    assert code == 2 and f"cannot serve on 127.0.0.1:{port}" in err and "--port" in err and "internal error" not in err


def test_a_template_syntax_error_stops_build_before_parsing(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe council met on Monday, officials said.\n")
    house = tmp_path / "house"
    house.mkdir()
    (house / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}\n{% block header %}{{ x {% endblock %}\n')
    out = tmp_path / "out"
    code, _, err = run_main(["build", str(article), "--out", str(out), "--templates", str(house), "--format", "html"], capsys)
    assert code == 2 and f"{house / 'brief.html.j2'}:2: template syntax error" in err
    manifest = json.loads(next(out.glob("*.manifest.json")).read_text())
    assert manifest["status"] == "error" and "parse" not in manifest["timings"] and manifest["counts"]["parsed"] == 0


def test_an_empty_folder_or_glob_is_skipped_beside_good_sources_and_alone_exits_4(tmp_path, capsys):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("Headline\n\nThe council met on Monday, officials said.\n")
    code, out, err = run_main(["extract", str(inbox), str(tmp_path / "none-*.txt"), str(good)], capsys)
    assert code == 0 and len(json.loads(out)["articles"]) == 1
    assert f"skipped {inbox}: the folder holds no article" in err and "none-*.txt: the pattern matches no file" in err
    code, _, err = run_main(["extract", str(inbox)], capsys)
    assert code == 4 and "no usable articles" in err and str(inbox) in err
    code, _, err = run_main(["extract", "--strict", str(inbox), str(good)], capsys)
    assert code == 1 and "holds no article" in err


def test_debug_after_the_command_shows_the_traceback(tmp_path):
    import subprocess
    import sys

    missing = str(tmp_path / "missing.txt")
    done = subprocess.run([sys.executable, "-m", "briefgen", "extract", missing, "--debug"], capture_output=True, text=True)
    assert done.returncode != 0 and "Traceback" in done.stderr and "BriefgenError" in done.stderr
    done = subprocess.run([sys.executable, "-m", "briefgen", "extract", missing], capture_output=True, text=True)
    assert done.returncode == 4 and "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_since_after_the_briefing_date_is_a_usage_error_before_any_work(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe council met on Monday, officials said.\n")
    code, _, err = run_main(["build", str(article), "--out", str(tmp_path / "out"), "--format", "json",
                             "--now", "2024-02-19T08:00+00:00", "--since", "2042-02-18"], capsys)
    assert code == 2 and "--since 2042-02-18 is after the briefing's date 2024-02-19" in err


def _good(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Harbour board approves terminal\n\nThe harbour board approved a new ferry terminal on Monday, officials said.\n")
    return good


def test_an_article_over_the_length_limit_is_skipped_not_fatal(tmp_path, capsys):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("nlp:\n  max_chars: 5000\n")
    long = tmp_path / "long.txt"
    long.write_text("A very long report\n\n" + "The board met again and talked about the port. " * 200 + "\n")
    code, out, err = run_main(["build", str(long), str(_good(tmp_path)), "-c", str(cfg), "--out", str(tmp_path / "o"), "-f", "json"], capsys)
    assert code == 0, err
    assert f"skipped {long}: is " in err and "characters long, over nlp.max_chars (5,000)" in err
    assert "Traceback" not in err and "internal error" not in err
    code, _, err = run_main(["build", str(long), "-c", str(cfg), "--out", str(tmp_path / "o"), "-f", "json", "--strict"], capsys)
    assert code != 0 and "nlp.max_chars" in err and "Traceback" not in err


def test_front_matter_with_an_impossible_date_skips_only_that_article(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: Port\ndate: 2024-02-30\n---\n\nThe board met on Monday to discuss the port.\n")
    code, _, err = run_main(["extract", str(bad), str(_good(tmp_path)), "--format", "json"], capsys)
    assert code == 0, err
    assert f"skipped {bad}: front matter has an impossible value" in err and "Traceback" not in err


def test_a_malformed_link_on_the_command_line_is_skipped_beside_good_input(tmp_path, capsys):
    code, _, err = run_main(["extract", "http://[::1/x", str(_good(tmp_path)), "--format", "json"], capsys)
    assert code == 0, err
    assert "skipped http://[::1/x: is not a valid URL" in err and "internal error" not in err


@pytest.mark.parametrize("command", [["extract", "-"], ["build", "-", "-f", "json"]])
def test_ctrl_c_exits_130_with_one_line(tmp_path, command):
    import signal
    import subprocess
    import sys
    import time

    argv = [sys.executable, "-m", "briefgen", *command] + (["--out", str(tmp_path / "o")] if command[0] == "build" else [])
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)  # imported and waiting for the article on standard input
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "interrupted" in lines[0] and "Traceback" not in err, lines


def test_config_with_an_impossible_date_names_the_line(tmp_path, capsys):
    cfg = tmp_path / "c.yaml"
    cfg.write_text("title: Port\nnow: 2024-02-30\n")
    code, _, err = run_main(["config", "check", str(cfg)], capsys)
    assert code == 2 and f"{cfg}:2: '2024-02-30' is not a date" in err and "internal error" not in err


@pytest.mark.parametrize("yaml_text, needle", [
    ("output:\n  name: ../elsewhere/brief\n", "leaves the output folder"),
    ("output:\n  name: /tmp/brief\n", "leaves the output folder"),
    ("post_command: '   '\n", "is blank"),
    ("post_command: 'mail -s \"brief'\n", "check its quotes"),
])
def test_config_check_catches_names_outside_the_folder_and_broken_commands(tmp_path, capsys, yaml_text, needle):
    cfg = tmp_path / "c.yaml"
    cfg.write_text(yaml_text)
    code, _, err = run_main(["config", "check", str(cfg)], capsys)
    assert code == 2 and needle in err and f"{cfg}:" in err, err


def test_an_article_dated_after_the_briefing_is_kept_with_a_warning(tmp_path, capsys):
    a = tmp_path / "future.txt"
    a.write_text("Port vote\n\nPublished: 1 January 2031\n\nThe harbour board will vote on Tuesday, officials said.\n")
    code, _, err = run_main(["build", str(a), "--now", "2024-02-19T09:00+00:00", "--out", str(tmp_path / "o"), "-f", "json"], capsys)
    assert code == 0 and f"{a} is dated 2031-01-01, after the briefing date 2024-02-19" in err


def test_templates_init_onto_a_file_is_one_line(tmp_path, capsys):
    f = tmp_path / "taken"
    f.write_text("x")
    code, _, err = run_main(["templates", "init", str(f)], capsys)
    assert code == 2 and "cannot create the templates folder" in err and "internal error" not in err
