"""Editors' side: override folders, templates init/check, theme settings, fetcher safety, Markdown, preview."""
from __future__ import annotations

import io
import logging
import time
import urllib.request
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.config import Config
from briefgen.errors import BriefgenError
from briefgen.render import render_html, render_markdown, render_pdf
from briefgen.render.check import check_templates, init_templates, load_seed_briefing


@pytest.fixture(scope="module")
def briefing():
    return load_seed_briefing()


def _config(folder: Path | None = None, **top) -> Config:
    cfg = Config(**top)
    if folder is not None:
        cfg.templates.dir = str(folder)
    return cfg


def test_user_template_extends_the_default_and_replaces_one_block(tmp_path, briefing):
    (tmp_path / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}\n'
        '{% block quotes %}<section id="quotes"><h2>Voices</h2><p class="count">{{ briefing.quotes | length }} quotes</p></section>{% endblock %}\n'
    )
    html = render_html(briefing, _config(tmp_path))
    assert "<h2>Voices</h2>" in html and f"{len(briefing.quotes)} quotes" in html
    assert "<blockquote>" not in html  # the default quotes block is gone
    assert '<h2>Key actors</h2>' in html and 'id="src-1"' in html  # the rest is the default


def test_override_folder_reorders_sections_and_restyles_without_python(tmp_path, briefing):
    # Order from the config, look from a CSS file in the folder: no Python involved.
    (tmp_path / "custom.css").write_text(':root { --accent: #7a0019; }\n h2 { text-transform: none; }\n')
    cfg = _config(tmp_path, sections=["sources", "bottom_line"])
    html = render_html(briefing, cfg)
    assert html.index('id="sources"') < html.index('id="bottom-line"')
    assert 'id="timeline"' not in html
    assert html.index("--derived-bg") < html.index("--accent: #7a0019")  # added after the built-in rules
    outline = [o.title for o in PdfReader(io.BytesIO(render_pdf(html, cfg))).outline if not isinstance(o, list)]
    assert outline == ["Sources", "Bottom line"]


def test_a_brief_css_in_the_folder_replaces_the_built_in_one(tmp_path, briefing):
    (tmp_path / "brief.css").write_text("body { font-family: serif; }")
    html = render_html(briefing, _config(tmp_path))
    assert "body { font-family: serif; }" in html and "--derived-bg" not in html


def test_theme_settings_become_css_variables_and_logo_is_embedded(tmp_path, briefing):
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#123456"/></svg>')
    cfg = Config.model_validate({"theme": {"accent": "#336699", "font_body": "DejaVu Sans", "logo": str(logo), "margins": "15mm"}})
    html = render_html(briefing, cfg)
    assert "--accent: #336699;" in html and "--font-body: DejaVu Sans;" in html
    assert "margin: 15mm;" in html
    assert 'src="data:image/svg+xml;base64,' in html


def test_theme_values_cannot_break_out_of_the_stylesheet():
    with pytest.raises(Exception):
        Config.model_validate({"theme": {"accent": "red; } body { display: none"}})


@pytest.mark.parametrize("label,colour", [("TLP:RED", "#FF2B2B"), ("TLP:AMBER+STRICT", "#FFC000"), ("TLP:GREEN", "#33FF00"), ("tlp:clear", "#FFFFFF")])
def test_tlp_banner_uses_its_colour_on_black(briefing, label, colour):
    html = render_html(briefing.model_copy(update={"banner": label}), Config())
    assert f"--tlp-colour: {colour};" in html
    assert 'class="banner banner-top tlp"' in html


def test_free_text_banner_is_plain(briefing):
    html = render_html(briefing.model_copy(update={"banner": "Internal use only"}), Config())
    assert 'class="banner banner-top"' in html and "Internal use only" in html


def test_markdown_has_markers_sources_and_derived_notes(briefing):
    md = render_markdown(briefing, Config())
    assert md.startswith(f"**{briefing.banner}**")
    assert "[[1]](#src-1)" in md and '<a id="src-1"></a>' in md
    assert "_Sentences selected from the articles by briefgen._" in md
    assert "## Sources" in md and "| Name | Role or title |" in md


def test_markdown_keeps_article_html_inert(briefing):
    evil = briefing.model_copy(deep=True)
    evil.key_points[0].text = "Officials <script>alert(1)</script> met & talked"
    md = render_markdown(evil, Config())
    assert "<script>" not in md and "&lt;script>" in md and "met & talked" in md


def test_templates_init_copies_the_built_ins_and_they_check_clean(tmp_path, briefing):
    paths = init_templates(tmp_path / "house")
    assert {p.name for p in paths} >= {"base.html.j2", "brief.html.j2", "brief.css", "brief.md.j2"}
    assert check_templates(tmp_path / "house", Config(), briefing) == []
    with pytest.raises(BriefgenError, match="already exists"):
        init_templates(tmp_path / "house")


def test_templates_check_names_file_and_line_of_each_error(tmp_path, briefing):
    (tmp_path / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}\n'
        '{% block bottomline %}typo{% endblock %}\n'
        '{% block quotes %}\n'
        '<p>{{ briefing.no_such_field }}</p>\n'
        '<p>{{ not_in_context }}</p>\n'
        '{{ self.no_such_block() }}\n'
        '{% endblock %}\n'
    )
    (tmp_path / "notes.md.j2").write_text('{% extends "default:brief.md.j2" %}\n\n{% block x %}\n')
    problems = [str(p) for p in check_templates(tmp_path, Config(), briefing)]
    joined = "\n".join(problems)
    assert "brief.html.j2:2: block 'bottomline'" in joined and "did you mean 'bottom_line'" in joined
    assert "brief.html.j2:4: undefined variable" in joined and "no_such_field" in joined
    assert "brief.html.j2:5: undefined variable: 'not_in_context' is undefined" in joined
    assert "brief.html.j2:6: missing block: self.no_such_block()" in joined
    assert "notes.md.j2:3: syntax error" in joined


def test_templates_check_reports_css_rules_that_would_be_ignored(tmp_path, briefing):
    (tmp_path / "custom.css").write_text(":root { --accent: #123; }\n\nh2 { colr: red; }\n")
    problems = [str(p) for p in check_templates(tmp_path, Config(), briefing)]
    assert any("custom.css:3: CSS: Ignored `colr: red`" in p for p in problems), problems


def test_templates_check_cli_exits_2_with_each_problem(tmp_path, capsys):
    from briefgen.cli import main

    (tmp_path / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}\n{% block quotes %}{{ oops }{% endblock %}\n')
    with pytest.raises(SystemExit) as e:
        main(["templates", "check", str(tmp_path)])
    assert e.value.code == 2
    assert "brief.html.j2:2: syntax error" in capsys.readouterr().err


def test_fetcher_refuses_local_files_and_outside_urls_and_says_so(tmp_path, briefing, caplog):
    (tmp_path / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}\n'
        '{% block head %}<link rel="stylesheet" href="file:///etc/passwd">{% endblock %}\n'
        '{% block method %}<img src="file:///etc/hostname"><img src="http://192.0.2.1/pixel.png"><img src="../outside.png">{% endblock %}\n'
    )
    (tmp_path.parent / "outside.png").write_bytes(b"\x89PNG not really")
    cfg = _config(tmp_path)
    refused: list[str] = []
    from briefgen.render.pdf import html_to_pdf

    with caplog.at_level(logging.WARNING, logger="briefgen"):
        pdf = html_to_pdf(render_html(briefing, cfg), cfg, refused=refused)
    assert pdf.startswith(b"%PDF")
    assert "file:///etc/passwd" in refused and "file:///etc/hostname" in refused
    assert "http://192.0.2.1/pixel.png" in refused
    assert any(u.endswith("/outside.png") for u in refused)
    assert "root:" not in " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert any("/etc/passwd" in r.getMessage() for r in caplog.records)


def test_fetcher_serves_files_in_the_templates_folder(tmp_path, briefing):
    (tmp_path / "extra.css").write_text("h2 { color: #ff0000; }")
    (tmp_path / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}{% block head %}<link rel="stylesheet" href="extra.css">{% endblock %}')
    cfg = _config(tmp_path)
    refused: list[str] = []
    from briefgen.render.pdf import html_to_pdf

    html_to_pdf(render_html(briefing, cfg), cfg, refused=refused)
    assert refused == []


def test_attachment_links_are_dropped(tmp_path, briefing, caplog):
    (tmp_path / "secret.txt").write_text("do not embed")
    (tmp_path / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}\n'
        '{% block head %}<link rel="attachment" href="secret.txt">{% endblock %}\n'
        '{% block method %}<a rel="attachment" href="secret.txt">file</a>{% endblock %}\n'
    )
    cfg = _config(tmp_path)
    with caplog.at_level(logging.WARNING, logger="briefgen"):
        pdf = render_pdf(render_html(briefing, cfg), cfg)
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert "/EmbeddedFiles" not in root.get("/Names", {})
    assert b"do not embed" not in pdf and b"/FileAttachment" not in pdf
    assert any("attachment" in r.getMessage() for r in caplog.records)


def test_article_text_is_escaped_in_user_templates_too(tmp_path, briefing):
    evil = briefing.model_copy(deep=True)
    evil.key_points[0].text = '<img src=x onerror="alert(1)">'
    (tmp_path / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}{% block key_points %}{{ briefing.key_points[0].text }}{% endblock %}')
    html = render_html(evil, _config(tmp_path))
    assert "<img src=x" not in html and "&lt;img src=x" in html


def test_sandbox_blocks_python_internals(tmp_path, briefing):
    (tmp_path / "brief.html.j2").write_text('{{ briefing.__class__.__mro__ }}')
    with pytest.raises(BriefgenError, match="brief.html.j2"):
        render_html(briefing, _config(tmp_path))


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def test_preview_serves_on_localhost_and_rebuilds_on_template_change(tmp_path, briefing):
    from briefgen.render.preview import Preview

    (tmp_path / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}{% block bottom_line %}<p id="probe">first</p>{% endblock %}')
    preview = Preview(lambda: _config(tmp_path), lambda cfg: briefing, port=0, watch=[tmp_path])
    preview.start()
    try:
        assert preview.url.startswith("http://127.0.0.1:")
        page = _get(preview.url)
        assert '<p id="probe">first</p>' in page and "/_version" in page
        before = int(_get(preview.url + "_version"))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # the watcher may start a moment after start() returns
            (tmp_path / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}{% block bottom_line %}<p id="probe">second</p>{% endblock %}')
            time.sleep(0.5)
            if int(_get(preview.url + "_version")) > before:
                break
        assert int(_get(preview.url + "_version")) > before, "no rebuild within 20 s"
        assert '<p id="probe">second</p>' in _get(preview.url)
        assert urllib.request.urlopen(preview.url + "brief.pdf", timeout=30).read(5) == b"%PDF-"
    finally:
        preview.stop()


def test_preview_shows_a_template_error_instead_of_stopping(tmp_path, briefing):
    from briefgen.render.preview import Preview

    (tmp_path / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}{% block quotes %}{{ nope }}{% endblock %}')
    preview = Preview(lambda: _config(tmp_path), lambda cfg: briefing, port=0, watch=[tmp_path])
    preview.start()
    try:
        page = _get(preview.url)
        assert "brief.html.j2" in page and "nope" in page
    finally:
        preview.stop()


def test_as_of_is_shown_in_the_briefing_time_zone_with_edition(briefing):
    from datetime import datetime, timezone

    b = briefing.model_copy(update={"generated_at": datetime(2024, 2, 19, 8, 0, tzinfo=timezone.utc),
                                    "timezone": "Europe/Berlin", "edition": "No. 42"})
    html = render_html(b, Config())
    assert "19 February 2024, 09:00 CET" in html
    assert "<dt>Edition</dt><dd>No. 42</dd>" in html
    assert "Information as of 19 February 2024, 09:00 CET" in render_markdown(b, Config())


def test_preview_command_serves_the_seed_on_localhost(tmp_path):
    import os
    import signal
    import socket
    import subprocess
    import sys

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "briefgen", "preview", "--seed", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        page = ""
        while time.monotonic() < deadline and not page:
            try:
                page = _get(f"http://127.0.0.1:{port}/")
            except OSError:
                time.sleep(0.2)
        assert "TLP:CLEAR" in page and "<h2>Bottom line</h2>" in page
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.communicate()


def test_a_shortened_summary_shows_an_ellipsis(briefing):
    b = briefing.model_copy(deep=True)
    b.key_points[0].shortened = True
    html = render_html(b, Config())
    assert html.count('class="ellipsis"') == 1
    assert " […] [[1]](#src-1)" in render_markdown(b, Config())


def test_only_http_source_urls_become_links(briefing):
    b = briefing.model_copy(deep=True)
    b.sources[0].url = "javascript:alert(1)"
    html = render_html(b, Config())
    assert 'href="javascript:' not in html and '<span class="url">javascript:alert(1)</span>' in html
    b.sources[0].url = "https://news.example/story"
    assert '<a class="url" href="https://news.example/story">' in render_html(b, Config())


def test_picture_hooks_show_svg_only_when_the_context_has_it(briefing):
    from markupsafe import Markup

    from briefgen.render.context import build_context
    from briefgen.render.templates import make_environment, render_template

    cfg = Config()
    env = make_environment()
    # The context draws both pictures by default; an empty picture leaves its section out.
    empty = {"timeline_svg": Markup(""), "actor_map_svg": Markup("")}
    plain = render_template(env, "brief.html.j2", build_context(briefing, cfg) | empty)
    assert 'id="timeline-strip"' not in plain and 'id="actor-map"' not in plain
    ctx = build_context(briefing, cfg) | {"timeline_svg": Markup('<svg id="strip"></svg>'), "actor_map_svg": Markup('<svg id="map"></svg>')}
    html = render_template(env, "brief.html.j2", ctx)
    assert html.index('<svg id="map">') < html.index('<svg id="strip">') < html.index('id="timeline"')


def test_templates_init_cli(tmp_path, capsys):
    from briefgen.cli import main

    main(["templates", "init", str(tmp_path / "house")])  # returns on success
    assert (tmp_path / "house" / "brief.html.j2").is_file()
    main(["templates", "check", str(tmp_path / "house")])
    assert capsys.readouterr().out.strip().endswith(": ok")


def test_templates_check_reads_a_local_import_as_build_does_and_refuses_others(tmp_path, briefing):
    (tmp_path / "custom.css").write_text('@import url("extra.css");\n@import url("file:///etc/passwd");\nh2 { color: red; }\n')
    (tmp_path / "extra.css").write_text("h3 { color: blue; }\n\nh4 { colr: blue; }\n")
    problems = [str(p) for p in check_templates(tmp_path, Config(), briefing)]
    assert not any("URL fetcher must return" in p for p in problems), problems
    assert any(p.startswith(("custom.css", str(tmp_path / "custom.css"))) and "refuses to fetch file:///etc/passwd" in p for p in problems), problems
    # the imported sheet's own error is reported once, against its own file and line
    colr = [p for p in problems if "colr" in p]
    assert len(colr) == 1 and "extra.css:3: CSS: Ignored `colr: blue`" in colr[0], problems


def test_templates_check_locates_sandbox_refusals_and_calls_them_unsafe(tmp_path, briefing):
    # A constant expression ("".__class__) is folded when the template compiles, before any line is known.
    (tmp_path / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}\n{% block quotes %}\n<p>{{ "".__class__ }}</p>\n{% endblock %}\n')
    (tmp_path / "brief.md.j2").write_text('Notes\n\n{{ (1).__class__ }} and {{ briefing.__dict__ }}\n')
    problems = [str(p) for p in check_templates(tmp_path, Config(), briefing)]
    assert not any(p.startswith("?") or "undefined variable" in p for p in problems), problems
    assert any(p.endswith("brief.html.j2:3: unsafe attribute (the sandbox refuses it): access to attribute '__class__' of 'str' object is unsafe.")
               for p in problems), problems
    assert sum("brief.md.j2:3: unsafe attribute" in p for p in problems) == 2, problems
    with pytest.raises(BriefgenError, match=r"brief.html.j2:3: unsafe attribute"):
        render_html(briefing, _config(tmp_path))


def test_markdown_sources_link_only_http_urls(briefing):
    # Markdown has no text-only form that is safe for any string (brackets make links), so a
    # source URL that is not http(s) is left out rather than shown.
    b = briefing.model_copy(deep=True)
    for url in ("javascript:alert(1)", "x [a](javascript:alert(1))", "file:///etc/passwd"):
        b.sources[0].url = url
        md = render_markdown(b, Config())
        assert "javascript:" not in md and "file:" not in md, md
    b.sources[0].url = "https://news.example/story"
    assert ", <https://news.example/story>" in render_markdown(b, Config())
    # an http URL cannot close the autolink early and go on as Markdown
    b.sources[0].url = "https://news.example/a> [b](javascript:alert(1))"
    assert ", <https://news.example/a%3E%20[b](javascript:alert(1))>" in render_markdown(b, Config())


def test_pdf_and_preview_messages_carry_the_briefgen_prefix_once(tmp_path, briefing, capsys):
    from briefgen.cli import main
    from briefgen.logs import setup_logging
    from briefgen.render.preview import Preview

    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}{% block method %}<img src="file:///etc/hostname">{% endblock %}')
    main(["build", str(Path(__file__).resolve().parent.parent / "seeds"), "--templates", str(tpl), "-f", "pdf", "-o", str(tmp_path / "out"), "--now", "2024-02-19T08:00:00+00:00"])
    err = capsys.readouterr().err
    assert "briefgen: warning: the PDF does not include file:///etc/hostname" in err
    assert "briefgen: briefgen:" not in err
    (tpl / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}{% block quotes %}{{ nope }}{% endblock %}')
    log = logging.getLogger("briefgen")
    saved = log.handlers[:], log.propagate, log.level
    setup_logging()  # on the stderr capsys gives this test
    try:
        preview = Preview(lambda: _config(tpl), lambda cfg: briefing, port=0)
        preview.server.server_close()
    finally:
        log.handlers[:], log.propagate, log.level = saved
    err = capsys.readouterr().err
    assert "briefgen: preview: " in err and "briefgen: briefgen:" not in err


def test_a_template_linking_out_of_the_folder_is_refused(tmp_path, briefing):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT do not render")
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "link.html.j2").symlink_to(secret)
    (folder / "part.html.j2").write_text("<p>inside</p>")
    (folder / "inner.html.j2").symlink_to(folder / "part.html.j2")  # a link within the folder is fine
    (folder / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}\n{% block method %}\n{% include "inner.html.j2" %}{% include "link.html.j2" %}\n{% endblock %}\n')
    with pytest.raises(BriefgenError, match=r"brief.html.j2:3: .*'link.html.j2' is a link to .*secret.txt, outside the templates folder"):
        render_html(briefing, _config(folder))
    problems = [str(p) for p in check_templates(folder, Config(), briefing)]
    assert any("link.html.j2: is a link to" in p for p in problems), problems
    assert any("brief.html.j2:3: template 'link.html.j2' is a link to" in p for p in problems), problems
    assert not any("inner.html.j2" in p or "SECRET" in p for p in problems), problems
    (folder / "brief.html.j2").write_text('{% extends "default:brief.html.j2" %}{% block method %}{% include "inner.html.j2" %}{% endblock %}')
    assert "<p>inside</p>" in render_html(briefing, _config(folder))


def test_templates_check_briefing_json_errors_name_the_file_and_what_is_wrong(tmp_path):
    seed = Path(__file__).resolve().parent.parent / "briefgen" / "render" / "seed_briefing.json"
    cut = tmp_path / "cut.json"
    cut.write_text(seed.read_text(encoding="utf-8")[:1500], encoding="utf-8")
    with pytest.raises(BriefgenError, match=r"cut.json:\d+: not valid JSON \(the file ends before the JSON does"):
        load_seed_briefing(cut)
    typo = tmp_path / "typo.json"
    typo.write_text('{"title": "x",, "sources": []}')
    with pytest.raises(BriefgenError, match=r"typo.json:1: not valid JSON \(Expecting property name .*column 15\)"):
        load_seed_briefing(typo)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(seed.read_text(encoding="utf-8").replace('"article_count": ', '"article_count": "many", "x": ', 1))
    with pytest.raises(BriefgenError, match=r"wrong.json: not a briefing JSON: article_count: Input should be a valid integer"):
        load_seed_briefing(wrong)


def test_sources_punctuate_a_headline_that_ends_in_a_question_and_the_method_counts_merged_duplicates(briefing):
    src = briefing.sources[0].model_copy(update={"title": "Will the harbour reopen?", "also_reported_by": ["Daily Tide", "Port News"]})
    b = briefing.model_copy(update={"sources": [src, *briefing.sources[1:]]})
    html = render_html(b, _config())
    assert "“Will the harbour reopen?” 19 February 2024." in html and "reopen?”," not in html
    assert "2 near-duplicate reports of the same stories were merged" in html
    assert "&#8288;<a class=\"src\"" in html or "\u2060<a class=\"src\"" in html  # a marker never wraps alone
    md = render_markdown(b, _config())
    assert "“Will the harbour reopen?” 19 February 2024" in md
