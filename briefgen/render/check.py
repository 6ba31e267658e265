"""`templates init` and `templates check`: start a templates folder, and test one against the seed briefing."""
from __future__ import annotations

import difflib
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.models import Briefing

SEED_BRIEFING = Path(__file__).with_name("seed_briefing.json")
TEMPLATE_SUFFIXES = (".j2", ".html", ".md", ".css")


@dataclass(frozen=True)
class TemplateProblem:
    """One error found in a template, with where it is."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


def load_seed_briefing(path: str | Path | None = None) -> Briefing:
    """The seed briefing shipped with briefgen (or a briefing JSON written by `build -f json`)."""
    import json

    from pydantic import ValidationError

    p = Path(path) if path else SEED_BRIEFING
    hint = "pass a briefing written by `briefgen build -f json`"
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise BriefgenError(f"{p}: cannot read the briefing JSON ({e.strerror})", exit_code=2) from None
    except UnicodeDecodeError as e:
        raise BriefgenError(f"{p}: not a briefing JSON (not UTF-8 text at byte {e.start}); {hint}", exit_code=2) from None
    except json.JSONDecodeError as e:  # a truncated or hand-edited file
        cut = e.pos >= len(e.doc.rstrip()) or (e.msg.startswith("Unterminated string") and '"' not in e.doc[e.pos + 1:])
        what = "the file ends before the JSON does: cut off?" if cut else f"{e.msg}, column {e.colno}"
        raise BriefgenError(f"{p}:{e.lineno}: not valid JSON ({what}); {hint}", exit_code=2) from None
    try:
        return Briefing.model_validate(data)
    except ValidationError as e:
        errors = e.errors()
        first = errors[0]
        field = ".".join(str(x) for x in first["loc"]) or "the top level"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise BriefgenError(f"{p}: not a briefing JSON: {field}: {first['msg']}{more}; {hint}", exit_code=2) from None


def init_templates(folder: str | Path, *, force: bool = False) -> list[Path]:
    """Copy the built-in templates and CSS into `folder` as a starting point; never overwrite unless `force`."""
    from briefgen.render.templates import builtin_template_dir

    dest = Path(folder)
    src = builtin_template_dir()
    files = sorted(p for p in src.iterdir() if p.is_file() and p.suffix in TEMPLATE_SUFFIXES)
    clash = [dest / p.name for p in files if (dest / p.name).exists()]
    if clash and not force:
        raise BriefgenError(f"{clash[0]} already exists; pass --force to overwrite the built-in copies", exit_code=2)
    dest.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copyfile(p, dest / p.name)) for p in files]


def _display(filename: str | None, folder: Path) -> str:
    if not filename:
        return "?"
    p = Path(filename)
    for base in (Path.cwd(),):
        try:
            return str(p.resolve().relative_to(base.resolve()))
        except ValueError:
            pass
    return str(p)


def _recording_undefined(problems: list[TemplateProblem], folder: Path):
    """An Undefined that records each use of a missing name with its template line, then renders as empty."""
    from jinja2 import ChainableUndefined

    from jinja2.sandbox import SecurityError

    # StrictUndefined stops at the first error; editors want every error of a run at once.
    def record(u) -> None:
        if "TemplateReference" in u._undefined_message:
            return  # self.<missing block>(): reported from the source as a missing block
        frame = sys._getframe(2)
        while frame is not None and "__jinja_template__" not in frame.f_globals:
            frame = frame.f_back
        if frame is None:
            # No template is running: Jinja2's compiler is folding a constant expression ({{ "".__class__ }}).
            # Failing makes it leave the expression to render time, where its file and line are known.
            u._fail_with_undefined_error()
        t = frame.f_globals["__jinja_template__"]
        unsafe = isinstance(u._undefined_exception, type) and issubclass(u._undefined_exception, SecurityError)
        label = "unsafe attribute (the sandbox refuses it)" if unsafe else "undefined variable"
        problems.append(TemplateProblem(_display(t.filename, folder), t.get_corresponding_lineno(frame.f_lineno),
                                        f"{label}: {u._undefined_message}"))

    class RecordingUndefined(ChainableUndefined):
        def __str__(self):
            record(self)
            return ""

        def __html__(self):
            record(self)
            return ""

        def __iter__(self):
            record(self)
            return iter(())

        def __bool__(self):
            record(self)
            return False

        def __len__(self):
            record(self)
            return 0

        def __call__(self, *args, **kwargs):
            record(self)
            return self

    return RecordingUndefined


def _self_calls(ast) -> set[str]:
    """Names called as self.NAME() in a parsed template."""
    from jinja2 import nodes

    return {c.node.attr for c in ast.find_all(nodes.Call)
            if isinstance(c.node, nodes.Getattr) and isinstance(c.node.node, nodes.Name) and c.node.node.name == "self"}


def _parent_blocks(env, name: str, seen: set[str]) -> tuple[set[str], set[str]]:
    """Blocks defined, and blocks called with self.NAME(), in template `name` and the templates it extends."""
    from jinja2 import nodes

    if name in seen:
        return set(), set()
    seen.add(name)
    source, _, _ = env.loader.get_source(env, name)
    ast = env.parse(source, name)
    blocks, calls = {b.name for b in ast.find_all(nodes.Block)}, _self_calls(ast)
    for ext in ast.find_all(nodes.Extends):
        if isinstance(ext.template, nodes.Const):
            more_blocks, more_calls = _parent_blocks(env, ext.template.value, seen)
            blocks, calls = blocks | more_blocks, calls | more_calls
    return blocks, calls


def _check_source(env, folder: Path, path: Path) -> tuple[list[TemplateProblem], bool]:
    """Syntax and block names of one user template; returns problems and whether it extends another."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, nodes

    name = path.relative_to(folder).as_posix()
    shown = _display(str(path), folder)
    try:
        ast = env.parse(path.read_text(encoding="utf-8"), name, str(path))
    except TemplateSyntaxError as e:
        return [TemplateProblem(shown, e.lineno, f"syntax error: {e.message}")], False
    except UnicodeDecodeError:
        return [TemplateProblem(shown, None, "not UTF-8 text")], False
    problems: list[TemplateProblem] = []
    extends = list(ast.find_all(nodes.Extends))
    inherited: set[str] = set()
    for ext in extends:
        if not isinstance(ext.template, nodes.Const):
            continue
        parent = ext.template.value
        try:
            known, called = _parent_blocks(env, parent, {name})
        except TemplateNotFound as e:
            problems.append(TemplateProblem(shown, ext.lineno, f"extends '{parent}', which is not found (missing template '{e.name}')"))
            continue
        except TemplateSyntaxError as e:
            problems.append(TemplateProblem(_display(e.filename, folder), e.lineno, f"syntax error: {e.message}"))
            continue
        inherited |= known
        called |= _self_calls(ast)
        for block in ast.find_all(nodes.Block):
            # A new block shows only if some template calls it (the default's body calls each section's block).
            if block.name not in known and block.name not in called:
                close = difflib.get_close_matches(block.name, sorted(known), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; blocks are listed in docs/templates.md"
                problems.append(TemplateProblem(shown, block.lineno, f"block '{block.name}' is not a block of '{parent}', so it is never shown{hint}"))
    # Jinja2 reports a call of a missing block (self.name()) only at render time; look for it here too.
    known_all = inherited | {b.name for b in ast.find_all(nodes.Block)}
    for call in ast.find_all(nodes.Call):
        node = call.node
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name == "self" and node.attr not in known_all:
            close = difflib.get_close_matches(node.attr, sorted(known_all), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(TemplateProblem(shown, call.lineno, f"missing block: self.{node.attr}() calls a block that no template defines{hint}"))
    return problems, bool(extends)


def _import_fetcher(real):
    """The PDF's fetcher (what `build` refuses, the check refuses and reports), but an allowed local
    stylesheet comes back empty: it is checked on its own, and WeasyPrint's messages about an imported
    sheet carry its lines but not its name, so they would be reported against the importing file."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ImportFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            response = real.fetch(url, headers)
            if not url.lower().startswith("file:"):
                return response
            response.close()
            return URLFetcherResponse(url, body=b"", headers={"Content-Type": "text/css"})

    return ImportFetcher()


def check_stylesheet(path: Path, folder: Path) -> list[TemplateProblem]:
    """CSS rules WeasyPrint would ignore in one stylesheet, with their lines."""
    import logging
    import re

    import weasyprint

    from briefgen.render.pdf import make_fetcher
    from briefgen.render.templates import builtin_template_dir

    found: list[TemplateProblem] = []
    shown = _display(str(path), folder)

    class Collect(logging.Handler):
        def emit(self, record):
            msg = record.getMessage()
            where = re.search(r" at (\d+):\d+", msg)
            found.append(TemplateProblem(shown, int(where.group(1)) if where else None, "CSS: " + re.sub(r" at \d+:\d+", "", msg)))

    # WeasyPrint reports ignored declarations only through its logger; listen while parsing.
    handler, logger = Collect(level=logging.WARNING), logging.getLogger("weasyprint")
    logger.addHandler(handler)
    refused: list[str] = []
    try:
        fetcher = _import_fetcher(make_fetcher([folder, builtin_template_dir()], refused))
        weasyprint.CSS(string=path.read_text(encoding="utf-8"), base_url=str(folder.resolve()) + "/", url_fetcher=fetcher)
    except Exception as e:  # a stylesheet tinycss2 cannot read at all
        found.append(TemplateProblem(shown, None, f"CSS: {e}"))
    finally:
        logger.removeHandler(handler)
    return found


def check_templates(folder: str | Path, config, briefing: Briefing | None = None) -> list[TemplateProblem]:
    """Parse every template in `folder` and render the main ones against the seed briefing; return every problem."""
    from jinja2 import TemplateError, TemplateSyntaxError

    from briefgen.render.context import build_context
    from briefgen.render.templates import make_environment

    root = Path(folder)
    if not root.is_dir():
        raise BriefgenError(f"{root}: templates folder not found", exit_code=2)
    briefing = briefing or load_seed_briefing()
    problems: list[TemplateProblem] = []
    env = make_environment(root, undefined=_recording_undefined(problems, root))
    pages = {config.templates.name, "brief.md.j2"}
    inside: list[Path] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        target = path.resolve()
        if root.resolve() in target.parents:
            inside.append(path)
        elif path.suffix in (".j2", ".html", ".md", ".css"):  # read neither here nor by build and the PDF
            problems.append(TemplateProblem(_display(str(path), root), None, f"is a link to {target}, outside the templates "
                                            "folder; briefgen refuses it (copy the file into the folder instead)"))
    for path in (p for p in inside if p.suffix in (".j2", ".html", ".md")):
        found, extends = _check_source(env, root, path)
        problems += found
        if extends and not found:
            pages.add(path.relative_to(root).as_posix())
    for path in (p for p in inside if p.suffix == ".css"):
        problems += check_stylesheet(path, root)
    context = build_context(briefing, config)
    for name in sorted(pages):
        try:
            env.get_template(name).render(**context)
        except TemplateSyntaxError as e:
            problems.append(TemplateProblem(_display(e.filename, root), e.lineno, f"syntax error: {e.message}"))
        except TemplateError as e:
            problem = _locate(e, root, name)
            if type(e) is TemplateError:  # briefgen's own refusals (a link out of the folder): the message says it all
                problem = TemplateProblem(problem.file, problem.line, str(e))
            problems.append(problem)
        except Exception as e:  # a filter or method failing on the seed data
            problems.append(_locate(e, root, name))
    return list(dict.fromkeys(problems))  # each problem once, in the order found


def _locate(error: BaseException, folder: Path, name: str) -> TemplateProblem:
    """The innermost template frame of a render error (Jinja2 rewrites tracebacks to template lines)."""
    import traceback

    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith((".j2", ".html", ".md")) and os.path.exists(frame.filename):
            return TemplateProblem(_display(frame.filename, folder), frame.lineno, f"{type(error).__name__}: {error}")
    return TemplateProblem(name, None, f"{type(error).__name__}: {error}")
