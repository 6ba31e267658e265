"""The command line: parse flags, load the config, call the library, map errors to exit codes."""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import List, Optional

import typer

from briefgen import __version__
from briefgen.errors import EXIT_ERROR, EXIT_USAGE, BriefgenError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn news articles into a policy briefing.")
config_app = typer.Typer(no_args_is_help=True, help="Check the config or print its JSON Schema.")
app.add_typer(config_app, name="config")

FORMATS = ("html", "pdf", "json", "md")


def _version(value: bool):
    if value:
        typer.echo(f"briefgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
):
    """Turn news articles into a policy briefing."""


def _load(config_path: Optional[Path], inputs: List[str]):
    from briefgen.config import load_config

    config = load_config(config_path)
    if inputs:
        config.sources = list(inputs)
    return config


def _apply_executor(cfg, executor: Optional[str], scheduler: Optional[str], processes: Optional[int]) -> None:
    if executor is not None:
        if executor not in ("local", "dask"):
            raise BriefgenError(f"--executor {executor}: choose local or dask", exit_code=EXIT_USAGE)
        cfg.executor = executor
    if scheduler is not None:
        cfg.scheduler = scheduler
    if processes is not None:
        cfg.nlp.n_process = processes


def _now(value: Optional[str]) -> Optional[datetime]:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise BriefgenError(f"--now '{value}' is not an ISO date or date-time (2024-02-19T08:00+00:00)", exit_code=EXIT_USAGE) from None


def _warn_skipped(skipped) -> None:
    for s in skipped:
        typer.echo(f"briefgen: warning: skipped {s.path}: {s.reason}", err=True)  # as build logs it


@app.command()
def build(
    inputs: List[str] = typer.Argument(None, help="Article files, folders, globs, feeds, JSON exports, http(s) URLs, or - for stdin (default: the config's sources, which these replace)."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="YAML config file."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output folder (overrides output.dir)."),
    fmt: List[str] = typer.Option(None, "--format", "-f", help="Output format: html, pdf, json, md (repeatable)."),
    templates: Optional[Path] = typer.Option(None, "--templates", help="Templates folder searched before the built-ins."),
    now: Optional[str] = typer.Option(None, "--now", help="Briefing date-time (ISO); default SOURCE_DATE_EPOCH or the clock."),
    strict: bool = typer.Option(False, "--strict", help="Fail on any bad article instead of skipping it."),
    executor: Optional[str] = typer.Option(None, "--executor", help="Where parsing runs: local or dask (overrides the config)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, tcp://HOST:PORT."),
    processes: Optional[int] = typer.Option(None, "--processes", "-j", min=1, help="Local worker processes (overrides nlp.n_process)."),
    day: Optional[str] = typer.Option(None, "--date", help="Build or rebuild the briefing of this day (YYYY-MM-DD), as of its end."),
    since: Optional[str] = typer.Option(None, "--since", help="Only articles published since: a span before now (24h, 7d) or a date; overrides window:."),
    log_format: str = typer.Option("text", "--log-format", help="Log lines on stderr: text or json (one object per line)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only (the run manifest still records everything)."),
    wait: bool = typer.Option(False, "--wait", help="If another run holds the output folder, wait for it instead of exiting with code 3."),
):
    """Build the briefing and write it to the output folder (with a run manifest; one run per folder at a time)."""
    from briefgen.job import run_build
    from briefgen.logs import setup_logging

    if log_format not in ("text", "json"):
        raise BriefgenError(f"--log-format {log_format}: choose text or json", exit_code=EXIT_USAGE)
    setup_logging(log_format, quiet)
    cfg = _load(config, inputs or [])
    _apply_executor(cfg, executor, scheduler, processes)
    if out is not None:
        cfg.output.dir = str(out)
    if fmt:
        bad = [f for f in fmt if f not in FORMATS]
        if bad:
            raise BriefgenError(f"--format {bad[0]}: unknown format; choose from {', '.join(FORMATS)}", exit_code=EXIT_USAGE)
        cfg.output.formats = list(dict.fromkeys(fmt))
    if templates is not None:
        cfg.templates.dir = str(templates)
    if day and now:
        raise BriefgenError("--date and --now both set the briefing's time; give one", exit_code=EXIT_USAGE)
    run_build(cfg, now=_day_end(day, cfg.timezone) if day else _now(now), since=since, strict=strict, wait=wait,
              config_path=str(config) if config else None)


def _day_end(value: str, tz: str) -> datetime:
    """The last second of a day in the briefing's time zone: a rebuilt day sees everything published that day."""
    from datetime import date, time
    from zoneinfo import ZoneInfo

    try:
        return datetime.combine(date.fromisoformat(value), time(23, 59, 59), tzinfo=ZoneInfo(tz))
    except ValueError:
        raise BriefgenError(f"--date '{value}' is not a day (2024-02-19)", exit_code=EXIT_USAGE) from None


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Article files, folders, globs, feeds, JSON exports, http(s) URLs, or - for stdin."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="YAML config file."),
    fmt: str = typer.Option("json", "--format", "-f", help="json, yaml or table."),
    strict: bool = typer.Option(False, "--strict", help="Fail on any bad article instead of skipping it."),
    executor: Optional[str] = typer.Option(None, "--executor", help="Where parsing runs: local or dask (overrides the config)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, tcp://HOST:PORT."),
    processes: Optional[int] = typer.Option(None, "--processes", "-j", min=1, help="Local worker processes (overrides nlp.n_process)."),
):
    """Print what is extracted from each article (the scorer's JSON)."""
    from briefgen import pipeline

    if fmt not in ("json", "yaml", "table"):
        raise BriefgenError(f"--format {fmt}: choose json, yaml or table", exit_code=EXIT_USAGE)
    cfg = _load(config, inputs)
    _apply_executor(cfg, executor, scheduler, processes)
    # every input gets its own record; nothing is computed that only a briefing shows
    result = pipeline.extract(cfg, strict=strict, dedupe=False, briefing=False)
    _warn_skipped(result.skipped)
    if fmt == "json":
        from briefgen.models import ExtractionReport

        # pydantic writes the JSON in compiled code: a tenth of the time of model_dump + json.dumps
        report = ExtractionReport(articles=result.extractions)
        typer.echo(report.model_dump_json(indent=1, exclude={"articles": {"__all__": {"sentences"}}}))
    elif fmt == "yaml":
        import yaml

        doc = {"articles": [e.model_dump(mode="json", exclude={"sentences"}) for e in result.extractions]}
        typer.echo(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
    else:
        from briefgen.table import print_tables

        print_tables(result.extractions)


@config_app.command("check")
def config_check(path: Path = typer.Argument(..., help="Config file to validate.")):
    """Validate a config file; report every problem with its line."""
    from briefgen.config import load_config

    load_config(path)
    typer.echo(f"{path}: ok")


@config_app.command("schema")
def config_schema():
    """Print the config's JSON Schema."""
    from briefgen.config import config_schema as schema

    typer.echo(json.dumps(schema(), indent=2))


templates_app = typer.Typer(no_args_is_help=True, help="Start and check a templates folder (watch one with: briefgen preview --templates FOLDER).")
app.add_typer(templates_app, name="templates")


@templates_app.command("init")
def templates_init(
    folder: Path = typer.Argument(..., help="Folder to create (searched before the built-ins with --templates)."),
    force: bool = typer.Option(False, "--force", help="Overwrite files that already exist."),
):
    """Copy the built-in templates and CSS into FOLDER as a starting point."""
    from briefgen.render.check import init_templates

    try:
        paths = init_templates(folder, force=force)
    except OSError as e:  # a file where the folder should be, a read-only place
        where = e.filename or folder
        raise BriefgenError(f"{where}: cannot create the templates folder ({e.strerror}); choose another folder",
                            exit_code=EXIT_USAGE) from None
    typer.echo(f"briefgen: copied {len(paths)} files to {folder}; build with --templates {folder}", err=True)


@templates_app.command("check")
def templates_check(
    folder: Path = typer.Argument(..., help="Templates folder to check."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="YAML config file (sections, theme)."),
    briefing: Optional[Path] = typer.Option(None, "--briefing", help="Briefing JSON to render (default: the seed briefing)."),
):
    """Render FOLDER's templates against the seed briefing; report every error with file and line."""
    from briefgen.render.check import check_templates, load_seed_briefing

    cfg = _load(config, [])
    problems = check_templates(folder, cfg, load_seed_briefing(briefing))
    if problems:
        raise BriefgenError(f"{len(problems)} template problem(s)", lines=[str(p) for p in problems], exit_code=EXIT_USAGE)
    typer.echo(f"{folder}: ok")


@app.command()
def preview(
    inputs: List[str] = typer.Argument(None, help="Article files, folders, globs, feeds, JSON exports, http(s) URLs, or - for stdin (default: the config's sources, which these replace)."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="YAML config file (watched)."),
    templates: Optional[Path] = typer.Option(None, "--templates", help="Templates folder (watched)."),
    port: int = typer.Option(8000, "--port", "-p", help="Port on 127.0.0.1."),
    now: Optional[str] = typer.Option(None, "--now", help="Briefing date-time (ISO)."),
    seed: bool = typer.Option(False, "--seed", help="Preview the seed briefing instead of building one (no articles needed)."),
):
    """Serve the briefing on 127.0.0.1 and rebuild it when a template, the CSS or the config changes."""
    import time

    from briefgen import pipeline
    from briefgen.render.check import load_seed_briefing
    from briefgen.render.preview import Preview
    from briefgen.render.templates import builtin_template_dir

    def load_cfg():
        cfg = _load(config, inputs or [])
        if templates is not None:
            cfg.templates.dir = str(templates)
        return cfg

    def load_briefing(cfg):
        return load_seed_briefing() if seed else pipeline.build(cfg, now=_now(now))

    first = load_cfg()
    watched = [p for p in (config, first.templates.dir, builtin_template_dir()) if p]
    server = Preview(load_cfg, load_briefing, port=port, watch=watched)
    server.start(config_files=[config] if config else [])
    typer.echo(f"briefgen: serving {server.url} (PDF at {server.url}brief.pdf); rebuilding on changes; Ctrl+C stops", err=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        server.stop()


def main(argv: Optional[List[str]] = None) -> None:
    """Entry point: the one error boundary."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:  # accepted anywhere on the line: "rerun with --debug" is most often typed at its end
        args = [a for a in args if a != "--debug"]
    from briefgen.logs import setup_logging

    setup_logging()  # text on stderr until a command asks otherwise (build's --log-format, --quiet)
    try:
        # Outside standalone mode Click returns (not raises) the code of a Ctrl-C it caught itself.
        code = app(args=args, prog_name="briefgen", standalone_mode=False)
        if code == 130:
            raise KeyboardInterrupt
        if isinstance(code, int) and code:
            sys.exit(code)
    except BriefgenError as e:
        if debug:
            raise
        from briefgen.logs import report_error

        report_error(e)
        sys.exit(e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        from briefgen.logs import error_summarized

        if not error_summarized():  # a build's summary line has said it
            typer.echo("briefgen: interrupted", err=True)
        sys.exit(130)
    except typer.exceptions.TyperException as e:
        # Typer's own (vendored click) usage errors: bad option, missing argument, unknown command.
        # One line like every other error; a bare command (no arguments) still shows its help.
        ctx = getattr(e, "ctx", None)
        if type(e).__name__ == "NoArgsIsHelpError":
            e.show()
        else:
            where = ctx.command_path if ctx is not None else "briefgen"
            typer.echo(f"briefgen: error: {e.format_message().rstrip('.')}; see '{where} --help'", err=True)
        sys.exit(getattr(e, "exit_code", EXIT_USAGE) or EXIT_USAGE)
    except Exception as e:
        if debug:
            raise
        from briefgen.logs import error_summarized

        if not error_summarized():  # a build's summary line has said it (as JSON with --log-format json)
            typer.echo(f"briefgen: internal error: {type(e).__name__}: {e} (rerun with --debug for the traceback)", err=True)
        sys.exit(EXIT_ERROR)
